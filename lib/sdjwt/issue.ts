// Issuing an SD-JWT (RFC 9901 §4.2): chosen top-level claims are replaced by the digests of
// their disclosures in `_sd` (with optional decoy digests, sorted so the order reveals
// nothing), and a presentation is the issuer JWT with the disclosures the holder picks.

import { encodeBase64url, encodeBase64urlText } from '@/lib/token/base64url';
import { sdDigest } from './digest';
import { t } from './messages';
import type { JsonValue, SdAlg } from './types';

export interface IssuedDisclosure {
  name: string;
  text: string;
  digest: string;
}

export type SelectiveResult =
  | { ok: true; payload: Record<string, JsonValue>; disclosures: IssuedDisclosure[] }
  | { ok: false; error: string };

/** Claims that must stay in the clear (RFC 9901 §4.2.1, and SD-JWT VC §3.2.2.2 for the rest). */
export const NEVER_SELECTIVE = ['_sd', '_sd_alg', '...', 'iss', 'nbf', 'exp', 'cnf', 'vct', 'vct#integrity', 'status'];

function randomSalt(): string {
  return encodeBase64url(crypto.getRandomValues(new Uint8Array(16)));
}

export interface SelectiveOptions {
  sdAlg?: SdAlg;
  /** How many decoy digests to add to `_sd`. */
  decoys?: number;
  /** For tests: a fixed salt source. */
  salt?: () => string;
}

/** Makes the named top-level claims selectively disclosable. Never throws. */
export async function makeSelectivelyDisclosable(payload: Record<string, JsonValue>, names: readonly string[], options: SelectiveOptions = {}): Promise<SelectiveResult> {
  const sdAlg = options.sdAlg ?? 'sha-256';
  const salt = options.salt ?? randomSalt;
  const forbidden = names.filter((name) => NEVER_SELECTIVE.includes(name));
  if (forbidden.length > 0) return { ok: false, error: t('sdjwt.cannotBeSelective', { names: forbidden.map((name) => `"${name}"`).join(', ') }) };
  const missing = names.filter((name) => !Object.hasOwn(payload, name));
  if (missing.length > 0) return { ok: false, error: t('sdjwt.payloadHasNo', { names: missing.map((name) => `"${name}"`).join(', ') }) };

  const out: Record<string, JsonValue> = {};
  const disclosures: IssuedDisclosure[] = [];
  const digests: string[] = Array.isArray(payload._sd) ? payload._sd.filter((d): d is string => typeof d === 'string') : [];
  for (const [name, value] of Object.entries(payload)) {
    if (!names.includes(name)) {
      if (name !== '_sd') Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
      continue;
    }
    const text = encodeBase64urlText(JSON.stringify([salt(), name, value]));
    const digest = await sdDigest(sdAlg, text);
    disclosures.push({ name, text, digest });
    digests.push(digest);
  }
  for (let i = 0; i < (options.decoys ?? 0); i++) digests.push(await sdDigest(sdAlg, randomSalt()));
  if (digests.length > 0) out._sd = [...digests].sort();
  out._sd_alg = sdAlg;
  return { ok: true, payload: out, disclosures };
}

/** The SD-JWT with only these disclosures, and no key binding JWT: `<JWT>~<d>~…~`. */
export function presentSdJwt(issuerJwt: string, disclosures: readonly string[]): string {
  return `${issuerJwt}~${disclosures.map((text) => `${text}~`).join('')}`;
}
