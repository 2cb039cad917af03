/** Rules about how long the token lives. */
import { rfc } from '../../claims/specs';
import { approximateSpan, exactDuration } from '../../claims/time';
import type { Rule } from '../types';
import { t } from '../messages';
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
    title: t('findings.noExpTitle'),
    detail: t('findings.noExpDetail'),
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
    title: access ? t('findings.longLivedAccessTokenTitle') : t('findings.longLifetimeTitle'),
    detail: t(access ? 'findings.longLivedAccessTokenDetail' : 'findings.longLifetimeDetail', {
      duration: exactDuration(span),
      span: approximateSpan(span).text,
    }),
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
    title: t('findings.iatInFutureTitle'),
    detail: t('findings.iatInFutureDetail', { span: approximateSpan(iat - now / 1000).text }),
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
    title: t('findings.expiredTitle'),
    detail: t('findings.expiredDetail', { span: approximateSpan(now / 1000 - exp).text }),
    spec: rfc(7519, '4.1.4'),
    where: 'payload',
    claim: 'exp',
  };
};
