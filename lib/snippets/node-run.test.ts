/**
 * The Node snippet is run for real: written to a file inside node_modules
 * (so `jose` resolves from the project), run with node against a real token.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { exportPKCS8, exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSnippets } from './snippets';
import { snippetKeyFromText } from './key-of';

const run = promisify(execFile);
let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(process.cwd(), 'node_modules', '.snippet-run-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function runSnippet(code: string, env: Record<string, string> = {}): Promise<{ ok: boolean; stdout: string; stderr: string }> {
  const file = path.join(dir, `snippet-${Math.random().toString(36).slice(2)}.mjs`);
  await writeFile(file, code);
  try {
    const { stdout, stderr } = await run(process.execPath, [file], { env: { NODE_ENV: 'production', PATH: process.env.PATH ?? '', ...env }, timeout: 30_000 });
    return { ok: true, stdout, stderr };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    return { ok: false, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

const now = Math.floor(Date.now() / 1000);
function nodeSnippet(input: Parameters<typeof generateSnippets>[0]): string {
  const set = generateSnippets(input);
  if (!set.ok) throw new Error(set.message);
  return set.snippets.find((snippet) => snippet.id === 'node-jose')!.code;
}

describe('the generated Node (jose) snippet', () => {
  it('verifies an HS256 token with the secret from the environment, and rejects a wrong secret', async () => {
    const secret = 'a-secret-of-more-than-thirty-two-bytes!!';
    const token = await new SignJWT({ sub: 'alice', iat: now, exp: now + 600 }).setProtectedHeader({ alg: 'HS256' }).setIssuer('https://issuer.example').setAudience('api').sign(new TextEncoder().encode(secret));
    const code = nodeSnippet({ alg: 'HS256', key: { kind: 'secret', secret, encoding: 'utf8' }, issuer: 'https://issuer.example', audience: 'api', token, include: false });
    const good = await runSnippet(code, { JWT: token, JWT_SECRET: secret });
    expect(good.stderr).toBe('');
    expect(good.stdout).toMatch(/^Token verified: HS256 \{"sub":"alice"/);
    expect(good.ok).toBe(true);
    const bad = await runSnippet(code, { JWT: token, JWT_SECRET: 'another-secret-of-more-than-thirty-two-b' });
    expect(bad.ok).toBe(false);
    expect(bad.stderr).toContain('Token rejected: ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
    // The issuer is checked too.
    const otherIssuer = nodeSnippet({ alg: 'HS256', key: { kind: 'secret', secret, encoding: 'utf8' }, issuer: 'https://elsewhere.example', token, include: false });
    const wrongIssuer = await runSnippet(otherIssuer, { JWT: token, JWT_SECRET: secret });
    expect(wrongIssuer.ok).toBe(false);
    expect(wrongIssuer.stderr).toContain('Token rejected: ERR_JWT_CLAIM_VALIDATION_FAILED');
    // And the audience: the same token, the snippet expecting another one, is rejected.
    const otherAudience = nodeSnippet({ alg: 'HS256', key: { kind: 'secret', secret, encoding: 'utf8' }, issuer: 'https://issuer.example', audience: 'another-api', token, include: false });
    const wrongAudience = await runSnippet(otherAudience, { JWT: token, JWT_SECRET: secret });
    expect(wrongAudience.stdout).toBe('');
    expect(wrongAudience.ok).toBe(false);
    expect(wrongAudience.stderr).toContain('Token rejected: ERR_JWT_CLAIM_VALIDATION_FAILED');
    // A token for several audiences passes when the snippet's is among them.
    const listed = await new SignJWT({ sub: 'alice', exp: now + 600 }).setProtectedHeader({ alg: 'HS256' }).setAudience(['other', 'another-api']).setIssuer('https://issuer.example').sign(new TextEncoder().encode(secret));
    expect((await runSnippet(otherAudience, { JWT: listed, JWT_SECRET: secret })).stdout).toMatch(/^Token verified: HS256/);
  }, 60_000);

  it('verifies an ES256 token with the public key it embeds and the token included, and fails with a wrong key', async () => {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const token = await new SignJWT({ sub: 'bob', exp: now + 600 }).setProtectedHeader({ alg: 'ES256' }).sign(privateKey);
    const { key } = await snippetKeyFromText(await exportPKCS8(privateKey), 'utf8');
    const good = await runSnippet(nodeSnippet({ alg: 'ES256', key, token, include: true }));
    expect(good.stdout).toMatch(/^Token verified: ES256 \{"sub":"bob"/);
    expect(good.ok).toBe(true);

    const other = await generateKeyPair('ES256', { extractable: true });
    const wrong = await snippetKeyFromText(await exportSPKI(other.publicKey), 'utf8');
    const bad = await runSnippet(nodeSnippet({ alg: 'ES256', key: wrong.key, token, include: true }));
    expect(bad.ok).toBe(false);
    expect(bad.stderr).toContain('Token rejected: ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
  }, 60_000);
});
