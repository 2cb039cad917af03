import { afterEach, describe, expect, it } from 'vitest';
import { activateLocale } from '@/lib/i18n/translate';
import { loadCatalog } from '@/lib/i18n/load-catalog';
import { LOCALES, type Locale } from '@/lib/i18n/locales';
import { discoverJwks, fetchJwks } from './fetch-jwks';

const ENGLISH_WORDS = /\b(the|is|not|and|which|cannot|answered|from)\b/i;

function answering(status: number, body: string): typeof fetch {
  return (async () => new Response(body, { status })) as typeof fetch;
}

/** What a user sees when fetching or discovering a key set goes wrong in the usual ways. */
async function failures(): Promise<string[]> {
  const results = await Promise.all([
    fetchJwks('nowhere'),
    fetchJwks('http://issuer.example/jwks.json'),
    fetchJwks('https://issuer.example/jwks.json', { fetch: answering(404, '') }),
    fetchJwks('https://issuer.example/jwks.json', { fetch: answering(200, '<html>') }),
    fetchJwks('https://issuer.example/jwks.json', { fetch: answering(200, '{"kty":"oct"}') }),
    fetchJwks('https://issuer.example/jwks.json', { fetch: (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch }),
    discoverJwks('https://issuer.example', { fetch: answering(200, '{"issuer":"https://other.example"}') }),
    discoverJwks('https://issuer.example', { fetch: answering(500, '') }),
  ]);
  return results.map((result) => (result.ok ? '' : result.error));
}

afterEach(() => activateLocale('en'));

describe('key set fetching speaks the active language', () => {
  for (const locale of LOCALES.filter((locale): locale is Exclude<Locale, 'en'> => locale !== 'en')) {
    it(`in ${locale}, each failure is explained in that language, with the URL left as it is`, async () => {
      const english = await failures();
      activateLocale(locale, await loadCatalog(locale));
      const translated = await failures();
      translated.forEach((message, index) => {
        expect(message, english[index]).not.toBe(english[index]);
        // URLs and the server's own HTTP reason phrase ("Not Found") are shown as they are.
        expect(message.replace(/\S*issuer\.example\S*|Not Found/g, '')).not.toMatch(ENGLISH_WORDS);
      });
      expect(translated[2]).toContain('https://issuer.example/jwks.json');
    });
  }
});
