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
