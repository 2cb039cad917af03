import { afterEach, describe, expect, it } from 'vitest';
import ja from '@/lib/i18n/compiled/ja.json';
import de from '@/lib/i18n/compiled/de.json';
import fr from '@/lib/i18n/compiled/fr.json';
import zhHans from '@/lib/i18n/compiled/zh-Hans.json';
import type { Messages } from '@lingui/core';
import { activateLocale } from '@/lib/i18n/translate';
import { CLAIM_CATALOGUE, CLAIM_PATTERNS, lookupClaim } from './catalogue';
import { checkClaims } from './validate';
import { describeTime, lifetime } from './time';
import { describeTypValue, VC_TYPE_METADATA_FIELDS } from './typ-values';
import { payloadSchema } from './schema';

// The claims part in another language: the catalogue, time descriptions and checks
// are worded when they are read, so choosing a language changes them without a reload.
const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);
const HOUR = 3600;
const nowSeconds = NOW / 1000;

afterEach(() => activateLocale('en'));

describe('claims in the active language', () => {
  it('explains every catalogued claim in Japanese once Japanese is chosen, and in English again after', () => {
    const english = lookupClaim('exp', 'payload')!;
    expect(english.title).toBe('Expiration Time');
    activateLocale('ja', ja as unknown as Messages);
    const exp = lookupClaim('exp', 'payload')!;
    expect(exp.title).toBe('有効期限');
    expect(exp.description).toMatch(/トークン/);
    for (const info of [...CLAIM_CATALOGUE, ...CLAIM_PATTERNS.map((rule) => ({ ...rule.info, name: rule.pattern }))]) {
      // A message missing from the catalog would fall back to its ID ("claims.…").
      expect(info.title, info.name).not.toMatch(/^claims\./);
      expect(info.description, info.name).not.toMatch(/^claims\.|\b(the|of|is)\b/);
    }
    activateLocale('en');
    expect(lookupClaim('exp', 'payload')!.title).toBe('Expiration Time');
  });

  it('says a header copy of iss is a copy, in the active language', () => {
    activateLocale('de', de as unknown as Messages);
    expect(lookupClaim('iss', 'header')?.description).toMatch(/Header kopiert.*RFC 7519 §5\.3/);
  });

  it('words time claims in the active language and keeps the ISO form beside them', () => {
    activateLocale('fr', fr as unknown as Messages);
    const check = checkClaims(null, { exp: nowSeconds - 3 * HOUR }, { now: NOW }).checks.find((c) => c.claim === 'exp')!;
    expect(check.message).toBe('expiré il y a 3 heures (2026-01-01T09:00:00Z)');
    const iat = describeTime(nowSeconds - 2 * 86400, NOW, 'iat');
    expect(iat.ok && iat.status).toBe('émis il y a 2 jours');
    const future = describeTime(nowSeconds + 5 * 60, NOW, 'exp');
    expect(future.ok && future.status).toBe('encore valide 5 minutes');
    activateLocale('ja', ja as unknown as Messages);
    const ms = describeTime(nowSeconds * 1000, NOW, 'exp');
    expect(!ms.ok && ms.message).toMatch(/^exp はミリ秒のようです。.*2026-01-01T12:00:00Z/);
  });

  it('summarises an expired token as expired in every language, not only when the words start with "expired"', () => {
    for (const [locale, catalog] of [['ja', ja], ['de', de], ['fr', fr], ['zh-Hans', zhHans]] as const) {
      activateLocale(locale, catalog as unknown as Messages);
      const result = checkClaims(null, { exp: nowSeconds - 3 * HOUR, nbf: nowSeconds + HOUR }, { now: NOW });
      expect(result.summary.state, locale).toBe('expired');
      expect(result.summary.message, locale).toContain('2026-01-01T09:00:00Z');
      const early = checkClaims(null, { nbf: nowSeconds + HOUR }, { now: NOW });
      expect(early.summary.state, locale).toBe('not-yet-valid');
    }
    activateLocale('de', de as unknown as Messages);
    const summary = checkClaims(null, { exp: nowSeconds - 3 * HOUR, nbf: nowSeconds + HOUR }, { now: NOW }).summary.message;
    expect(summary).toBe('Token vor 3 Stunden abgelaufen (2026-01-01T09:00:00Z); 1 weitere Prüfung fehlgeschlagen');
  });

  it('words lifetime warnings, typ meanings, metadata fields and the editor schema in the active language', () => {
    activateLocale('zh-Hans', zhHans as unknown as Messages);
    expect(lifetime({ exp: 100, nbf: 200 }).warnings).toEqual(['exp 早于 nbf：令牌永远不会生效。']);
    expect(lifetime({ iat: 0, exp: 5400 }).text).toBe('1小时30分钟');
    expect(describeTypValue('application/at+jwt')).toBe('JWT 访问令牌（RFC 9068）。');
    const [field, meaning] = VC_TYPE_METADATA_FIELDS[0]!;
    expect(field).toBe('vct');
    expect(meaning).toMatch(/凭据/);
    expect(payloadSchema().properties?.exp?.title).toBe('过期时间');
  });
});
