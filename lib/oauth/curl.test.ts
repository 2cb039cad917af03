// The curl commands are data: run with bash and a `curl` that records its
// arguments, each value arrives verbatim as one argument, and nothing else runs.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shellCanCarry } from '@/lib/snippets/quote';
import { hostileString } from '@/lib/snippets/testing/hostile';
import { runCurlSnippet } from '@/lib/snippets/testing/runners';
import { clientCredentialsCurl, codeExchangeCurl, curlCommand, introspectionCurl, refreshCurl, revocationCurl, tokenExchangeCurl, type CurlResult } from './curl';

let root = '';
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'oauth-curl-'));
});
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

const commandOf = (result: CurlResult) => {
  if (!result.ok) throw new Error(result.message);
  return result.command;
};
const PREFIX = ['--silent', '--show-error', '--request', 'POST', '--url'];
const value = fc.oneof(hostileString(), fc.string({ unit: 'binary' })).filter(shellCanCarry);
const headerValue = value.filter((text) => !/[\r\n]/.test(text));

describe('curl commands', () => {
  it('the code exchange: every value reaches curl verbatim, nothing else runs', async () => {
    await fc.assert(
      fc.asyncProperty(value, value, value, value, value, headerValue, async (url, clientId, code, redirectUri, codeVerifier, dpopProof) => {
        const command = commandOf(codeExchangeCurl(url, { clientId, code, redirectUri, codeVerifier, dpopProof }));
        const ran = await runCurlSnippet(root, command, {});
        expect(ran.exitCode).toBe(0);
        expect(ran.leftovers).toEqual([]);
        expect(ran.argv).toEqual([
          ...PREFIX,
          url,
          '--header',
          `DPoP: ${dpopProof}`,
          '--data-urlencode',
          'grant_type=authorization_code',
          '--data-urlencode',
          `code=${code}`,
          '--data-urlencode',
          `redirect_uri=${redirectUri}`,
          '--data-urlencode',
          `code_verifier=${codeVerifier}`,
          '--data-urlencode',
          `client_id=${clientId}`,
        ]);
      }),
      { numRuns: 25 },
    );
  });

  it('refresh, revocation, client credentials, token exchange and introspection: values verbatim, the secret only from $CLIENT_SECRET', async () => {
    await fc.assert(
      fc.asyncProperty(value, value, value, value, value.map((text) => `secret-marker-${text}`), async (url, clientId, token, extra, secret) => {
        const cases: [CurlResult, string[], boolean][] = [
          [refreshCurl(url, { clientId, refreshToken: token, scope: extra }), ['grant_type=refresh_token', `refresh_token=${token}`, `scope=${extra}`, `client_id=${clientId}`], false],
          [revocationCurl(url, { clientId, token, tokenTypeHint: extra }), [`token=${token}`, `token_type_hint=${extra}`, `client_id=${clientId}`], false],
          [clientCredentialsCurl(url, { clientId, scope: extra }), ['grant_type=client_credentials', `scope=${extra}`, `client_id=${clientId}`], true],
          [
            tokenExchangeCurl(url, { clientId, subjectToken: token, subjectTokenType: 'urn:ietf:params:oauth:token-type:access_token', audience: extra }),
            ['grant_type=urn:ietf:params:oauth:grant-type:token-exchange', `subject_token=${token}`, 'subject_token_type=urn:ietf:params:oauth:token-type:access_token', `audience=${extra}`, `client_id=${clientId}`],
            true,
          ],
          [introspectionCurl(url, { clientId, token }), [`token=${token}`, `client_id=${clientId}`], true],
        ];
        for (const [result, form, withSecret] of cases) {
          const command = commandOf(result);
          // The secret is never in the command; the shell reads it from the environment.
          expect(command).not.toContain(secret);
          const ran = await runCurlSnippet(root, command, { CLIENT_SECRET: secret });
          expect(ran.leftovers).toEqual([]);
          const fields = [...form, ...(withSecret ? [`client_secret=${secret}`] : [])];
          expect(ran.argv).toEqual([...PREFIX, url, ...fields.flatMap((field) => ['--data-urlencode', field])]);
        }
      }),
      { numRuns: 10 },
    );
  });

  it('a URL starting with "-" stays the URL (given with --url), not an option', async () => {
    const command = commandOf(revocationCurl('-o/tmp/pwned', { clientId: 'c', token: 't' }));
    const ran = await runCurlSnippet(root, command, {});
    expect(ran.argv?.slice(4, 6)).toEqual(['--url', '-o/tmp/pwned']);
  });

  it('refuses what it cannot write safely: a NUL, a header value with a line break, a field name with @ or =', () => {
    expect(codeExchangeCurl('https://op.example/token', { clientId: 'c', code: 'a\0b', redirectUri: 'r', codeVerifier: 'v' })).toMatchObject({ ok: false, message: expect.stringMatching(/NUL/) });
    expect(codeExchangeCurl('https://op.example/token', { clientId: 'c', code: 'a', redirectUri: 'r', codeVerifier: 'v', dpopProof: 'x\r\nHost: evil' })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/line break/),
    });
    expect(curlCommand({ url: 'https://op.example/token', form: [['name@/etc/passwd', 'x']] })).toMatchObject({ ok: false });
    expect(curlCommand({ url: 'https://op.example/token', form: [['a=b', 'x']] })).toMatchObject({ ok: false });
  });
});
