import { afterEach, describe, expect, it } from 'vitest';
import type { Messages } from '@lingui/core';
import { activateLocale } from '@/lib/i18n/translate';
import german from '@/lib/i18n/compiled/de.json';
import japanese from '@/lib/i18n/compiled/ja.json';
import french from '@/lib/i18n/compiled/fr.json';
import { parseKeyText } from './parse';

// Key problems and key descriptions follow the language chosen; English is checked word for word by the other tests.
afterEach(() => activateLocale('en'));

const RSA_PUBLIC = {
  kty: 'RSA',
  n: 'sXchDaQebHnPiGvyDOAT4saGEUetSyo9MKLOoWFsueri23bOdgWp4Dy1WlUzewbgBHod5pcM9H95GQRV3JDXboIRROSBigeC5yjU1hGzHHyXss8UDprecbAYxknTcQkhslANGRUZmdTOQ5qTRsLAt6BTYuyvVRdhS8exSZEy_c4gs_7svlJJQ4H9_NxsiIoLwAEk7-Q3UXERGYw_75IDrGA84-lA_-Ct4eTlXHBIY2EaV7t7LjJaynVJCpkv4LKjTTAumiGUIuQhrNhZLuF_RJLqHpM2kgWFLU7-VTdL1VbC2tejvcI2BlMkEpk1BzBZI0KQB0GaDWFLN-aEAw3vRw',
  e: 'AQAB',
};

describe('key messages in another language', () => {
  it('a key is described in German, and a private one is flagged in German', () => {
    activateLocale('de', german as unknown as Messages);
    const result = parseKeyText(JSON.stringify(RSA_PUBLIC));
    expect(result.ok && result.keys[0]?.description).toBe('öffentlicher RSA-Schlüssel mit 2048 Bit');
    const secret = parseKeyText('  padded  ');
    expect(secret.ok && secret.formatLabel).toBe('Geheimnis (UTF-8-Text)');
    expect(secret.ok && secret.warnings).toEqual(['Das Geheimnis beginnt oder endet mit Leerraum, der als Teil davon zählt.']);
  });

  it('what was pasted instead of a key is named in Japanese', () => {
    activateLocale('ja', japanese as unknown as Messages);
    const token = parseKeyText('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln');
    expect(token.ok ? '' : token.error.message).toBe('これは鍵ではなく JWT (トークン) です。トークンはトークンエディターに、それに署名した鍵はここに入れてください。');
    expect(parseKeyText('   ')).toEqual({ ok: false, error: { message: '鍵が入力されていません。', offset: 0 } });
  });

  it('a bad character in a hex secret is located in Japanese words, without the English position', () => {
    activateLocale('ja', japanese as unknown as Messages);
    const result = parseKeyText('12zz', { secretEncoding: 'hex' });
    expect(result.ok ? '' : result.error.message).toBe('シークレットが有効な hex ではありません: "z"は 16 進数の数字ではありません。');
  });

  it('a JWKS with unusable keys says so in German, with its count', () => {
    activateLocale('de', german as unknown as Messages);
    const result = parseKeyText(JSON.stringify({ keys: [{ kty: 'RSA' }, { kty: 'nope' }] }));
    expect(result.ok ? '' : result.error.message).toMatch(/^Keiner der 2 Schlüssel des JWKS ist verwendbar\. Schlüssel 0 wurde übersprungen: /);
  });

  it('a broken key structure names the part it stopped at, in French', () => {
    activateLocale('fr', french as unknown as Messages);
    const result = parseKeyText('-----BEGIN PUBLIC KEY-----\nMAA=\n-----END PUBLIC KEY-----');
    expect(result.ok ? '' : result.error.message).toBe(
      'Le bloc "PUBLIC KEY" ne peut pas être lu : La structure de la clé s’arrête avant l’élément « identifiant d’algorithme ».',
    );
  });
});
