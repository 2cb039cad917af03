/** Rules that keep one kind of token from being accepted as another (cross-JWT confusion). */
import { rfc } from '../../claims/specs';
import type { Rule } from '../types';
import { t } from '../messages';
import { looksLikeAccessToken, quote, str, typOf } from './util';

export const missingIss: Rule = ({ payload }) => {
  if (!payload || payload.iss !== undefined) return null;
  return {
    id: 'no-iss',
    severity: 'low',
    title: t('findings.noIssTitle'),
    detail: t('findings.noIssDetail'),
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
    title: t('findings.noAudTitle'),
    detail: t('findings.noAudDetail'),
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
    title: raw === undefined ? t('findings.untypedAccessTokenTitle') : t('findings.genericAccessTokenTitle'),
    detail: raw === undefined ? t('findings.untypedAccessTokenDetail') : t('findings.genericAccessTokenDetail', { typ: quote(raw) }),
    spec: rfc(8725, '3.11'),
    where: 'header',
    claim: 'typ',
  };
};
