/**
 * What the snippets take from a decoded token: alg and kid from the header,
 * iss and aud from the claims, each only when it has the type the specs give
 * it. No other header parameter or claim, and no claim name, reaches a snippet.
 */
export interface SnippetFields {
  alg: string;
  kid?: string;
  issuer?: string;
  audience?: string | string[];
}

type Json = Record<string, unknown> | null | undefined;

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function audienceOf(aud: unknown): string | string[] | undefined {
  if (typeof aud === 'string') return aud;
  if (Array.isArray(aud) && aud.length > 0 && aud.every((item) => typeof item === 'string')) return aud as string[];
  return undefined;
}

export function snippetFieldsOf(header: Json, claims: Json): SnippetFields {
  // Own properties only: a claim set parsed from JSON may be named "__proto__" or "constructor".
  const own = (object: Json, name: string): unknown => (object && Object.hasOwn(object, name) ? object[name] : undefined);
  return { alg: text(own(header, 'alg')) ?? '', kid: text(own(header, 'kid')), issuer: text(own(claims, 'iss')), audience: audienceOf(own(claims, 'aud')) };
}
