/** Verifying every signature of a JSON-serialized JWS with the key text the user pasted (a JWKS may hold a key for each). */
import { readKeyText, type SecretEncoding } from '@/lib/keys';
import type { ParsedKey, KeyFormat } from '@/lib/keys/types';
import { parseJsonSerialization, payloadSegmentFor, payloadText, signatureAsJws, type JsonSerializationProblem, type JweJson, type JwsJson } from './json-serialization';
import { verifyParsedJws, type VerifyOutcome } from './verify';
import { t } from './messages';

export interface SignatureCheck {
  index: number;
  alg?: string;
  kid?: string;
  outcome: VerifyOutcome;
}

export type JsonVerification =
  | { ok: true; kind: 'jws'; value: JwsJson; signatures: SignatureCheck[]; keyWarnings: string[]; payloadText?: string }
  | { ok: true; kind: 'jwe'; value: JweJson }
  | { ok: false; error: JsonSerializationProblem };

export interface JsonVerifyOptions {
  secretEncoding?: SecretEncoding;
  /** The content of a detached payload (RFC 7515 Appendix F), exactly as it was signed. */
  detachedPayload?: string;
}

export async function verifyJsonWithKeyText(text: string, keyText: string, options: JsonVerifyOptions = {}): Promise<JsonVerification> {
  const parsed = parseJsonSerialization(text);
  if (!parsed.ok) return parsed;
  if (parsed.value.kind === 'jwe') return { ok: true, kind: 'jwe', value: parsed.value };
  const jws = parsed.value;

  let keys: ParsedKey[] = [];
  let keyFormat: KeyFormat | undefined;
  let keyError: string | undefined;
  const keyWarnings: string[] = [];
  if (keyText.trim() !== '') {
    const read = await readKeyText(keyText, { secretEncoding: options.secretEncoding ?? 'utf8' });
    if (read.ok) {
      keys = read.keys;
      keyFormat = read.format;
      keyWarnings.push(...read.warnings);
    } else {
      keyError = read.error.message;
    }
  }

  const detached = options.detachedPayload === '' ? undefined : options.detachedPayload;
  const payloadSegment = payloadSegmentFor(jws, detached);
  const signatures: SignatureCheck[] = [];
  for (const signature of jws.signatures) {
    const alg = typeof signature.header.alg === 'string' ? signature.header.alg : undefined;
    const kid = typeof signature.header.kid === 'string' ? signature.header.kid : undefined;
    let outcome: VerifyOutcome;
    if (keyError !== undefined) {
      outcome = { state: 'error', message: keyError, warnings: [] };
    } else if (payloadSegment === undefined) {
      outcome = {
        state: 'unverified',
        message: t('jws.jsonDetached'),
        warnings: [],
      };
    } else if (keys.length === 0 && alg !== 'none') {
      outcome = { state: 'unverified', message: kid ? t('jws.jsonNoKeyYetWithKid', { alg: alg ?? '', kid }) : t('jws.jsonNoKeyYet', { alg: alg ?? '' }), warnings: [] };
    } else {
      outcome = await verifyParsedJws(signatureAsJws(signature, payloadSegment, jws.b64), keys, keyFormat ? { keyFormat } : {});
    }
    signatures.push({ index: signature.index, ...(alg ? { alg } : {}), ...(kid ? { kid } : {}), outcome });
  }
  const shown = payloadText(jws);
  return { ok: true, kind: 'jws', value: jws, signatures, keyWarnings, ...(shown !== undefined ? { payloadText: shown } : {}) };
}
