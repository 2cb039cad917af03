/**
 * JSON Schemas (draft-07) for the encoder's header and payload editors,
 * generated from the catalogue so a claim is described in one place only.
 * Monaco's JSON language uses them to complete names, explain them on hover
 * and mark wrong types (`exp` as a string, `aud` as a number).
 */
import { t } from './messages';
import { CLAIM_CATALOGUE, CLAIM_PATTERNS, type ClaimInfo, type ClaimLocation, type ClaimType } from './catalogue';

/** The subset of JSON Schema draft-07 (plus Monaco's markdownDescription) these schemas use. */
export interface JsonSchema {
  $schema?: string;
  title?: string;
  description?: string;
  markdownDescription?: string;
  type?: 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array';
  items?: JsonSchema;
  minItems?: number;
  anyOf?: JsonSchema[];
  enum?: string[];
  properties?: Record<string, JsonSchema>;
  patternProperties?: Record<string, JsonSchema>;
  additionalProperties?: boolean;
  required?: string[];
}

const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

function typeSchema(type: ClaimType): JsonSchema {
  switch (type) {
    case 'NumericDate':
    case 'number':
      return { type: 'number' };
    case 'integer':
      return { type: 'integer' };
    case 'StringOrURI':
    case 'string':
      return { type: 'string' };
    case 'string|string[]':
      return { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] };
    case 'string[]':
      return { type: 'array', items: { type: 'string' } };
    case 'boolean':
    case 'object':
    case 'array':
      return { type };
    case 'any':
      return {};
  }
}

/** A claim type in words, for the editor's hover. */
function typeWords(type: ClaimType): string {
  switch (type) {
    case 'NumericDate':
      return t('claims.typeNumericDate');
    case 'StringOrURI':
      return t('claims.typeStringOrUri');
    case 'string':
      return t('claims.typeString');
    case 'string|string[]':
      return t('claims.typeStringOrStrings');
    case 'string[]':
      return t('claims.typeStrings');
    case 'number':
      return t('claims.typeNumber');
    case 'integer':
      return t('claims.typeInteger');
    case 'boolean':
      return t('claims.typeBoolean');
    case 'object':
      return t('claims.typeObject');
    case 'array':
      return t('claims.typeArray');
    case 'any':
      return t('claims.typeAny');
  }
}

function describe(info: Pick<ClaimInfo, 'title' | 'description' | 'spec' | 'type'>): JsonSchema {
  return {
    title: info.title,
    description: `${info.description} (${info.spec.label})`,
    markdownDescription: `**${info.title}** (${typeWords(info.type)})\n\n${info.description}\n\n[${info.spec.label}](${info.spec.url})`,
    ...typeSchema(info.type),
  };
}

function objectSchema(where: ClaimLocation): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const entries = CLAIM_CATALOGUE.filter((c) => c.where === where);
  for (const info of entries.filter((c) => !c.name.includes('.'))) properties[info.name] = describe(info);
  // Dotted entries ("cnf.jkt") describe members of an object claim.
  for (const info of entries.filter((c) => c.name.includes('.'))) {
    const [parent, member] = info.name.split('.', 2) as [string, string];
    const owner = properties[parent];
    if (!owner) continue;
    owner.properties = { ...owner.properties, [member]: describe(info) };
    owner.additionalProperties = true;
  }
  const patternProperties: Record<string, JsonSchema> = {};
  for (const rule of CLAIM_PATTERNS.filter((r) => r.where === where)) patternProperties[rule.regex.source] = describe(rule.info);
  return {
    $schema: DRAFT_07,
    type: 'object',
    properties,
    ...(Object.keys(patternProperties).length > 0 ? { patternProperties } : {}),
    additionalProperties: true,
  };
}

/** The payload editor's schema: every catalogued claim; any other claim is allowed. */
export function payloadSchema(): JsonSchema {
  return { ...objectSchema('payload'), title: t('claims.schemaPayloadTitle') };
}

/** The header editor's schema; `algs` (the algorithms the signer supports) become alg's enum. */
export function headerSchema(algs: readonly string[]): JsonSchema {
  const schema = objectSchema('header');
  const alg = schema.properties?.alg;
  if (alg && algs.length > 0) alg.enum = [...algs];
  const crit = schema.properties?.crit;
  if (crit) crit.minItems = 1; // RFC 7515 §4.1.11: an empty list is not allowed
  return { ...schema, title: t('claims.schemaHeaderTitle'), required: ['alg'] };
}
