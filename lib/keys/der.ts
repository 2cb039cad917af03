/**
 * A small DER (ASN.1 Distinguished Encoding Rules) reader and writer: just the
 * parts key formats use. Reading is strict about lengths so that a truncated
 * paste is reported rather than misread.
 */
import { KeyError } from './errors';
import { t } from './messages';
import { elementName } from './element-names';

export const TAG = {
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTF8_STRING: 0x0c,
  PRINTABLE_STRING: 0x13,
  T61_STRING: 0x14,
  IA5_STRING: 0x16,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  UNIVERSAL_STRING: 0x1c,
  BMP_STRING: 0x1e,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

/** Context-specific tag [n]; constructed (EXPLICIT or a structured IMPLICIT) by default. */
export const contextTag = (n: number, constructed = true): number => (constructed ? 0xa0 : 0x80) | n;

export interface DerNode {
  tag: number;
  /** The content octets (a view into the original bytes). */
  content: Uint8Array;
  /** The whole element, header included. */
  raw: Uint8Array;
}

const tagName = (tag: number): string => {
  const names: Record<number, string> = {
    [TAG.INTEGER]: 'INTEGER',
    [TAG.BIT_STRING]: 'BIT STRING',
    [TAG.OCTET_STRING]: 'OCTET STRING',
    [TAG.NULL]: 'NULL',
    [TAG.OID]: 'OBJECT IDENTIFIER',
    [TAG.SEQUENCE]: 'SEQUENCE',
    [TAG.SET]: 'SET',
  };
  if (names[tag]) return names[tag];
  if ((tag & 0xc0) === 0x80) return `[${tag & 0x1f}]`;
  return `tag 0x${tag.toString(16).padStart(2, '0')}`;
};

/** Reads one element starting at `pos` of `bytes`, not beyond `limit`. */
export function readNode(bytes: Uint8Array, pos = 0, limit = bytes.length): DerNode {
  if (pos + 2 > limit) throw new KeyError(t('keys.derCutOff'));
  const tag = bytes[pos]!;
  if ((tag & 0x1f) === 0x1f) throw new KeyError(t('keys.derMultiByteTag'));
  let length = bytes[pos + 1]!;
  let header = 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0) throw new KeyError(t('keys.derIndefinite'));
    if (count > 4) throw new KeyError(t('keys.derTooLong'));
    if (pos + 2 + count > limit) throw new KeyError(t('keys.derCutOff'));
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[pos + 2 + i]!;
    header += count;
  }
  const start = pos + header;
  const end = start + length;
  if (end > limit) throw new KeyError(t('keys.derShorter'));
  return { tag, content: bytes.subarray(start, end), raw: bytes.subarray(pos, end) };
}

/** Reads exactly one element that spans all of `bytes`. */
export function readWhole(bytes: Uint8Array): DerNode {
  const node = readNode(bytes);
  if (node.raw.length !== bytes.length) {
    throw new KeyError(t('keys.derTrailing', { count: bytes.length - node.raw.length }));
  }
  return node;
}

/** The elements inside a constructed node (SEQUENCE, SET, explicit tag). */
export function childrenOf(node: DerNode): DerNode[] {
  const out: DerNode[] = [];
  let pos = 0;
  while (pos < node.content.length) {
    const child = readNode(node.content, pos);
    out.push(child);
    pos += child.raw.length;
  }
  return out;
}

export function expectTag(node: DerNode | undefined, tag: number, what: string): DerNode {
  if (!node) throw new KeyError(t('keys.derEndsBefore', { what: elementName(what) }));
  if (node.tag !== tag) {
    throw new KeyError(t('keys.derExpected', { what: elementName(what), expected: tagName(tag), found: tagName(node.tag) }));
  }
  return node;
}

/** A SEQUENCE's children, checked to be a SEQUENCE first. */
export function sequence(node: DerNode | undefined, what: string): DerNode[] {
  return childrenOf(expectTag(node, TAG.SEQUENCE, what));
}

export function readOid(node: DerNode | undefined, what: string): string {
  const { content } = expectTag(node, TAG.OID, what);
  if (content.length === 0) throw new KeyError(t('keys.derEmpty', { what: elementName(what) }));
  const parts: number[] = [];
  let value = 0;
  for (const byte of content) {
    value = value * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      parts.push(value);
      value = 0;
    }
  }
  const first = parts.shift() ?? 0;
  const head = first < 40 ? [0, first] : first < 80 ? [1, first - 40] : [2, first - 80];
  return [...head, ...parts].join('.');
}

/** An unsigned big-endian INTEGER with DER's sign byte removed (minimal octets). */
export function readUnsigned(node: DerNode | undefined, what: string): Uint8Array {
  const { content } = expectTag(node, TAG.INTEGER, what);
  if (content.length === 0) throw new KeyError(t('keys.derEmptyInteger', { what: elementName(what) }));
  if (content[0]! & 0x80) throw new KeyError(t('keys.derNegative', { what: elementName(what) }));
  let i = 0;
  while (i < content.length - 1 && content[i] === 0) i++;
  return content.subarray(i);
}

export function readSmallInt(node: DerNode | undefined, what: string): number {
  const bytes = readUnsigned(node, what);
  if (bytes.length > 4) throw new KeyError(t('keys.derTooLarge', { what: elementName(what) }));
  let v = 0;
  for (const b of bytes) v = v * 256 + b;
  return v;
}

export function readBitString(node: DerNode | undefined, what: string): Uint8Array {
  const { content } = expectTag(node, TAG.BIT_STRING, what);
  if (content.length === 0 || content[0] !== 0) throw new KeyError(t('keys.derNotWholeBytes', { what: elementName(what) }));
  return content.subarray(1);
}

export function readOctets(node: DerNode | undefined, what: string): Uint8Array {
  return expectTag(node, TAG.OCTET_STRING, what).content;
}

// ---- writer ----

function encodeLength(length: number): number[] {
  if (length < 0x80) return [length];
  const out: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) out.unshift(n & 0xff);
  return [0x80 | out.length, ...out];
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let pos = 0;
  for (const p of parts) {
    out.set(p, pos);
    pos += p.length;
  }
  return out;
}

export function encode(tag: number, content: Uint8Array): Uint8Array {
  return concat([Uint8Array.from([tag, ...encodeLength(content.length)]), content]);
}

export const encodeSequence = (...items: Uint8Array[]): Uint8Array => encode(TAG.SEQUENCE, concat(items));
export const encodeOctets = (bytes: Uint8Array): Uint8Array => encode(TAG.OCTET_STRING, bytes);
export const encodeBitString = (bytes: Uint8Array): Uint8Array => encode(TAG.BIT_STRING, concat([Uint8Array.of(0), bytes]));
export const encodeNull = (): Uint8Array => Uint8Array.of(TAG.NULL, 0);
export const encodeExplicit = (n: number, inner: Uint8Array): Uint8Array => encode(contextTag(n), inner);

/** Encodes unsigned big-endian bytes as a DER INTEGER (minimal, with a sign byte when needed). */
export function encodeUnsigned(bytes: Uint8Array): Uint8Array {
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0) i++;
  const trimmed = bytes.length === 0 ? Uint8Array.of(0) : bytes.subarray(i);
  const content = trimmed[0]! & 0x80 ? concat([Uint8Array.of(0), trimmed]) : trimmed;
  return encode(TAG.INTEGER, content);
}

export const encodeSmallInt = (n: number): Uint8Array => encodeUnsigned(Uint8Array.of(n));

export function encodeOid(oid: string): Uint8Array {
  const parts = oid.split('.').map(Number);
  const first = parts[0]! * 40 + parts[1]!;
  const bytes: number[] = [];
  for (const value of [first, ...parts.slice(2)]) {
    const chunk: number[] = [value & 0x7f];
    for (let v = Math.floor(value / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift(0x80 | (v & 0x7f));
    bytes.push(...chunk);
  }
  return encode(TAG.OID, Uint8Array.from(bytes));
}
