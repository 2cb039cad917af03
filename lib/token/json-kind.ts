// Naming JSON values in messages ("it is an array"), and telling a JSON object from the rest.

/** A JSON object, as opposed to an array, null or a scalar. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What a parsed JSON value is, in words that fit "it is …". */
export function kindOfJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return `the literal ${String(value)}`;
  return 'not an object';
}
