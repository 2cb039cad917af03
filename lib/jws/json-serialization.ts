/**
 * The JSON serializations of JWS (RFC 7515 §7.2, general and flattened) and
 * JWE (RFC 7516 §7.2): parsing with located errors ("signatures[1].protected"),
 * unencoded payloads (RFC 7797) and detached payloads (RFC 7515 Appendix F).
 * Pure and synchronous; verifying is in ./verify-json.
 */
import { decodeBase64Url, encodeBase64Url, utf8 } from './base64url';
import type { CompactJws } from './compact';
import { t } from './messages';

type JsonObject = Record<string, unknown>;

export interface JsonSignature {
  index: number;
  /** The "protected" member as given (base64url), "" when absent. */
  protectedSegment: string;
  protectedHeader: JsonObject;
  /** The unprotected "header" member. */
  unprotectedHeader: JsonObject;
  /** Union of both: what the signature's JOSE header is (RFC 7515 §7.2.1). */
  header: JsonObject;
  signature: Uint8Array<ArrayBuffer>;
}

export interface JwsJson {
  kind: 'jws';
  form: 'general' | 'flattened';
  /** The "payload" member as given; undefined when the payload is detached. */
  payload?: string;
  /** False for RFC 7797 unencoded payloads (the same for every signature). */
  b64: boolean;
  signatures: JsonSignature[];
}

export interface JweRecipient {
  index: number;
  header: JsonObject;
  /** The union of protected, shared unprotected and per-recipient headers. */
  joseHeader: JsonObject;
  encryptedKeyBytes: number;
}

export interface JweJson {
  kind: 'jwe';
  form: 'general' | 'flattened';
  protectedHeader: JsonObject;
  unprotectedHeader: JsonObject;
  recipients: JweRecipient[];
  ivBytes: number;
  ciphertextBytes: number;
  tagBytes: number;
  aad?: string;
}

export interface JsonSerializationProblem {
  message: string;
  /** Where: a JSON path such as "signatures[1].protected". */
  path?: string;
  /** Character offset into the text, for JSON syntax errors. */
  offset?: number;
}

export type JsonSerializationResult = { ok: true; value: JwsJson | JweJson } | { ok: false; error: JsonSerializationProblem };

class Problem extends Error {
  constructor(
    message: string,
    readonly path?: string,
  ) {
    super(message);
  }
}

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Text that looks like a JSON serialization (as opposed to a compact token). */
export function looksLikeJsonSerialization(text: string): boolean {
  return text.trimStart().startsWith('{');
}

export function parseJsonSerialization(text: string): JsonSerializationResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(raw);
    const offset = position ? Number(position[1]) : undefined;
    const problem = raw.replace(/ in JSON at position \d+.*$/, '');
    const message = offset === undefined ? t('jws.jsonInvalid', { problem }) : t('jws.jsonInvalidAt', { ...lineColumn(text, offset), problem });
    return { ok: false, error: { message, ...(offset !== undefined ? { offset } : {}) } };
  }
  try {
    if (!isObject(value)) throw new Problem(t('jws.jsonNotObject'));
    // A JWE member besides "ciphertext" is enough to say which member is missing.
    if (['ciphertext', 'recipients', 'encrypted_key', 'iv', 'tag'].some((member) => member in value)) return { ok: true, value: parseJwe(value) };
    if ('signatures' in value || 'signature' in value) return { ok: true, value: parseJws(value) };
    throw new Problem(t('jws.jsonNeitherJwsNorJwe'));
  } catch (error) {
    if (error instanceof Problem) return { ok: false, error: { message: error.path ? t('jws.jsonAtPath', { path: error.path, problem: error.message }) : error.message, ...(error.path ? { path: error.path } : {}) } };
    throw error;
  }
}

function lineColumn(text: string, offset: number): { line: string; column: string } {
  const before = text.slice(0, offset);
  return { line: String(before.split('\n').length), column: String(offset - before.lastIndexOf('\n')) };
}

function base64urlMember(value: unknown, path: string, required: boolean): Uint8Array<ArrayBuffer> | undefined {
  if (value === undefined) {
    if (required) throw new Problem(t('jws.jsonMemberMissing'), path);
    return undefined;
  }
  if (typeof value !== 'string') throw new Problem(t('jws.jsonMemberNotString', { kind: Array.isArray(value) ? t('jws.jsonKindArray') : typeof value }), path);
  const decoded = decodeBase64Url(value);
  if (!decoded.ok) throw new Problem(t('jws.jsonMemberNotBase64url', { problem: decoded.error }), path);
  return decoded.bytes;
}

function protectedMember(value: unknown, path: string): { segment: string; header: JsonObject } {
  const bytes = base64urlMember(value, path, false);
  if (!bytes) return { segment: '', header: {} };
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new Problem(t('jws.jsonProtectedNotJson'), path);
  }
  if (!isObject(header)) throw new Problem(t('jws.jsonProtectedNotObject'), path);
  return { segment: value as string, header };
}

function objectMember(value: unknown, path: string): JsonObject {
  if (value === undefined) return {};
  if (!isObject(value)) throw new Problem(t('jws.jsonMustBeObject'), path);
  return value;
}

/** RFC 7515 §7.2.1 / RFC 7516 §7.2.1: the header parameter names of the parts must be disjoint. */
function union(parts: { path: string; header: JsonObject }[]): JsonObject {
  const seen = new Map<string, string>();
  const out: JsonObject = {};
  for (const part of parts) {
    for (const [name, value] of Object.entries(part.header)) {
      const first = seen.get(name);
      if (first !== undefined) throw new Problem(t('jws.jsonSharedHeaderName', { name, first }), part.path);
      seen.set(name, part.path);
      out[name] = value;
    }
  }
  return out;
}

function parseSignature(entry: unknown, index: number, path: string): JsonSignature {
  if (!isObject(entry)) throw new Problem(t('jws.jsonSignatureNotObject'), path);
  const prot = protectedMember(entry.protected, `${path === '' ? '' : `${path}.`}protected`);
  const unprotectedPath = `${path === '' ? '' : `${path}.`}header`;
  const unprotectedHeader = objectMember(entry.header, unprotectedPath);
  if (entry.protected === undefined && entry.header === undefined) throw new Problem(t('jws.jsonSignatureNeedsHeader'), path || undefined);
  const header = union([
    { path: `${path === '' ? '' : `${path}.`}protected`, header: prot.header },
    { path: unprotectedPath, header: unprotectedHeader },
  ]);
  // Extensions and b64 must be integrity-protected (RFC 7515 §4.1.11, RFC 7797 §3).
  for (const name of ['crit', 'b64']) {
    if (name in unprotectedHeader) throw new Problem(t('jws.jsonMustBeProtected', { name, rule: name === 'crit' ? 'RFC 7515 §4.1.11' : 'RFC 7797 §3' }), unprotectedPath);
  }
  const signature = base64urlMember(entry.signature, `${path === '' ? '' : `${path}.`}signature`, true)!;
  return { index, protectedSegment: prot.segment, protectedHeader: prot.header, unprotectedHeader, header, signature };
}

function parseJws(value: JsonObject): JwsJson {
  const general = 'signatures' in value;
  if (general && ('signature' in value || 'protected' in value || 'header' in value)) {
    throw new Problem(t('jws.jsonMixedJwsForms'));
  }
  let signatures: JsonSignature[];
  if (general) {
    const list = value.signatures;
    if (!Array.isArray(list)) throw new Problem(t('jws.jsonSignaturesNotArray'), 'signatures');
    if (list.length === 0) throw new Problem(t('jws.jsonNoSignatures'), 'signatures');
    signatures = list.map((entry, index) => parseSignature(entry, index, `signatures[${index}]`));
  } else {
    signatures = [parseSignature(value, 0, '')];
  }
  const payload = value.payload;
  if (payload !== undefined && typeof payload !== 'string') throw new Problem(t('jws.jsonPayloadNotString'), 'payload');
  const b64Values = new Set(signatures.map((signature) => signature.protectedHeader.b64 !== false));
  if (b64Values.size > 1) throw new Problem(t('jws.jsonMixedB64'), 'signatures');
  const b64 = b64Values.has(true);
  if (b64 && typeof payload === 'string' && payload !== '') base64urlMember(payload, 'payload', true);
  return { kind: 'jws', form: general ? 'general' : 'flattened', ...(typeof payload === 'string' && payload !== '' ? { payload } : {}), b64, signatures };
}

function parseJwe(value: JsonObject): JweJson {
  const general = 'recipients' in value;
  if (general && ('encrypted_key' in value || 'header' in value)) {
    throw new Problem(t('jws.jsonMixedJweForms'));
  }
  const prot = protectedMember(value.protected, 'protected');
  const unprotectedHeader = objectMember(value.unprotected, 'unprotected');
  const entries: { entry: JsonObject; path: string }[] = [];
  if (general) {
    const list = value.recipients;
    if (!Array.isArray(list) || list.length === 0) throw new Problem(t('jws.jsonRecipientsNotArray'), 'recipients');
    list.forEach((entry, index) => {
      if (!isObject(entry)) throw new Problem(t('jws.jsonRecipientNotObject'), `recipients[${index}]`);
      entries.push({ entry, path: `recipients[${index}]` });
    });
  } else {
    entries.push({ entry: value, path: '' });
  }
  const recipients = entries.map(({ entry, path }, index): JweRecipient => {
    const headerPath = path ? `${path}.header` : 'header';
    const header = objectMember(entry.header, headerPath);
    const joseHeader = union([
      { path: 'protected', header: prot.header },
      { path: 'unprotected', header: unprotectedHeader },
      { path: headerPath, header },
    ]);
    if (typeof joseHeader.alg !== 'string') throw new Problem(t('jws.jsonRecipientNoAlg'), path || 'header');
    if (typeof joseHeader.enc !== 'string') throw new Problem(t('jws.jsonRecipientNoEnc'), path || 'protected');
    const encryptedKey = base64urlMember(entry.encrypted_key, path ? `${path}.encrypted_key` : 'encrypted_key', false);
    return { index, header, joseHeader, encryptedKeyBytes: encryptedKey?.length ?? 0 };
  });
  const iv = base64urlMember(value.iv, 'iv', false);
  const ciphertext = base64urlMember(value.ciphertext, 'ciphertext', true)!;
  const tag = base64urlMember(value.tag, 'tag', false);
  if (value.aad !== undefined) base64urlMember(value.aad, 'aad', true);
  return {
    kind: 'jwe',
    form: general ? 'general' : 'flattened',
    protectedHeader: prot.header,
    unprotectedHeader,
    recipients,
    ivBytes: iv?.length ?? 0,
    ciphertextBytes: ciphertext.length,
    tagBytes: tag?.length ?? 0,
    ...(typeof value.aad === 'string' ? { aad: value.aad } : {}),
  };
}

/**
 * The payload segment a signature covers: the "payload" member, or the
 * detached content the user supplied (base64url-encoded unless b64 is false).
 */
export function payloadSegmentFor(jws: JwsJson, detached?: string): string | undefined {
  if (jws.payload !== undefined) return jws.payload;
  if (detached === undefined) return undefined;
  return jws.b64 ? encodeBase64Url(utf8(detached)) : detached;
}

/** One signature as verification sees it: header, signing input and signature bytes. */
export function signatureAsJws(signature: JsonSignature, payloadSegment: string, b64: boolean): CompactJws {
  return {
    header: signature.header,
    headerSegment: signature.protectedSegment,
    payloadSegment,
    signingInput: utf8(`${signature.protectedSegment}.${payloadSegment}`),
    signature: signature.signature,
    b64,
  };
}

/** The payload as text, for display: decoded base64url, or the unencoded payload itself. */
export function payloadText(jws: JwsJson, detached?: string): string | undefined {
  const segment = jws.payload;
  if (segment === undefined) return detached;
  if (!jws.b64) return segment;
  const bytes = decodeBase64Url(segment);
  if (!bytes.ok) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes.bytes);
  } catch {
    return undefined;
  }
}
