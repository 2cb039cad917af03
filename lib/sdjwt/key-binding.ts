// Verifies the key binding JWT of an SD-JWT presentation (RFC 9901 §4.3, §7.3): signed
// with the key in the issuer JWT's cnf.jwk, typ "kb+jwt", and sd_hash over the issuer
// JWT and the disclosures presented, each followed by '~'.

import { compactVerify, importJWK, type JWK } from 'jose';
import { decodeToken } from '@/lib/token/decode';
import { withoutPrivateMembers } from '@/lib/keys/visibility';
import { isSupportedSdAlg, sdDigest } from './digest';
import { t } from './messages';
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
    return { state: 'error', message: t('sdjwt.kbCouldNotCheck', { reason: error instanceof Error ? error.message : String(error) }), checks: [], header: null, claims: null, expectedSdHash: null, unchecked: [] };
  }
}

async function verify(layout: SdJwtLayout, claims: Record<string, unknown> | null, sdAlg: string, options: KeyBindingOptions): Promise<KeyBindingResult> {
  const base = { header: null, claims: null, expectedSdHash: null, checks: [] as KeyBindingCheck[], unchecked: [] as string[] };
  if (!layout.keyBinding) {
    return {
      ...base,
      state: 'unverified',
      message: isObject(claims?.cnf)
        ? t('sdjwt.kbAbsentButBound')
        : t('sdjwt.kbAbsent'),
    };
  }
  const decoded = decodeToken(layout.keyBinding.text);
  if (decoded.error || decoded.kind !== 'jws' || decoded.payload?.kind !== 'json' || !decoded.header) {
    return { ...base, state: 'error', message: t('sdjwt.kbUndecodable', { reason: decoded.error?.message ?? t('sdjwt.kbNotSignedJson') }) };
  }
  const header = decoded.header.value;
  const kb = decoded.payload.value;
  const checks: KeyBindingCheck[] = [];
  const unchecked: string[] = [];
  const expectedSdHash = isSupportedSdAlg(sdAlg) ? await sdDigest(sdAlg, layout.presentation) : null;
  const result = (state: KeyBindingState, message: string): KeyBindingResult => ({ state, message, checks, header, claims: kb, expectedSdHash, unchecked });

  checks.push({ label: t('sdjwt.checkTyp'), ok: header.typ === 'kb+jwt', detail: header.typ === undefined ? t('sdjwt.typMissing') : t('sdjwt.typIs', { typ: JSON.stringify(header.typ) }) });
  const alg = typeof header.alg === 'string' ? header.alg : '';
  const algOk = alg !== '' && alg !== 'none' && !alg.startsWith('HS');
  checks.push({ label: t('sdjwt.checkAlg'), ok: algOk, detail: alg ? t('sdjwt.algIs', { alg }) : t('sdjwt.algMissing') });
  for (const name of ['iat', 'aud', 'nonce', 'sd_hash'] as const) {
    const value = kb[name];
    const ok = name === 'iat' ? typeof value === 'number' && Number.isFinite(value) : typeof value === 'string' || (name === 'aud' && Array.isArray(value));
    checks.push({ label: t('sdjwt.checkPresent', { name }), ok, detail: value === undefined ? t('sdjwt.claimMissing', { name }) : `${name}: ${JSON.stringify(value)}` });
  }
  if (expectedSdHash === null) {
    checks.push({ label: t('sdjwt.checkSdHash'), ok: false, detail: t('sdjwt.sdHashUncomputable', { alg: sdAlg }) });
  } else {
    const ok = kb.sd_hash === expectedSdHash;
    checks.push({
      label: t('sdjwt.checkSdHash'),
      ok,
      detail: ok
        ? t('sdjwt.sdHashMatches', { alg: sdAlg, count: layout.disclosures.length })
        : t('sdjwt.sdHashMismatch', { expected: expectedSdHash, alg: sdAlg, actual: JSON.stringify(kb.sd_hash) }),
    });
  }

  checkExpectations(kb, options, checks, unchecked);

  const cnf = claims?.cnf;
  const jwk = isObject(cnf) ? cnf.jwk : undefined;
  if (!isObject(jwk)) {
    return result('error', t('sdjwt.noCnfJwk'));
  }
  const publicJwk = withoutPrivateMembers(jwk) as JWK;
  let signatureOk = false;
  let signatureDetail: string;
  try {
    const key = await importJWK(publicJwk, alg || undefined);
    await compactVerify(layout.keyBinding.text, key, { algorithms: [alg] });
    signatureOk = true;
    signatureDetail = t('sdjwt.signatureVerified');
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    signatureDetail = /signature verification failed/i.test(text) ? t('sdjwt.signatureNotHolder') : t('sdjwt.signatureUncheckable', { reason: text });
    if (!/signature verification failed/i.test(text)) {
      checks.unshift({ label: t('sdjwt.checkSignature'), ok: false, detail: signatureDetail });
      return result('error', t('sdjwt.kbSignatureUncheckable', { reason: text }));
    }
  }
  checks.unshift({ label: t('sdjwt.checkSignature'), ok: signatureOk, detail: signatureDetail });
  const failed = checks.filter((check) => !check.ok);
  if (failed.length === 0) {
    if (unchecked.length === 0) return result('valid', t('sdjwt.kbVerified'));
    return result('valid', t('sdjwt.kbValidAsFarAsChecked', { unchecked: unchecked.join('; ') }));
  }
  return result('invalid', t('sdjwt.kbRejected', { reasons: failed.map((check) => check.detail).join('; ') }));
}

/** aud, nonce and iat against what the verifier expects, each only when it is given; the rest is listed as unchecked. */
function checkExpectations(kb: Record<string, unknown>, options: KeyBindingOptions, checks: KeyBindingCheck[], unchecked: string[]): void {
  const { expectedAud, expectedNonce, maxAgeSeconds, now } = options;
  if (expectedAud !== undefined && expectedAud !== '') {
    const aud = kb.aud;
    const ok = aud === expectedAud || (Array.isArray(aud) && aud.includes(expectedAud));
    checks.push({
      label: t('sdjwt.checkAud'),
      ok,
      detail: ok ? t('sdjwt.audNames', { aud: JSON.stringify(expectedAud) }) : t('sdjwt.audWrong', { aud: JSON.stringify(aud ?? null), expected: JSON.stringify(expectedAud) }),
    });
  } else unchecked.push(t('sdjwt.uncheckedAud'));

  if (expectedNonce !== undefined && expectedNonce !== '') {
    const ok = kb.nonce === expectedNonce;
    checks.push({
      label: t('sdjwt.checkNonce'),
      ok,
      detail: ok ? t('sdjwt.nonceIs', { nonce: JSON.stringify(expectedNonce) }) : t('sdjwt.nonceWrong', { nonce: JSON.stringify(kb.nonce ?? null), expected: JSON.stringify(expectedNonce) }),
    });
  } else unchecked.push(t('sdjwt.uncheckedNonce'));

  const iat = kb.iat;
  if (now === undefined || typeof iat !== 'number' || !Number.isFinite(iat)) {
    unchecked.push(t('sdjwt.uncheckedFreshness'));
    return;
  }
  const age = Math.round(now - iat);
  const when = isoOf(iat) ?? t('sdjwt.beyondAnyDate', { iat: String(iat) });
  const asOf = options.asOf ? t('sdjwt.asOf', { time: isoOf(now) ?? String(now) }) : '';
  const maxFuture = options.maxFutureSeconds ?? 60;
  if (-age > maxFuture) {
    checks.push({ label: t('sdjwt.checkNotFuture'), ok: false, detail: t('sdjwt.iatInFuture', { when, seconds: -age, asOf, max: maxFuture }) });
  } else if (maxAgeSeconds !== undefined) {
    const ok = age <= maxAgeSeconds;
    checks.push({
      label: t('sdjwt.checkRecent'),
      ok,
      detail: ok ? t('sdjwt.iatRecent', { when, seconds: Math.max(age, 0), asOf, max: maxAgeSeconds }) : t('sdjwt.iatTooOld', { when, seconds: age, asOf, max: maxAgeSeconds }),
    });
  } else {
    checks.push({ label: t('sdjwt.checkNotFuture'), ok: true, detail: t('sdjwt.iatNotInFuture', { when, asOf }) });
    unchecked.push(t('sdjwt.uncheckedMaxAge'));
  }
}
