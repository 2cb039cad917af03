/** SEC1 (RFC 5915) ECPrivateKey: "EC PRIVATE KEY" on its own, and the inside of an EC PKCS#8. */
import { base64urlDecode, base64urlEncode } from './base64';
import { type EcCurve, EC_CURVES, ecPointToXY, ecPublicFromPrivate, padTo } from './curves';
import { curveOfParameters } from './algorithm';
import {
  type DerNode,
  contextTag,
  encodeBitString,
  encodeExplicit,
  encodeOctets,
  encodeOid,
  encodeSequence,
  encodeSmallInt,
  readBitString,
  readNode,
  readOctets,
  readSmallInt,
  sequence,
} from './der';
import { KeyError } from './errors';
import { OID } from './oids';
import type { Jwk } from './types';
import { t } from './messages';

/**
 * ECPrivateKey ::= SEQUENCE { version 1, privateKey OCTET STRING,
 *   parameters [0] ECParameters OPTIONAL, publicKey [1] BIT STRING OPTIONAL }
 * `outerCurve` is the curve named by an enclosing PKCS#8, if any.
 */
export function ecPrivateToJwk(node: DerNode, outerCurve?: EcCurve): Jwk {
  const [version, privateKey, ...optional] = sequence(node, 'EC private key');
  if (readSmallInt(version, 'EC private key version') !== 1) throw new KeyError(t('keys.ecUnknownVersion'));
  const scalar = readOctets(privateKey, 'EC private scalar');
  let curve = outerCurve;
  let point: Uint8Array | undefined;
  for (const field of optional) {
    if (field.tag === contextTag(0)) {
      const inner = curveOfParameters(readNode(field.content));
      if (curve && inner !== curve) throw new KeyError(t('keys.twoCurves', { first: curve, second: inner }));
      curve = inner;
    } else if (field.tag === contextTag(1)) {
      point = readBitString(readNode(field.content), 'EC public key');
    }
  }
  if (!curve) throw new KeyError(t('keys.ecNoCurve'));
  const d = padTo(scalar, EC_CURVES[curve].bytes, `${curve} private scalar`);
  // The public point is optional in SEC1; derive it when it is missing.
  const { x, y } = point ? ecPointToXY(curve, point) : ecPublicFromPrivate(curve, d);
  return { kty: 'EC', crv: curve, x: base64urlEncode(x), y: base64urlEncode(y), d: base64urlEncode(d) };
}

const bytesOf = (value: unknown): Uint8Array => {
  const decoded = base64urlDecode(typeof value === 'string' ? value : '');
  return decoded.ok ? decoded.bytes : new Uint8Array();
};

/** The uncompressed SEC1 point 04‖x‖y of a JWK. */
export function ecPointOf(jwk: Jwk): Uint8Array {
  const x = bytesOf(jwk.x);
  const y = bytesOf(jwk.y);
  const out = new Uint8Array(1 + x.length + y.length);
  out[0] = 4;
  out.set(x, 1);
  out.set(y, 1 + x.length);
  return out;
}

/** ECPrivateKey DER; the curve goes in [0] unless an enclosing PKCS#8 names it. */
export function ecPrivateDer(jwk: Jwk, curve: EcCurve, withCurve: boolean): Uint8Array {
  return encodeSequence(
    encodeSmallInt(1),
    encodeOctets(bytesOf(jwk.d)),
    ...(withCurve ? [encodeExplicit(0, encodeOid(OID[curve]))] : []),
    encodeExplicit(1, encodeBitString(ecPointOf(jwk))),
  );
}
