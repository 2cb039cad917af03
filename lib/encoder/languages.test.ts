import { afterEach, describe, expect, it } from 'vitest';
import type { Messages } from '@lingui/core';
import { activateLocale } from '@/lib/i18n/translate';
import japanese from '@/lib/i18n/compiled/ja.json';
import german from '@/lib/i18n/compiled/de.json';
import { parseSpan } from './time-span';
import { parseJsonText } from './json-text';
import { checkSignedJson } from './signed-json';
import { signFromText } from './sign-text';
import { encryptFromText } from './encrypt-text';
import { editFromToken } from './from-token';

// The encoder's messages follow the language chosen; English is checked by the other tests, word for word.
afterEach(() => activateLocale('en'));

describe('encoder messages in another language', () => {
  it('a span that cannot be read is explained in Japanese', () => {
    activateLocale('ja', japanese as unknown as Messages);
    expect(parseSpan('')).toEqual({ ok: false, error: '90 (秒)、15m、2h、7d のように期間を入力してください。' });
    expect(parseSpan('3 fortnights')).toEqual({ ok: false, error: '"fortnights" は単位ではありません。s、m、h、d、w のいずれかを使ってください。' });
  });

  it('a JSON error keeps its line and column, worded in Japanese', () => {
    activateLocale('ja', japanese as unknown as Messages);
    const parsed = parseJsonText('');
    expect(parsed.ok ? null : parsed.error.message).toBe('空です。{} のような JSON オブジェクトを入力してください。');
    const broken = parseJsonText('{\n  "a": 1,\n  "a" 2\n}');
    expect(broken.ok ? '' : broken.error.message).toMatch(/^3 行 7 列: /);
  });

  it('a repeated member is reported in German, naming who may read either copy', () => {
    activateLocale('de', german as unknown as Messages);
    const report = checkSignedJson('{"sub": "a", "sub": "b"}', 'signed');
    expect(report.ok && report.problems.map((problem) => problem.message)).toEqual([
      'Zeile 1, Spalte 14: "sub" kommt mehrfach vor; nur das letzte wird signiert, und Prüfer können jedes davon lesen (RFC 8259 §4, RFC 7519 §4).',
    ]);
  });

  it('signing without a key says what to paste, in Japanese', async () => {
    activateLocale('ja', japanese as unknown as Messages);
    const result = await signFromText({ header: '{"alg":"HS256"}', payload: '{}', alg: 'HS256', key: '', secretEncoding: 'utf8' });
    expect(result).toMatchObject({ ok: false, source: 'key', error: 'HS256 には鍵が必要です: シークレットを貼り付けてください。' });
  });

  it('a PBES2 count out of range gives its bounds with German digit grouping', async () => {
    activateLocale('de', german as unknown as Messages);
    const result = await encryptFromText({ header: {}, plaintext: '', alg: 'PBES2-HS256+A128KW', enc: 'A128GCM', key: 'pw', secretEncoding: 'utf8', p2c: 5 });
    expect(result).toEqual({ ok: false, error: 'Die Anzahl der PBES2-Iterationen muss eine ganze Zahl von 1.000 bis 1.000.000 sein (RFC 7518 §4.8.1.2 verlangt mindestens 1.000).' });
  });

  it('editing a JWE is refused in Japanese', async () => {
    activateLocale('ja', japanese as unknown as Messages);
    expect(await editFromToken('a.b.c.d.e', '', 'utf8')).toEqual({ ok: false, error: 'これは暗号化されたトークン (JWE) です。先に復号してください。編集して再署名できるのは署名付きトークン (JWS) だけです。' });
  });

  it('back in English, the same messages are the English ones', () => {
    activateLocale('ja', japanese as unknown as Messages);
    activateLocale('en');
    expect(parseSpan('')).toEqual({ ok: false, error: 'Type a span such as 90 (seconds), 15m, 2h or 7d.' });
  });
});
