/** Rules about header parameters that change how the token is processed. */
import { rfc } from '../../claims/specs';
import type { Rule } from '../types';
import { quote } from './util';

// RFC 7515 §4.1.11: crit must not list parameters the JOSE specifications themselves define.
const STANDARD = new Set(['alg', 'jku', 'jwk', 'kid', 'x5u', 'x5c', 'x5t', 'x5t#S256', 'typ', 'cty', 'crit', 'enc', 'zip', 'epk', 'apu', 'apv', 'iv', 'tag', 'p2s', 'p2c']);

export const zipInJws: Rule = ({ header, kind }) => {
  if (kind !== 'jws' || header?.zip === undefined) return null;
  return {
    id: 'zip-in-jws',
    severity: 'medium',
    title: 'Compression in a signed token (zip)',
    detail: `zip (${quote(header.zip)}) is defined only for JWE. A JWS with zip is not standard; a verifier that inflates it anyway can be hit with a decompression bomb. Reject it.`,
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
    title: 'Compressed before encryption (zip)',
    detail: 'Compressing before encrypting lets the ciphertext length reveal the plaintext when an attacker can influence part of it (CRIME/BREACH-style attacks). Avoid zip unless the plaintext is entirely the issuer\'s.',
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
    invalid ? 'crit must be a non-empty array of names' : '',
    standard.length ? `it lists standard parameters (${standard.join(', ')}), which is not allowed` : '',
    absent.length ? `it lists parameters the header does not contain (${absent.join(', ')})` : '',
  ].filter(Boolean);
  return {
    id: 'crit-header',
    severity: problems.length ? 'medium' : 'low',
    title: 'Critical extensions (crit)',
    detail: `The header marks ${quote(crit)} as critical: a recipient that does not understand every one of them must reject the token.${problems.length ? ` It is malformed: ${problems.join('; ')}.` : ''}`,
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
    title: 'Unencoded payload (b64: false)',
    detail: `The payload is signed as raw bytes rather than base64url (RFC 7797); JWTs must not use this option.${listed ? '' : ' b64 is not listed in crit, so a recipient that ignores b64 computes a different signing input — the header must list it.'}`,
    spec: listed ? rfc(7797, '3') : rfc(7797, '6'),
    where: 'header',
    claim: 'b64',
  };
};
