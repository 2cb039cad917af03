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
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `claims` are the issuer JWT's claims as processed (cnf may itself have been disclosed);
 * `sdAlg` is the payload's `_sd_alg` (or "sha-256"). Never throws.
 */
export async function verifyKeyBinding(layout: SdJwtLayout, claims: Record<string, unknown> | null, sdAlg: string): Promise<KeyBindingResult> {
  const base = { header: null, claims: null, expectedSdHash: null, checks: [] as KeyBindingCheck[] };
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
  const expectedSdHash = isSupportedSdAlg(sdAlg) ? await sdDigest(sdAlg, layout.presentation) : null;
  const result = (state: KeyBindingState, message: string): KeyBindingResult => ({ state, message, checks, header, claims: kb, expectedSdHash });

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
  if (failed.length === 0) return result('valid', 'Key binding JWT verified: signed by the holder key in cnf.jwk, and its sd_hash covers exactly this presentation.');
  return result('invalid', `Key binding JWT rejected: ${failed.map((check) => check.detail).join('; ')}.`);
}
