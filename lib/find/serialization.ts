// JWS and JWE JSON serializations (RFC 7515 §7.2, RFC 7516 §7.2), general and flattened,
// recognised in a parsed JSON document. Strict like the compact forms: every member that
// carries bytes is base64url, protected headers decode to JSON objects, and the merged
// header has `alg` (JWS) or `enc` (JWE).

import { decodeBase64url } from '@/lib/token/base64url';
import { member, plainValue, type JsonNode } from './json-tree';

export interface JsonSerialization {
  kind: 'jws-json' | 'jwe-json';
  header: Record<string, unknown>;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function isBase64url(node: JsonNode | undefined): boolean {
  return node?.type === 'string' && decodeBase64url(node.value).ok;
}

/** A protected header: absent (empty object), or base64url of a JSON object. */
function protectedHeader(node: JsonNode | undefined): Record<string, unknown> | null {
  if (node === undefined) return {};
  if (node.type !== 'string') return null;
  const bytes = decodeBase64url(node.value);
  if (!bytes.ok) return null;
  try {
    const value: unknown = JSON.parse(utf8.decode(bytes.bytes));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function plainHeader(node: JsonNode | undefined, text: string): Record<string, unknown> | null {
  if (node === undefined) return {};
  return node.type === 'object' ? ((plainValue(node, text) as Record<string, unknown> | undefined) ?? null) : null;
}

/** One signature of a JWS: its merged header, or null when it is not one. */
function signatureHeader(node: JsonNode, text: string): Record<string, unknown> | null {
  if (node.type !== 'object' || !isBase64url(member(node, 'signature'))) return null;
  const prot = protectedHeader(member(node, 'protected'));
  const unprot = plainHeader(member(node, 'header'), text);
  if (prot === null || unprot === null) return null;
  const header = { ...unprot, ...prot };
  return typeof header.alg === 'string' ? header : null;
}

function readJws(node: JsonNode, text: string): JsonSerialization | null {
  const payload = member(node, 'payload');
  if (payload === undefined || payload.type !== 'string') return null;
  const signatures = member(node, 'signatures');
  if (signatures !== undefined) {
    if (signatures.type !== 'array' || signatures.items.length === 0) return null;
    const headers = signatures.items.map((item) => signatureHeader(item, text));
    if (headers.some((header) => header === null)) return null;
    return { kind: 'jws-json', header: headers[0]! };
  }
  const header = signatureHeader(node, text);
  return header === null ? null : { kind: 'jws-json', header };
}

function readJwe(node: JsonNode, text: string): JsonSerialization | null {
  if (!isBase64url(member(node, 'ciphertext')) || !isBase64url(member(node, 'iv')) || !isBase64url(member(node, 'tag'))) return null;
  const prot = protectedHeader(member(node, 'protected'));
  const unprot = plainHeader(member(node, 'unprotected'), text);
  if (prot === null || unprot === null) return null;
  const recipients = member(node, 'recipients');
  const perRecipient: JsonNode[] = recipients === undefined ? [node] : recipients.type === 'array' ? recipients.items : [];
  if (perRecipient.length === 0) return null;
  let first: Record<string, unknown> | null = null;
  for (const recipient of perRecipient) {
    const own = plainHeader(member(recipient, 'header'), text);
    const key = member(recipient, 'encrypted_key');
    if (own === null || (key !== undefined && !isBase64url(key))) return null;
    const header = { ...own, ...unprot, ...prot };
    if (typeof header.enc !== 'string') return null;
    first ??= header;
  }
  return { kind: 'jwe-json', header: first! };
}

/** Whether this JSON object is a JWS or JWE in JSON serialization. */
export function readSerialization(node: JsonNode, text: string): JsonSerialization | null {
  if (node.type !== 'object') return null;
  if (member(node, 'ciphertext') !== undefined) return readJwe(node, text);
  if (member(node, 'payload') !== undefined) return readJws(node, text);
  return null;
}

