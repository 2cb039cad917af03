import { createHmac, createPublicKey, verify as nodeVerify } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { test, expect, waitForMonaco, fillEditor } from './fixtures';
import { b64url, decoderLink, hs256, keyPairs, signWith } from './tokens';

const now = Math.floor(Date.now() / 1000);
const parts = (token: string) => token.split('.');
const headerOf = (token: string) => JSON.parse(Buffer.from(parts(token)[0]!, 'base64url').toString('utf8')) as Record<string, unknown>;
const claimsOf = (token: string) => JSON.parse(Buffer.from(parts(token)[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
const hmacValid = (token: string, secret: string | Buffer) => createHmac('sha256', secret).update(`${parts(token)[0]}.${parts(token)[1]}`).digest('base64url') === parts(token)[2];
const es256Valid = (token: string, key: Parameters<typeof nodeVerify>[2]) =>
  nodeVerify('sha256', Buffer.from(`${parts(token)[0]}.${parts(token)[1]}`), { key: key as never, dsaEncoding: 'ieee-p1363' }, Buffer.from(parts(token)[2]!, 'base64url'));

test.describe('token lab', () => {
  test('compares a second token: differences, time spans, alg and kid, and whether the key verifies both', async ({ page }) => {
    const secret = 'compare-secret-of-at-least-256-bits!!';
    const first = hs256({ sub: 'alice', scope: 'read', iat: now - 60, exp: now + 3600 }, secret, { alg: 'HS256', typ: 'JWT', kid: 'k1' });
    const second = hs256({ sub: 'alice', aud: 'api', iat: now - 60, exp: now + 240 }, secret, { alg: 'HS256', typ: 'JWT', kid: 'k2' });
    await page.goto(decoderLink({ token: first, key: secret }));
    await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'valid');

    await test.step('the lab opens on Compare, below the decoded token', async () => {
      await expect(page.getByRole('tab', { name: 'Compare' })).toHaveAttribute('aria-selected', 'true');
      await waitForMonaco(page, 'compare-input');
    });

    await test.step('a second token lists what was added, removed and changed', async () => {
      await fillEditor(page, 'compare-input', second);
      const rows = page.getByTestId('diff-row');
      await expect(rows).toHaveCount(4);
      await expect(page.locator('[data-testid="diff-row"][data-name="kid"]')).toHaveAttribute('data-change', 'changed');
      await expect(page.locator('[data-testid="diff-row"][data-name="scope"]')).toHaveAttribute('data-change', 'removed');
      await expect(page.locator('[data-testid="diff-row"][data-name="aud"]')).toHaveAttribute('data-change', 'added');
      const exp = page.locator('[data-testid="diff-row"][data-name="exp"]');
      await expect(exp).toHaveAttribute('data-change', 'changed');
      await expect(exp).toContainText(new Date((now + 3600) * 1000).toISOString().replace('.000Z', 'Z'));
      await expect(exp).toContainText(new Date((now + 240) * 1000).toISOString().replace('.000Z', 'Z'));
      await expect(exp).toContainText('56 minutes earlier');
      await expect(page.getByTestId('compare-kid')).toContainText('k1 → k2');
      await expect(page.getByTestId('compare-alg')).toContainText('HS256 in both');
      await expect(page.getByTestId('compare-lifetime')).toContainText('1 hour 1 minute (first), 5 minutes (second)');
      await expect(page.getByTestId('compare-keys')).toContainText('The key verifies both tokens.');
    });

    await test.step('a token signed with another key, and a switch of alg, are named', async () => {
      const forged = `${b64url(JSON.stringify({ alg: 'none', typ: 'JWT', kid: 'k1' }))}.${parts(hs256({ sub: 'mallory', scope: 'read', iat: now - 60, exp: now + 3600 }, 'x'))[1]}.`;
      await fillEditor(page, 'compare-input', forged);
      await expect(page.getByTestId('compare-alg')).toContainText('HS256 → none');
      await expect(page.locator('[data-testid="diff-row"][data-name="alg"]')).toHaveAttribute('data-change', 'changed');
      await expect(page.locator('[data-testid="diff-row"][data-name="sub"]')).toContainText('"mallory"');
      await expect(page.getByTestId('compare-keys')).toContainText('The key verifies the first token but not the second.');
      await expect(page.getByTestId('compare-keys')).toHaveAttribute('data-second', 'invalid');
    });

    await test.step('a second token that cannot be read says so', async () => {
      await fillEditor(page, 'compare-input', 'eyJhbGciOiJIUzI1NiJ9.%%%.x');
      await expect(page.getByTestId('compare-error')).toContainText('The second token');
      await expect(page.getByTestId('diff-row')).toHaveCount(0);
    });
  });

  test('makes verifier tests from an ES256 token and its key, fetching nothing', async ({ page }) => {
    const { ec } = keyPairs();
    const token = signWith('ES256', ec.privateKey, { sub: 'alice', iat: now - 60, exp: now + 600 }, { kid: 'k1' });
    const privatePem = ec.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const publicPem = ec.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    await page.goto(decoderLink({ token, key: privatePem }));
    await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'valid');
    await page.getByRole('tab', { name: 'Test your verifier' }).click();
    const variants = page.getByTestId('attack-variant');
    const tokenOf = async (id: string) => (await page.locator(`[data-testid="attack-variant"][data-id="${id}"]`).getAttribute('data-token')) ?? '';

    await test.step('says what it is for, and offers every variant the token and key allow', async () => {
      await expect(page.getByTestId('attack-notice')).toContainText('For testing verifiers you own.');
      await expect(page.locator('[data-testid="attack-variant"][data-attack="psychic-signature"]')).toHaveCount(1);
      const attacks = await variants.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-attack')));
      expect(attacks).toEqual(['alg-none', 'alg-none', 'alg-none', 'alg-none', 'key-confusion', 'key-confusion', 'jwk-injection', 'kid-injection', 'kid-injection', 'expired', 'not-yet-valid', 'psychic-signature']);
      await expect(page.locator('[data-testid="attack-variant"][data-attack="alg-none"]').first()).toContainText('RFC 8725');
    });

    await test.step('each token does what it says, checked with node:crypto', async () => {
      const none = await variants.evaluateAll((elements) => elements.filter((element) => element.getAttribute('data-attack') === 'alg-none').map((element) => element.getAttribute('data-token') ?? ''));
      expect(none.map((item) => headerOf(item).alg)).toEqual(['none', 'None', 'NONE', 'nOnE']);
      for (const item of none) expect(parts(item)[2]).toBe('');
      expect(hmacValid(await tokenOf('key-confusion-pem'), publicPem)).toBe(true);
      const injected = await tokenOf('jwk-injection');
      expect(es256Valid(injected, createPublicKey({ key: headerOf(injected).jwk as never, format: 'jwk' }))).toBe(true);
      expect(es256Valid(injected, ec.publicKey)).toBe(false);
      expect(hmacValid(await tokenOf('kid-path-traversal'), Buffer.alloc(0))).toBe(true);
      const expired = await tokenOf('expired');
      expect(es256Valid(expired, ec.publicKey)).toBe(true);
      expect(claimsOf(expired).exp as number).toBeLessThan(now);
      const future = await tokenOf('not-yet-valid');
      expect(es256Valid(future, ec.publicKey)).toBe(true);
      expect(claimsOf(future).nbf as number).toBeGreaterThan(now);
      expect(Buffer.from(parts(await tokenOf('psychic-signature'))[2]!, 'base64url')).toEqual(Buffer.alloc(64));
    });

    await test.step('a typed jku/x5u address is written into tokens, never requested', async () => {
      await page.getByLabel(/Address for the jku/).fill('https://attacker.test/jwks.json');
      await expect(page.locator('[data-testid="attack-variant"][data-attack="jku"]')).toHaveCount(2);
      expect(headerOf(await tokenOf('jku')).jku).toBe('https://attacker.test/jwks.json');
      expect(headerOf(await tokenOf('x5u')).x5u).toBe('https://attacker.test/jwks.json');
    });

    await test.step('a variant is copyable', async () => {
      await page.getByRole('button', { name: /Copy the token: alg "none"/ }).click();
      await expect(page.getByRole('button', { name: /Copy the token: alg "none"/ })).toContainText('Copied');
    });
  });

  test('gives snippets for six stacks; the Node one, copied from the page, verifies the token', async ({ page }) => {
    await page.goto('./');
    await waitForMonaco(page, 'token-input');
    await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'valid');
    await page.getByRole('tab', { name: 'Use in your code' }).click();

    await test.step('one snippet per stack, naming the algorithm, without the token or the secret', async () => {
      await expect(page.getByTestId('snippet')).toHaveCount(9);
      const langs = await page.getByTestId('snippet').evaluateAll((elements) => [...new Set(elements.map((element) => element.getAttribute('data-lang')))]);
      expect(langs).toEqual(['node', 'python', 'java', 'go', 'csharp', 'curl']);
      const node = page.locator('[data-testid="snippet"][data-snippet="node-jose"]');
      await expect(node).toContainText('algorithms: ["HS256"]');
      await expect(node).toContainText('issuer: "https://auth.example.com"');
      await expect(node).toContainText('audience: "api://workbench-demo"');
      await expect(page.locator('[data-testid="snippet"][data-lang="go"]')).toContainText('jwt.WithValidMethods([]string{"HS256"})');
      await expect(page.locator('[data-testid="snippet"][data-lang="curl"]')).toContainText('Authorization: Bearer $JWT');
      for (const text of await page.getByTestId('snippet').allTextContents()) {
        expect(text).not.toContain('a-string-secret-at-least-256-bits-long');
        expect(text).not.toContain('eyJhbGciOi');
      }
    });

    await test.step('ticking "include" puts them in, and the Node snippet runs and verifies', async () => {
      await page.getByTestId('snippet-include').check();
      const node = page.locator('[data-testid="snippet"][data-snippet="node-jose"]');
      await expect(node).toContainText('a-string-secret-at-least-256-bits-long');
      await expect(page.locator('[data-testid="snippet"][data-lang="curl"]')).toContainText('Authorization: Bearer eyJhbGciOi');
      const code = (await node.locator('pre').textContent()) ?? '';
      const dir = await mkdtemp(path.join(process.cwd(), 'node_modules', '.e2e-snippet-'));
      try {
        const file = path.join(dir, 'verify.mjs');
        await writeFile(file, code);
        const { stdout } = await promisify(execFile)(process.execPath, [file], { timeout: 30_000 });
        expect(stdout).toContain('Token verified: HS256');
        await writeFile(file, code.replace('a-string-secret-at-least-256-bits-long', 'a-string-secret-at-least-256-bits-lonG'));
        await expect(promisify(execFile)(process.execPath, [file], { timeout: 30_000 })).rejects.toThrow(/ERR_JWS_SIGNATURE_VERIFICATION_FAILED/);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });

    await test.step('a JWKS URL turns the snippets to fetching keys from it', async () => {
      await page.getByTestId('snippet-jwks-url').fill('https://auth.example.com/.well-known/jwks.json');
      await expect(page.locator('[data-testid="snippet"][data-snippet="node-jose"]')).toContainText('createRemoteJWKSet(new URL("https://auth.example.com/.well-known/jwks.json"))');
      await expect(page.locator('[data-testid="snippet"][data-snippet="node-jose"]')).not.toContainText('a-string-secret');
    });
  });
  test('a hostile audience stays one quoted URL in the copied curl snippet, and a hostile alg gives a sentence', async ({ page }) => {
    const audience = 'https://api.example.com/$(touch pwned)`touch pwned2`\'';
    await page.goto('./');
    await waitForMonaco(page, 'token-input');
    await fillEditor(page, 'token-input', hs256({ sub: 'alice', aud: audience, exp: now + 600 }, 'secret'));
    await page.getByRole('tab', { name: 'Use in your code' }).click();
    const curl = page.locator('[data-testid="snippet"][data-lang="curl"] pre');
    await expect(curl).toContainText('touch pwned2');
    const dir = await mkdtemp(path.join(process.cwd(), 'node_modules', '.e2e-curl-'));
    try {
      const work = path.join(dir, 'work');
      await mkdir(work);
      await writeFile(path.join(dir, 'run.sh'), `curl() { printf '%s\\0' "$@" > '${path.join(dir, 'argv')}'; }\n${(await curl.textContent()) ?? ''}`);
      await promisify(execFile)('bash', ['--noprofile', '--norc', path.join(dir, 'run.sh')], { cwd: work, env: { NODE_ENV: 'test', PATH: process.env.PATH ?? '', JWT: 'token' } });
      expect(await readdir(work)).toEqual([]);
      expect((await readFile(path.join(dir, 'argv'), 'utf8')).split('\0')).toEqual(['--fail-with-body', '-H', 'Authorization: Bearer token', audience, '']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }

    await fillEditor(page, 'token-input', hs256({ sub: 'alice' }, 'secret', { alg: 'HS256).build(); Runtime.getRuntime().exec("touch pwned"); //' }));
    await expect(page.getByText(/^Snippets are written for HS256, .*EdDSA; this token's algorithm is none of them\.$/)).toBeVisible();
    await expect(page.getByTestId('snippet')).toHaveCount(0);
  });
});
