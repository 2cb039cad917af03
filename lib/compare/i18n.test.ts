import { afterEach, describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import type { Messages } from '@lingui/core';
import de from '@/lib/i18n/compiled/de.json';
import { activateLocale } from '@/lib/i18n/translate';
import { compareTokens } from './compare';
import { verifyBoth } from './verify-both';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
function hs256(payload: object, secret: string): string {
  const input = `${b64({ alg: 'HS256' })}.${b64(payload)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}
const OLD = hs256({ iat: 1_700_000_000, exp: 1_700_003_600 }, 's1');
const NEW = hs256({ iat: 1_700_000_000, exp: 1_700_000_300 }, 's2');

afterEach(() => activateLocale('en'));

describe('token comparison in the active language', () => {
  it('words time differences, problems and the key summary in German', async () => {
    activateLocale('de', de as unknown as Messages);
    const result = compareTokens(OLD, NEW);
    if (!result.ok) throw new Error('a comparison expected');
    const exp = result.comparison.rows.find((row) => row.name === 'exp')!;
    expect(exp.time?.deltaText).toBe('55 Minuten früher');
    const missing = compareTokens(OLD, '');
    expect(!missing.ok && missing.error.message).toBe('Das zweite Token: Es gibt noch kein Token.');
    expect((await verifyBoth(OLD, NEW, '')).summary).toBe('Fügen Sie im Schlüsselbereich einen Schlüssel ein, um zu sehen, ob er beide Tokens prüft.');
  });
});
