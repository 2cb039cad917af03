// Kept apart from the catalogue so that it loads only with the views that show it
// (SD-JWT and DPoP), not with the decoder's first JavaScript.
import { t, type ClaimsMessage } from './messages';

/** An object whose values are messages, read in the active language whenever a value is read. */
function liveMessages<K extends string>(ids: Record<K, ClaimsMessage>): Readonly<Record<K, string>> {
  const live = {} as Record<K, string>;
  for (const [key, id] of Object.entries(ids) as [K, ClaimsMessage][]) Object.defineProperty(live, key, { get: () => t(id), enumerable: true });
  return live;
}

/** What the common header "typ" values say about a token (RFC 7515 §4.1.9: explicit typing, RFC 8725 §3.11). */
export const HEADER_TYP_VALUES: Readonly<Record<string, string>> = liveMessages({
  'dpop+jwt': 'claims.typDpopJwt',
  'kb+jwt': 'claims.typKbJwt',
  'dc+sd-jwt': 'claims.typDcSdJwt',
  'vc+sd-jwt': 'claims.typVcSdJwt',
  'sd-jwt': 'claims.typSdJwt',
  'at+jwt': 'claims.typAtJwt',
  JWT: 'claims.typJwt',
});

/** The meaning of a header typ value, compared case-insensitively as media types are; null when unknown. */
export function describeTypValue(value: string): string | null {
  const lower = value.toLowerCase().replace(/^application\//, '');
  for (const [typ, meaning] of Object.entries(HEADER_TYP_VALUES)) if (typ.toLowerCase() === lower) return meaning;
  return null;
}

/** A field name with its meaning, the meaning read in the active language when it is read. */
function fieldWithMeaning(field: string, id: ClaimsMessage): readonly [string, string] {
  const pair: [string, string] = [field, ''];
  Object.defineProperty(pair, 1, { get: () => t(id), enumerable: true });
  return pair;
}

/**
 * The members of an SD-JWT VC type metadata document, the JSON that `vct` resolves to (SD-JWT VC §6).
 * The meanings are read when shown, so they follow the active language.
 */
export const VC_TYPE_METADATA_FIELDS: ReadonlyArray<readonly [string, string]> = [
  fieldWithMeaning('vct', 'claims.vcMetadataVct'),
  fieldWithMeaning('name, description', 'claims.vcMetadataNameDescription'),
  fieldWithMeaning('extends, extends#integrity', 'claims.vcMetadataExtends'),
  fieldWithMeaning('display', 'claims.vcMetadataDisplay'),
  fieldWithMeaning('claims', 'claims.vcMetadataClaims'),
  fieldWithMeaning('schema, schema_uri, schema_uri#integrity', 'claims.vcMetadataSchema'),
  fieldWithMeaning('vct#integrity', 'claims.vcMetadataVctIntegrity'),
];
