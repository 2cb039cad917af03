import { describe, expect, it } from 'vitest';
import english from '@/lib/i18n/compiled/en/claims.json';
import { CLAIM_TEXT } from './catalogue-text';
import { CLAIM_CATALOGUE, CLAIM_PATTERNS } from './catalogue';

describe('catalogue text table', () => {
  it('names, for each key, the title and description messages of that key', () => {
    for (const [key, [title, description]] of Object.entries(CLAIM_TEXT)) {
      expect(title).toBe(`claims.${key}Title`);
      expect(description).toBe(`claims.${key}Description`);
      expect(english[title]).toBeDefined();
      expect(english[description]).toBeDefined();
    }
  });

  it('gives every catalogue entry its own English title and description', () => {
    const entries = [...CLAIM_CATALOGUE, ...CLAIM_PATTERNS.map((rule) => ({ ...rule.info, where: 'pattern' }))];
    // Every line of the table is an entry's: none is left over.
    expect(entries.length).toBe(Object.keys(CLAIM_TEXT).length);
    const englishTitles = new Set(Object.entries(english).filter(([id]) => id.endsWith('Title')).map(([, message]) => (message as string[]).join('')));
    for (const entry of entries) {
      expect(englishTitles).toContain(entry.title);
      expect(entry.description.length).toBeGreaterThan(10);
    }
  });
});
