import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileMessageOrThrow, type CompiledMessage } from '@lingui/message-utils/compileMessage';
import { COMPILED_DIR, compiledFiles, readSources } from '../../scripts/compile-messages.mjs';
import { LOCALES } from './locales';
import kept from './glossary/kept.json';

// Every catalog is checked against English: the same messages, the same arguments,
// the plural forms its language needs, and no English left untranslated.
const sources = readSources();
const english = sources.en ?? {};
const englishIds = Object.values(english).flatMap((part) => Object.keys(part)).sort();

interface Glossary {
  language: string;
  kept: string[];
  terms: Record<string, string>;
}

function glossaryOf(locale: string): Glossary {
  return JSON.parse(readFileSync(path.join(__dirname, 'glossary', `${locale}.json`), 'utf8')) as Glossary;
}

/** Arguments as `name:type` (a plural's or select's own choices are walked too), sorted. */
function argumentsOf(message: CompiledMessage): string[] {
  const found = new Set<string>();
  const walk = (tokens: CompiledMessage) => {
    for (const token of tokens) {
      if (typeof token === 'string') continue;
      const [name, type, format] = token;
      found.add(`${name}:${type ?? 'text'}`);
      if (format && typeof format === 'object') {
        for (const [choice, branch] of Object.entries(format as Record<string, unknown>)) {
          if (choice !== 'offset' && Array.isArray(branch)) walk(branch as CompiledMessage);
        }
      }
    }
  };
  walk(message);
  return [...found].sort();
}

/** The plural categories each `plural` uses (exact `=n` choices aside). */
function pluralCategoriesOf(message: CompiledMessage): string[][] {
  const found: string[][] = [];
  const walk = (tokens: CompiledMessage) => {
    for (const token of tokens) {
      if (typeof token === 'string') continue;
      const [, type, format] = token;
      if (!format || typeof format !== 'object') continue;
      const choices = Object.keys(format as object).filter((choice) => choice !== 'offset');
      if (type === 'plural') found.push(choices.filter((choice) => !/^\d+$/.test(choice)).sort());
      for (const choice of choices) {
        const branch = (format as Record<string, unknown>)[choice];
        if (Array.isArray(branch)) walk(branch as CompiledMessage);
      }
    }
  };
  walk(message);
  return found;
}

/** The message's own words: arguments, kept terms and code-like strings taken out. */
function wordsOf(message: CompiledMessage, keptTerms: readonly string[]): string[] {
  const texts: string[] = [];
  const walk = (tokens: CompiledMessage) => {
    for (const token of tokens) {
      if (typeof token === 'string') texts.push(token);
      else if (token[2] && typeof token[2] === 'object') {
        for (const [choice, branch] of Object.entries(token[2] as Record<string, unknown>)) {
          if (choice !== 'offset' && Array.isArray(branch)) walk(branch as CompiledMessage);
        }
      }
    }
  };
  walk(message);
  let text = texts.join(' ');
  // Longest first, so "OpenID Connect" goes before "OpenID".
  for (const term of [...keptTerms].sort((a, b) => b.length - a.length)) {
    const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    text = text.replace(new RegExp(`(?<![\\p{L}\\d])${escaped}(?![\\p{L}\\d])`, 'gu'), ' ');
  }
  return text
    .replace(/`[^`]*`/g, ' ')
    .replace(/"[^"]*"/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .split(/[^A-Za-z]+/u)
    .filter((word) => word.length >= 2 && !/[A-Z].*[A-Z]/.test(word.slice(1)));
}

// Words English sentences need and none of the other seven languages writes.
const ENGLISH_ONLY_WORDS = new Set(['the', 'and', 'with', 'this', 'that', 'is', 'are', 'not', 'for', 'from', 'which', 'when', 'your', 'you', 'has', 'have', 'cannot', 'should', 'must', 'its', 'it', 'be', 'been', 'of', 'to']);

describe('message catalogs', () => {
  it('English has messages, each valid ICU MessageFormat', () => {
    expect(englishIds.length).toBeGreaterThan(0);
    for (const part of Object.values(english)) for (const message of Object.values(part)) expect(() => compileMessageOrThrow(message)).not.toThrow();
  });

  it('English plurals have the forms English needs (one, other)', () => {
    for (const part of Object.values(english)) {
      for (const [id, message] of Object.entries(part)) for (const used of pluralCategoriesOf(compileMessageOrThrow(message))) expect(used, id).toEqual(['one', 'other']);
    }
  });

  it('every message ID is used once across the English parts', () => {
    expect(new Set(englishIds).size).toBe(englishIds.length);
  });

  it('the compiled catalogs are up to date with their sources (npm run messages)', () => {
    for (const [relative, text] of Object.entries(compiledFiles(sources))) {
      const file = path.join(COMPILED_DIR, relative);
      expect(existsSync(file) ? readFileSync(file, 'utf8') : null, relative).toBe(text);
    }
  });

  for (const locale of LOCALES.filter((locale) => locale !== 'en')) {
    describe(locale, () => {
      const catalog = sources[locale] ?? {};
      const glossary = glossaryOf(locale);
      const keptTerms = [...kept.terms, ...glossary.kept];
      const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories.slice().sort();

      it('has a glossary for its language', () => {
        expect(glossary.language).toBe(locale);
        expect(Object.keys(glossary.terms).length).toBeGreaterThan(20);
      });

      it('has exactly the English parts and message IDs', () => {
        expect(Object.keys(catalog).sort()).toEqual(Object.keys(english).sort());
        for (const [part, messages] of Object.entries(english)) expect(Object.keys(catalog[part] ?? {}).sort(), part).toEqual(Object.keys(messages).sort());
      });

      it('uses the same arguments as English, and the plural forms its language needs', () => {
        for (const [part, messages] of Object.entries(english)) {
          for (const [id, source] of Object.entries(messages)) {
            const translated = catalog[part]?.[id];
            if (translated === undefined) continue;
            const compiled = compileMessageOrThrow(translated);
            expect(argumentsOf(compiled), `${id}: arguments`).toEqual(argumentsOf(compileMessageOrThrow(source)));
            for (const used of pluralCategoriesOf(compiled)) expect(used, `${id}: plural categories for ${locale}`).toEqual(categories);
          }
        }
      });

      it('leaves no English untranslated, beyond the glossary’s kept terms', () => {
        const left: string[] = [];
        for (const [part, messages] of Object.entries(english)) {
          for (const [id, source] of Object.entries(messages)) {
            const translated = catalog[part]?.[id];
            if (translated === undefined) continue;
            const words = wordsOf(compileMessageOrThrow(translated), keptTerms);
            const englishWords = wordsOf(compileMessageOrThrow(source), keptTerms);
            const sameAsEnglish = words.length > 0 && words.join(' ') === englishWords.join(' ');
            const englishOnly = words.filter((word) => ENGLISH_ONLY_WORDS.has(word.toLowerCase()));
            if (sameAsEnglish || englishOnly.length > 0) left.push(`${id}: ${translated}`);
          }
        }
        expect(left).toEqual([]);
      });
    });
  }
});
