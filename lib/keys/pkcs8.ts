/** PKCS#8 / OneAsymmetricKey (RFC 5958): "PRIVATE KEY" PEM for every key type. */
import { readAlgorithm } from './algorithm';
import { base64urlDecode, base64urlEncode } from './base64';
import { type EcCurve, OKP_CURVES, okpPublicFromPrivate } from './curves';
import {
  contextTag,
  encodeNull,
  encodeOctets,
  encodeOid,
  encodeSequence,
  encodeSmallInt,
  readOctets,
  readSmallInt,
  readWhole,
  sequence,
  type DerNode,
} from './der';
import { KeyError } from './errors';
import { mlDsaPrivateDer, mlDsaPrivateToJwk } from './mldsa-private';
import type { MlDsaName } from './mldsa-params';
import { OID } from './oids';
import { rsaPrivateDer, rsaPrivateToJwk } from './pkcs1';
import { ecPrivateDer, ecPrivateToJwk } from './sec1';
import type { DecodedKey } from './spki';
import type { Jwk } from './types';
import { t } from './messages';

/**
 * PrivateKeyInfo ::= SEQUENCE { version, privateKeyAlgorithm, privateKey OCTET STRING,
 *   attributes [0] IMPLICIT OPTIONAL, publicKey [1] IMPLICIT BIT STRING OPTIONAL }
 */
export function pkcs8ToJwk(node: DerNode): DecodedKey {
  const [versionNode, algorithmNode, keyNode, ...optional] = sequence(node, 'private key info');
  const version = readSmallInt(versionNode, 'PKCS#8 version');
  if (version > 1) throw new KeyError(t('keys.pkcs8Version', { version }));
  const algorithm = readAlgorithm(algorithmNode);
  const inner = readOctets(keyNode, 'private key');
  switch (algorithm.kind) {
    case 'RSA':
      return { jwk: rsaPrivateToJwk(readWhole(inner)), algorithm };
    case 'EC':
      return { jwk: ecPrivateToJwk(readWhole(inner), algorithm.curve), algorithm };
    case 'OKP': {
      const { curve } = algorithm;
      // CurvePrivateKey ::= OCTET STRING, wrapped in the privateKey OCTET STRING.
      const d = readOctets(readWhole(inner), `${curve} private key`);
      const expected = OKP_CURVES[curve].bytes;
      if (d.length !== expected) throw new KeyError(t('keys.privateLength', { curve, expected, actual: d.length }));
      // Version 2 keys may carry the public key; otherwise derive it.
      const publicField = optional.find((f) => f.tag === contextTag(1, false));
      const x = publicField ? publicBits(publicField) : okpPublicFromPrivate(curve, d);
      return { jwk: { kty: 'OKP', crv: curve, x: base64urlEncode(x), d: base64urlEncode(d) }, algorithm };
    }
    case 'AKP': {
      const publicField = optional.find((f) => f.tag === contextTag(1, false));
      return { jwk: mlDsaPrivateToJwk(algorithm.name, inner, publicField ? publicBits(publicField) : undefined), algorithm };
    }
  }
}

function publicBits(field: DerNode): Uint8Array {
  if (field.content.length === 0 || field.content[0] !== 0) throw new KeyError(t('keys.embeddedNotWhole'));
  return field.content.subarray(1);
}

/** PKCS#8 DER of a (validated) private JWK. */
export function pkcs8Der(jwk: Jwk): Uint8Array {
  const wrap = (algorithm: Uint8Array, key: Uint8Array) => encodeSequence(encodeSmallInt(0), algorithm, encodeOctets(key));
  if (jwk.kty === 'RSA') {
    return wrap(encodeSequence(encodeOid(OID.rsaEncryption), encodeNull()), rsaPrivateDer(jwk));
  }
  if (jwk.kty === 'EC') {
    const curve = jwk.crv as EcCurve;
    return wrap(encodeSequence(encodeOid(OID.ecPublicKey), encodeOid(OID[curve])), ecPrivateDer(jwk, curve, false));
  }
  if (jwk.kty === 'AKP') return wrap(encodeSequence(encodeOid(OID[jwk.alg as MlDsaName])), mlDsaPrivateDer(jwk));
  const d = base64urlDecode(typeof jwk.d === 'string' ? jwk.d : '');
  return wrap(encodeSequence(encodeOid(OID[jwk.crv as 'Ed25519'])), encodeOctets(d.ok ? d.bytes : new Uint8Array()));
}
