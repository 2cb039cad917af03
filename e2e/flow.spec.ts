// Getting a token from a real OpenID provider (oidc-provider on 127.0.0.1, started here):
// Chromium signs in through the provider's pages, and the page exchanges the code,
// verifies the ID token, refreshes, calls userinfo, binds tokens with DPoP, and, where
// the provider does not let the page read its answers, hands out the curl command.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { findTokens } from '../lib/find';
import { RESOURCE_SERVER, RESOURCE_SERVER_SECRET, startProvider, type RunningProvider } from '../lib/oauth/testing/provider';

const run = promisify(execFile);
const PAGE_CLIENT = 'workbench-page';
const NO_CORS_CLIENT = 'workbench-page-without-cors';

test.describe.configure({ mode: 'serial', timeout: 60_000 });

let op: RunningProvider;
let pageUrl: string;

test.beforeAll(async ({}, testInfo) => {
  pageUrl = String(testInfo.project.use.baseURL ?? 'http://127.0.0.1:3100/');
  const redirectUri = `${new URL(pageUrl).origin}/`;
  op = await startProvider({
    pageClients: [
      { clientId: PAGE_CLIENT, redirectUri, cors: true },
      { clientId: NO_CORS_CLIENT, redirectUri, cors: false },
    ],
  });
});
test.afterAll(() => op?.close());

async function openFlow(browser: Browser, har?: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: pageUrl, serviceWorkers: 'block', ...(har && { recordHar: { path: har, content: 'embed' } }) });
  const page = await context.newPage();
  await page.goto('./');
  await page.getByTestId('mode-flow').click();
  return { context, page };
}

/** Fills the set-up, discovers, and signs in through the provider's development login and consent pages. */
async function signIn(page: Page, clientId: string, options: { dpop?: boolean; par?: boolean; responseMode?: 'fragment' | 'query'; responseType?: string } = {}): Promise<void> {
  await page.getByTestId('flow-issuer').fill(op.issuer);
  await page.getByTestId('flow-discover').click();
  await expect(page.getByTestId('flow-endpoints')).toContainText(`${op.issuer}/token`);
  await expect(page.getByTestId('flow-redirect-uri')).toHaveText(`${new URL(pageUrl).origin}/`);
  await page.getByTestId('flow-client-id').fill(clientId);
  await page.getByTestId('flow-scope').fill('openid offline_access profile');
  if (options.dpop) await page.getByTestId('flow-dpop').check();
  if (options.responseType) await page.getByTestId('flow-response-type').selectOption(options.responseType);
  if (options.responseMode) await page.getByTestId('flow-response-mode').selectOption(options.responseMode);
  if (options.par) await page.getByTestId('flow-par').check();
  const pushed = options.par ? page.waitForRequest((request) => request.url() === `${op.issuer}/request` && request.method() === 'POST') : null;
  const authorizationRequest = page.waitForRequest((request) => request.url().startsWith(`${op.issuer}/auth?`));
  await page.getByTestId('flow-start').click();
  const authorization = new URL((await authorizationRequest).url());
  await page.locator('input[name=login]').fill('alice');
  await page.locator('input[name=password]').fill('any password');
  await page.locator('button[type=submit]').click();
  await page.locator('button[type=submit]').click();
  await page.waitForURL((url) => url.origin === new URL(pageUrl).origin);
  // What was asked: code with PKCE (S256), state, nonce, in the fragment unless asked otherwise.
  // With PAR, the parameters went in the pushed request and the address carries its request_uri.
  if (pushed) {
    expect(await (await pushed).response().then((response) => response?.status())).toBe(201);
    expect(authorization.searchParams.get('request_uri')).toMatch(/^urn:ietf:params:oauth:request_uri:/);
  }
  const asked = pushed ? new URLSearchParams((await pushed).postData() ?? '') : authorization.searchParams;
  expect(asked.get('response_type')).toBe(options.responseType ?? 'code');
  expect(asked.get('code_challenge_method')).toBe('S256');
  expect(asked.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(asked.get('response_mode')).toBe(options.responseMode ?? 'fragment');
  expect(asked.get('nonce')).toBeTruthy();
  expect(asked.get('state')).toBeTruthy();
}

async function introspect(token: string): Promise<Record<string, unknown>> {
  const body = new URLSearchParams({ token, client_id: RESOURCE_SERVER, client_secret: RESOURCE_SERVER_SECRET });
  const response = await fetch(`${op.issuer}/token/introspection`, { method: 'POST', body });
  return (await response.json()) as Record<string, unknown>;
}

const tokenOf = (page: Page, kind: string) => page.locator(`[data-testid=flow-token][data-kind=${kind}]`).getAttribute('data-token');

test('code + PKCE in the fragment: tokens, the ID token verified and checked, refresh, userinfo; every token in the HAR', async ({ browser }) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'flow-har-'));
  const har = path.join(dir, 'flow.har');
  const { context, page } = await openFlow(browser, har);
  await signIn(page, PAGE_CLIENT);

  // The code and state left the address before anything else.
  await expect(page.getByTestId('flow-token').first()).toBeVisible();
  expect(page.url()).not.toMatch(/code=|state=/);
  expect(await page.evaluate(() => Object.keys(sessionStorage).filter((key) => key.includes('flow')))).toEqual([]);

  const exchange = page.locator(`[data-testid=flow-log-entry][data-url="${op.issuer}/token"][data-method=POST]`);
  await expect(exchange.first()).toHaveAttribute('data-status', '200');
  const idToken = (await tokenOf(page, 'id_token'))!;
  const accessToken = (await tokenOf(page, 'access_token'))!;
  const refreshToken = (await tokenOf(page, 'refresh_token'))!;
  expect(idToken.split('.')).toHaveLength(3);

  // Verified against the provider's own jwks_uri, and checked (§3.1.3.7).
  await expect(page.locator(`[data-testid=flow-log-entry][data-url="${op.issuer}/jwks"]`)).toHaveAttribute('data-status', '200');
  await expect(page.getByTestId('flow-id-token-signature')).toHaveAttribute('data-state', 'valid');
  const checks = page.locator('[data-testid=flow-id-token-signature] ~ ul [data-testid=oidc-check]');
  for (const name of ['iss', 'aud', 'nonce', 'exp']) await expect(checks.and(page.locator(`[data-check=${name}]`))).toHaveAttribute('data-state', 'pass');
  // at_hash only in ID tokens from the authorization endpoint: passes when present, never fails.
  const atHash = await checks.and(page.locator('[data-check=at_hash]')).getAttribute('data-state');
  const payload = JSON.parse(Buffer.from(idToken.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
  expect(atHash).toBe(payload.at_hash === undefined ? 'unchecked' : 'pass');

  await page.getByTestId('flow-userinfo').click();
  await expect(page.locator(`[data-testid=flow-log-entry][data-url="${op.issuer}/me"]`)).toHaveAttribute('data-status', '200');
  await page.getByTestId('flow-refresh').click();
  await expect(exchange).toHaveCount(2);
  await expect(exchange.nth(1)).toHaveAttribute('data-status', '200');
  await expect.poll(() => tokenOf(page, 'access_token')).not.toBe(accessToken);
  const received = new Set([idToken, accessToken, refreshToken, (await tokenOf(page, 'access_token'))!, (await tokenOf(page, 'id_token'))!, (await tokenOf(page, 'refresh_token'))!]);

  // Grants that need a secret: curl commands only, the secret read from the terminal's $CLIENT_SECRET.
  await expect(page.getByTestId('flow-secret-curl').first()).toContainText('client_secret=$CLIENT_SECRET');

  // Revoking the refresh token: the provider then refuses it.
  await page.getByTestId('flow-revoke').click();
  await expect(page.locator(`[data-testid=flow-log-entry][data-url="${op.issuer}/token/revocation"]`)).toHaveAttribute('data-status', '200');
  await page.getByTestId('flow-refresh').click();
  await expect(exchange).toHaveCount(3);
  await expect(exchange.nth(2)).toHaveAttribute('data-status', '400');
  await expect(page.getByTestId('flow-message')).toContainText('invalid_grant');

  // In the decoder, with the nonce and client ID filled in; another nonce fails.
  await page.locator('[data-testid=flow-token][data-kind=id_token] [data-testid=flow-open-token]').click();
  await expect(page.getByTestId('oidc-expected-client-id')).toHaveValue(PAGE_CLIENT);
  await expect(page.locator('[data-testid=oidc-check][data-check=nonce]:visible')).toHaveAttribute('data-state', 'pass');
  await page.getByTestId('oidc-expected-nonce').fill('another nonce');
  await expect(page.locator('[data-testid=oidc-check][data-check=nonce]:visible')).toHaveAttribute('data-state', 'fail');

  await context.close();
  const harText = await readFile(har, 'utf8');
  await rm(dir, { recursive: true });
  const found = new Set(findTokens(harText).map((token) => token.token));
  for (const token of received) {
    // JWTs are found by the finder; opaque tokens (not JWTs) by their text.
    if (token.split('.').length === 3) expect(found.has(token), 'a JWT the page received is found in the HAR').toBe(true);
    else expect(harText.includes(token), 'an opaque token the page received is in the HAR').toBe(true);
  }
});

test("DPoP (after a pushed authorization request): the tokens are bound to the page's key, proof per request with the server's nonce", async ({ browser }) => {
  const { context, page } = await openFlow(browser);
  await signIn(page, PAGE_CLIENT, { dpop: true, par: true });
  // The log made before the redirect came back with the answer.
  await expect(page.locator(`[data-testid=flow-log-entry][data-url="${op.issuer}/.well-known/openid-configuration"]`)).toHaveAttribute('data-status', '200');
  await expect(page.locator(`[data-testid=flow-log-entry][data-url="${op.issuer}/request"]`)).toHaveAttribute('data-status', '201');
  const binding = page.getByTestId('flow-dpop-binding');
  await expect(binding).toHaveAttribute('data-state', 'pass');
  const thumbprint = await binding.getAttribute('data-jkt');
  // The server asked for a nonce first (400 use_dpop_nonce), then answered the retry.
  const exchanges = page.locator(`[data-testid=flow-log-entry][data-url="${op.issuer}/token"]`);
  await expect(exchanges).toHaveCount(2);
  await expect(exchanges.nth(0)).toHaveAttribute('data-status', '400');
  await expect(exchanges.nth(1)).toHaveAttribute('data-status', '200');
  const accessToken = (await tokenOf(page, 'access_token'))!;
  expect(await introspect(accessToken)).toMatchObject({ active: true, cnf: { jkt: thumbprint } });
  await page.getByTestId('flow-userinfo').click();
  await expect(page.locator(`[data-testid=flow-log-entry][data-url="${op.issuer}/me"]`).last()).toHaveAttribute('data-status', '200');

  // The view with its log and tokens: labelled and legible in both themes, and no sideways scroll on a phone.
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await expect(page.locator('html')).toHaveClass(theme === 'dark' ? /\bdark\b/ : /^(?!.*\bdark\b)/);
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => `${theme}: ${violation.id} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
    expect(serious).toEqual([]);
  }
  await page.setViewportSize({ width: 375, height: 812 });
  await page.locator('[data-testid=flow-log-entry] summary').first().click();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await context.close();
});

test('a provider that does not let the page read its answers: flow-blocked, and the curl command gets the tokens', async ({ browser }) => {
  const { context, page } = await openFlow(browser);
  await signIn(page, NO_CORS_CLIENT, { responseMode: 'query' });
  await expect(page.getByTestId('flow-blocked')).toContainText('CORS');
  // The answer came in the query this time; it left the address all the same.
  expect(new URL(page.url()).search).toBe('');
  await expect(page.locator(`[data-testid=flow-log-entry][data-url="${op.issuer}/token"]`)).toHaveAttribute('data-status', '');
  const command = await page.getByTestId('flow-curl').textContent();
  await context.close();
  expect(command).toMatch(/^curl /);
  expect(command).toContain('code_verifier=');
  const { stdout } = await run('/bin/bash', ['-c', command!.replace(/^curl /, '/usr/bin/curl ')], { env: { ...process.env, PATH: '/usr/bin:/bin' } });
  const tokens = JSON.parse(stdout) as Record<string, unknown>;
  expect(tokens).toMatchObject({ token_type: 'Bearer', access_token: expect.any(String), id_token: expect.any(String) });
});

test('hybrid code id_token token: the ID token that comes back with the code passes nonce, at_hash and c_hash; another nonce fails in the decoder', async ({ browser }) => {
  const { context, page } = await openFlow(browser);
  await signIn(page, PAGE_CLIENT, { responseType: 'code id_token token' });
  // The answer (code, ID token, access token) left the address at once.
  const frontIdToken = page.locator('[data-testid=flow-token][data-kind=id_token][data-channel=front]');
  await expect(frontIdToken).toBeVisible();
  expect(page.url()).not.toMatch(/code=|state=|token=/);
  expect(await page.evaluate(() => JSON.stringify({ ...sessionStorage, ...localStorage }))).not.toMatch(/eyJ/);
  await expect(frontIdToken).toContainText('front channel');

  const report = page.locator('[data-testid=flow-id-token-report][data-channel=front]');
  await expect(report.getByTestId('flow-id-token-signature')).toHaveAttribute('data-state', 'valid');
  for (const name of ['nonce', 'at_hash', 'c_hash', 'iss', 'aud']) await expect(report.locator(`[data-testid=oidc-check][data-check=${name}]`)).toHaveAttribute('data-state', 'pass');
  const idToken = (await frontIdToken.getAttribute('data-token'))!;
  const payload = JSON.parse(Buffer.from(idToken.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
  expect(payload).toMatchObject({ at_hash: expect.any(String), c_hash: expect.any(String) });

  // Then the code was exchanged as usual, with the PKCE verifier.
  const exchange = page.locator(`[data-testid=flow-log-entry][data-url="${op.issuer}/token"][data-method=POST]`);
  await expect(exchange).toHaveAttribute('data-status', '200');
  await expect(page.locator('[data-testid=flow-token][data-kind=id_token][data-channel=token]')).toBeVisible();

  await frontIdToken.getByTestId('flow-open-token').click();
  await expect(page.locator('[data-testid=oidc-check][data-check=nonce]:visible')).toHaveAttribute('data-state', 'pass');
  await page.getByTestId('oidc-expected-nonce').fill('another nonce');
  await expect(page.locator('[data-testid=oidc-check][data-check=nonce]:visible')).toHaveAttribute('data-state', 'fail');
  await context.close();
});

test("the view's code loads when the view is opened, not with the page", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: pageUrl, serviceWorkers: 'block' });
  const page = await context.newPage();
  const scripts: string[] = [];
  page.on('response', (response) => {
    if (response.url().endsWith('.js')) void response.text().then((text) => scripts.push(text), () => undefined);
  });
  await page.goto('./');
  await page.waitForLoadState('networkidle');
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.some((text) => text.includes('flow-redirect-uri'))).toBe(false);
  await page.getByTestId('mode-flow').click();
  await expect(page.getByTestId('flow-redirect-uri')).toHaveText(`${new URL(pageUrl).origin}/`);
  await expect.poll(() => scripts.some((text) => text.includes('flow-redirect-uri'))).toBe(true);
  await context.close();
});

test("the user cancels at the provider: its error answer is shown, and the pending flow is gone", async ({ browser }) => {
  const { context, page } = await openFlow(browser);
  await page.getByTestId('flow-issuer').fill(op.issuer);
  await page.getByTestId('flow-discover').click();
  await page.getByTestId('flow-client-id').fill(PAGE_CLIENT);
  await page.getByTestId('flow-start').click();
  await page.getByRole('link', { name: /cancel/i }).click();
  await expect(page.getByTestId('flow-message')).toContainText('access_denied');
  expect(page.url()).not.toMatch(/error=|state=/);
  await expect(page.getByTestId('flow-token')).toHaveCount(0);
  expect(await page.evaluate(() => Object.keys(sessionStorage).filter((key) => key.includes('flow')))).toEqual([]);
  await context.close();
});
