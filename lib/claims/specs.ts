/**
 * Links to the specifications that define claims, header parameters and the
 * security advice about them. Built by helpers so every link has one shape.
 */

/** A citation shown next to a claim or a finding. */
export interface SpecRef {
  /** What the user reads, e.g. "RFC 7519 §4.1.4". */
  label: string;
  /** Always https. */
  url: string;
}

/** An RFC, optionally one section of it, at the RFC Editor's canonical address. */
export function rfc(num: number, section?: string): SpecRef {
  const base = `https://www.rfc-editor.org/rfc/rfc${num}`;
  return section === undefined
    ? { label: `RFC ${num}`, url: base }
    : { label: `RFC ${num} §${section}`, url: `${base}#section-${section}` };
}

const OIDC_CORE = 'https://openid.net/specs/openid-connect-core-1_0.html';

/** OpenID Connect Core 1.0, by section number and the document's own anchor. */
export function oidcCore(section: string, anchor: string): SpecRef {
  return { label: `OpenID Connect Core 1.0 §${section}`, url: `${OIDC_CORE}#${anchor}` };
}

/** Any other published document (provider documentation, OpenID specs). */
export function doc(label: string, url: string): SpecRef {
  return { label, url };
}
