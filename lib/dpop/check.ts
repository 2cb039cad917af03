// Checks a DPoP proof (RFC 9449 §4.3): the JWT is signed with the public key in its own
// "jwk" header, so verifying it proves the sender holds that key's private key, and
// nothing about who the sender is. With the access token it is sent with, also checks
// ath and the token's cnf.jkt binding (RFC 9449 §6.1, §7.1).

import { calculateJwkThumbprint, compactVerify, importJWK, type JWK } from 'jose';
import { decodeToken } from '@/lib/token/decode';
import { privateMembersOf } from '@/lib/keys/visibility';
import { encodeBase64url } from '@/lib/token/base64url';
import { isDpopProofHeader } from './detect';
import { t } from './messages';

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
  const past = seconds >= 0;
  if (abs < 120) return past ? t('dpop.secondsAgo', { n: abs }) : t('dpop.secondsAhead', { n: abs });
  if (abs < 7200) return past ? t('dpop.minutesAgo', { n: Math.round(abs / 60) }) : t('dpop.minutesAhead', { n: Math.round(abs / 60) });
  return past ? t('dpop.hoursAgo', { n: Math.round(abs / 3600) }) : t('dpop.hoursAhead', { n: Math.round(abs / 3600) });
}

/** Checks a compact DPoP proof. Never throws: anything unexpected becomes an error result. */
export async function checkDpopProof(proof: string, options: DpopOptions): Promise<DpopResult> {
  try {
    return await checkProof(proof, options);
  } catch (error) {
    return { ok: false, error: t('dpop.couldNotCheck', { reason: error instanceof Error ? error.message : String(error) }) };
  }
}

async function checkProof(proof: string, options: DpopOptions): Promise<DpopResult> {
  const decoded = decodeToken(proof);
  if (decoded.error || decoded.kind !== 'jws' || !decoded.header) {
    return { ok: false, error: t('dpop.undecodable', { reason: decoded.error?.message ?? t('dpop.notJws') }) };
  }
  const header = decoded.header.value;
  const claims = decoded.payload?.kind === 'json' ? decoded.payload.value : null;
  if (!claims) return { ok: false, error: t('dpop.payloadNotObject') };
  const checks: DpopCheck[] = [];
  const add = (id: DpopCheckId, state: DpopCheck['state'], message: string) => checks.push({ id, state, message });

  add('typ', isDpopProofHeader(header) ? 'pass' : 'fail', isDpopProofHeader(header) ? t('dpop.typOk') : t('dpop.typWrong', { typ: JSON.stringify(header.typ) }));
  const alg = typeof header.alg === 'string' ? header.alg : '';
  add('alg', ASYMMETRIC.test(alg) ? 'pass' : 'fail', ASYMMETRIC.test(alg) ? t('dpop.algOk', { alg }) : t('dpop.algWrong', { alg: JSON.stringify(header.alg ?? null) }));

  // The key: the header's own jwk, public only.
  let thumbprint: string | null = null;
  const jwk = header.jwk;
  if (!isObject(jwk)) {
    add('jwk', 'fail', t('dpop.jwkMissing'));
  } else if (privateMembersOf(jwk).length > 0) {
    add('jwk', 'fail', t('dpop.jwkPrivate', { members: privateMembersOf(jwk).join(', ') }));
  } else {
    try {
      thumbprint = await calculateJwkThumbprint(jwk as JWK, 'sha256');
      add('jwk', 'pass', t('dpop.jwkOk', { key: `${String(jwk.kty)}${typeof jwk.crv === 'string' ? ` ${jwk.crv}` : ''}`, thumbprint }));
    } catch (error) {
      add('jwk', 'fail', t('dpop.jwkUnusable', { reason: error instanceof Error ? error.message : String(error) }));
    }
  }
  if (thumbprint && ASYMMETRIC.test(alg)) {
    try {
      const key = await importJWK(jwk as JWK, alg);
      await compactVerify(proof.trim(), key, { algorithms: [alg] });
      add('signature', 'pass', t('dpop.signatureOk'));
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      add('signature', 'fail', /signature verification failed/i.test(text) ? t('dpop.signatureBad') : t('dpop.signatureUncheckable', { reason: text }));
    }
  } else {
    add('signature', 'fail', t('dpop.signatureNoKey'));
  }

  add('jti', typeof claims.jti === 'string' && claims.jti.length > 0 ? 'pass' : 'fail', typeof claims.jti === 'string' && claims.jti.length > 0 ? t('dpop.jtiOk', { jti: claims.jti }) : t('dpop.jtiMissing'));

  const htm = claims.htm;
  if (typeof htm !== 'string' || !METHOD.test(htm)) add('htm', 'fail', htm === undefined ? t('dpop.htmMissing') : t('dpop.htmInvalid', { htm: JSON.stringify(htm) }));
  else if (options.method && options.method !== htm) add('htm', 'fail', t('dpop.htmMismatch', { htm, method: options.method }));
  else add('htm', options.method ? 'pass' : 'info', options.method ? t('dpop.htmMatches', { htm }) : t('dpop.htmNoMethod', { htm }));

  const htu = claims.htu;
  const target = typeof htu === 'string' ? htuTarget(htu) : null;
  if (typeof htu !== 'string' || !target) add('htu', 'fail', htu === undefined ? t('dpop.htuMissing') : t('dpop.htuInvalid', { htu: JSON.stringify(htu) }));
  else if (options.url) {
    const expected = htuTarget(options.url);
    if (!expected) add('htu', 'fail', t('dpop.requestUrlInvalid', { url: options.url }));
    else if (expected !== target) add('htu', 'fail', t('dpop.htuMismatch', { htu: target, expected }));
    else add('htu', 'pass', t('dpop.htuMatches', { expected }));
  } else {
    const withQuery = /[?#]/.test(htu);
    add('htu', withQuery ? 'fail' : 'info', withQuery ? t('dpop.htuNoUrlWithQuery', { htu }) : t('dpop.htuNoUrl', { htu }));
  }

  const maxAge = options.maxAgeSeconds ?? 300;
  const maxFuture = options.maxFutureSeconds ?? 60;
  const iat = claims.iat;
  if (typeof iat !== 'number' || !Number.isFinite(iat)) add('iat', 'fail', iat === undefined ? t('dpop.iatMissing') : t('dpop.iatNotNumber'));
  else {
    const age = Math.round(options.now - iat);
    const iso = isoOf(iat);
    const when = iso ?? t('dpop.beyondAnyDate', { iat: String(iat) });
    const asOf = options.asOf ? t('dpop.asOf', { time: isoOf(options.now) ?? String(options.now) }) : '';
    if (age > maxAge) add('iat', 'fail', t('dpop.iatTooOld', { when, age: formatAge(age), asOf, max: maxAge }));
    else if (-age > maxFuture) add('iat', 'fail', t('dpop.iatTooFarAhead', { when, age: formatAge(age), asOf, max: maxFuture }));
    else add('iat', 'pass', t('dpop.iatOk', { when, age: formatAge(age), asOf, max: maxAge }));
  }

  const accessToken = options.accessToken?.trim();
  if (accessToken) {
    const expected = await accessTokenHash(accessToken);
    if (claims.ath === undefined) add('ath', 'fail', t('dpop.athMissing'));
    else if (claims.ath !== expected) add('ath', 'fail', t('dpop.athWrong', { ath: JSON.stringify(claims.ath), expected }));
    else add('ath', 'pass', t('dpop.athOk', { expected }));

    const token = decodeToken(accessToken);
    const cnf = token.payload?.kind === 'json' && !token.error ? token.payload.value.cnf : undefined;
    const jkt = isObject(cnf) ? cnf.jkt : undefined;
    if (token.error || token.payload?.kind !== 'json') add('jkt', 'info', t('dpop.jktNotJwt'));
    else if (typeof jkt !== 'string') add('jkt', 'fail', t('dpop.jktMissing'));
    else if (!thumbprint) add('jkt', 'fail', t('dpop.jktNoKey', { jkt }));
    else if (jkt !== thumbprint) add('jkt', 'fail', t('dpop.jktMismatch', { jkt, thumbprint }));
    else add('jkt', 'pass', t('dpop.jktOk'));
  } else if (claims.ath !== undefined) {
    add('ath', 'info', t('dpop.athPresent'));
  }

  const state = checks.some((check) => check.state === 'fail') ? 'invalid' : 'valid';
  const unchecked: string[] = [];
  if (!options.method) unchecked.push(t('dpop.uncheckedHtm'));
  if (!options.url) unchecked.push(t('dpop.uncheckedHtu'));
  if (!accessToken) unchecked.push(t('dpop.uncheckedAth'));
  return { ok: true, state, checks, thumbprint, unchecked };
}
