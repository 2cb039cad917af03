import { afterEach, describe, expect, it } from 'vitest';
import { activateLocale, inEnglish, messagesFor } from './translate';
import { loadCatalog } from './load-catalog';
import english from './compiled/en/language.json';

const t = messagesFor(english);

afterEach(() => activateLocale('en'));

describe('messagesFor', () => {
  it('a label read again after a language switch is in the new language, and back (formatted labels are reused only within a language)', async () => {
    expect(t('language.label')).toBe('Language');
    expect(t('language.label')).toBe('Language');
    activateLocale('ja', await loadCatalog('ja'));
    expect(t('language.label')).toBe('言語');
    activateLocale('de', await loadCatalog('de'));
    expect(t('language.label')).toBe('Sprache');
    activateLocale('en');
    expect(t('language.label')).toBe('Language');
  });

  it('a message with arguments is formatted with each call’s arguments', async () => {
    activateLocale('fr', await loadCatalog('fr'));
    expect(t('language.failed', { language: 'Deutsch' })).toContain('Deutsch');
    expect(t('language.failed', { language: '日本語' })).toContain('日本語');
  });

  it('inEnglish reads English while another language is shown, without disturbing it', async () => {
    activateLocale('ko', await loadCatalog('ko'));
    expect(t('language.label')).toBe('언어');
    expect(inEnglish(() => t('language.label'))).toBe('Language');
    expect(t('language.label')).toBe('언어');
  });
});
