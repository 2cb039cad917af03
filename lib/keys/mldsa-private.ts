/**
 * The ML-DSA private key inside PKCS#8 (RFC 9881 §6):
 *
 *   ML-DSA-xx-PrivateKey ::= CHOICE {
 *     seed [0] OCTET STRING (SIZE (32)),
 *     expandedKey OCTET STRING,
 *     both SEQUENCE { seed OCTET STRING (SIZE (32)), expandedKey OCTET STRING } }
 *
 * JOSE's AKP key keeps the seed ("priv"), so the seed form is what we write;
 * "both" is read after checking that its halves agree. An expanded key alone
 * cannot be turned back into its seed, so it is refused with a reason.
 */
import { base64urlDecode, base64urlEncode } from './base64';
import { type DerNode, TAG, contextTag, encode, readWhole, sequence } from './der';
import { KeyError } from './errors';
import { mlDsaKeyPair } from './mldsa-keygen';
import { ML_DSA, ML_DSA_SEED_BYTES, type MlDsaName } from './mldsa-params';
import type { Jwk } from './types';
import { t } from './messages';

const SEED_TAG = contextTag(0, false); // [0] IMPLICIT OCTET STRING: 0x80

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

function checkSeed(name: MlDsaName, seed: Uint8Array): Uint8Array {
  if (seed.length !== ML_DSA_SEED_BYTES) throw new KeyError(t('keys.mlDsaSeedLength', { name, expected: ML_DSA_SEED_BYTES, actual: seed.length }));
  return seed;
}

/** Reads the CHOICE and returns the seed, checking an expanded key that comes with it. */
function seedOf(name: MlDsaName, choice: DerNode): Uint8Array {
  const { expandedKeyBytes } = ML_DSA[name];
  // RFC 9881: tell the forms apart by their tag, never by their length.
  if (choice.tag === SEED_TAG) return checkSeed(name, choice.content);
  if (choice.tag === TAG.OCTET_STRING) {
    throw new KeyError(t('keys.mlDsaExpandedOnly', { name, count: choice.content.length }));
  }
  if (choice.tag === TAG.SEQUENCE) {
    const [seedNode, expandedNode, ...rest] = sequence(choice, `${name} private key (both)`);
    if (seedNode?.tag !== TAG.OCTET_STRING || expandedNode?.tag !== TAG.OCTET_STRING || rest.length > 0) {
      throw new KeyError(t('keys.mlDsaBothShape', { name }));
    }
    const seed = checkSeed(name, seedNode.content);
    if (expandedNode.content.length !== expandedKeyBytes) {
      throw new KeyError(t('keys.mlDsaExpandedLength', { name, expected: expandedKeyBytes, actual: expandedNode.content.length }));
    }
    // RFC 9881 §8.2: a seed and an expanded key that disagree make the key malformed.
    if (!sameBytes(mlDsaKeyPair(name, seed).expandedKey, expandedNode.content)) {
      throw new KeyError(t('keys.mlDsaMismatch', { name }));
    }
    return seed;
  }
  throw new KeyError(t('keys.mlDsaNeither', { name }));
}

/**
 * The AKP JWK of the privateKey OCTET STRING's content. `publicKey` is the
 * OneAsymmetricKey [1] field when present; it must be the seed's public key.
 */
export function mlDsaPrivateToJwk(name: MlDsaName, privateKey: Uint8Array, publicKey?: Uint8Array): Jwk {
  const seed = seedOf(name, readWhole(privateKey));
  const derived = mlDsaKeyPair(name, seed).publicKey;
  if (publicKey && !sameBytes(publicKey, derived)) {
    throw new KeyError(t('keys.mlDsaPublicMismatch', { name }));
  }
  return { kty: 'AKP', alg: name, pub: base64urlEncode(derived), priv: base64urlEncode(seed) };
}

/** The seed form, [0] IMPLICIT OCTET STRING, of an AKP private JWK (validated: "priv" is 32 bytes). */
export function mlDsaPrivateDer(jwk: Jwk): Uint8Array {
  const seed = base64urlDecode(typeof jwk.priv === 'string' ? jwk.priv : '');
  return encode(SEED_TAG, seed.ok ? seed.bytes : new Uint8Array());
}
