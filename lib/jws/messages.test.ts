import { afterEach, describe, expect, it } from 'vitest';
import { activateLocale } from '@/lib/i18n/translate';
import { loadCatalog } from '@/lib/i18n/load-catalog';
import { LOCALES, type Locale } from '@/lib/i18n/locales';
import { b64u, flipSignatureBit, nodeToken, pair, randomSecret, secretBytes } from './test-keys';
import { verifyJws } from './verify';
import { signJws } from './sign';
import { parseJsonSerialization } from './json-serialization';

const PAYLOAD = '{"sub":"alice"}';
const ENGLISH_WORDS = /\b(the|is|not|and|which|must|cannot)\b/i;

/** Verdicts a user meets often: unsecured, unsupported, no key, wrong key, key confusion, crit, wrong shape. */
async function verdicts(): Promise<string[]> {
  const secret = randomSecret(32);
  const other = randomSecret(32);
  const hs = nodeToken({ alg: 'HS256', kid: 'k1' }, PAYLOAD, secretBytes(secret));
  const rsa = pair('rsa2048');
  const results = await Promise.all([
    verifyJws(`${b64u('{"alg":"none"}')}.${b64u(PAYLOAD)}.`, []),
    verifyJws(`${b64u('{"alg":"nOnE"}')}.${b64u(PAYLOAD)}.`, []),
    verifyJws(`${b64u('{"alg":"XYZ"}')}.${b64u(PAYLOAD)}.c2ln`, []),
    verifyJws(hs, []),
    verifyJws(hs, [other]),
    verifyJws(flipSignatureBit(hs), [secret]),
    verifyJws(hs, [rsa.public]),
    verifyJws(nodeToken({ alg: 'HS256', crit: ['exp'] }, PAYLOAD, secretBytes(secret)), [secret]),
    verifyJws('abc.def', [secret]),
    verifyJws('eyJhbGc*OiJIUzI1NiJ9.e30.c2ln', [secret]),
  ]);
  const signed = await signJws({ header: {}, payload: PAYLOAD, alg: 'RS256', key: rsa.public });
  const json = ['{"signatures":[]}', '{"payload":"e30","signatures":[{"protected":"e30","header":{"crit":["b64"]},"signature":""}]}', '{"nothing":1}'].map((text) => {
    const parsed = parseJsonSerialization(text);
    return parsed.ok ? '' : parsed.error.message;
  });
  return [...results.flatMap((result) => [result.message, ...result.warnings]), signed.ok ? '' : signed.error, ...json];
}

afterEach(() => activateLocale('en'));

describe('verification results follow the active language', () => {
  for (const locale of LOCALES.filter((locale): locale is Exclude<Locale, 'en'> => locale !== 'en')) {
    it(`in ${locale}, every verdict and warning is translated`, async () => {
      const english = await verdicts();
      activateLocale(locale, await loadCatalog(locale));
      const translated = await verdicts();
      expect(translated).toHaveLength(english.length);
      translated.forEach((message, index) => {
        expect(message, english[index]).not.toBe(english[index]);
        expect(message, message).not.toMatch(ENGLISH_WORDS);
      });
    });
  }

  it('keeps English exactly as before once English is chosen again', async () => {
    const before = await verdicts();
    activateLocale('de', await loadCatalog('de'));
    await verdicts();
    activateLocale('en');
    expect(await verdicts()).toEqual(before);
    expect(before[0]).toMatch(/^This token is unsecured \(alg "none"\)/);
  });
});
