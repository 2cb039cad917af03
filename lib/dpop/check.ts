// Checks a DPoP proof (RFC 9449 §4.3): the JWT is signed with the public key in its own
// "jwk" header, so verifying it proves the sender holds that key's private key, and
// nothing about who the sender is. With the access token it is sent with, also checks
// ath and the token's cnf.jkt binding (RFC 9449 §6.1, §7.1).

import { calculateJwkThumbprint, compactVerify, importJWK, type JWK } from 'jose';
import { decodeToken } from '@/lib/token/decode';
import { privateMembersOf } from '@/lib/keys/visibility';
import { encodeBase64url } from '@/lib/token/base64url';
import { isDpopProofHeader } from './detect';

export type DpopCheckId = 'typ' | 'alg' | 'jwk' | 'signature' | 'jti' | 'htm' | 'htu' | 'iat' | 'ath' | 'jkt';

export interface DpopCheck {
  id: DpopCheckId;
  /** pass: holds; fail: a verifier must reject; info: cannot be checked without more input. */
  state: 'pass' | 'fail' | 'info';
  message: string;
}

export interface DpopOptions {
  /** Seconds since the epoch. */
  now: number;
  /** The access token sent with the proof, if any. */
  accessToken?: string;
  /** The request's method and URL, when known: htm and htu must match them. */
  method?: string;
  url?: string;
  /** How old iat may be, and how far in the future (clock skew), in seconds. */
  maxAgeSeconds?: number;
  maxFutureSeconds?: number;
  /** `now` is a chosen "check as of" time rather than the clock: the iat check says so. */
  asOf?: boolean;
}

export type DpopResult =
  | {
      ok: true;
      state: 'valid' | 'invalid';
      checks: DpopCheck[];
      thumbprint: string | null;
      /** What could not be checked for want of input (the request method, URL, access token): "valid" means valid as far as checked. */
      unchecked: string[];
    }
  | { ok: false; error: string };

const ASYMMETRIC = /^(RS|PS|ES)(256|384|512)$|^ES256K$|^EdDSA$|^Ed25519$|^Ed448$/;
const METHOD = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** base64url(SHA-256(ASCII access token)), the ath claim (RFC 9449 §4.2). */
export async function accessTokenHash(accessToken: string): Promise<string> {
  const bytes = new Uint8Array(accessToken.length);
  for (let i = 0; i < accessToken.length; i++) bytes[i] = accessToken.charCodeAt(i) & 0xff;
  return encodeBase64url(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
}

/** The URL without query and fragment, as htu is compared (RFC 9449 §4.3 step 9). */
function htuTarget(value: string): string | null {
  try {
    const url = new URL(value);
    return `${url.protocol}//${url.host}${url.pathname}`;
  } catch {
    return null;
  }
}

/** The ISO date of a time in seconds, or null when no Date can hold it (toISOString would throw). */
function isoOf(seconds: number): string | null {
  const ms = seconds * 1000;
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : null;
}

function formatAge(seconds: number): string {
  const abs = Math.abs(seconds);
  const text = abs < 120 ? `${abs} s` : abs < 7200 ? `${Math.round(abs / 60)} min` : `${Math.round(abs / 3600)} h`;
  return seconds >= 0 ? `${text} ago` : `${text} in the future`;
}

/** Checks a compact DPoP proof. Never throws: anything unexpected becomes an error result. */
export async function checkDpopProof(proof: string, options: DpopOptions): Promise<DpopResult> {
  try {
    return await checkProof(proof, options);
  } catch (error) {
    return { ok: false, error: `The DPoP proof could not be checked: ${error instanceof Error ? error.message : String(error)}` };
  }
}

async function checkProof(proof: string, options: DpopOptions): Promise<DpopResult> {
  const decoded = decodeToken(proof);
  if (decoded.error || decoded.kind !== 'jws' || !decoded.header) {
    return { ok: false, error: `The DPoP proof cannot be decoded: ${decoded.error?.message ?? 'it is not a JWS'}` };
  }
  const header = decoded.header.value;
  const claims = decoded.payload?.kind === 'json' ? decoded.payload.value : null;
  if (!claims) return { ok: false, error: 'The DPoP proof\'s payload is not a JSON object' };
  const checks: DpopCheck[] = [];
  const add = (id: DpopCheckId, state: DpopCheck['state'], message: string) => checks.push({ id, state, message });

  add('typ', isDpopProofHeader(header) ? 'pass' : 'fail', isDpopProofHeader(header) ? 'typ is "dpop+jwt"' : `typ must be "dpop+jwt", it is ${JSON.stringify(header.typ)}`);
  const alg = typeof header.alg === 'string' ? header.alg : '';
  add('alg', ASYMMETRIC.test(alg) ? 'pass' : 'fail', ASYMMETRIC.test(alg) ? `alg "${alg}" is an asymmetric signature algorithm` : `alg must be an asymmetric signature algorithm, not ${JSON.stringify(header.alg ?? null)}`);

  // The key: the header's own jwk, public only.
  let thumbprint: string | null = null;
  const jwk = header.jwk;
  if (!isObject(jwk)) {
    add('jwk', 'fail', 'The header has no "jwk": a DPoP proof carries the public key it is signed with');
  } else if (privateMembersOf(jwk).length > 0) {
    add('jwk', 'fail', `The header's jwk contains private key material (${privateMembersOf(jwk).join(', ')}): the private key has leaked`);
  } else {
    try {
      thumbprint = await calculateJwkThumbprint(jwk as JWK, 'sha256');
      add('jwk', 'pass', `Public ${String(jwk.kty)}${typeof jwk.crv === 'string' ? ` ${jwk.crv}` : ''} key in the header; RFC 7638 thumbprint ${thumbprint}`);
    } catch (error) {
      add('jwk', 'fail', `The header's jwk is not a usable public key: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (thumbprint && ASYMMETRIC.test(alg)) {
    try {
      const key = await importJWK(jwk as JWK, alg);
      await compactVerify(proof.trim(), key, { algorithms: [alg] });
      add('signature', 'pass', 'The signature verifies with the jwk in the proof\'s own header: the sender holds that key\'s private key (this proves possession of the key, not who the sender is)');
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      add('signature', 'fail', /signature verification failed/i.test(text) ? 'The signature does not verify with the jwk in the header' : `The signature cannot be checked with the header's jwk: ${text}`);
    }
  } else {
    add('signature', 'fail', 'The signature cannot be checked without a public jwk and an asymmetric alg');
  }

  add('jti', typeof claims.jti === 'string' && claims.jti.length > 0 ? 'pass' : 'fail', typeof claims.jti === 'string' && claims.jti.length > 0 ? `jti "${claims.jti}" (the server must reject a jti it has already seen)` : 'jti is missing: a DPoP proof needs a unique identifier so servers can detect replays');

  const htm = claims.htm;
  if (typeof htm !== 'string' || !METHOD.test(htm)) add('htm', 'fail', htm === undefined ? 'htm (the HTTP method) is missing' : `htm must be an HTTP method, it is ${JSON.stringify(htm)}`);
  else if (options.method && options.method !== htm) add('htm', 'fail', `htm is "${htm}" but the request is ${options.method}`);
  else add('htm', options.method ? 'pass' : 'info', options.method ? `htm "${htm}" matches the request method` : `htm "${htm}"; give the request method to compare`);

  const htu = claims.htu;
  const target = typeof htu === 'string' ? htuTarget(htu) : null;
  if (typeof htu !== 'string' || !target) add('htu', 'fail', htu === undefined ? 'htu (the HTTP URI) is missing' : `htu must be an absolute URI, it is ${JSON.stringify(htu)}`);
  else if (options.url) {
    const expected = htuTarget(options.url);
    if (!expected) add('htu', 'fail', `The request URL "${options.url}" is not an absolute URL`);
    else if (expected !== target) add('htu', 'fail', `htu is ${target} but the request goes to ${expected} (query and fragment ignored)`);
    else add('htu', 'pass', `htu matches the request URL ${expected} (query and fragment ignored)`);
  } else {
    const extra = typeof htu === 'string' && /[?#]/.test(htu) ? ' It should have no query or fragment.' : '';
    add('htu', extra ? 'fail' : 'info', `htu ${htu}; give the request URL to compare.${extra}`);
  }

  const maxAge = options.maxAgeSeconds ?? 300;
  const maxFuture = options.maxFutureSeconds ?? 60;
  const iat = claims.iat;
  if (typeof iat !== 'number' || !Number.isFinite(iat)) add('iat', 'fail', iat === undefined ? 'iat is missing' : 'iat must be a number (seconds since 1970)');
  else {
    const age = Math.round(options.now - iat);
    const iso = isoOf(iat);
    const when = iso ?? `${iat} (beyond any date a clock can show)`;
    const asOf = options.asOf ? ` as of ${isoOf(options.now) ?? options.now}` : '';
    if (age > maxAge) add('iat', 'fail', `iat ${when} is ${formatAge(age)}${asOf}: older than the ${maxAge} s a server typically accepts`);
    else if (-age > maxFuture) add('iat', 'fail', `iat ${when} is ${formatAge(age)}${asOf}: more than ${maxFuture} s ahead`);
    else add('iat', 'pass', `iat ${when} is ${formatAge(age)}${asOf}, within ${maxAge} s`);
  }

  const accessToken = options.accessToken?.trim();
  if (accessToken) {
    const expected = await accessTokenHash(accessToken);
    if (claims.ath === undefined) add('ath', 'fail', 'ath is missing: a proof sent with an access token must carry the token\'s hash');
    else if (claims.ath !== expected) add('ath', 'fail', `ath is ${JSON.stringify(claims.ath)} but the SHA-256 of the access token is ${expected}`);
    else add('ath', 'pass', `ath is the SHA-256 of the access token (${expected})`);

    const token = decodeToken(accessToken);
    const cnf = token.payload?.kind === 'json' && !token.error ? token.payload.value.cnf : undefined;
    const jkt = isObject(cnf) ? cnf.jkt : undefined;
    if (token.error || token.payload?.kind !== 'json') add('jkt', 'info', 'The access token is not a JWT; its key binding (cnf.jkt) is known to the server through introspection');
    else if (typeof jkt !== 'string') add('jkt', 'fail', 'The access token has no cnf.jkt: it is not bound to a DPoP key');
    else if (!thumbprint) add('jkt', 'fail', `cnf.jkt is ${jkt}, but the proof has no usable key to compare with`);
    else if (jkt !== thumbprint) add('jkt', 'fail', `The access token's cnf.jkt ${jkt} is not the thumbprint of the proof's key (${thumbprint}): the token is bound to another key`);
    else add('jkt', 'pass', `The access token's cnf.jkt equals the RFC 7638 thumbprint of the proof's key`);
  } else if (claims.ath !== undefined) {
    add('ath', 'info', 'ath is present: paste the access token beside the proof to check it');
  }

  const state = checks.some((check) => check.state === 'fail') ? 'invalid' : 'valid';
  const unchecked: string[] = [];
  if (!options.method) unchecked.push('htm against the request method');
  if (!options.url) unchecked.push('htu against the request URL');
  if (!accessToken) unchecked.push('ath and cnf.jkt against the access token');
  return { ok: true, state, checks, thumbprint, unchecked };
}
