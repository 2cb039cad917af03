import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAuthorizationUrl, buildParRequest, parAuthorizationUrl, parseRedirect, parSupport, type AuthorizationParams } from './authorize';
import type { ProviderMetadata } from './discovery';
import type { Exchange } from './http';

const metadata: ProviderMetadata = {
  issuer: 'https://op.example',
  authorization_endpoint: 'https://op.example/authorize?tenant=a',
  pushed_authorization_request_endpoint: 'https://op.example/par',
};
const params: AuthorizationParams = {
  clientId: 'client one',
  redirectUri: 'https://app.example/cb',
  scope: 'openid offline_access',
  state: 'st&te=1',
  nonce: 'n#once',
  codeChallenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
};

describe('the authorization request', () => {
  it('has every parameter, fragment by default, and keeps the endpoint\'s own query', () => {
    const built = buildAuthorizationUrl(metadata, { ...params, prompt: 'consent', extra: { login_hint: 'a@b.example' } });
    if (!built.ok) throw new Error(built.error.message);
    const url = new URL(built.url);
    expect(url.origin + url.pathname).toBe('https://op.example/authorize');
    expect([...url.searchParams]).toEqual([
      ['tenant', 'a'],
      ['response_type', 'code'],
      ['client_id', 'client one'],
      ['redirect_uri', 'https://app.example/cb'],
      ['scope', 'openid offline_access'],
      ['state', 'st&te=1'],
      ['nonce', 'n#once'],
      ['code_challenge', params.codeChallenge],
      ['code_challenge_method', 'S256'],
      ['response_mode', 'fragment'],
      ['prompt', 'consent'],
      ['login_hint', 'a@b.example'],
    ]);
  });

  it('any value comes back out of the URL as it went in', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (state, hint) => {
        const built = buildAuthorizationUrl(metadata, { ...params, state, extra: { login_hint: hint } });
        if (!built.ok) throw new Error(built.error.message);
        const url = new URL(built.url);
        expect(url.searchParams.get('state')).toBe(state);
        expect(url.searchParams.get('login_hint')).toBe(hint);
      }),
    );
  });

  it('response_mode=query when asked', () => {
    const built = buildAuthorizationUrl(metadata, { ...params, responseMode: 'query' });
    expect(built.ok && new URL(built.url).searchParams.get('response_mode')).toBe('query');
  });

  it('an extra parameter cannot replace one the flow sets (no PKCE downgrade, no other redirect)', () => {
    for (const name of ['code_challenge_method', 'redirect_uri', 'state', 'nonce', 'prompt', 'response_type']) {
      expect(buildAuthorizationUrl(metadata, { ...params, extra: { [name]: 'x' } })).toMatchObject({ ok: false, error: { kind: 'parameter' } });
    }
  });

  it('an extra parameter named like an Object member (__proto__, toString) is sent like any other', () => {
    const built = buildAuthorizationUrl(metadata, { ...params, extra: JSON.parse('{"__proto__":"p","toString":"t","constructor":"c"}') as Record<string, string> });
    if (!built.ok) throw new Error(built.error.message);
    const url = new URL(built.url);
    expect([url.searchParams.get('__proto__'), url.searchParams.get('toString'), url.searchParams.get('constructor')]).toEqual(['p', 't', 'c']);
    const par = buildParRequest(metadata, { ...params, extra: JSON.parse('{"__proto__":"p"}') as Record<string, string> });
    expect(par.ok && new URLSearchParams(par.request.body).get('__proto__')).toBe('p');
  });

  it('no authorization endpoint: a located error', () => {
    expect(buildAuthorizationUrl({ issuer: 'https://op.example' }, params)).toMatchObject({ ok: false, error: { kind: 'metadata', message: expect.stringMatching(/authorization_endpoint/) } });
  });
});

describe('PAR', () => {
  it('is offered only when the endpoint is advertised, and required when the provider says so', () => {
    expect(parSupport({ issuer: 'x' })).toBe('none');
    expect(parSupport(metadata)).toBe('available');
    expect(parSupport({ ...metadata, require_pushed_authorization_requests: true })).toBe('required');
  });

  it('posts the same parameters as a form, and the authorization URL then carries only client_id and request_uri', () => {
    const built = buildParRequest(metadata, params);
    if (!built.ok) throw new Error(built.error.message);
    expect(built.request).toMatchObject({ method: 'POST', url: 'https://op.example/par', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const form = new URLSearchParams(built.request.body);
    expect(form.get('code_challenge_method')).toBe('S256');
    expect(form.get('state')).toBe('st&te=1');
    const answer: Exchange = { blocked: false, request: built.request, response: { status: 201, headers: {}, body: '{"request_uri":"urn:ietf:params:oauth:request_uri:abc","expires_in":60}' } };
    const url = parAuthorizationUrl(metadata, 'client one', answer);
    if (!url.ok) throw new Error(url.error.message);
    expect([...new URL(url.url).searchParams]).toEqual([
      ['tenant', 'a'],
      ['client_id', 'client one'],
      ['request_uri', 'urn:ietf:params:oauth:request_uri:abc'],
    ]);
    expect(url.expiresIn).toBe(60);
  });

  it('a refused push says why', () => {
    const built = buildParRequest(metadata, params);
    if (!built.ok) throw new Error(built.error.message);
    const answer: Exchange = { blocked: false, request: built.request, response: { status: 400, headers: {}, body: '{"error":"invalid_request","error_description":"bad scope"}' } };
    expect(parAuthorizationUrl(metadata, 'c', answer)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/invalid_request: bad scope/) } });
  });
});

describe('the redirect back', () => {
  const expected = { state: 'st&te=1', issuer: 'https://op.example' };
  const redirect = (fields: Record<string, string>, where: '#' | '?' = '#') => `https://app.example/cb${where}${new URLSearchParams(fields)}`;

  it('reads code, state and iss from the fragment', () => {
    expect(parseRedirect(redirect({ code: 'c0de', state: 'st&te=1', iss: 'https://op.example' }), expected)).toEqual({ ok: true, code: 'c0de', state: 'st&te=1', iss: 'https://op.example' });
  });

  it('reads the query when response_mode=query, and ignores the fragment then', () => {
    const url = `${redirect({ code: 'c0de', state: 'st&te=1' }, '?')}#code=other&state=st%26te%3D1`;
    expect(parseRedirect(url, { ...expected, responseMode: 'query' })).toMatchObject({ ok: true, code: 'c0de' });
    // In fragment mode, a code in the query is not the answer.
    expect(parseRedirect(redirect({ code: 'c0de', state: 'st&te=1' }, '?'), expected)).toMatchObject({ ok: false, error: { kind: 'state' } });
  });

  it('another state is refused (CSRF), even with an error', () => {
    expect(parseRedirect(redirect({ code: 'c0de', state: 'other' }), expected)).toMatchObject({ ok: false, error: { kind: 'state' } });
    expect(parseRedirect(redirect({ error: 'access_denied', state: 'other' }), expected)).toMatchObject({ ok: false, error: { kind: 'state' } });
  });

  it('another iss is refused (mix-up, RFC 9207), and a missing one when the provider always sends it', () => {
    expect(parseRedirect(redirect({ code: 'c', state: 'st&te=1', iss: 'https://evil.example' }), expected)).toMatchObject({ ok: false, error: { kind: 'iss' } });
    expect(parseRedirect(redirect({ code: 'c', state: 'st&te=1' }), { ...expected, issRequired: true })).toMatchObject({ ok: false, error: { kind: 'iss' } });
    expect(parseRedirect(redirect({ code: 'c', state: 'st&te=1' }), expected)).toMatchObject({ ok: true });
  });

  it('an error response with its description', () => {
    expect(parseRedirect(redirect({ error: 'access_denied', error_description: 'User said no', state: 'st&te=1' }), expected)).toEqual({
      ok: false,
      error: { kind: 'provider', error: 'access_denied', description: 'User said no', message: 'The provider answered access_denied: User said no' },
    });
  });

  it('a parameter given twice, a missing code, or not a URL', () => {
    expect(parseRedirect('https://app.example/cb#code=a&code=b&state=st%26te%3D1', expected)).toMatchObject({ ok: false, error: { kind: 'url' } });
    expect(parseRedirect(redirect({ state: 'st&te=1' }), expected)).toMatchObject({ ok: false, error: { kind: 'code' } });
    expect(parseRedirect('not a url', expected)).toMatchObject({ ok: false, error: { kind: 'url' } });
  });
});

describe('the hybrid response types (OpenID Connect Core §3.3)', () => {
  it('asks for code id_token token in the fragment, and refuses the query', () => {
    const built = buildAuthorizationUrl(metadata, { ...params, responseType: 'code id_token token' });
    if (!built.ok) throw new Error(built.error.message);
    const url = new URL(built.url);
    expect(url.searchParams.get('response_type')).toBe('code id_token token');
    expect(url.searchParams.get('response_mode')).toBe('fragment');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    const refused = buildAuthorizationUrl(metadata, { ...params, responseType: 'code id_token', responseMode: 'query' });
    expect(refused.ok).toBe(false);
  });

  it('reads the ID token and access token that come back with the code', () => {
    const href = 'https://app.example/cb#code=c1&id_token=h.p.s&access_token=at1&token_type=Bearer&expires_in=3600&state=s1';
    expect(parseRedirect(href, { state: 's1', responseType: 'code id_token token' })).toEqual({
      ok: true,
      code: 'c1',
      state: 's1',
      idToken: 'h.p.s',
      access: { accessToken: 'at1', tokenType: 'Bearer', expiresIn: 3600 },
    });
    expect(parseRedirect(href, { state: 's1', responseType: 'code id_token' })).toEqual({ ok: true, code: 'c1', state: 's1', idToken: 'h.p.s' });
    // A plain code flow takes the code only.
    expect(parseRedirect(href, { state: 's1' })).toEqual({ ok: true, code: 'c1', state: 's1' });
  });

  it('refuses an answer without the tokens asked for, or with one twice', () => {
    const missing = parseRedirect('https://app.example/cb#code=c1&state=s1', { state: 's1', responseType: 'code id_token' });
    expect(missing.ok === false && missing.error.kind).toBe('token');
    const noAccess = parseRedirect('https://app.example/cb#code=c1&id_token=a.b.c&state=s1', { state: 's1', responseType: 'code id_token token' });
    expect(noAccess.ok === false && noAccess.error.kind).toBe('token');
    const twice = parseRedirect('https://app.example/cb#code=c1&id_token=a.b.c&id_token=d.e.f&state=s1', { state: 's1', responseType: 'code id_token' });
    expect(twice.ok === false && twice.error.kind).toBe('url');
  });

  it("takes the ID token's issuer in place of iss, from a provider that always sends iss (RFC 9207 §2.4)", () => {
    const href = 'https://app.example/cb#code=c1&id_token=h.p.s&state=s1';
    expect(parseRedirect(href, { state: 's1', issRequired: true, responseType: 'code id_token' }).ok).toBe(true);
    const plain = parseRedirect('https://app.example/cb#code=c1&state=s1', { state: 's1', issRequired: true, responseType: 'code id_token' });
    expect(plain.ok === false && plain.error.kind).toBe('iss');
    expect(parseRedirect(href, { state: 's1', issRequired: true }).ok).toBe(false);
  });
});
