/** Rules about how long the token lives. */
import { rfc } from '../../claims/specs';
import { approximateSpan, exactDuration } from '../../claims/time';
import type { Rule } from '../types';
import { looksLikeAccessToken, num, typOf } from './util';

const DAY = 86400;
/** Access tokens are meant to be short-lived; a day is already generous. */
const ACCESS_TOKEN_MAX = DAY;
/** Beyond a month, even an ID or refresh-like token outlives most sessions. */
const OTHER_TOKEN_MAX = 30 * DAY;
/** Clocks differ by seconds; a minute keeps the note for real mistakes. */
const FUTURE_TOLERANCE = 60;

export const missingExp: Rule = ({ header, payload }) => {
  if (!payload || payload.exp !== undefined) return null;
  // DPoP proofs and Security Event Tokens are one-shot by design and carry no exp.
  if (typOf(header) === 'dpop+jwt' || payload.events !== undefined) return null;
  return {
    id: 'no-exp',
    severity: 'medium',
    title: 'The token never expires',
    detail: 'There is no exp claim, so a leaked copy of this token works forever unless the verifier enforces its own maximum age.',
    spec: rfc(7519, '4.1.4'),
    where: 'payload',
    claim: 'exp',
  };
};

export const longLifetime: Rule = ({ header, payload }) => {
  const exp = num(payload?.exp);
  const start = num(payload?.iat) ?? num(payload?.nbf);
  if (!payload || exp === undefined || start === undefined) return null;
  const span = exp - start;
  const access = looksLikeAccessToken(header, payload);
  const limit = access ? ACCESS_TOKEN_MAX : OTHER_TOKEN_MAX;
  if (span <= limit) return null;
  return {
    id: 'long-lifetime',
    severity: access ? 'medium' : 'low',
    title: access ? 'Long-lived access token' : 'Very long lifetime',
    detail: `This ${access ? 'access ' : ''}token is valid for ${exactDuration(span)} (${approximateSpan(span).text}). A stolen token stays useful that long; ${access ? 'access tokens usually live minutes to an hour, with refresh tokens for longer sessions' : 'consider a shorter lifetime'}.`,
    spec: rfc(7519, '4.1.4'),
    where: 'payload',
    claim: 'exp',
  };
};

export const iatInFuture: Rule = ({ payload }, { now }) => {
  const iat = num(payload?.iat);
  if (iat === undefined || now === undefined || iat <= now / 1000 + FUTURE_TOLERANCE) return null;
  return {
    id: 'iat-in-future',
    severity: 'low',
    title: 'Issued in the future',
    detail: `iat is ${approximateSpan(iat - now / 1000).text} from now. The issuer's clock is ahead, or the token was made by hand; many verifiers reject such tokens.`,
    spec: rfc(7519, '4.1.6'),
    where: 'payload',
    claim: 'iat',
  };
};

export const expired: Rule = ({ payload }, { now }) => {
  const exp = num(payload?.exp);
  if (exp === undefined || now === undefined || now / 1000 < exp) return null;
  return {
    id: 'expired',
    severity: 'info',
    title: 'Expired',
    detail: `This token expired ${approximateSpan(now / 1000 - exp).text} ago; verifiers must reject it.`,
    spec: rfc(7519, '4.1.4'),
    where: 'payload',
    claim: 'exp',
  };
};
