// Kept apart from the catalogue so that it loads only with the views that show it
// (SD-JWT and DPoP), not with the decoder's first JavaScript.
/** What the common header "typ" values say about a token (RFC 7515 §4.1.9: explicit typing, RFC 8725 §3.11). */
export const HEADER_TYP_VALUES: Readonly<Record<string, string>> = {
  'dpop+jwt': 'A DPoP proof (RFC 9449 §4.2): verified with the jwk in its own header, it proves possession of that key for one HTTP request.',
  'kb+jwt': 'A key binding JWT (RFC 9901 §4.3): the holder of an SD-JWT signs it with the key in the credential\'s cnf to present it.',
  'dc+sd-jwt': 'An SD-JWT VC (digital credential in SD-JWT form); vct names its type.',
  'vc+sd-jwt': 'An SD-JWT VC under its earlier media type (now dc+sd-jwt).',
  'sd-jwt': 'An SD-JWT (RFC 9901) without a more specific type.',
  'at+jwt': 'A JWT access token (RFC 9068).',
  'JWT': 'A JWT (RFC 7519); says little about which kind of token it is.',
};

/** The meaning of a header typ value, compared case-insensitively as media types are; null when unknown. */
export function describeTypValue(value: string): string | null {
  const lower = value.toLowerCase().replace(/^application\//, '');
  for (const [typ, meaning] of Object.entries(HEADER_TYP_VALUES)) if (typ.toLowerCase() === lower) return meaning;
  return null;
}

/** The members of an SD-JWT VC type metadata document, the JSON that `vct` resolves to (SD-JWT VC §6). */
export const VC_TYPE_METADATA_FIELDS: ReadonlyArray<readonly [string, string]> = [
  ['vct', 'The type this document describes; equals the credential\'s vct.'],
  ['name, description', 'A human-readable name and description of the type, for developers.'],
  ['extends, extends#integrity', 'A parent type this one builds on, and an integrity hash of its metadata.'],
  ['display', 'How a wallet shows the credential, per language: name, description, logo, colours.'],
  ['claims', 'Per claim (by path): display labels, whether it may or must be selectively disclosable (sd: always, allowed, never), and SVG template ids.'],
  ['schema, schema_uri, schema_uri#integrity', 'A JSON Schema of the credential\'s claims, inline or by URI with an integrity hash.'],
  ['vct#integrity', 'In the credential (not the metadata): the Subresource Integrity hash of the metadata document, so it cannot be swapped.'],
];
