// Verifies the key binding JWT of an SD-JWT presentation (RFC 9901 §4.3, §7.3): signed
// with the key in the issuer JWT's cnf.jwk, typ "kb+jwt", and sd_hash over the issuer
// JWT and the disclosures presented, each followed by '~'.

import { compactVerify, importJWK, type JWK } from 'jose';
import { decodeToken } from '@/lib/token/decode';
import { withoutPrivateMembers } from '@/lib/keys/visibility';
import { isSupportedSdAlg, sdDigest } from './digest';
import type { SdJwtLayout } from './split';

export type KeyBindingState = 'valid' | 'invalid' | 'unverified' | 'error';

export interface KeyBindingCheck {
  label: string;
  ok: boolean;
  detail: string;
}

export interface KeyBindingResult {
  state: KeyBindingState;
  message: string;
  checks: KeyBindingCheck[];
  header: Record<string, unknown> | null;
  /** The KB-JWT's claims, when it decoded. */
  claims: Record<string, unknown> | null;
  /** The sd_hash this presentation should carry; null when it cannot be computed. */
  expectedSdHash: string | null;
  /** What was not checked for want of an expected value: "valid" then means valid as far as checked. */
  unchecked: string[];
}

/** What the verifier expects of the key binding JWT; each is checked only when given (RFC 9901 §7.3 step 5). */
export interface KeyBindingOptions {
  /** Seconds since the epoch to judge iat by: the clock, or a chosen "check as of" time. */
  now?: number;
  /** `now` is a chosen "check as of" time: the messages say so. */
  asOf?: boolean;
  /** The verifier's own identifier, which aud must name. */
  expectedAud?: string;
  /** The nonce the verifier handed out for this presentation. */
  expectedNonce?: string;
  /** How old iat may be, in seconds. */
  maxAgeSeconds?: number;
  /** How far ahead iat may be (clock skew), in seconds; 60 unless given. */
  maxFutureSeconds?: number;
}

/** The ISO date of a time in seconds, or null when no Date can hold it. */
function isoOf(seconds: number): string | null {
  const ms = seconds * 1000;
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `claims` are the issuer JWT's claims as processed (cnf may itself have been disclosed);
 * `sdAlg` is the payload's `_sd_alg` (or "sha-256"). Never throws.
 */
export async function verifyKeyBinding(layout: SdJwtLayout, claims: Record<string, unknown> | null, sdAlg: string, options: KeyBindingOptions = {}): Promise<KeyBindingResult> {
  try {
    return await verify(layout, claims, sdAlg, options);
  } catch (error) {
    return { state: 'error', message: `The key binding JWT could not be checked: ${error instanceof Error ? error.message : String(error)}`, checks: [], header: null, claims: null, expectedSdHash: null, unchecked: [] };
  }
}

async function verify(layout: SdJwtLayout, claims: Record<string, unknown> | null, sdAlg: string, options: KeyBindingOptions): Promise<KeyBindingResult> {
  const base = { header: null, claims: null, expectedSdHash: null, checks: [] as KeyBindingCheck[], unchecked: [] as string[] };
  if (!layout.keyBinding) {
    return {
      ...base,
      state: 'unverified',
      message: isObject(claims?.cnf)
        ? "No key binding JWT: the SD-JWT ends with '~'. The issuer bound it to a key (cnf), so a verifier that requires key binding rejects it."
        : "No key binding JWT: the SD-JWT ends with '~', so nothing proves who presents it.",
    };
  }
  const decoded = decodeToken(layout.keyBinding.text);
  if (decoded.error || decoded.kind !== 'jws' || decoded.payload?.kind !== 'json' || !decoded.header) {
    return { ...base, state: 'error', message: `The key binding JWT cannot be decoded: ${decoded.error?.message ?? 'it is not a signed JWT with a JSON payload'}` };
  }
  const header = decoded.header.value;
  const kb = decoded.payload.value;
  const checks: KeyBindingCheck[] = [];
  const unchecked: string[] = [];
  const expectedSdHash = isSupportedSdAlg(sdAlg) ? await sdDigest(sdAlg, layout.presentation) : null;
  const result = (state: KeyBindingState, message: string): KeyBindingResult => ({ state, message, checks, header, claims: kb, expectedSdHash, unchecked });

  checks.push({ label: 'typ is "kb+jwt"', ok: header.typ === 'kb+jwt', detail: header.typ === undefined ? 'typ is missing' : `typ is ${JSON.stringify(header.typ)}` });
  const alg = typeof header.alg === 'string' ? header.alg : '';
  const algOk = alg !== '' && alg !== 'none' && !alg.startsWith('HS');
  checks.push({ label: 'alg is an asymmetric signature algorithm', ok: algOk, detail: alg ? `alg is "${alg}"` : 'alg is missing' });
  for (const name of ['iat', 'aud', 'nonce', 'sd_hash'] as const) {
    const value = kb[name];
    const ok = name === 'iat' ? typeof value === 'number' && Number.isFinite(value) : typeof value === 'string' || (name === 'aud' && Array.isArray(value));
    checks.push({ label: `${name} is present`, ok, detail: value === undefined ? `${name} is missing (required, RFC 9901 §4.3)` : `${name}: ${JSON.stringify(value)}` });
  }
  if (expectedSdHash === null) {
    checks.push({ label: 'sd_hash matches the presentation', ok: false, detail: `sd_hash cannot be computed: _sd_alg "${sdAlg}" is not supported` });
  } else {
    const ok = kb.sd_hash === expectedSdHash;
    checks.push({
      label: 'sd_hash matches the presentation',
      ok,
      detail: ok ? `${sdAlg} of the issuer JWT and the ${layout.disclosures.length} disclosures, each followed by '~'` : `expected ${expectedSdHash} (${sdAlg} over the issuer JWT and the disclosures presented), got ${JSON.stringify(kb.sd_hash)}`,
    });
  }

  checkExpectations(kb, options, checks, unchecked);

  const cnf = claims?.cnf;
  const jwk = isObject(cnf) ? cnf.jwk : undefined;
  if (!isObject(jwk)) {
    return result('error', 'The issuer JWT has no cnf.jwk, so there is no key to check the key binding JWT with.');
  }
  const publicJwk = withoutPrivateMembers(jwk) as JWK;
  let signatureOk = false;
  let signatureDetail: string;
  try {
    const key = await importJWK(publicJwk, alg || undefined);
    await compactVerify(layout.keyBinding.text, key, { algorithms: [alg] });
    signatureOk = true;
    signatureDetail = 'verified with the public key in the issuer JWT\'s cnf.jwk';
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    signatureDetail = /signature verification failed/i.test(text) ? "the signature does not verify with the key in cnf.jwk: the holder's key did not sign it" : `cannot be checked with cnf.jwk: ${text}`;
    if (!/signature verification failed/i.test(text)) {
      checks.unshift({ label: 'signature verifies with cnf.jwk', ok: false, detail: signatureDetail });
      return result('error', `The key binding JWT ${signatureDetail}.`);
    }
  }
  checks.unshift({ label: 'signature verifies with cnf.jwk', ok: signatureOk, detail: signatureDetail });
  const failed = checks.filter((check) => !check.ok);
  if (failed.length === 0) {
    const verified = 'signed by the holder key in cnf.jwk, and its sd_hash covers exactly this presentation';
    if (unchecked.length === 0) return result('valid', `Key binding JWT verified: ${verified}.`);
    return result('valid', `Key binding JWT valid as far as checked: ${verified}. Not checked: ${unchecked.join('; ')}.`);
  }
  return result('invalid', `Key binding JWT rejected: ${failed.map((check) => check.detail).join('; ')}.`);
}

/** aud, nonce and iat against what the verifier expects, each only when it is given; the rest is listed as unchecked. */
function checkExpectations(kb: Record<string, unknown>, options: KeyBindingOptions, checks: KeyBindingCheck[], unchecked: string[]): void {
  const { expectedAud, expectedNonce, maxAgeSeconds, now } = options;
  if (expectedAud !== undefined && expectedAud !== '') {
    const aud = kb.aud;
    const ok = aud === expectedAud || (Array.isArray(aud) && aud.includes(expectedAud));
    checks.push({ label: 'aud is the expected audience', ok, detail: ok ? `aud names ${JSON.stringify(expectedAud)}` : `aud is ${JSON.stringify(aud ?? null)}, not the expected ${JSON.stringify(expectedAud)}: the presentation was made for another verifier` });
  } else unchecked.push('aud against the expected audience');

  if (expectedNonce !== undefined && expectedNonce !== '') {
    const ok = kb.nonce === expectedNonce;
    checks.push({ label: 'nonce is the expected nonce', ok, detail: ok ? `nonce is ${JSON.stringify(expectedNonce)}` : `nonce is ${JSON.stringify(kb.nonce ?? null)}, not the expected ${JSON.stringify(expectedNonce)}: it may be a replayed presentation` });
  } else unchecked.push('nonce against the expected nonce');

  const iat = kb.iat;
  if (now === undefined || typeof iat !== 'number' || !Number.isFinite(iat)) {
    unchecked.push('how fresh iat is');
    return;
  }
  const age = Math.round(now - iat);
  const when = isoOf(iat) ?? `${iat} (beyond any date a clock can show)`;
  const asOf = options.asOf ? ` as of ${isoOf(now) ?? now}` : '';
  const maxFuture = options.maxFutureSeconds ?? 60;
  if (-age > maxFuture) {
    checks.push({ label: 'iat is not in the future', ok: false, detail: `iat ${when} is ${-age} s in the future${asOf}, more than the ${maxFuture} s of clock skew allowed` });
  } else if (maxAgeSeconds !== undefined) {
    const ok = age <= maxAgeSeconds;
    checks.push({ label: 'iat is recent enough', ok, detail: ok ? `iat ${when} is ${Math.max(age, 0)} s old${asOf}, within ${maxAgeSeconds} s` : `iat ${when} is ${age} s old${asOf}, older than the ${maxAgeSeconds} s allowed` });
  } else {
    checks.push({ label: 'iat is not in the future', ok: true, detail: `iat ${when} is not in the future${asOf}` });
    unchecked.push('iat against a maximum age');
  }
}
