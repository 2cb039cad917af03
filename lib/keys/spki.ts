/** SubjectPublicKeyInfo (RFC 5280 §4.1.2.7): "PUBLIC KEY" PEM, and the key inside a certificate. */
import { type KeyAlgorithm, readAlgorithm } from './algorithm';
import { base64urlDecode, base64urlEncode } from './base64';
import { OKP_CURVES, ecPointToXY } from './curves';
import { type DerNode, encodeBitString, encodeNull, encodeOid, encodeSequence, readBitString, readWhole, sequence } from './der';
import { KeyError } from './errors';
import { ML_DSA, type MlDsaName } from './mldsa-params';
import { OID } from './oids';
import { rsaPublicDer, rsaPublicToJwk } from './pkcs1';
import { ecPointOf } from './sec1';
import type { Jwk } from './types';
import { t } from './messages';

export interface DecodedKey {
  jwk: Jwk;
  algorithm: KeyAlgorithm;
}

/** SubjectPublicKeyInfo ::= SEQUENCE { algorithm AlgorithmIdentifier, subjectPublicKey BIT STRING } */
export function spkiToJwk(node: DerNode): DecodedKey {
  const [algorithmNode, keyNode] = sequence(node, 'public key info');
  const algorithm = readAlgorithm(algorithmNode);
  const key = readBitString(keyNode, 'public key bits');
  switch (algorithm.kind) {
    case 'RSA':
      return { jwk: rsaPublicToJwk(readWhole(key)), algorithm };
    case 'EC': {
      if (!algorithm.curve) throw new KeyError(t('keys.ecPublicNoCurve'));
      const { x, y } = ecPointToXY(algorithm.curve, key);
      return { jwk: { kty: 'EC', crv: algorithm.curve, x: base64urlEncode(x), y: base64urlEncode(y) }, algorithm };
    }
    case 'OKP': {
      const expected = OKP_CURVES[algorithm.curve].bytes;
      if (key.length !== expected) {
        throw new KeyError(t('keys.publicLength', { name: algorithm.curve, expected, actual: key.length }));
      }
      return { jwk: { kty: 'OKP', crv: algorithm.curve, x: base64urlEncode(key) }, algorithm };
    }
    case 'AKP': {
      // RFC 9881 §4: the BIT STRING holds the raw public key (FIPS 204 pkEncode), nothing around it.
      const expected = ML_DSA[algorithm.name].publicKeyBytes;
      if (key.length !== expected) {
        throw new KeyError(t('keys.publicLength', { name: algorithm.name, expected, actual: key.length }));
      }
      return { jwk: { kty: 'AKP', alg: algorithm.name, pub: base64urlEncode(key) }, algorithm };
    }
  }
}

const bytesOf = (value: unknown): Uint8Array => {
  const decoded = base64urlDecode(typeof value === 'string' ? value : '');
  return decoded.ok ? decoded.bytes : new Uint8Array();
};

/** SPKI DER of a (validated) public JWK: RSA, EC, OKP or AKP (ML-DSA). */
export function spkiDer(jwk: Jwk): Uint8Array {
  if (jwk.kty === 'RSA') {
    return encodeSequence(encodeSequence(encodeOid(OID.rsaEncryption), encodeNull()), encodeBitString(rsaPublicDer(jwk)));
  }
  if (jwk.kty === 'EC') {
    const curve = OID[jwk.crv as 'P-256'];
    return encodeSequence(encodeSequence(encodeOid(OID.ecPublicKey), encodeOid(curve)), encodeBitString(ecPointOf(jwk)));
  }
  // ML-DSA: RFC 9881, no parameters; the BIT STRING is the raw public key.
  if (jwk.kty === 'AKP') return encodeSequence(encodeSequence(encodeOid(OID[jwk.alg as MlDsaName])), encodeBitString(bytesOf(jwk.pub)));
  // OKP: RFC 8410, no parameters.
  return encodeSequence(encodeSequence(encodeOid(OID[jwk.crv as 'Ed25519'])), encodeBitString(bytesOf(jwk.x)));
}
