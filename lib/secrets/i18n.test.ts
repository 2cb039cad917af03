import { afterEach, describe, expect, it } from 'vitest';
import type { Messages } from '@lingui/core';
import es from '@/lib/i18n/compiled/es.json';
import { activateLocale } from '@/lib/i18n/translate';
import { listedSecretFinding, verifiesWithWellKnownFinding } from './findings';

afterEach(() => activateLocale('en'));

describe('well-known secret notes in the active language', () => {
  it('titles and explains both notes in Spanish, quoting the secret as it is', () => {
    activateLocale('es', es as unknown as Messages);
    expect(listedSecretFinding('secret', 'utf8')?.title).toBe('Este secreto está en la lista de secretos conocidos');
    const verifies = verifiesWithWellKnownFinding('your-256-bit-secret');
    expect(verifies.title).toBe('Este token se verifica con un secreto conocido');
    expect(verifies.detail).toMatch(/^Este token se verifica con el secreto conocido «your-256-bit-secret»\./);
  });
});
