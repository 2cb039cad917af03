/**
 * The algorithms the snippets are written for: those every library they use
 * verifies (jose, PyJWT, Nimbus/jjwt, golang-jwt; Microsoft.IdentityModel lacks
 * EdDSA and its snippet says so). An algorithm name becomes an identifier in
 * some languages (SignatureAlgorithm.RS256), so only these names are written.
 */
export const SNIPPET_ALGORITHMS = ['HS256', 'HS384', 'HS512', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'] as const;

export type SnippetAlgorithm = (typeof SNIPPET_ALGORITHMS)[number];

export function isSnippetAlgorithm(alg: string): alg is SnippetAlgorithm {
  return (SNIPPET_ALGORITHMS as readonly string[]).includes(alg);
}

