/** Rules about header parameters that change how the token is processed. */
import { rfc } from '../../claims/specs';
import type { Rule } from '../types';
import { t } from '../messages';
import { quote } from './util';

// RFC 7515 §4.1.11: crit must not list parameters the JOSE specifications themselves define.
const STANDARD = new Set(['alg', 'jku', 'jwk', 'kid', 'x5u', 'x5c', 'x5t', 'x5t#S256', 'typ', 'cty', 'crit', 'enc', 'zip', 'epk', 'apu', 'apv', 'iv', 'tag', 'p2s', 'p2c']);

export const zipInJws: Rule = ({ header, kind }) => {
  if (kind !== 'jws' || header?.zip === undefined) return null;
  return {
    id: 'zip-in-jws',
    severity: 'medium',
    title: t('findings.zipInJwsTitle'),
    detail: t('findings.zipInJwsDetail', { zip: quote(header.zip) }),
    spec: rfc(7516, '4.1.3'),
    where: 'header',
    claim: 'zip',
  };
};

export const zipInJwe: Rule = ({ header, kind }) => {
  if (kind !== 'jwe' || header?.zip === undefined) return null;
  return {
    id: 'zip-in-jwe',
    severity: 'low',
    title: t('findings.zipInJweTitle'),
    detail: t('findings.zipInJweDetail'),
    spec: rfc(8725, '3.6'),
    where: 'header',
    claim: 'zip',
  };
};

export const critical: Rule = ({ header }) => {
  const crit = header?.crit;
  if (crit === undefined) return null;
  const names = Array.isArray(crit) ? crit : null;
  const invalid = !names || names.length === 0 || names.some((n) => typeof n !== 'string' || n === '');
  const standard = names?.filter((n): n is string => typeof n === 'string' && STANDARD.has(n)) ?? [];
  const absent = names?.filter((n): n is string => typeof n === 'string' && n !== '' && header?.[n] === undefined) ?? [];
  const problems = [
    invalid ? t('findings.critNotANameList') : '',
    standard.length ? t('findings.critListsStandard', { names: standard.join(', ') }) : '',
    absent.length ? t('findings.critListsAbsent', { names: absent.join(', ') }) : '',
  ].filter(Boolean);
  return {
    id: 'crit-header',
    severity: problems.length ? 'medium' : 'low',
    title: t('findings.critTitle'),
    detail: problems.length
      ? t('findings.critMalformedDetail', { crit: quote(crit), problems: problems.join('; ') })
      : t('findings.critDetail', { crit: quote(crit) }),
    spec: rfc(7515, '4.1.11'),
    where: 'header',
    claim: 'crit',
  };
};

export const unencodedPayload: Rule = ({ header }) => {
  if (header?.b64 !== false) return null;
  const listed = Array.isArray(header.crit) && header.crit.includes('b64');
  return {
    id: 'unencoded-payload',
    severity: listed ? 'low' : 'medium',
    title: t('findings.unencodedPayloadTitle'),
    detail: listed ? t('findings.unencodedPayloadDetail') : t('findings.unencodedPayloadUnlistedDetail'),
    spec: listed ? rfc(7797, '3') : rfc(7797, '6'),
    where: 'header',
    claim: 'b64',
  };
};
