/**
 * PEM armour (RFC 7468): finds every -----BEGIN X----- … -----END X----- block,
 * tolerating indentation, CRLF, text around the blocks, RFC 1421 header lines
 * (Proc-Type, DEK-Info) and a missing final newline.
 */
import { base64Decode, base64Encode } from './base64';
import { KeyError } from './errors';
import { t } from './messages';

export interface PemBlock {
  /** Upper-cased label, e.g. "PUBLIC KEY". */
  label: string;
  /** Offset of "-----BEGIN" in the text. */
  start: number;
  /** Offset just after the END line. */
  end: number;
  /** RFC 1421 headers such as Proc-Type, by name. */
  headers: Record<string, string>;
  /** The base64 body with header lines blanked out (same length, so offsets map). */
  body: string;
  /** Offset of `body` in the text. */
  bodyOffset: number;
}

const BEGIN = /-----BEGIN ([^\r\n-]*)-----/g;
const END = /-----END ([^\r\n-]*)-----/g;

export const hasPemArmour = (text: string): boolean => /-----BEGIN [^\r\n-]*-----/.test(text);

export function findPemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  BEGIN.lastIndex = 0;
  for (let m = BEGIN.exec(text); m; m = BEGIN.exec(text)) {
    const label = m[1]!.trim().toUpperCase();
    const bodyOffset = m.index + m[0].length;
    END.lastIndex = bodyOffset;
    const endMatch = END.exec(text);
    const nextBegin = text.indexOf('-----BEGIN ', bodyOffset);
    if (!endMatch || (nextBegin !== -1 && nextBegin < endMatch.index)) {
      throw new KeyError(t('keys.pemNoEnd', { label }), nextBegin === -1 ? text.length : nextBegin);
    }
    const endLabel = endMatch[1]!.trim().toUpperCase();
    if (endLabel !== label) {
      throw new KeyError(t('keys.pemEndMismatch', { label, endLabel }), endMatch.index);
    }
    const rawBody = text.slice(bodyOffset, endMatch.index);
    const { headers, body } = splitHeaders(rawBody);
    blocks.push({ label, start: m.index, end: endMatch.index + endMatch[0].length, headers, body, bodyOffset });
    BEGIN.lastIndex = endMatch.index + endMatch[0].length;
  }
  return blocks;
}

/** Blanks out "Name: value" lines (and their continuations) so only base64 remains. */
function splitHeaders(rawBody: string): { headers: Record<string, string>; body: string } {
  const headers: Record<string, string> = Object.create(null) as Record<string, string>;
  let lastHeader: string | undefined;
  const lines = rawBody.split('\n').map((line) => {
    // The value is trimmed by hand: "(.*?)\s*$" backtracks quadratically on a long run of spaces.
    const header = /^\s*([A-Za-z][A-Za-z0-9-]*):/.exec(line);
    if (header) {
      lastHeader = header[1]!;
      headers[lastHeader] = line.slice(header[0].length).trim();
      return ' '.repeat(line.length);
    }
    if (lastHeader && /^[ \t]+\S/.test(line) && line.includes(',')) {
      headers[lastHeader] += line.trim(); // a folded header continuation
      return ' '.repeat(line.length);
    }
    lastHeader = undefined;
    return line;
  });
  return { headers, body: lines.join('\n') };
}

export function decodePemBody(block: PemBlock): Uint8Array {
  const decoded = base64Decode(block.body);
  if (!decoded.ok) {
    throw new KeyError(t('keys.pemBodyInvalid', { label: block.label, reason: decoded.bare }), block.bodyOffset + decoded.offset);
  }
  if (decoded.bytes.length === 0) throw new KeyError(t('keys.pemEmpty', { label: block.label }), block.bodyOffset);
  return decoded.bytes;
}

/** PEM text with 64-character lines and a final newline. */
export function toPem(label: string, der: Uint8Array): string {
  const b64 = base64Encode(der);
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 64) lines.push(b64.slice(i, i + 64));
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
