/** Verifying with a certificate "as of" another time: its validity is judged then, not now. */
import { execFileSync } from 'node:child_process';
import { createPrivateKey, sign, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWithKeyText } from './verify-key-text';

let dir: string;
let certificate: string;
let token: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'jws-at-'));
  // The certificate comes from openssl, the signature from Node: neither from this code.
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'k.pem', '-out', 'c.pem', '-subj', '/CN=at.example.test', '-days', '2'], { cwd: dir, stdio: 'pipe' });
  certificate = readFileSync(join(dir, 'c.pem'), 'utf8');
  const input = `${Buffer.from('{"alg":"ES256"}').toString('base64url')}.${Buffer.from('{"sub":"x"}').toString('base64url')}`;
  const signature = sign('sha256', Buffer.from(input), { key: createPrivateKey(readFileSync(join(dir, 'k.pem'))), dsaEncoding: 'ieee-p1363' });
  token = `${input}.${signature.toString('base64url')}`;
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('verifyWithKeyText with a time', () => {
  it('says the certificate had expired as of a later time, and not as of now', async () => {
    const notAfter = new Date(new X509Certificate(certificate).validTo);
    const now = await verifyWithKeyText(token, certificate);
    expect(now.state).toBe('valid');
    expect(now.warnings.join(' ')).not.toMatch(/expired/);
    const later = await verifyWithKeyText(token, certificate, { now: new Date(notAfter.getTime() + 60_000) });
    expect(later.state).toBe('valid');
    expect(later.warnings).toContain(`The certificate expired on ${notAfter.toISOString()}.`);
    const earlier = await verifyWithKeyText(token, certificate, { now: new Date(Date.now() - 86_400_000) });
    expect(earlier.warnings.join(' ')).toMatch(/not valid before/);
  });
});
