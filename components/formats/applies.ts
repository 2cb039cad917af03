/**
 * Cheap tests, with no imports, of whether a format panel applies; the
 * decoder calls them on every render and loads a panel's code only when true.
 */

/** A token with "x5c", or key text holding two or more PEM certificates (a chain). */
export function chainApplies(header: Record<string, unknown> | null, keyText: string): boolean {
  if (header && header.x5c !== undefined) return true;
  const first = keyText.indexOf('-----BEGIN CERTIFICATE-----');
  return first !== -1 && keyText.indexOf('-----BEGIN CERTIFICATE-----', first + 1) !== -1;
}

/** A JWS or JWE in JSON serialization (RFC 7515/7516 §7.2): the text is a JSON object. */
export function jsonSerializationApplies(token: string): boolean {
  return token.trimStart().startsWith('{');
}

/** A compact JWS with an empty payload part: detached content (RFC 7515 Appendix F). */
export function detachedCompactApplies(token: string): boolean {
  return /^\s*[A-Za-z0-9_-]+\.\.[A-Za-z0-9_-]+\s*$/.test(token);
}
