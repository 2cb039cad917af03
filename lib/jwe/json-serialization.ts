/**
 * Decrypting a JWE in JSON serialization (RFC 7516 §7.2, general and
 * flattened) with the key editor's text: each recipient is tried on its own,
 * with its own JOSE header (protected + shared unprotected + its "header").
 * Never throws; parse errors name the member, outcomes are values.
 */
import { flattenedDecrypt, type FlattenedJWE } from 'jose';
import { parseJsonSerialization, type JsonSerializationProblem, type JweJson } from '@/lib/jws/json-serialization';
import { jweAlgorithm } from './algorithms';
import { decryptWithHeader } from './decrypt';
import type { JweHeader } from './compact';
import type { DecryptOutcome } from './types';
import { decryptHeaderWithKeyText, type KeyTextOptions } from './with-key-text';

export interface RecipientDecryption {
  index: number;
  /** Where the recipient is in the JSON: "recipients[1]", or "" for the flattened form. */
  path: string;
  alg: string;
  kid?: string;
  /** The recipient's JOSE header: the union of the protected, shared unprotected and per-recipient headers. */
  joseHeader: Record<string, unknown>;
  outcome: DecryptOutcome;
}

export type JweJsonDecryption =
  | {
      ok: true;
      value: JweJson;
      recipients: RecipientDecryption[];
      /** The token as a whole: valid once any recipient decrypts it (with that recipient's plaintext). */
      outcome: DecryptOutcome & { recipient?: number };
    }
  | { ok: false; error: JsonSerializationProblem };

type JsonObject = Record<string, unknown>;

/** Key management algorithms with no encrypted key (RFC 7518 §4.5, §4.6). */
const NO_ENCRYPTED_KEY = new Set(['dir', 'ECDH-ES']);

export async function decryptJweJsonWithKeyText(text: string, keyText: string, options: KeyTextOptions = {}): Promise<JweJsonDecryption> {
  const parsed = parseJsonSerialization(text);
  if (!parsed.ok) return parsed;
  if (parsed.value.kind !== 'jwe') return { ok: false, error: { message: 'This is a JWS in JSON serialization, not a JWE: it has signatures, not "ciphertext".' } };
  const jwe = parsed.value;
  // The parser has checked every member's type; the raw strings are passed to jose as they are.
  const raw = JSON.parse(text) as JsonObject;
  for (const member of ['iv', 'tag'] as const) {
    if (raw[member] === undefined) {
      const what = member === 'iv' ? 'an initialization vector' : 'an authentication tag';
      return { ok: false, error: { message: `${member}: this member is required but missing: every content encryption (AES-GCM, AES-CBC with HMAC) has ${what}.`, path: member } };
    }
  }
  const entries = jwe.form === 'general' ? (raw.recipients as JsonObject[]) : [raw];
  const { secretEncoding, ...limits } = options;

  const recipients: RecipientDecryption[] = [];
  for (const recipient of jwe.recipients) {
    const entry = entries[recipient.index] ?? {};
    const path = jwe.form === 'general' ? `recipients[${recipient.index}]` : '';
    const header = recipient.joseHeader as JweHeader;
    const kid = typeof header.kid === 'string' ? header.kid : undefined;
    const flattened = flattenedFor(raw, entry);
    let outcome: DecryptOutcome;
    if (flattened.encrypted_key === undefined && !NO_ENCRYPTED_KEY.has(header.alg) && jweAlgorithm(header.alg) !== undefined) {
      const where = path ? `${path}.encrypted_key` : 'encrypted_key';
      outcome = { state: 'error', message: `${where} is missing: ${header.alg} wraps the content key for each recipient, so this recipient cannot be decrypted.`, header, warnings: [] };
    } else {
      outcome = await decryptHeaderWithKeyText(header, keyText, secretEncoding ? { secretEncoding } : {}, (keys) =>
        decryptWithHeader(header, keys, (keyInput, joseOptions) => flattenedDecrypt(flattened, keyInput, joseOptions), limits),
      );
    }
    recipients.push({ index: recipient.index, path, alg: header.alg, ...(kid !== undefined ? { kid } : {}), joseHeader: recipient.joseHeader, outcome });
  }
  return { ok: true, value: jwe, recipients, outcome: overall(recipients, keyText) };
}

/** One recipient's view of the token: the flattened form with its own "header" and "encrypted_key". */
function flattenedFor(raw: JsonObject, entry: JsonObject): FlattenedJWE {
  const out: JsonObject = {};
  for (const member of ['protected', 'unprotected', 'iv', 'ciphertext', 'tag', 'aad']) {
    if (raw[member] !== undefined) out[member] = raw[member];
  }
  if (entry.header !== undefined) out.header = entry.header;
  if (entry.encrypted_key !== undefined) out.encrypted_key = entry.encrypted_key;
  return out as unknown as FlattenedJWE;
}

function recipientName(recipient: RecipientDecryption): string {
  return `recipient ${recipient.index + 1} (${recipient.alg}${recipient.kid !== undefined ? `, kid "${recipient.kid}"` : ''})`;
}

/** The verdict for the whole token, for the page's signature status. */
function overall(recipients: RecipientDecryption[], keyText: string): DecryptOutcome & { recipient?: number } {
  const decrypted = recipients.find((recipient) => recipient.outcome.state === 'valid');
  if (decrypted) {
    return { ...decrypted.outcome, message: `Decrypted for ${recipientName(decrypted)}: ${lowerFirst(decrypted.outcome.message)}`, recipient: decrypted.index };
  }
  const count = recipients.length;
  const algs = [...new Set(recipients.map((recipient) => recipient.alg))].join(', ');
  if (keyText.trim() === '') {
    return { state: 'unverified', message: `Paste the key (or password) of ${count === 1 ? 'the recipient' : `any of the ${count} recipients`} (${algs}) to decrypt this token.`, warnings: [] };
  }
  const failed = recipients.filter((recipient) => recipient.outcome.state === 'invalid');
  if (failed.length > 0) {
    const which = failed.map(recipientName).join(', ');
    return { state: 'invalid', message: `Decryption failed: the key fits ${which} but does not decrypt, so it is not that recipient's key or the token was altered (JWE cannot tell which).`, warnings: [] };
  }
  const reasons = recipients.map((recipient) => `${recipientName(recipient)}: ${recipient.outcome.message}`);
  return { state: 'error', message: `The key cannot be used for ${count === 1 ? 'the recipient' : `any of the ${count} recipients`}. ${reasons.join(' ')}`, warnings: [] };
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
