import { afterEach, describe, expect, it } from 'vitest';
import { activateLocale } from '@/lib/i18n/translate';
import { loadCatalog } from '@/lib/i18n/load-catalog';
import { createDecoderDerivation } from './decoder-derived';
import { checking, noToken, undecodable } from './verification';

const BROKEN = 'eyJhbGciOiJIUzI1NiJ9.e30';

afterEach(() => activateLocale('en'));

describe('the decoder’s derived values follow the language shown', () => {
  it('decodes again when the language changes, and only then: the same text in the same language keeps its result', async () => {
    const derive = createDecoderDerivation();
    const english = derive.decodeEditor(BROKEN, 'en');
    expect(english.error?.message).toMatch(/^2 segments: a JWS has 3/);
    expect(derive.decodeEditor(BROKEN, 'en')).toBe(english);

    activateLocale('ko', await loadCatalog('ko'));
    const korean = derive.decodeEditor(BROKEN, 'ko');
    expect(korean).not.toBe(english);
    expect(korean.error?.message).toMatch(/^세그먼트가 2개입니다/);
    expect(derive.decodeEditor(BROKEN, 'ko')).toBe(korean);
    expect(derive.decodeOpened(BROKEN, 'ko')?.error?.message).toBe(korean.error?.message);
  });

  it('the verdicts shown before a result keep their identity within a language and are worded in it', async () => {
    expect(checking()).toBe(checking());
    expect(noToken().message).toBe('Paste a token to verify it.');
    expect(undecodable().message).toBe('The token cannot be decoded, so its signature cannot be checked.');
    const english = checking();
    activateLocale('es', await loadCatalog('es'));
    expect(checking()).not.toBe(english);
    expect(checking()).toBe(checking());
    expect(checking().message).toBe('Comprobando la firma…');
    expect(noToken().message).toBe('Pega un token para verificarlo.');
    const derive = createDecoderDerivation();
    const verdict = checking();
    expect(derive.seeSignatures(verdict, 'es').message).toBe('Cada firma se comprueba por separado: consulta las firmas que aparecen con el token.');
  });
});
