import { afterEach, describe, expect, it } from 'vitest';
import type { Messages } from '@lingui/core';
import { activateLocale } from '@/lib/i18n/translate';
import japanese from '@/lib/i18n/compiled/ja.json';
import french from '@/lib/i18n/compiled/fr.json';
import { decryptJwe } from './decrypt';
import { readCompactJwe } from './compact';
import { JWE_ALGORITHMS, JWE_ENCRYPTIONS } from './algorithms';

// Decryption messages follow the language chosen; the English ones are checked word for word by the other tests.
afterEach(() => activateLocale('en'));

const segment = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const tokenWith = (header: unknown) => [segment(header), '', 'AAAAAAAAAAAAAAAA', 'AAAA', 'AAAAAAAAAAAAAAAAAAAAAA'].join('.');

describe('decryption messages in another language', () => {
  it('a token with the wrong number of segments is explained in Japanese', () => {
    activateLocale('ja', japanese as unknown as Messages);
    expect(readCompactJwe('a.b.c')).toEqual({
      ok: false,
      error: 'コンパクト形式の JWE はドットで区切られた 5 つのセグメント (header.encrypted_key.iv.ciphertext.tag) からなりますが、このトークンには 3 個あります。',
    });
  });

  it('without a key, the token asks for the key its alg needs, in French', async () => {
    activateLocale('fr', french as unknown as Messages);
    const outcome = await decryptJwe(tokenWith({ alg: 'dir', enc: 'A128GCM' }), []);
    expect(outcome.state).toBe('unverified');
    expect(outcome.message).toBe('Collez le secret partagé lui-même (sa longueur est fixée par "enc") pour déchiffrer ce jeton dir.');
  });

  it('a password token without its password asks for it, in Japanese', async () => {
    activateLocale('ja', japanese as unknown as Messages);
    const outcome = await decryptJwe(tokenWith({ alg: 'PBES2-HS256+A128KW', enc: 'A128GCM', p2c: 1000, p2s: 'AAAAAAAAAAA' }), { password: '' });
    expect(outcome.message).toBe('この PBES2-HS256+A128KW トークンを復号するには、パスワードを入力してください。');
  });

  it('the tables of algorithms are read in the language shown, not the one at import', () => {
    activateLocale('fr', french as unknown as Messages);
    expect(JWE_ALGORITHMS['RSA-OAEP']?.keyNeeded).toBe('la clé privée RSA (2048 bits ou plus)');
    expect(JWE_ENCRYPTIONS.A192GCM?.unsupportedReason).toBe('le WebCrypto des navigateurs (Chromium) n’a pas d’AES 192 bits, il est donc inutilisable dans le navigateur');
    activateLocale('en');
    expect(JWE_ALGORITHMS['RSA-OAEP']?.keyNeeded).toBe('the RSA private key (2048 bits or more)');
    expect(JWE_ENCRYPTIONS['A128CBC-HS256']?.description).toBe('AES-128 in CBC mode with HMAC-SHA-256');
  });
});
