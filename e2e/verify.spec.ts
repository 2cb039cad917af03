import { execFileSync } from 'node:child_process';
import { constants, createHmac, createPrivateKey, generateKeyPairSync, randomBytes, sign as nodeSign, X509Certificate, type KeyObject } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test as watched, expect as baseExpect, waitForMonaco, fillEditor } from './fixtures';
import { b64url, decoderLink } from './tokens';

// Crypto and Monaco load lazily; on a busy machine that can take a while.
const expect = baseExpect.configure({ timeout: 20_000 });

// Every test here is watched: it fails on requests to other origins, console errors or CSP violations.
const test = watched.extend<{ checks: void }>({
  checks: [
    async ({ watch }, use) => {
      void watch;
      await use();
    },
    { auto: true },
  ],
});

// Tokens and keys are made with Node's crypto and openssl, independently of the app's own code.

type Alg = 'HS256' | 'HS512' | 'RS256' | 'RS512' | 'PS256' | 'ES256' | 'ES384' | 'EdDSA';

const HASH: Record<Alg, string | null> = { HS256: 'sha256', HS512: 'sha512', RS256: 'sha256', RS512: 'sha512', PS256: 'sha256', ES256: 'sha256', ES384: 'sha384', EdDSA: null };

function signToken(alg: Alg, key: KeyObject | Buffer | string, payload: object, header: object = {}): string {
  const signingInput = `${b64url(JSON.stringify({ alg, typ: 'JWT', ...header }))}.${b64url(JSON.stringify(payload))}`;
  const data = Buffer.from(signingInput);
  const hash = HASH[alg];
  let signature: Buffer;
  if (alg.startsWith('HS')) signature = createHmac(hash!, key as Buffer | string).update(signingInput).digest();
  else if (alg === 'PS256') signature = nodeSign(hash, data, { key: key as KeyObject, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 });
  else if (alg.startsWith('ES')) signature = nodeSign(hash, data, { key: key as KeyObject, dsaEncoding: 'ieee-p1363' });
  else signature = nodeSign(hash, data, key as KeyObject);
  return `${signingInput}.${signature.toString('base64url')}`;
}

const now = Math.floor(Date.now() / 1000);
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const otherRsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const otherP256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' });
const otherP384 = generateKeyPairSync('ec', { namedCurve: 'P-384' });
const ed = generateKeyPairSync('ed25519');
const otherEd = generateKeyPairSync('ed25519');

const pem = (key: KeyObject, type: 'spki' | 'pkcs1' | 'pkcs8' | 'sec1') => key.export({ type, format: 'pem' }).toString();
const jwkOf = (key: KeyObject, extra: object = {}) => ({ ...key.export({ format: 'jwk' }), ...extra });

/** A self-signed certificate and its private key, made by openssl. */
function makeCertificate(): { certPem: string; key: KeyObject } {
  const dir = mkdtempSync(path.join(tmpdir(), 'jwt-cert-'));
  try {
    const keyFile = path.join(dir, 'key.pem');
    const certFile = path.join(dir, 'cert.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-subj', '/CN=test', '-days', '1'], { stdio: 'ignore' });
    return { certPem: readFileSync(certFile, 'utf8'), key: createPrivateKey(readFileSync(keyFile)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function expectSignature(page: Page, state: 'valid' | 'invalid' | 'unverified' | 'error') {
  const status = page.getByTestId('signature-status');
  // A result for an older input stays on screen (aria-busy) while the new one is checked.
  await expect(status).toHaveAttribute('aria-busy', 'false');
  await expect(status).toHaveAttribute('data-state', state);
}

/** Opens a link and waits until the page shows this token (not the sample it starts with). */
async function openLink(page: Page, params: Record<string, string>, marker: string) {
  await page.goto(decoderLink(params));
  await expect(page.getByTestId('decoded-payload')).toContainText(marker);
}

interface FormatCase {
  format: string;
  alg: Alg;
  token: (payload: object) => string;
  key: string;
  wrongKey: string;
  secretEncoding?: 'base64url';
  detected: string | RegExp;
  /** More checks of what the page says about the key. */
  extra?: (page: Page) => Promise<void>;
}

function formatCases(): FormatCase[] {
  const utf8Secret = 'a shared secret of at least 32 bytes!';
  const bytesSecret = randomBytes(64);
  const certificate = makeCertificate();
  const otherCertificate = makeCertificate();
  const jwks = (ecKey: KeyObject) =>
    JSON.stringify({ keys: [jwkOf(rsa.publicKey, { kid: 'a', use: 'sig' }), jwkOf(ecKey, { kid: 'b', use: 'sig' }), jwkOf(ed.publicKey, { kid: 'c' })] }, null, 2);
  return [
    {
      format: 'HMAC secret as UTF-8 text',
      alg: 'HS256',
      token: (payload) => signToken('HS256', utf8Secret, payload),
      key: utf8Secret,
      wrongKey: 'a shared secret of at least 32 bytes?',
      detected: 'Secret (UTF-8 text)',
    },
    {
      format: 'HMAC secret as base64url bytes',
      alg: 'HS512',
      token: (payload) => signToken('HS512', bytesSecret, payload),
      key: bytesSecret.toString('base64url'),
      wrongKey: randomBytes(64).toString('base64url'),
      secretEncoding: 'base64url',
      detected: 'Secret (base64url)',
      extra: async (page) => {
        await expect(page.getByTestId('secret-encoding')).toHaveValue('base64url');
        await expect(page.getByTestId('key-format')).toContainText('512-bit secret');
      },
    },
    {
      format: 'SPKI PEM',
      alg: 'RS256',
      token: (payload) => signToken('RS256', rsa.privateKey, payload),
      key: pem(rsa.publicKey, 'spki'),
      wrongKey: pem(otherRsa.publicKey, 'spki'),
      detected: 'SPKI public key (PEM): RSA 2048-bit public key',
    },
    {
      format: 'PKCS#1 RSA PUBLIC KEY PEM',
      alg: 'PS256',
      token: (payload) => signToken('PS256', rsa.privateKey, payload),
      key: pem(rsa.publicKey, 'pkcs1'),
      wrongKey: pem(otherRsa.publicKey, 'pkcs1'),
      detected: 'PKCS#1 RSA public key (PEM)',
    },
    {
      format: 'X.509 certificate PEM',
      alg: 'RS256',
      token: (payload) => signToken('RS256', certificate.key, payload),
      key: certificate.certPem,
      wrongKey: otherCertificate.certPem,
      detected: 'X.509 certificate (PEM)',
      extra: async (page) => {
        const details = page.getByTestId('key-certificate');
        await expect(details).toContainText('CN=test');
        await expect(details).toContainText('self-signed');
        await expect(details).toHaveAttribute('data-expired', 'false');
        const validTo = new Date(new X509Certificate(certificate.certPem).validTo).toISOString().slice(0, 10);
        await expect(details).toContainText(validTo);
      },
    },
    {
      format: 'PKCS#8 private key PEM',
      alg: 'ES256',
      token: (payload) => signToken('ES256', p256.privateKey, payload),
      key: pem(p256.privateKey, 'pkcs8'),
      wrongKey: pem(otherP256.privateKey, 'pkcs8'),
      detected: 'PKCS#8 private key (PEM): EC P-256 private key',
      extra: async (page) => {
        await expect(page.getByTestId('key-warning')).toContainText(/private key was pasted/i);
      },
    },
    {
      format: 'PKCS#1 RSA PRIVATE KEY PEM',
      alg: 'RS512',
      token: (payload) => signToken('RS512', rsa.privateKey, payload),
      key: pem(rsa.privateKey, 'pkcs1'),
      wrongKey: pem(otherRsa.privateKey, 'pkcs1'),
      detected: 'PKCS#1 RSA private key (PEM)',
      extra: async (page) => {
        await expect(page.getByTestId('key-warning')).toContainText(/private key was pasted/i);
      },
    },
    {
      format: 'SEC1 EC PRIVATE KEY PEM',
      alg: 'ES384',
      token: (payload) => signToken('ES384', p384.privateKey, payload),
      key: pem(p384.privateKey, 'sec1'),
      wrongKey: pem(otherP384.privateKey, 'sec1'),
      detected: 'SEC1 EC private key (PEM): EC P-384 private key',
    },
    {
      format: 'JWK',
      alg: 'EdDSA',
      token: (payload) => signToken('EdDSA', ed.privateKey, payload),
      key: JSON.stringify(jwkOf(ed.publicKey)),
      wrongKey: JSON.stringify(jwkOf(otherEd.publicKey)),
      detected: 'JWK',
    },
    {
      format: 'JWKS, key picked by kid',
      alg: 'ES256',
      token: (payload) => signToken('ES256', p256.privateKey, payload, { kid: 'b' }),
      key: jwks(p256.publicKey),
      wrongKey: jwks(otherP256.publicKey),
      detected: 'JWKS with 3 keys',
      extra: async (page) => {
        const entries = page.getByTestId('key-entry');
        await expect(entries).toHaveCount(3);
        await expect(entries.nth(0)).toContainText('RSA 2048-bit public key');
        await expect(entries.nth(1)).toContainText('EC P-256 public key');
        await expect(page.locator('[data-testid="key-entry"][data-matches-kid="true"]')).toHaveAttribute('data-kid', 'b');
        await expect(page.getByTestId('signature-key')).toHaveAttribute('data-kid', 'b');
      },
    },
  ];
}

test.describe('a token opened by link verifies with each key format, and a wrong key does not', () => {
  // Each test opens its own link, which sets the token, key and encoding: one page per worker will do.
  test.use({ sharedPage: true });
  for (const testCase of formatCases()) {
    test(`${testCase.format} (${testCase.alg})`, async ({ page, watch }) => {
      const marker = `format ${testCase.format}`;
      const token = testCase.token({ sub: marker, iat: now, exp: now + 3600 });
      const encoding: Record<string, string> = testCase.secretEncoding ? { secretEncoding: testCase.secretEncoding } : {};
      await openLink(page, { token, key: testCase.key, ...encoding }, marker);
      await expectSignature(page, 'valid');
      await expect(page.getByTestId('signature-status')).toContainText(testCase.alg);
      await expect(page.getByTestId('key-format')).toContainText(testCase.detected);
      await testCase.extra?.(page);

      // The same token against a wrong key of the same kind: checked and wrong.
      await page.goto(decoderLink({ token, key: testCase.wrongKey, ...encoding }));
      await expectSignature(page, 'invalid');
      await expect(page.getByTestId('signature-status')).toContainText(/does not match|None of the/);
      expect(watch.requests.every((request) => !request.url.includes(token.slice(-20)))).toBe(true);
    });
  }

  test('a base64url secret read as UTF-8 text does not verify, and switching the encoding fixes it', async ({ page, watch }) => {
    const secret = randomBytes(32);
    const token = signToken('HS256', secret, { sub: 'encoding switch' });
    await openLink(page, { token, key: secret.toString('base64url') }, 'encoding switch');
    await expectSignature(page, 'invalid');
    await page.getByTestId('secret-encoding').selectOption('base64url');
    await expectSignature(page, 'valid');
    expect(watch.consoleErrors).toEqual([]);
  });

  test('a JWKS without a matching kid: the keys that fit are tried and the one that verified is named', async ({ page }) => {
    const keySet = { keys: [jwkOf(otherRsa.publicKey, { kid: 'old' }), jwkOf(p256.publicKey, { kid: 'ec' }), jwkOf(rsa.publicKey, { kid: 'current' })] };
    const token = signToken('RS256', rsa.privateKey, { sub: 'no kid' });
    await openLink(page, { token, key: JSON.stringify(keySet) }, 'no kid');
    await expectSignature(page, 'valid');
    await expect(page.getByTestId('signature-key')).toHaveAttribute('data-kid', 'current');
    await expect(page.getByTestId('signature-key')).toContainText('trying 2 keys');
  });

  test('a key typed into the editor re-verifies live', async ({ page }) => {
    const token = signToken('EdDSA', ed.privateKey, { sub: 'typed key' });
    await openLink(page, { token, key: JSON.stringify(jwkOf(otherEd.publicKey)) }, 'typed key');
    await expectSignature(page, 'invalid');
    await waitForMonaco(page, 'key-input');
    await fillEditor(page, 'key-input', pem(ed.publicKey, 'spki'));
    await expectSignature(page, 'valid');
    await expect(page.getByTestId('key-format')).toContainText('SPKI public key (PEM)');
  });
});

test.describe('keys and algorithms that do not fit', () => {
  test.use({ sharedPage: true });
  test('an HS256 token checked against a PEM public key is called out as key confusion', async ({ page }) => {
    const publicPem = pem(rsa.publicKey, 'spki');
    // The classic forgery: the public key's PEM text used as the HMAC secret.
    const token = signToken('HS256', publicPem, { sub: 'confused', admin: true });
    await openLink(page, { token, key: publicPem }, 'confused');
    await expectSignature(page, 'error');
    const status = page.getByTestId('signature-status');
    await expect(status).toHaveAttribute('data-key-confusion', 'true');
    await expect(status).toContainText('key-confusion attack');
    await expect(status).toContainText('The signature was not checked');
  });

  test('an RS256 token with an EC key says which key it needs', async ({ page }) => {
    const token = signToken('RS256', rsa.privateKey, { sub: 'mismatch' });
    await openLink(page, { token, key: JSON.stringify(jwkOf(p256.publicKey)) }, 'mismatch');
    await expectSignature(page, 'error');
    await expect(page.getByTestId('signature-status')).toContainText(/RS256 needs an RSA .*this is an EC P-256 public key/);
  });

  test('alg none is invalid, with the reason', async ({ page }) => {
    const token = `${b64url(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${b64url(JSON.stringify({ sub: 'unsecured' }))}.`;
    await openLink(page, { token, key: 'any secret at all' }, 'unsecured');
    await expectSignature(page, 'invalid');
    await expect(page.getByTestId('signature-status')).toContainText('no signature to verify');
  });

  test('an OpenSSH public key is explained next to the key editor', async ({ page }) => {
    const token = signToken('RS256', rsa.privateKey, { sub: 'ssh key' });
    const ssh = 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 user@host';
    await openLink(page, { token, key: ssh }, 'ssh key');
    await expect(page.getByTestId('key-error')).toContainText('OpenSSH public key');
    await expect(page.getByTestId('key-error')).toContainText('PEM');
    await expectSignature(page, 'error');
  });
});

test.describe('signature and claims are separate', () => {
  test('a validly signed expired token: signature valid, claims expired', async ({ page }) => {
    const token = signToken('ES256', p256.privateKey, { sub: 'expired but signed', iat: now - 7200, exp: now - 3600 });
    await openLink(page, { token, key: pem(p256.publicKey, 'spki') }, 'expired but signed');
    await expectSignature(page, 'valid');
    await expect(page.getByTestId('claims-status')).toHaveAttribute('data-state', 'expired');
  });

  test('clock skew and an expected issuer change the claim checks, not the signature', async ({ page }) => {
    const token = signToken('HS256', 'a shared secret of at least 32 bytes!', { iss: 'https://issuer.example', exp: now - 30 });
    await openLink(page, { token, key: 'a shared secret of at least 32 bytes!' }, 'issuer.example');
    await expect(page.getByTestId('claims-status')).toHaveAttribute('data-state', 'expired');
    await page.getByText('Clock skew and expected values').click();
    await page.getByTestId('clock-skew').fill('300');
    await expect(page.getByTestId('claims-status')).toHaveAttribute('data-state', /^ok/);
    await page.getByTestId('expected-iss').fill('https://other.example');
    await expect(page.getByTestId('claims-status')).toHaveAttribute('data-state', 'mismatch');
    await expectSignature(page, 'valid');
  });
});

test.describe('a certificate in the x5c header', () => {
  test('is offered with a warning, and verifies once chosen', async ({ page }) => {
    const certificate = makeCertificate();
    const der = new X509Certificate(certificate.certPem).raw.toString('base64');
    const token = signToken('RS256', certificate.key, { sub: 'carries x5c' }, { x5c: [der] });
    await openLink(page, { token }, 'carries x5c');
    await expectSignature(page, 'unverified');
    await expect(page.getByTestId('x5c-warning')).toContainText('proves nothing');
    await page.getByTestId('x5c-use').click();
    await expectSignature(page, 'valid');
    await expect(page.getByTestId('key-format')).toContainText('X.509 certificate (PEM)');
    await expect(page.getByTestId('signature-status')).toContainText("token's own x5c certificate");
  });
});

/** A local JWKS and discovery server on another origin (another port), as a real issuer would be. */
interface KeyServer {
  origin: string;
  routes: Map<string, { body: string; type?: string }>;
  hits: string[];
}

const withKeyServer = test.extend<{ keyServer: KeyServer }>({
  keyServer: async ({}, use) => {
    const routes = new Map<string, { body: string; type?: string }>();
    const hits: string[] = [];
    const server = createServer((request, response) => {
      hits.push(request.url ?? '');
      const route = routes.get(request.url ?? '');
      response.setHeader('Access-Control-Allow-Origin', '*');
      if (!route) {
        response.writeHead(404, { 'Content-Type': 'text/plain' });
        response.end('not found');
        return;
      }
      response.writeHead(200, { 'Content-Type': route.type ?? 'application/json' });
      response.end(route.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await use({ origin, routes, hits });
    await new Promise<void>((resolve) => server.close(() => resolve()));
  },
  allowedOrigins: async ({ keyServer }, use) => use([keyServer.origin]),
});

withKeyServer.describe('fetching keys only when asked', () => {
  withKeyServer('a JWKS fetched from a URL fills the key editor and verifies', async ({ page, keyServer, watch }) => {
    keyServer.routes.set('/jwks.json', { body: JSON.stringify({ keys: [jwkOf(otherRsa.publicKey, { kid: 'k1' }), jwkOf(rsa.publicKey, { kid: 'k2' })] }) });
    const token = signToken('RS256', rsa.privateKey, { sub: 'fetched jwks' }, { kid: 'k2' });
    await openLink(page, { token }, 'fetched jwks');
    await expectSignature(page, 'unverified');
    await page.getByTestId('jwks-url').fill(`${keyServer.origin}/jwks.json`);
    expect(keyServer.hits, 'nothing is fetched before the click').toEqual([]);
    await page.getByTestId('jwks-fetch').click();
    await expect(page.getByTestId('jwks-fetched')).toContainText(`${keyServer.origin}/jwks.json`);
    await expectSignature(page, 'valid');
    await expect(page.getByTestId('key-format')).toContainText('JWKS with 2 keys');
    await expect(page.getByTestId('signature-key')).toHaveAttribute('data-kid', 'k2');
    expect(keyServer.hits).toEqual(['/jwks.json']);
    // Only the URL went out: no token in any request.
    expect(watch.requests.filter((request) => request.url.startsWith(keyServer.origin)).map((request) => request.url)).toEqual([`${keyServer.origin}/jwks.json`]);
  });

  withKeyServer('discovery from iss follows the metadata to its jwks_uri and shows both URLs', async ({ page, keyServer }) => {
    const issuer = keyServer.origin;
    keyServer.routes.set('/.well-known/openid-configuration', { body: JSON.stringify({ issuer, jwks_uri: `${issuer}/keys` }) });
    keyServer.routes.set('/keys', { body: JSON.stringify({ keys: [jwkOf(ed.publicKey, { kid: 'ed' })] }) });
    const token = signToken('EdDSA', ed.privateKey, { sub: 'discovered', iss: issuer }, { kid: 'ed' });
    await openLink(page, { token }, 'discovered');
    await expect(page.getByTestId('jwks-discover')).toBeEnabled();
    expect(keyServer.hits).toEqual([]);
    await page.getByTestId('jwks-discover').click();
    await expectSignature(page, 'valid');
    const fetched = page.getByTestId('jwks-fetched').locator('li');
    await expect(fetched).toHaveCount(2);
    await expect(fetched.nth(0)).toHaveAttribute('data-url', `${issuer}/.well-known/openid-configuration`);
    await expect(fetched.nth(1)).toHaveAttribute('data-url', `${issuer}/keys`);
  });

  withKeyServer('a response that is not JSON is explained in one sentence', async ({ page, keyServer }) => {
    keyServer.routes.set('/page', { body: '<!doctype html><title>login</title>', type: 'text/html' });
    const token = signToken('ES256', p256.privateKey, { sub: 'not json' });
    await openLink(page, { token }, 'not json');
    await page.getByTestId('jwks-url').fill(`${keyServer.origin}/page`);
    await page.getByTestId('jwks-fetch').click();
    await expect(page.getByTestId('jwks-error')).toContainText(/JSON/);
    await expect(page.getByTestId('jwks-fetched')).toContainText(`${keyServer.origin}/page`);
    await expectSignature(page, 'unverified');
  });
});

test('an HMAC secret is checked without fetching the key parsers; the first PEM key fetches them', async ({ browser }) => {
  // The English of a message only the JWK reader names: in a script, it means the parsers came.
  const PARSERS_MARKER = 'JWK is missing the';
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const scripts: string[] = [];
  page.on('response', (response) => {
    if (response.url().endsWith('.js')) void response.text().then((text) => scripts.push(text), () => undefined);
  });
  const secret = 'a-secret-for-the-parsers-test-of-32-bytes';
  await openLink(page, { token: signToken('HS256', secret, { sub: 'secret only' }), key: secret }, 'secret only');
  await expectSignature(page, 'valid');
  await page.waitForLoadState('networkidle');
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.some((text) => text.includes(PARSERS_MARKER))).toBe(false);

  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  await openLink(page, { token: signToken('RS256', rsa.privateKey, { sub: 'a PEM key' }), key: rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString() }, 'a PEM key');
  await expectSignature(page, 'valid');
  await expect(page.getByTestId('key-format')).toContainText('PEM');
  await expect.poll(() => scripts.some((text) => text.includes(PARSERS_MARKER))).toBe(true);
  await context.close();
});
