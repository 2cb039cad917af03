import { constants, createDecipheriv, createHmac, generateKeyPairSync, privateDecrypt, timingSafeEqual, verify, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, waitForMonaco, fillEditor } from './fixtures';
import { decoderLink, hs256 } from './tokens';

// Monaco typing slows down when the machine is busy.
test.describe.configure({ timeout: 180_000 });

interface LabVectors {
  jws: { alg: string; token: string; headerText: string; payloadText: string; privateKey: string; publicKey: string }[];
  nested: { token: string; decryptionKey: string; verificationKey: string };
}
// Made by jwcrypto and pyca/cryptography: lib/jwe/fixtures/make_lab_vectors.py.
const vectors = JSON.parse(readFileSync('lib/jwe/fixtures/lab-vectors.json', 'utf8')) as LabVectors;

async function tokenWhere(page: Page, fits: (token: string) => boolean): Promise<string> {
  const output = page.getByTestId('encoded-token');
  let token = '';
  await expect
    .poll(async () => {
      token = (await output.getAttribute('data-token')) ?? '';
      return (await output.getAttribute('data-state')) === 'signed' && token !== '' && fits(token);
    })
    .toBe(true);
  return token;
}

/** RSA-OAEP-256 + A256CBC-HS512 (RFC 7518 §4.3, §5.2) decrypted with Node's crypto alone, not with the app's library. */
function nodeDecrypt(token: string, privateKey: KeyObject): { header: Record<string, unknown>; plaintext: string } {
  const [h, k, iv, c, t] = token.split('.') as [string, string, string, string, string];
  const bytes = (part: string) => Buffer.from(part, 'base64url');
  const cek = privateDecrypt({ key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, bytes(k));
  const aad = Buffer.from(h, 'ascii');
  const al = Buffer.alloc(8);
  al.writeBigUInt64BE(BigInt(aad.length * 8));
  const mac = createHmac('sha512', cek.subarray(0, 32)).update(Buffer.concat([aad, bytes(iv), bytes(c), al])).digest().subarray(0, 32);
  if (!timingSafeEqual(mac, bytes(t))) throw new Error('authentication tag mismatch');
  const decipher = createDecipheriv('aes-256-cbc', cek.subarray(32), bytes(iv));
  const plaintext = Buffer.concat([decipher.update(bytes(c)), decipher.final()]).toString('utf8');
  return { header: JSON.parse(bytes(h).toString('utf8')) as Record<string, unknown>, plaintext };
}

const segment = (token: string, index: number) => Buffer.from(token.split('.')[index]!, 'base64url').toString('utf8');

test('edit and re-sign: the same token from the same text, an edit signed as typed, and a generated pair when only the public key is known', async ({ page }) => {
  const rs = vectors.jws.find((vector) => vector.alg === 'RS256')!;

  await test.step('an unchanged RS256 token with odd spacing and unknown header parameters re-signs to the very same token', async () => {
    await page.goto(decoderLink({ token: rs.token, key: rs.privateKey }));
    await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'valid');
    await page.getByTestId('decoder-edit').click();
    await expect(page.getByTestId('encoder-alg')).toHaveValue('RS256');
    await expect(page.getByTestId('encoder-as-typed')).toBeChecked();
    expect(await tokenWhere(page, () => true)).toBe(rs.token);
  });

  await test.step('an edited payload is signed exactly as typed and verifies with the original public key', async () => {
    await waitForMonaco(page, 'encoder-payload');
    const edited = rs.payloadText.replace('"user-42"', '"user-43"');
    await fillEditor(page, 'encoder-payload', edited);
    const token = await tokenWhere(page, (candidate) => segment(candidate, 1) === edited);
    expect(segment(token, 0)).toBe(rs.headerText);
    const [h, p, s] = token.split('.') as [string, string, string];
    expect(verify('sha256', Buffer.from(`${h}.${p}`), rs.publicKey, Buffer.from(s, 'base64url'))).toBe(true);
  });

  await test.step('with only the public key, the encoder says a private key is needed and generates a pair on request', async () => {
    await page.getByTestId('mode-decode').click();
    await waitForMonaco(page, 'key-input');
    await fillEditor(page, 'key-input', rs.publicKey);
    await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'valid');
    await page.getByTestId('decoder-edit').click();
    await expect(page.getByTestId('encoder-edit-note')).toContainText('private key');
    await expect(page.getByTestId('encoded-token')).toHaveAttribute('data-token', '');
    await page.getByTestId('encoder-generate-key').click();
    const token = await tokenWhere(page, () => true);
    expect(token.split('.').slice(0, 2)).toEqual(rs.token.split('.').slice(0, 2));
    expect(token).not.toBe(rs.token);
    await expect(page.getByTestId('encoder-edit-note')).toHaveCount(0);
  });
});

test('sign then encrypt: a nested JWT that Node’s crypto decrypts, and the decoder shows the token inside with its own key', async ({ page }) => {
  const signer = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const recipient = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signerPublic = String(signer.publicKey.export({ type: 'spki', format: 'pem' }));
  const recipientPrivate = String(recipient.privateKey.export({ type: 'pkcs8', format: 'pem' }));
  let nested = '';

  await test.step('the encoder offers every content encryption, the 192-bit ones disabled with the reason', async () => {
    await page.goto('./');
    await page.getByTestId('mode-encode').click();
    await waitForMonaco(page, 'encoder-key');
    await page.getByTestId('encoder-output').selectOption('nested');
    const enc = page.getByTestId('encoder-enc');
    await expect(enc.locator('option')).toHaveCount(6);
    await expect(enc.locator('option[value="A192GCM"]')).toBeDisabled();
    await expect(enc.locator('option[value="A192GCM"]')).toContainText('no 192-bit AES');
    await expect(enc.locator('option[value="A256CBC-HS512"]')).toBeEnabled();
    await expect(page.getByTestId('encoder-jwe-alg').locator('option[value="ECDH-ES+A256KW"]')).toBeEnabled();
  });

  await test.step('ES256 inside RSA-OAEP-256 + A256CBC-HS512: five coloured parts, and Node’s crypto decrypts it to a JWS that Node verifies', async () => {
    await page.getByTestId('encoder-alg').selectOption('ES256');
    await fillEditor(page, 'encoder-key', String(signer.privateKey.export({ type: 'pkcs8', format: 'pem' })));
    await page.getByTestId('encoder-jwe-alg').selectOption('RSA-OAEP-256');
    await page.getByTestId('encoder-enc').selectOption('A256CBC-HS512');
    await waitForMonaco(page, 'encoder-encryption-key');
    await fillEditor(page, 'encoder-encryption-key', String(recipient.publicKey.export({ type: 'spki', format: 'pem' })));
    nested = await tokenWhere(page, (token) => token.split('.').length === 5 && JSON.parse(segment(token, 0)).enc === 'A256CBC-HS512');
    await expect(page.getByTestId('encoded-token').locator('.seg-ciphertext')).toHaveCount(1);
    await expect(page.getByTestId('encoded-token').locator('.seg-encryptedKey')).toHaveCount(1);
    const { plaintext, header } = nodeDecrypt(nested, recipient.privateKey);
    expect(header).toEqual({ alg: 'RSA-OAEP-256', enc: 'A256CBC-HS512', cty: 'JWT' });
    const [h, p, s] = plaintext.split('.') as [string, string, string];
    expect(JSON.parse(Buffer.from(h, 'base64url').toString())).toMatchObject({ alg: 'ES256' });
    expect(verify('sha256', Buffer.from(`${h}.${p}`), { key: signer.publicKey, dsaEncoding: 'ieee-p1363' }, Buffer.from(s, 'base64url'))).toBe(true);
  });

  await test.step('the decoder decrypts it and shows the inner token at once; its key field verifies the inner signature', async () => {
    await page.goto(decoderLink({ token: nested, key: recipientPrivate }));
    await expect(page.getByTestId('signature-status')).toHaveAttribute('data-state', 'valid');
    await expect(page.getByTestId('inner-header')).toContainText('"ES256"');
    await expect(page.getByTestId('inner-payload')).toContainText('"sub"');
    await expect(page.locator('[data-testid="claim-row"][data-claim="sub"]')).toBeVisible();
    await expect(page.getByTestId('inner-signature-status')).toHaveAttribute('data-state', 'unverified');
    await waitForMonaco(page, 'inner-key-input');
    await fillEditor(page, 'inner-key-input', String(recipient.publicKey.export({ type: 'spki', format: 'pem' })));
    await expect(page.getByTestId('inner-signature-status')).toHaveAttribute('data-state', /invalid|error/);
    await fillEditor(page, 'inner-key-input', signerPublic);
    await expect(page.getByTestId('inner-signature-status')).toHaveAttribute('data-state', 'valid');
  });

  await test.step('a nested JWT made by jwcrypto opens the same way', async () => {
    await page.goto(decoderLink({ token: vectors.nested.token, key: vectors.nested.decryptionKey }));
    await expect(page.getByTestId('inner-header')).toContainText('"inner-1"');
    await waitForMonaco(page, 'inner-key-input');
    await fillEditor(page, 'inner-key-input', vectors.nested.verificationKey);
    await expect(page.getByTestId('inner-signature-status')).toHaveAttribute('data-state', 'valid');
  });
});

test('check as of: a link with at= judges the claims then, the share link keeps it, and "Now" goes back', async ({ page }) => {
  const exp = Date.UTC(2026, 0, 1, 12, 0, 0) / 1000;
  const token = hs256({ sub: 'as-of', iat: exp - 7200, exp }, 'as-of-secret-as-of-secret-as-of-secret');

  await test.step('as of an hour before expiry the token is fine, with relative times from then', async () => {
    await page.goto(decoderLink({ token, at: '2026-01-01T11:00:00Z' }));
    await expect(page.getByTestId('check-as-of-note')).toHaveAttribute('data-at', '2026-01-01T11:00:00.000Z');
    await expect(page.getByTestId('claims-status')).toHaveAttribute('data-state', /^ok/);
    await expect(page.locator('[data-testid="claim-row"][data-claim="exp"]')).toContainText('in 1 hour');
    await expect(page.getByTestId('check-as-of')).toHaveValue(/T\d\d:00(:00)?$/);
  });

  await test.step('the share link carries the time', async () => {
    await page.getByTestId('share-button').click();
    const link = await page.getByTestId('share-url').inputValue();
    expect(new URLSearchParams(link.slice(link.indexOf('#') + 1)).get('at')).toBe('2026-01-01T11:00:00.000Z');
  });

  await test.step('a time typed into the field after expiry makes it expired; "Now" returns to the present', async () => {
    await page.keyboard.press('Escape');
    await page.getByTestId('check-as-of').fill('2026-01-03T13:30:00');
    await expect(page.getByTestId('claims-status')).toHaveAttribute('data-state', 'expired');
    await page.getByTestId('check-as-of-now').click();
    await expect(page.getByTestId('check-as-of-note')).toHaveAttribute('data-at', '');
    await expect(page.getByTestId('claims-status')).toHaveAttribute('data-state', 'expired');
    await expect(page.locator('[data-testid="claim-row"][data-claim="exp"]')).toContainText('ago');
  });
});
