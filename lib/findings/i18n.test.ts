import { afterEach, describe, expect, it } from 'vitest';
import type { Messages } from '@lingui/core';
import ja from '@/lib/i18n/compiled/ja.json';
import de from '@/lib/i18n/compiled/de.json';
import fr from '@/lib/i18n/compiled/fr.json';
import es from '@/lib/i18n/compiled/es.json';
import ko from '@/lib/i18n/compiled/ko.json';
import ptBR from '@/lib/i18n/compiled/pt-BR.json';
import zhHans from '@/lib/i18n/compiled/zh-Hans.json';
import { activateLocale } from '@/lib/i18n/translate';
import { LOCALES } from '@/lib/i18n/locales';
import { findings } from './findings';
import type { DecodedForFindings } from './types';

// Security notes are worded when the rules run, in the language active then.
const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);
const HOSTILE: DecodedForFindings = {
  kind: 'jws',
  header: { alg: 'nOnE', kid: '../../dev/null', jku: 'https://attacker.example/jwks', crit: ['alg'], zip: 'DEF' },
  payload: { iat: NOW / 1000 - 400 * 86400, exp: NOW / 1000 - 2 * 86400, email: 'a@b.example', password: 'hunter2' },
  signatureLength: 32,
};

afterEach(() => activateLocale('en'));

describe('findings in the active language', () => {
  it('titles and details every note in Japanese, keeping claim names and the quoted values', () => {
    const english = findings(HOSTILE, { now: NOW });
    activateLocale('ja', ja as unknown as Messages);
    const notes = findings(HOSTILE, { now: NOW });
    expect(notes.map((n) => n.id)).toEqual(english.map((n) => n.id));
    for (const [i, note] of notes.entries()) {
      expect(note.title, note.id).not.toBe(english[i]!.title);
      expect(note.detail, note.id).not.toMatch(/\b(the|is|of|and)\b/);
    }
    const none = notes.find((n) => n.id === 'alg-none')!;
    expect(none.title).toBe('保護されていないトークン (alg "none")');
    expect(none.detail).toContain('"nOnE"');
    expect(none.detail).toContain('32 バイト');
    expect(notes.find((n) => n.id === 'kid-injection')!.detail).toContain('"../../dev/null"');
  });

  it('words spans in the active language: German durations, French kid traps', () => {
    activateLocale('de', de as unknown as Messages);
    const german = findings(HOSTILE, { now: NOW });
    expect(german.find((n) => n.id === 'expired')!.detail).toBe('Dieses Token ist bereits 2 Tage abgelaufen; Prüfer müssen es ablehnen.');
    expect(german.find((n) => n.id === 'long-lifetime')!.detail).toMatch(/^Dieses Token ist 398 Tage \(1 Jahr\) gültig\./);
    activateLocale('fr', fr as unknown as Messages);
    expect(findings(HOSTILE, { now: NOW }).find((n) => n.id === 'kid-injection')!.detail).toMatch(/^Le kid "\.\.\/\.\.\/dev\/null" contient une traversée de chemin/);
  });

  it('never leaves a message ID in place of words, in any language', () => {
    const catalogs = { en: {}, ja, de, fr, es, ko, 'pt-BR': ptBR, 'zh-Hans': zhHans };
    for (const locale of LOCALES) {
      activateLocale(locale, catalogs[locale] as unknown as Messages);
      for (const note of findings(HOSTILE, { now: NOW })) expect(`${note.title} ${note.detail}`, locale).not.toMatch(/\b(findings|claims)\.[a-z]+[A-Z]/);
    }
  });
});
