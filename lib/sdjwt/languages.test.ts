// The SD-JWT findings are worded in the language shown: the same input, judged after
// another language is chosen, reads in that language (names, digests and paths unchanged).
import { afterEach, describe, expect, it } from 'vitest';
import type { Messages } from '@lingui/core';
import { activateLocale } from '@/lib/i18n/translate';
import ja from '@/lib/i18n/compiled/ja.json';
import de from '@/lib/i18n/compiled/de.json';
import fr from '@/lib/i18n/compiled/fr.json';
import { decodeToken } from '@/lib/token';
import { analyseSdJwt, decodeDisclosure, makeSelectivelyDisclosable, splitSdJwt, verifyKeyBinding } from '.';
import vectors from './vectors/sdjwt-vectors.json';

// Words an English sentence of these findings cannot do without.
const ENGLISH = /\b(the|is|not|Disclosure|appears|digest|verified|checked)\b/;

async function analyse(sdJwt: string) {
  const layout = splitSdJwt(sdJwt)!;
  const payload = decodeToken(layout.issuerJwt.text).payload;
  const analysis = await analyseSdJwt(layout, payload?.kind === 'json' ? payload.value : null);
  return { layout, analysis };
}

afterEach(() => activateLocale('en'));

describe('SD-JWT findings in the language shown', () => {
  it('located problems in Japanese, and in English again once English is chosen', async () => {
    activateLocale('ja', ja as unknown as Messages);
    const { analysis } = await analyse(vectors.problems.sdJwt);
    const messages = analysis.problems.map((problem) => problem.message);
    expect(messages).toContain(`開示 4（"b"）: そのダイジェスト ${analysis.disclosures[3]!.digest} はペイロードにも他の開示にも見つかりません`);
    expect(messages.some((message) => message.startsWith('開示 5 の形式が不正です: 要素が 4 個の配列です'))).toBe(true);
    // The JSON parser's own reason (in parentheses) is the browser's, not ours.
    for (const message of messages) expect(message.replace(/（[^）]*）/g, '')).not.toMatch(ENGLISH);

    activateLocale('en');
    const again = await analyse(vectors.problems.sdJwt);
    expect(again.analysis.problems.some((problem) => problem.message.startsWith('Disclosure 4 ("b")'))).toBe(true);
  });

  it('the key binding verdict, its checks and what was not checked, in German', async () => {
    activateLocale('de', de as unknown as Messages);
    const { layout, analysis } = await analyse(vectors.cases['full-sha256-kb'].sdJwt);
    const result = await verifyKeyBinding(layout, analysis.claims, analysis.sdAlg);
    expect(result.state).toBe('valid');
    expect(result.unchecked).toEqual(['aud gegen die erwartete Zielgruppe', 'nonce gegen die erwartete Nonce', 'wie aktuell iat ist']);
    expect(result.message).toBe(
      'Schlüsselbindungs-JWT gültig, soweit geprüft: signiert mit dem Inhaberschlüssel in cnf.jwk, und sein sd_hash deckt genau diese Präsentation ab. Nicht geprüft: aud gegen die erwartete Zielgruppe; nonce gegen die erwartete Nonce; wie aktuell iat ist.',
    );
    expect(result.checks.map((check) => check.label)).toContain('Signatur lässt sich mit cnf.jwk prüfen');
    for (const check of result.checks) expect(`${check.label}: ${check.detail}`).not.toMatch(ENGLISH);
  });

  it('a malformed disclosure and a claim that must stay in the clear, in French', async () => {
    activateLocale('fr', fr as unknown as Messages);
    expect(decodeDisclosure('')).toEqual({ ok: false, error: "est vide (deux '~' à la suite)" });
    expect(await makeSelectivelyDisclosable({ iss: 'x' }, ['iss'])).toEqual({ ok: false, error: '"iss" ne peut pas être rendu divulgable de façon sélective' });
  });
});
