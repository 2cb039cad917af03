import { afterEach, describe, expect, it } from 'vitest';
import type { Messages } from '@lingui/core';
import { activateLocale } from '@/lib/i18n/translate';
import { blockedHint } from './provider-hints';
import { parseRedirect } from './authorize';
import { tokenResult } from './token';

async function show(locale: 'ja' | 'fr' | 'de') {
  activateLocale(locale, (await import(`@/lib/i18n/compiled/${locale}.json`)).default as Messages);
}

afterEach(() => activateLocale('en'));

const ORIGIN = 'https://workbench.example';
const response = (status: number, body: unknown) => ({ blocked: false as const, request: { method: 'POST' as const, url: 'https://op.example/token', headers: {} }, response: { status, headers: {}, body: JSON.stringify(body) } });

describe('what getting a token says, in the language shown', () => {
  it('tells where to allow this origin at the provider, in Japanese, with the origin and the console’s own names', async () => {
    await show('ja');
    const hint = blockedHint('https://tenant.auth0.com/', ORIGIN);
    expect(hint.message).toBe(`Auth0 のアプリケーション設定で、"Allowed Web Origins" に ${ORIGIN} を追加してください (コールバック URL は "Allowed Callback URLs" に)。`);
    expect(blockedHint('https://id.example/', ORIGIN).message).toContain('(CORS)');
    expect(blockedHint('https://id.example/', ORIGIN).message).not.toMatch(/\b(the|allow|use)\b/i);
  });

  it('says why a redirect or a token response is refused, in French, keeping the parameter names', async () => {
    await show('fr');
    const wrongState = parseRedirect('https://workbench.example/#code=c&state=other', { state: 'sent' });
    expect(wrongState.ok ? null : wrongState.error.message).toBe('Le state n’est pas celui envoyé : la redirection ne répond pas à cette requête');
    const refused = parseRedirect('https://workbench.example/#error=access_denied&error_description=no&state=sent', { state: 'sent' });
    expect(refused.ok ? null : refused.error.message).toBe('Le fournisseur a répondu access_denied : no');
    const http = tokenResult(response(502, 'x'));
    expect(http.ok ? null : http.error.message).toBe('Le point de terminaison de jeton a répondu HTTP 502');
    const incomplete = tokenResult(response(200, { token_type: 'Bearer' }));
    expect(incomplete.ok ? null : incomplete.error.message).toBe('La réponse de jeton n’a pas d’access_token ou de token_type');
  });

  it('keeps the English words as they were', () => {
    const refused = parseRedirect('https://workbench.example/#error=access_denied&state=sent', { state: 'sent' });
    expect(refused.ok ? null : refused.error.message).toBe('The provider answered access_denied');
    expect(blockedHint('https://id.example/', ORIGIN).message).toBe(`The provider did not allow ${ORIGIN} to read its answer (CORS). Allow this origin in the client's settings, or use the curl command.`);
  });
});
