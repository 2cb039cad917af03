/** Rules that keep one kind of token from being accepted as another (cross-JWT confusion). */
import { rfc } from '../../claims/specs';
import type { Rule } from '../types';
import { looksLikeAccessToken, quote, str, typOf } from './util';

export const missingIss: Rule = ({ payload }) => {
  if (!payload || payload.iss !== undefined) return null;
  return {
    id: 'no-iss',
    severity: 'low',
    title: 'No issuer (iss)',
    detail: 'Without iss a verifier cannot tell which issuer\'s keys and rules apply, and tokens from different issuers can be confused with one another.',
    spec: rfc(8725, '3.8'),
    where: 'payload',
    claim: 'iss',
  };
};

export const missingAud: Rule = ({ payload }) => {
  if (!payload || payload.aud !== undefined) return null;
  return {
    id: 'no-aud',
    severity: 'medium',
    title: 'No audience (aud)',
    detail: 'Without aud, a token issued for one service is accepted by every other service that trusts the same issuer. Issuers should name the audience, and verifiers should check it is them.',
    spec: rfc(8725, '3.9'),
    where: 'payload',
    claim: 'aud',
  };
};

export const untypedAccessToken: Rule = ({ header, payload }) => {
  if (!payload || !looksLikeAccessToken(header, payload)) return null;
  const raw = str(header?.typ);
  const typ = typOf(header);
  if (typ === 'at+jwt') return null;
  if (typ !== undefined && typ !== 'jwt') return null;
  return {
    id: 'untyped-access-token',
    severity: 'low',
    title: raw === undefined ? 'Access token without a type' : 'Access token with a generic type',
    detail: `This looks like an access token, but its header ${raw === undefined ? 'has no typ' : `says typ ${quote(raw)}`}. RFC 9068 types JWT access tokens as "at+jwt" so that an ID token or another JWT cannot be passed off as one; verifiers should require it.`,
    spec: rfc(8725, '3.11'),
    where: 'header',
    claim: 'typ',
  };
};
