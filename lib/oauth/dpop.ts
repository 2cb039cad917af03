// DPoP proofs (RFC 9449) for the requests the flow makes, with a key that never
// leaves WebCrypto, and the one retry a server may ask for with a nonce (§8, §9).

import { calculateJwkThumbprint, exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { accessTokenHash } from '@/lib/dpop/check';
import { randomValue } from './pkce';
import { send, type Exchange, type HttpRequest, type SendOptions } from './http';

export interface DpopKey {
  /** Non-extractable: the page can sign with it, nothing can read it. */
  privateKey: CryptoKey;
  publicJwk: JWK;
  /** The RFC 7638 SHA-256 thumbprint: what a bound token's cnf.jkt holds. */
  thumbprint: string;
}

export async function generateDpopKey(): Promise<DpopKey> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: false });
  const { kty, crv, x, y } = await exportJWK(publicKey);
  const publicJwk: JWK = { kty, crv, x, y };
  return { privateKey, publicJwk, thumbprint: await calculateJwkThumbprint(publicJwk, 'sha256') };
}

export interface ProofTarget {
  method: string;
  url: string;
  /** Sent with the proof to a resource: the proof then carries its hash (ath). */
  accessToken?: string;
  nonce?: string;
  /** Seconds since the epoch; the clock by default. */
  now?: number;
}

/** htu is the URL without query and fragment (RFC 9449 §4.2). */
export function htuOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}

export async function createDpopProof(key: DpopKey, target: ProofTarget): Promise<string> {
  const claims: Record<string, string> = { htm: target.method, htu: htuOf(target.url), jti: randomValue(16) };
  if (target.accessToken !== undefined) claims.ath = await accessTokenHash(target.accessToken);
  if (target.nonce !== undefined) claims.nonce = target.nonce;
  return new SignJWT(claims)
    .setProtectedHeader({ typ: 'dpop+jwt', alg: 'ES256', jwk: key.publicJwk })
    .setIssuedAt(target.now ?? Math.floor(Date.now() / 1000))
    .sign(key.privateKey);
}

/**
 * The nonce a server asks for, or null: a token endpoint answers 400 with error
 * use_dpop_nonce (§8), a resource 401 with it in WWW-Authenticate (§9).
 */
export function dpopNonceDemand(exchange: Exchange): string | null {
  if (exchange.blocked) return null;
  const { status, headers, body } = exchange.response;
  const nonce = headers['dpop-nonce'];
  if (!nonce) return null;
  if (status === 400) {
    try {
      return (JSON.parse(body) as { error?: unknown }).error === 'use_dpop_nonce' ? nonce : null;
    } catch {
      return null;
    }
  }
  if (status === 401) return /error="?use_dpop_nonce"?/.test(headers['www-authenticate'] ?? '') ? nonce : null;
  return null;
}

export interface DpopSend {
  /** The last exchange: the answer. */
  final: Exchange;
  /** Every exchange, in order (two when a nonce was asked for). */
  log: Exchange[];
  /** The nonce to use next time with this server, if it gave one. */
  nonce?: string;
}

export interface DpopSendOptions extends SendOptions {
  accessToken?: string;
  nonce?: string;
}

/** Sends a request with a fresh proof; when the server asks for a nonce, once more with it. */
export async function sendWithDpop(request: HttpRequest, key: DpopKey, options: DpopSendOptions = {}): Promise<DpopSend> {
  const attempt = async (nonce: string | undefined) => {
    const proof = await createDpopProof(key, { method: request.method, url: request.url, accessToken: options.accessToken, nonce });
    return send({ ...request, headers: { ...request.headers, dpop: proof } }, options);
  };
  const first = await attempt(options.nonce);
  const log = [first];
  const demanded = dpopNonceDemand(first);
  let final = first;
  if (demanded !== null && demanded !== options.nonce) {
    final = await attempt(demanded);
    log.push(final);
  }
  const given = final.blocked ? undefined : final.response.headers['dpop-nonce'];
  const nonce = given ?? demanded ?? options.nonce;
  return nonce === undefined ? { final, log } : { final, log, nonce };
}
