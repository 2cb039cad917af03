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
import { t } from './messages';
import { activeLocale } from '@/lib/i18n/translate';

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
  if (parsed.value.kind !== 'jwe') return { ok: false, error: { message: t('jwe.jwsNotJwe') } };
  const jwe = parsed.value;
  // The parser has checked every member's type; the raw strings are passed to jose as they are.
  const raw = JSON.parse(text) as JsonObject;
  for (const member of ['iv', 'tag'] as const) {
    if (raw[member] === undefined) {
      return { ok: false, error: { message: t('jwe.memberMissing', { member }), path: member } };
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
      outcome = { state: 'error', message: t('jwe.encryptedKeyMissing', { where, alg: header.alg }), header, warnings: [] };
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
  const number = recipient.index + 1;
  return recipient.kid !== undefined ? t('jwe.recipientKid', { number, alg: recipient.alg, kid: recipient.kid }) : t('jwe.recipient', { number, alg: recipient.alg });
}

/** The verdict for the whole token, for the page's signature status. */
function overall(recipients: RecipientDecryption[], keyText: string): DecryptOutcome & { recipient?: number } {
  const decrypted = recipients.find((recipient) => recipient.outcome.state === 'valid');
  if (decrypted) {
    return { ...decrypted.outcome, message: t('jwe.decryptedFor', { recipient: recipientName(decrypted), outcome: lowerFirst(decrypted.outcome.message) }), recipient: decrypted.index };
  }
  const count = recipients.length;
  const algs = [...new Set(recipients.map((recipient) => recipient.alg))].join(', ');
  if (keyText.trim() === '') {
    return { state: 'unverified', message: t('jwe.pasteRecipientKey', { count, algs }), warnings: [] };
  }
  const failed = recipients.filter((recipient) => recipient.outcome.state === 'invalid');
  if (failed.length > 0) {
    const which = failed.map(recipientName).join(', ');
    return { state: 'invalid', message: t('jwe.fitsButFails', { which }), warnings: [] };
  }
  const reasons = recipients.map((recipient) => t('jwe.recipientReason', { recipient: recipientName(recipient), reason: recipient.outcome.message }));
  return { state: 'error', message: t('jwe.cannotUseForRecipients', { count, reasons: reasons.join(' ') }), warnings: [] };
}

/** In English the sentence continues after a colon, so it loses its capital; other languages keep it. */
function lowerFirst(text: string): string {
  return activeLocale() === 'en' ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
