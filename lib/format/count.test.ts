import { describe, expect, it } from 'vitest';
import { formatCount } from './count';

describe('formatCount', () => {
  it('groups thousands with commas, whatever the machine locale', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1024)).toBe('1,024');
    expect(formatCount(1_048_576)).toBe('1,048,576');
  });
});

describe('formatCount in the active language', () => {
  it('groups thousands the way the active language does', async () => {
    const { activateLocale } = await import('@/lib/i18n/translate');
    try {
      activateLocale('de');
      expect(formatCount(1_048_576)).toBe('1.048.576');
      activateLocale('fr');
      expect(formatCount(1024)).toBe('1\u202f024');
    } finally {
      activateLocale('en');
    }
    expect(formatCount(1024)).toBe('1,024');
  });
});
