/**
 * ID token validation, OpenID Connect Core 1.0 §3.1.3.7 (and §3.2.2.11,
 * §3.3.2.12 for at_hash and c_hash). The signature is the decoder's own
 * verdict; these are the checks a relying party makes besides it.
 * Never throws: a hostile payload gets failures, not exceptions.
 */
import { describeTime, isoUtc } from '@/lib/claims';
import { audienceList, checkAudience, checkIssuer, checkTime, fail, given, pass, show, skewOf, unchecked } from './common';
import { own } from './kind';
import { hashAlgorithmFor, leftHalfHash } from './token-hash';
import type { Json, OidcCheck, OidcCheckOptions } from './types';

export async function checkIdToken(header: Json | null, payload: Json, options: OidcCheckOptions): Promise<OidcCheck[]> {
  const expected = options.expected ?? {};
  const skew = skewOf(options.clockSkewSeconds);
  return [
    checkAlg(own(header, 'alg')),
    checkIssuer(payload, expected.issuer, 'enter the expected issuer (your provider\'s issuer URL) to check it.'),
    checkAudience(payload, expected.clientId, 'client ID', 'enter your client ID to check that it is among the audiences.'),
    checkAzp(payload, expected.clientId),
    checkNonce(own(payload, 'nonce'), expected.nonce),
    checkTime(payload, 'exp', options.now, skew),
    checkTime(payload, 'iat', options.now, skew),
    checkAuthTime(own(payload, 'auth_time'), expected.maxAge, options.now, skew),
    await checkTokenHash('at_hash', own(payload, 'at_hash'), own(header, 'alg'), expected.accessToken),
    await checkTokenHash('c_hash', own(payload, 'c_hash'), own(header, 'alg'), expected.code),
  ];
}

function checkAlg(alg: unknown): OidcCheck {
  if (typeof alg !== 'string') return fail('alg', `alg is ${show(alg)}, not a string.`);
  // §2: "none" only when no ID token comes from the authorization endpoint and the client registered for it.
  if (alg === 'none') return fail('alg', 'alg is "none": an unsigned ID token is acceptable only from the token endpoint to a client that registered for unsigned ID tokens.');
  return pass('alg', `alg is ${show(alg)}: the ID token is signed (its signature is checked with the key).`);
}

function checkAzp(payload: Json, clientId: string | undefined): OidcCheck {
  const azp = own(payload, 'azp');
  const audiences = audienceList(own(payload, 'aud'));
  const several = audiences !== null && audiences.length > 1;
  if (azp === undefined) {
    if (several) return fail('azp', `the token has ${audiences.length} audiences but no azp claim naming the party it was issued to.`);
    return pass('azp', 'no azp claim, and none is needed with a single audience.');
  }
  if (typeof azp !== 'string') return fail('azp', `azp is ${show(azp)}, not a string.`);
  if (!given(clientId)) return unchecked('azp', `azp is ${show(azp)}; enter your client ID to check that it is yours.`);
  if (azp === clientId) return pass('azp', `azp is ${show(azp)}, your client ID.`);
  return fail('azp', `azp is ${show(azp)}, not your client ID ${show(clientId)}: the token was issued to another party.`);
}

function checkNonce(nonce: unknown, sent: string | undefined): OidcCheck {
  if (nonce !== undefined && typeof nonce !== 'string') return fail('nonce', `nonce is ${show(nonce)}, not a string.`);
  if (!given(sent)) {
    const note = nonce === undefined ? 'the token has no nonce' : `nonce is ${show(nonce)}`;
    return unchecked('nonce', `${note}; enter the nonce your authentication request sent to check it.`);
  }
  if (nonce === undefined) return fail('nonce', `the token has no nonce, but your request sent ${show(sent)}.`);
  if (nonce === sent) return pass('nonce', `nonce is ${show(nonce)}, the one your request sent.`);
  return fail('nonce', `nonce is ${show(nonce)}, but your request sent ${show(sent)}: possibly a replayed token.`);
}

/** max_age as typed: a whole number of seconds, or null. */
function parseMaxAge(text: string): number | null {
  const trimmed = text.trim();
  return /^\d{1,12}$/.test(trimmed) ? Number(trimmed) : null;
}

function checkAuthTime(authTime: unknown, maxAgeText: string | undefined, now: number, skew: number): OidcCheck {
  const described = authTime === undefined ? null : describeTime(authTime, now, 'auth_time');
  if (described && !described.ok) return fail('auth_time', described.message);
  if (!given(maxAgeText)) {
    const note = described ? `${described.status} (${described.iso})` : 'the token has no auth_time';
    return unchecked('auth_time', `${note}; enter the max_age your request sent to check it.`);
  }
  const maxAge = parseMaxAge(maxAgeText);
  if (maxAge === null) return unchecked('auth_time', `max_age ${show(maxAgeText)} is not a whole number of seconds.`);
  // §3.1.2.1: with max_age in the request, auth_time is required.
  if (!described) return fail('auth_time', `the token has no auth_time, which is required when the request sends max_age.`);
  const age = now / 1000 - described.seconds;
  if (age < -skew) return fail('auth_time', `${described.status} (${described.iso}).`);
  if (age <= maxAge + skew) return pass('auth_time', `${described.status} (${described.iso}), within max_age ${maxAge} s.`);
  return fail('auth_time', `${described.status} (${described.iso}): longer ago than max_age ${maxAge} s allows (the login had to be at or after ${isoUtc(now / 1000 - maxAge)}).`);
}

async function checkTokenHash(check: 'at_hash' | 'c_hash', claim: unknown, alg: unknown, value: string | undefined): Promise<OidcCheck> {
  const what = check === 'at_hash' ? 'access token' : 'authorization code';
  if (claim !== undefined && typeof claim !== 'string') return fail(check, `${check} is ${show(claim)}, not a string.`);
  if (!given(value)) {
    const note = claim === undefined ? `the token has no ${check}` : `${check} is ${show(claim)}`;
    return unchecked(check, `${note}; paste the ${what} issued with it to check it.`);
  }
  if (claim === undefined) {
    return unchecked(check, `the token has no ${check}, so nothing binds it to this ${what} (${check} is required only when the ID token comes from the authorization endpoint with it).`);
  }
  const hash = hashAlgorithmFor(alg);
  if (!hash.ok) return unchecked(check, `${hash.reason}.`);
  let computed: string;
  try {
    computed = await leftHalfHash(value.trim(), hash.hash);
  } catch {
    return unchecked(check, `this browser could not compute ${hash.hash}.`);
  }
  if (computed === claim) return pass(check, `${check} is the left half of the ${hash.hash} of the ${what}.`);
  return fail(check, `${check} is ${show(claim)}, but the left half of the ${hash.hash} of this ${what} is "${computed}": they were not issued together.`);
}
