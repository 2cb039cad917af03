// A segment of the pasted token and how positions inside it map back to the raw input,
// so every issue can mark the exact characters it is about.

/** A segment of the token: its text and where it sits in the raw input. */
export interface SegmentPart {
  text: string;
  /** Absolute offset of the segment's first character in the raw input. */
  start: number;
}

/** A stretch of the raw input to mark. */
export interface InputSpan {
  offset: number;
  length: number;
}

/**
 * Where in a base64url segment the decoded byte `byteIndex` is encoded: every 3 bytes take
 * 4 characters, and byte k of a group starts in character k. Marks 2 characters because a
 * byte straddles two of them.
 */
export function spanOfByte(part: SegmentPart, byteIndex: number): InputSpan {
  const index = Math.floor(byteIndex / 3) * 4 + (byteIndex % 3);
  const clamped = Math.min(index, Math.max(part.text.length - 1, 0));
  return { offset: part.start + clamped, length: Math.min(2, part.text.length - clamped) };
}

/** Empty segments have no characters to mark: point at the dot next to them. */
export function spanOfEmptySegment(raw: string, part: SegmentPart): InputSpan {
  const length = part.start < raw.length && raw[part.start] === '.' ? 1 : 0;
  return { offset: part.start, length };
}

/** The whole segment, for issues about all of it. */
export function spanOfSegment(part: SegmentPart): InputSpan {
  return { offset: part.start, length: part.text.length };
}

/** 1-based line and column of `position` in `text`, as editors count them. */
export function lineAndColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < position; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: position - lineStart + 1 };
}
