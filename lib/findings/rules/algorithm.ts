/** Rules about the algorithm and the key it is checked with. */
import { rfc } from '../../claims/specs';
import type { Rule } from '../types';
import { t } from '../messages';
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
    title: t('findings.algMissingTitle'),
    detail: header.alg === undefined ? t('findings.algMissingDetail') : t('findings.algNotStringDetail', { value: quote(header.alg) }),
    spec: rfc(7515, '4.1.1'),
    where: 'header',
    claim: 'alg',
  };
};

export const algNone: Rule = ({ header, signatureLength }) => {
  const alg = str(header?.alg);
  if (alg === undefined || alg.toLowerCase() !== 'none') return null;
  const variant = alg !== 'none' ? t('findings.algNoneVariant', { alg }) : '';
  const signed = signatureLength ? t('findings.algNoneSigned', { bytes: String(signatureLength) }) : '';
  return {
    id: 'alg-none',
    severity: 'high',
    title: t('findings.algNoneTitle'),
    detail: t('findings.algNoneDetail', { variant, signed }),
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
    title: t('findings.hmacSharedSecretTitle'),
    detail: t('findings.hmacSharedSecretDetail', { alg }),
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
    title: t('findings.weakSecretTitle'),
    detail: t('findings.weakSecretDetail', { bits: String(secretBits), alg, needed: String(needed), bytes: String(needed / 8) }),
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
    title: t('findings.hmacWithPublicKeyTitle'),
    detail: t('findings.hmacWithPublicKeyDetail', { alg }),
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
    title: t('findings.rsa15Title'),
    detail: t('findings.rsa15Detail'),
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
      title: t('findings.pbes2LowCountTitle'),
      detail: t('findings.pbes2LowCountDetail', { p2c: String(p2c) }),
      spec: rfc(7518, '4.8.1.2'),
      where: 'header',
      claim: 'p2c',
    };
  }
  if (p2c > 1_000_000) {
    return {
      id: 'pbes2-huge-count',
      severity: 'medium',
      title: t('findings.pbes2HugeCountTitle'),
      detail: t('findings.pbes2HugeCountDetail', { p2c: String(p2c) }),
      spec: rfc(7518, '4.8.1.2'),
      where: 'header',
      claim: 'p2c',
    };
  }
  return null;
};
