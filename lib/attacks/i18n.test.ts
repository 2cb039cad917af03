import { afterEach, describe, expect, it } from 'vitest';
import type { Messages } from '@lingui/core';
import fr from '@/lib/i18n/compiled/fr.json';
import zhHans from '@/lib/i18n/compiled/zh-Hans.json';
import { activateLocale } from '@/lib/i18n/translate';
import { generateAttacks } from './attacks';

// The token lab's titles, explanations and skip reasons follow the active language;
// the tokens, references (RFC, CVE) and the values written into them do not.
const NOW = 1_767_268_800;
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const TOKEN = `${b64({ alg: 'ES256', typ: 'JWT' })}.${b64({ sub: 'alice', exp: NOW + 600 })}.${'A'.repeat(86)}`;

afterEach(() => activateLocale('en'));

describe('verifier tests in the active language', () => {
  it('titles and explains every variant in French, with the same tokens as in English', async () => {
    const english = await generateAttacks({ token: TOKEN, now: NOW, jkuUrl: 'not a url' });
    activateLocale('fr', fr as unknown as Messages);
    const french = await generateAttacks({ token: TOKEN, now: NOW, jkuUrl: 'not a url' });
    if (!english.ok || !french.ok) throw new Error('variants expected');
    const none = french.variants.find((variant) => variant.id === 'alg-none-none')!;
    expect(none.title).toBe('alg "none", sans signature');
    expect(none.why).toBe('Un jeton non signé : l’accepter permet à n’importe qui de falsifier n’importe quelles revendications.');
    expect(none.reference).toBe('RFC 8725 §2.1, §3.1; CVE-2015-9235');
    expect(none.token).toBe(english.variants.find((variant) => variant.id === 'alg-none-none')!.token);
    expect(french.variants.find((variant) => variant.id === 'psychic-signature')!.title).toBe('ES256 avec une signature entièrement nulle (r = s = 0)');
    expect(french.skipped.find((skip) => skip.attack === 'jku')!.reason).toBe('"not a url" n’est pas une adresse http(s).');
    expect(french.skipped.find((skip) => skip.attack === 'key-confusion')!.reason).toBe('Nécessite la clé publique RSA ou EC dans le panneau des clés.');
  });

  it('says why no variants can be made, in Chinese', async () => {
    activateLocale('zh-Hans', zhHans as unknown as Messages);
    expect(await generateAttacks({ token: 'a.b.c.d.e' })).toEqual({ ok: false, error: '验证方测试需由已签名的令牌（JWS）生成；此令牌是加密的（JWE）。' });
    expect(await generateAttacks({ token: 'only-one-part' })).toEqual({ ok: false, error: '粘贴一个已签名的令牌（三个部分）以生成验证方测试。' });
  });
});
