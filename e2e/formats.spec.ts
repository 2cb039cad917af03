import { readFileSync } from 'node:fs';
import { ml_dsa44, ml_dsa65 } from '@noble/post-quantum/ml-dsa.js';
import { test, expect as baseExpect, waitForMonaco, fillEditor } from './fixtures';
import { decoderLink } from './tokens';
import chain from '../lib/chain/fixtures/chain.json' with { type: 'json' };
import json from '../lib/jws/fixtures/json/json-vectors.json' with { type: 'json' };
import jweJson from '../lib/jwe/fixtures/json/jwe-json-vectors.json' with { type: 'json' };
import mlDsa44 from '../lib/jws/fixtures/mldsa/ML_DSA_44.jose.json' with { type: 'json' };
import mlDsa65 from '../lib/jws/fixtures/mldsa/ML_DSA_65.jose.json' with { type: 'json' };

// Crypto, X.509 and Monaco load on demand; on a busy machine that can take a while.
const expect = baseExpect.configure({ timeout: 20_000 });

function publicJwk(jwk: Record<string, unknown>): string {
  const copy = { ...jwk };
  delete copy.priv;
  return JSON.stringify(copy);
}

test('ML-DSA: the draft example token verifies, and the encoder signs ML-DSA-65 so that another implementation verifies it', async ({ page }) => {
  await test.step('decoder: ML-DSA-44 example (CIRCL) with its public AKP JWK', async () => {
    await page.goto(decoderLink({ token: mlDsa44.jws, key: publicJwk(mlDsa44.jwk) }));
    await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'valid');
    await expect(page.getByTestId('signature-status')).toContainText('ML-DSA-44');
  });

  await test.step('decoder: the ML-DSA-65 key does not fit an ML-DSA-44 token', async () => {
    await waitForMonaco(page, 'key-input');
    await fillEditor(page, 'key-input', publicJwk(mlDsa65.jwk));
    await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'error');
    await expect(page.getByTestId('signature-status')).toContainText('ML-DSA-44 needs an AKP public key');
  });

  await test.step('encoder: ML-DSA-65 with the private JWK (seed)', async () => {
    await page.getByTestId('mode-encode').click();
    await page.getByTestId('encoder-alg').selectOption('ML-DSA-65');
    await waitForMonaco(page, 'encoder-key');
    await fillEditor(page, 'encoder-key', JSON.stringify(mlDsa65.jwk));
    const output = page.getByTestId('encoded-token');
    await expect(output).toHaveAttribute('data-token', /^eyJ[\w-]+\.[\w-]+\.[\w-]{4000,}$/);
    const token = (await output.getAttribute('data-token'))!;
    const [header, payload, signature] = token.split('.') as [string, string, string];
    expect(JSON.parse(Buffer.from(header, 'base64url').toString()).alg).toBe('ML-DSA-65');
    const pub = Buffer.from(mlDsa65.jwk.pub, 'base64url');
    expect(ml_dsa65.verify(Buffer.from(signature, 'base64url'), Buffer.from(`${header}.${payload}`), pub)).toBe(true);
  });

  await test.step('key generator: an ML-DSA-44 pair, used to sign in the encoder', async () => {
    await page.getByTestId('keytools-open').click();
    await page.getByTestId('keygen-kind').selectOption('ML-DSA-44');
    await page.getByTestId('keygen-run').click();
    await expect(page.getByTestId('keygen-public-jwk')).toHaveValue(/"kty": "AKP"/);
    const publicJwk = JSON.parse(await page.getByTestId('keygen-public-jwk').inputValue()) as { pub: string; priv?: string; alg: string };
    expect(publicJwk.alg).toBe('ML-DSA-44');
    expect(publicJwk.priv).toBeUndefined();
    await page.getByTestId('keygen-use-pair').click();
    await expect(page.getByTestId('encoder-alg')).toHaveValue('ML-DSA-44');
    const output = page.getByTestId('encoded-token');
    await expect(output).toHaveAttribute('data-token', /^eyJ[\w-]+\.[\w-]+\.[\w-]{3000,}$/);
    const [header, payload, signature] = (await output.getAttribute('data-token'))!.split('.') as [string, string, string];
    expect(ml_dsa44.verify(Buffer.from(signature, 'base64url'), Buffer.from(`${header}.${payload}`), Buffer.from(publicJwk.pub, 'base64url'))).toBe(true);
  });
});

test('ML-DSA as PEM: a token verifies with the IETF example SPKI key, its certificate and its PKCS#8 private key', async ({ page }) => {
  const vector = (file: string) => readFileSync(`lib/keys/fixtures/mldsa-lamps/${file}`, 'utf8');
  // The LAMPS examples were made from the seed 00 01 … 1f; sign with it here, in Node.
  const { secretKey } = ml_dsa44.keygen(Uint8Array.from({ length: 32 }, (_, i) => i));
  const header = Buffer.from(JSON.stringify({ alg: 'ML-DSA-44', typ: 'JWT' })).toString('base64url');
  const payload = Buffer.from(JSON.stringify({ sub: 'pem-user' })).toString('base64url');
  const token = `${header}.${payload}.${Buffer.from(ml_dsa44.sign(Buffer.from(`${header}.${payload}`), secretKey)).toString('base64url')}`;
  for (const [file, detected] of [
    ['ML-DSA-44.pub', 'ML-DSA-44 public key'],
    ['ML-DSA-44.crt', 'ML-DSA-44 public key'],
    ['ML-DSA-44-seed.priv', 'ML-DSA-44 private key'],
  ] as const) {
    await test.step(file, async () => {
      await page.goto(decoderLink({ token, key: vector(file), at: '2026-01-01T00:00:00Z' }));
      await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'valid');
      await expect(page.getByText(detected).first()).toBeVisible();
    });
  }
  await test.step('an expanded key without its seed is refused with the reason', async () => {
    await page.goto(decoderLink({ token, key: vector('ML-DSA-44-expanded.priv') }));
    await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'error');
    await expect(page.getByTestId('signature-status')).toContainText('only the expanded private key');
  });
});

test('certificate chains: x5c checked up to a pasted or marked root, faults located per certificate', async ({ page }) => {
  const certs = page.getByTestId('chain-cert');

  await test.step('leaf + intermediate with no trust anchor: signature valid, chain untrusted', async () => {
    await page.goto(decoderLink({ token: chain.tokens.good, key: chain.leafPem }));
    await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'valid');
    await expect(certs).toHaveCount(2);
    await expect(certs.nth(0)).toHaveAttribute('data-state', 'untrusted');
    await expect(certs.nth(0)).toContainText('CN=leaf.example');
    await expect(certs.nth(1)).toContainText('CN=Test Intermediate CA');
    await expect(page.getByTestId('chain-thumbprint')).toHaveCount(2);
    for (const check of await page.getByTestId('chain-thumbprint').all()) await expect(check).toHaveAttribute('data-state', 'valid');
  });

  await test.step('pasting the root as trust anchor: every certificate valid, root listed last', async () => {
    await page.getByTestId('trust-anchor').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText(chain.rootPem);
    await expect(certs).toHaveCount(3);
    for (const cert of await certs.all()) await expect(cert).toHaveAttribute('data-state', 'valid');
    await expect(certs.nth(2)).toContainText('CN=Test Root CA');
  });

  await test.step('a leaf signed by another key than its named issuer: the leaf is invalid', async () => {
    await waitForMonaco(page, 'token-input');
    await fillEditor(page, 'token-input', chain.tokens.wrongIssuer);
    await expect(certs.nth(0)).toHaveAttribute('data-state', 'invalid');
    await expect(certs.nth(0)).toContainText('signature does not verify with the key of the next certificate');
    await expect(certs.nth(1)).toHaveAttribute('data-state', 'valid');
  });

  await test.step('an intermediate with CA:false is invalid', async () => {
    await fillEditor(page, 'token-input', chain.tokens.notCa);
    await expect(certs.nth(1)).toHaveAttribute('data-state', 'invalid');
    await expect(certs.nth(1)).toContainText('not a CA');
  });

  await test.step('a chain that carries its root: marking the root as trusted validates it', async () => {
    await page.getByTestId('trust-anchor').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await fillEditor(page, 'token-input', chain.tokens.goodWithRoot);
    await expect(certs).toHaveCount(3);
    await expect(certs.nth(2)).toHaveAttribute('data-state', 'untrusted');
    await page.getByTestId('chain-trust-top').click();
    await expect(page.getByTestId('trust-anchor')).toHaveValue(/BEGIN CERTIFICATE/);
    for (const cert of await certs.all()) await expect(cert).toHaveAttribute('data-state', 'valid');
  });

  await test.step('a PEM chain pasted as the key, for a token without x5c: listed leaf first', async () => {
    await fillEditor(page, 'token-input', `${Buffer.from('{"alg":"ES256"}').toString('base64url')}.e30.AA`);
    await expect(certs).toHaveCount(0);
    await fillEditor(page, 'key-input', `${chain.leafPem}${chain.intermediatePem}`);
    await expect(certs).toHaveCount(3);
    await expect(certs.nth(0)).toContainText('CN=leaf.example');
    for (const cert of await certs.all()) await expect(cert).toHaveAttribute('data-state', 'valid');
  });
});

test('JSON serializations: every signature checked, detached payload, encoder output in JSON', async ({ page }) => {
  const signatures = page.getByTestId('jws-signature');

  await test.step('general JWS (jwcrypto) with a JWKS: both signatures verify, each with its kid', async () => {
    await page.goto(decoderLink({ token: JSON.stringify(json.general, null, 2), key: JSON.stringify(json.jwks) }));
    await expect(signatures).toHaveCount(2);
    await expect(signatures.nth(0)).toHaveAttribute('data-state', 'valid');
    await expect(signatures.nth(0)).toContainText('RS256 (kid "rsa-1")');
    await expect(signatures.nth(1)).toHaveAttribute('data-state', 'valid');
    await expect(page.getByTestId('decoded-payload')).toContainText('json-serialization');
    await expect(page.getByTestId('token-error')).toHaveCount(0);
  });

  await test.step('another key: the RSA signature cannot use it, the EC one does not match', async () => {
    await waitForMonaco(page, 'key-input');
    await fillEditor(page, 'key-input', JSON.stringify(json.otherJwk));
    await expect(signatures.nth(0)).toHaveAttribute('data-state', 'error');
    await expect(signatures.nth(1)).toHaveAttribute('data-state', 'invalid');
  });

  await test.step('detached payload: unverified until the content is given, then valid; wrong content invalid', async () => {
    await fillEditor(page, 'key-input', JSON.stringify(json.jwks));
    await waitForMonaco(page, 'token-input');
    await fillEditor(page, 'token-input', JSON.stringify(json.detached));
    await expect(signatures.nth(0)).toHaveAttribute('data-state', 'unverified');
    const detached = page.getByTestId('detached-payload');
    await detached.click();
    await page.keyboard.insertText(json.detachedPayload);
    await expect(signatures.nth(0)).toHaveAttribute('data-state', 'valid');
    await expect(signatures.nth(1)).toHaveAttribute('data-state', 'valid');
    await page.keyboard.insertText(' ');
    await expect(signatures.nth(0)).toHaveAttribute('data-state', 'invalid');
  });

  await test.step('a compact JWS with detached unencoded content (RFC 7797 §4.2)', async () => {
    await fillEditor(page, 'key-input', JSON.stringify({ kty: 'oct', k: 'AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow' }));
    await fillEditor(page, 'token-input', 'eyJhbGciOiJIUzI1NiIsImI2NCI6ZmFsc2UsImNyaXQiOlsiYjY0Il19..A5dxf2s96_n5FLueVuW1Z_vh161FwXZC4YLPff6dmDY');
    await expect(signatures).toHaveCount(1);
    await expect(signatures.nth(0)).toHaveAttribute('data-state', 'unverified');
    await page.getByTestId('detached-payload').fill('$.02');
    await expect(signatures.nth(0)).toHaveAttribute('data-state', 'valid');
  });

  await test.step('a broken member is named', async () => {
    await fillEditor(page, 'token-input', JSON.stringify({ ...json.general, signatures: [json.general.signatures[0], { ...json.general.signatures[1], protected: 'e30*' }] }));
    await expect(page.getByTestId('token-error')).toContainText('signatures[1].protected');
  });

  await test.step('encoder: the token also as general JSON', async () => {
    await page.getByTestId('mode-encode').click();
    await page.getByTestId('encoder-alg').selectOption('ES256');
    await waitForMonaco(page, 'encoder-key');
    await fillEditor(page, 'encoder-key', JSON.stringify(json.ecPrivateJwk));
    const token = page.getByTestId('encoded-token');
    await expect(token).toHaveAttribute('data-token', /^eyJ/);
    await page.getByTestId('encoder-form').selectOption('general');
    const compact = (await token.getAttribute('data-token'))!;
    const [protectedSegment, payload, signature] = compact.split('.');
    const shown = JSON.parse((await page.getByTestId('encoded-json').textContent())!) as unknown;
    expect(shown).toEqual({ payload, signatures: [{ protected: protectedSegment, signature }] });
  });
});

test('JWE in JSON serialization: each recipient tried with the key, the plaintext once one decrypts', async ({ page }) => {
  const general = jweJson.vectors.find((vector) => vector.name === 'general-three')!;
  const recipients = page.getByTestId('jwe-recipient');
  const status = page.getByTestId('signature-status');

  await test.step('general JWE (jwcrypto, three recipients) pasted, with the EC recipient\'s key', async () => {
    await page.goto(decoderLink({ key: JSON.stringify(general.keys[1]) }));
    await waitForMonaco(page, 'token-input');
    await fillEditor(page, 'token-input', JSON.stringify(general.jwe, null, 2));
    await expect(recipients).toHaveCount(3);
    await expect(recipients.nth(1)).toHaveAttribute('data-state', 'valid');
    await expect(recipients.nth(0)).toHaveAttribute('data-state', 'error');
    await expect(status).toHaveAttribute('data-state', 'valid');
    await expect(page.getByTestId('decoded-payload')).toContainText('"sub": "jwe-json"');
  });

  await test.step('another RSA key: the RSA recipient does not decrypt, nothing is shown', async () => {
    await waitForMonaco(page, 'key-input');
    await fillEditor(page, 'key-input', JSON.stringify(jweJson.wrong.rsa));
    await expect(recipients.nth(0)).toHaveAttribute('data-state', 'invalid');
    await expect(status).toHaveAttribute('data-state', 'invalid');
    await expect(page.getByTestId('decoded-payload')).toHaveCount(0);
  });
});
