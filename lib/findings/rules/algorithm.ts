/** Rules about the algorithm and the key it is checked with. */
import { rfc } from '../../claims/specs';
import type { Rule } from '../types';
import { num, quote, str } from './util';

// A Map, so an alg such as "toString" or "__proto__" finds nothing (a plain object's lookup would reach its prototype).
const HMAC_BITS: ReadonlyMap<string, number> = new Map([
  ['HS256', 256],
  ['HS384', 384],
  ['HS512', 512],
]);
const PUBLIC_KEY_FORMATS = new Set(['pem-spki', 'pem-pkcs1-public', 'pem-x509', 'pem-pkcs8', 'pem-pkcs1-private', 'pem-sec1']);

export const algMissing: Rule = ({ header }) => {
  if (!header || str(header.alg) !== undefined) return null;
  return {
    id: 'alg-missing',
    severity: 'medium',
    title: 'No algorithm in the header',
    detail: `The header has ${header.alg === undefined ? 'no alg' : `an alg that is not a string (${quote(header.alg)})`}. Every JWS and JWE must name its algorithm; a verifier must reject this token.`,
    spec: rfc(7515, '4.1.1'),
    where: 'header',
    claim: 'alg',
  };
};

export const algNone: Rule = ({ header, signatureLength }) => {
  const alg = str(header?.alg);
  if (alg === undefined || alg.toLowerCase() !== 'none') return null;
  const variant = alg !== 'none' ? ` "${alg}" is a spelling of "none" that attackers use to slip past filters that compare exactly.` : '';
  const signed = signatureLength ? ` It still carries a ${signatureLength}-byte signature, which means nothing here and suggests the header was edited.` : '';
  return {
    id: 'alg-none',
    severity: 'high',
    title: 'Unsecured token (alg "none")',
    detail: `This token has no signature: anyone can write one with any claims.${variant}${signed} A verifier must allow only the algorithms it expects and never accept "none".`,
    spec: rfc(8725, '2.1'),
    where: 'header',
    claim: 'alg',
  };
};

export const hmacSharedSecret: Rule = ({ header }) => {
  const alg = str(header?.alg);
  if (alg === undefined || !HMAC_BITS.has(alg)) return null;
  return {
    id: 'hmac-shared-secret',
    severity: 'info',
    title: 'Signed with a shared secret',
    detail: `${alg} is an HMAC: every party that can verify this token holds the secret and can also forge one. Use it only when the issuer and every verifier trust one another; otherwise prefer an asymmetric algorithm.`,
    spec: rfc(7518, '3.2'),
    where: 'header',
    claim: 'alg',
  };
};

export const weakSecret: Rule = ({ header }, { secretBits, keyFormat }) => {
  const alg = str(header?.alg);
  const needed = alg === undefined ? undefined : HMAC_BITS.get(alg);
  if (needed === undefined || secretBits === undefined || secretBits >= needed) return null;
  if (keyFormat !== undefined && keyFormat !== 'secret') return null;
  return {
    id: 'weak-secret',
    severity: 'high',
    title: 'The secret is shorter than the hash',
    detail: `The secret is ${secretBits} bits; ${alg} needs at least ${needed}. Short or human-chosen secrets can be brute-forced offline from a single token, after which anyone can forge tokens. Use ${needed / 8} or more random bytes.`,
    spec: rfc(8725, '3.5'),
    where: 'header',
    claim: 'alg',
  };
};

export const hmacWithPublicKey: Rule = ({ header }, { keyFormat }) => {
  const alg = str(header?.alg);
  if (alg === undefined || !HMAC_BITS.has(alg) || keyFormat === undefined || !PUBLIC_KEY_FORMATS.has(keyFormat)) return null;
  return {
    id: 'hmac-with-public-key',
    severity: 'high',
    title: 'HMAC token checked against a public key',
    detail: `This ${alg} token is being checked with an RSA or EC key. That is the classic algorithm-confusion attack: a verifier that lets the token choose the algorithm uses the public key, which everyone has, as the HMAC secret. A verifier must fix the algorithm per key.`,
    spec: rfc(8725, '3.1'),
    where: 'header',
    claim: 'alg',
  };
};

export const rsa15Encryption: Rule = ({ header, kind }) => {
  if (kind !== 'jwe' || str(header?.alg) !== 'RSA1_5') return null;
  return {
    id: 'rsa1_5',
    severity: 'medium',
    title: 'RSA PKCS #1 v1.5 key encryption',
    detail: 'RSA1_5 is open to padding-oracle attacks (Bleichenbacher) that can recover the content key; prefer RSA-OAEP-256 or ECDH-ES.',
    spec: rfc(8725, '3.2'),
    where: 'header',
    claim: 'alg',
  };
};

export const pbes2Count: Rule = ({ header, kind }) => {
  const p2c = num(header?.p2c);
  if (kind !== 'jwe' || p2c === undefined) return null;
  if (p2c < 1000) {
    return {
      id: 'pbes2-low-count',
      severity: 'low',
      title: 'Few PBES2 iterations',
      detail: `p2c is ${p2c}; at least 1000 iterations are recommended so the password cannot be guessed cheaply.`,
      spec: rfc(7518, '4.8.1.2'),
      where: 'header',
      claim: 'p2c',
    };
  }
  if (p2c > 1_000_000) {
    return {
      id: 'pbes2-huge-count',
      severity: 'medium',
      title: 'Huge PBES2 iteration count',
      detail: `p2c is ${p2c}. A recipient that honours any count can be made to spend seconds or minutes per token (denial of service); recipients should cap it.`,
      spec: rfc(7518, '4.8.1.2'),
      where: 'header',
      claim: 'p2c',
    };
  }
  return null;
};
