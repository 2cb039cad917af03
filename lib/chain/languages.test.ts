// The chain verdict and each certificate's faults are worded in the language shown.
import { afterEach, describe, expect, it } from 'vitest';
import type { Messages } from '@lingui/core';
import { activateLocale } from '@/lib/i18n/translate';
import fr from '@/lib/i18n/compiled/fr.json';
import zh from '@/lib/i18n/compiled/zh-Hans.json';
import { decodeBase64Url } from '@/lib/jws/base64url';
import { certificatesFromPem, certificatesFromX5c } from './input';
import { validateChain } from './validate';
import fixtures from './fixtures/chain.json';

function chainOf(token: string): Uint8Array[] {
  const bytes = decodeBase64Url(token.split('.')[0]!);
  if (!bytes.ok) throw new Error(bytes.error);
  const list = certificatesFromX5c((JSON.parse(new TextDecoder().decode(bytes.bytes)) as { x5c: unknown }).x5c);
  if (!list.ok) throw new Error(list.error);
  return list.ders;
}

function anchors(text: string): Uint8Array[] {
  const list = certificatesFromPem(text);
  if (!list.ok) throw new Error(list.error);
  return list.ders;
}

afterEach(() => activateLocale('en'));

describe('certificate chain verdicts in the language shown', () => {
  it('a valid path and an expired leaf, in French', async () => {
    activateLocale('fr', fr as unknown as Messages);
    const good = await validateChain({ chain: chainOf(fixtures.tokens.good), anchors: anchors(fixtures.rootPem), at: new Date(fixtures.dates.inside) });
    expect(good).toMatchObject({
      ok: true,
      verdict: 'valid',
      message: 'Le chemin de la feuille jusqu’à un certificat de confiance est valide au 2027-06-01T00:00:00Z : signatures, validité, chaînage des noms et contraintes de CA sont corrects.',
    });
    const late = await validateChain({ chain: chainOf(fixtures.tokens.good), anchors: anchors(fixtures.rootPem), at: new Date(fixtures.dates.afterLeaf) });
    if (!late.ok) throw new Error(late.error);
    expect(late.certificates[0]!.problems).toContain('Expiré le 2030-01-01T00:00:00Z.');
  });

  it('input errors in Simplified Chinese', () => {
    activateLocale('zh-Hans', zh as unknown as Messages);
    expect(certificatesFromX5c('nope')).toEqual({ ok: false, error: '"x5c" 标头必须是由 base64 DER 证书组成的非空数组（RFC 7515 §4.1.6）。' });
    expect(certificatesFromPem('-----BEGIN CERTIFICATE-----\nMII')).toMatchObject({ ok: false, error: '证书 1 没有 END 行（-----END CERTIFICATE-----）；是否被截断了？' });
  });
});
