/**
 * The "crit" header parameter (RFC 7515 §4.1.11): extensions the recipient
 * must understand, or reject the token. We understand exactly one, "b64"
 * (RFC 7797).
 */

const UNDERSTOOD_EXTENSIONS = new Set(['b64']);

/** Header parameters RFC 7515 and RFC 7518 define for JWS; they must never be listed in crit. */
const REGISTERED = new Set(['alg', 'jku', 'jwk', 'kid', 'x5u', 'x5c', 'x5t', 'x5t#S256', 'typ', 'cty', 'crit']);

/** A sentence saying why the JWS is invalid, or undefined when crit (and b64) are acceptable. */
export function checkCritical(header: Record<string, unknown>): string | undefined {
  const crit = header.crit;
  if (crit !== undefined) {
    const rule = 'RFC 7515 §4.1.11';
    if (!Array.isArray(crit) || crit.length === 0 || !crit.every((name) => typeof name === 'string')) {
      return `The header's "crit" must be a non-empty list of header parameter names (${rule}); this one is not, so the token is invalid.`;
    }
    const names = crit as string[];
    const registered = names.filter((name) => REGISTERED.has(name));
    if (registered.length > 0) {
      return `The header's "crit" lists ${quoteAll(registered)}, which the JWS specification itself defines; crit may only name extensions (${rule}), so the token is invalid.`;
    }
    const absent = names.filter((name) => !Object.hasOwn(header, name));
    if (absent.length > 0) {
      return `The header's "crit" lists ${quoteAll(absent)}, but the header does not contain ${absent.length === 1 ? 'it' : 'them'} (${rule}), so the token is invalid.`;
    }
    const unknown = names.filter((name) => !UNDERSTOOD_EXTENSIONS.has(name));
    if (unknown.length > 0) {
      return (
        `The header marks ${quoteAll(unknown)} as critical ("crit"), and this tool does not understand ${unknown.length === 1 ? 'that extension' : 'those extensions'}. ` +
        `A recipient must reject a JWS whose critical extensions it does not support (${rule}), so the signature is not trusted even if it matches.`
      );
    }
  }
  const b64 = header.b64;
  if (b64 !== undefined && typeof b64 !== 'boolean') {
    return 'The header\'s "b64" must be true or false (RFC 7797 §3); the token is invalid.';
  }
  if (b64 === false && !(Array.isArray(crit) && crit.includes('b64'))) {
    return 'The header sets "b64": false but does not list "b64" in "crit", which RFC 7797 §6 requires so that recipients who do not know the extension reject the token; the token is invalid.';
  }
  return undefined;
}

function quoteAll(names: string[]): string {
  return names.map((name) => `"${name}"`).join(', ');
}
