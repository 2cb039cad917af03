import { afterEach, describe, expect, it } from 'vitest';
import { activateLocale } from '@/lib/i18n/translate';
import { loadCatalog } from '@/lib/i18n/load-catalog';
import { describeTruncation } from './opened-token';

afterEach(() => activateLocale('en'));

describe('where a found token was cut short, in the language shown', () => {
  it('names the part and the character in Japanese and French, and in English as before', async () => {
    expect(describeTruncation({ part: 'signature', offset: 57 })).toBe('cut short in the signature, after character 57');
    activateLocale('ja', await loadCatalog('ja'));
    expect(describeTruncation({ part: 'signature', offset: 57 })).toBe('署名の 57 文字目の後で切れています');
    expect(describeTruncation({ part: 'disclosure', index: 1, offset: 90 })).toBe('2 番目の開示の 90 文字目の後で切れています');
    activateLocale('fr', await loadCatalog('fr'));
    expect(describeTruncation({ part: 'tag', offset: 3 })).toBe('coupé dans l’étiquette d’authentification, après le caractère 3');
    activateLocale('en');
    expect(describeTruncation({ part: 'disclosure', index: 1, offset: 90 })).toBe('cut short in the disclosure 2, after character 90');
  });
});
