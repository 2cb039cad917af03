import { describe, expect, it } from 'vitest';
import { CLAIM_CATALOGUE } from './catalogue';
import { headerSchema, payloadSchema, type JsonSchema } from './schema';

/**
 * A small validator for exactly the keywords these schemas use, so the tests
 * can show what the editor would mark as wrong.
 */
function errors(schema: JsonSchema, value: unknown, path = '$'): string[] {
  const out: string[] = [];
  if (schema.anyOf && !schema.anyOf.some((s) => errors(s, value, path).length === 0)) out.push(`${path}: matches none of anyOf`);
  if (schema.type) {
    const actual = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
    const fits = schema.type === 'integer' ? Number.isInteger(value) : actual === schema.type;
    if (!fits) return [...out, `${path}: expected ${schema.type}, got ${actual}`];
  }
  if (schema.enum && !schema.enum.includes(value as string)) out.push(`${path}: not in enum`);
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) out.push(`${path}: too few items`);
    if (schema.items) value.forEach((v, i) => out.push(...errors(schema.items as JsonSchema, v, `${path}[${i}]`)));
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in record)) out.push(`${path}: missing ${key}`);
    for (const [key, v] of Object.entries(record)) {
      const own = schema.properties?.[key];
      if (own) out.push(...errors(own, v, `${path}.${key}`));
      for (const [pattern, sub] of Object.entries(schema.patternProperties ?? {})) {
        if (new RegExp(pattern, 'u').test(key)) out.push(...errors(sub, v, `${path}.${key}`));
      }
      if (!own && schema.additionalProperties === false) out.push(`${path}: unexpected ${key}`);
    }
  }
  return out;
}

describe('payloadSchema', () => {
  const schema = payloadSchema();

  it('is a draft-07 object schema that allows claims it does not know', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(true);
    expect(errors(schema, { my_claim: { anything: [1, 2] } })).toEqual([]);
  });

  it('is plain JSON (it survives a round trip unchanged)', () => {
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });

  it('describes every top-level payload claim of the catalogue, with its spec link in markdown', () => {
    for (const info of CLAIM_CATALOGUE.filter((c) => c.where === 'payload' && !c.name.includes('.'))) {
      const prop = schema.properties?.[info.name];
      expect(prop, info.name).toBeDefined();
      expect(prop?.description).toContain(info.description);
      expect(prop?.markdownDescription).toContain(`(${info.spec.url})`);
    }
  });

  it('marks exp as a string and aud as a number as wrong', () => {
    expect(errors(schema, { exp: '1768478400' })).toEqual(['$.exp: expected number, got string']);
    expect(errors(schema, { aud: 42 })).toEqual(['$.aud: matches none of anyOf']);
    expect(errors(schema, { aud: ['a', 3] })).toEqual(['$.aud: matches none of anyOf']);
  });

  it('accepts the right types for time claims, aud and booleans', () => {
    const good = { iss: 'https://i', sub: 's', aud: ['a', 'b'], exp: 1768478400, nbf: 1768478400.5, iat: 1768478400, email_verified: true, amr: ['pwd'] };
    expect(errors(schema, good)).toEqual([]);
    expect(errors(schema, { aud: 'a' })).toEqual([]);
    expect(errors(schema, { email_verified: 'true' })).toEqual(['$.email_verified: expected boolean, got string']);
    expect(errors(schema, { address: 'Main St' })).toEqual(['$.address: expected object, got string']);
  });

  it('describes cnf members and namespaced custom claims', () => {
    expect(schema.properties?.cnf?.properties?.jkt?.type).toBe('string');
    expect(errors(schema, { cnf: { jkt: 5 } })).toEqual(['$.cnf.jkt: expected string, got number']);
    const patterns = Object.keys(schema.patternProperties ?? {});
    expect(patterns.some((p) => new RegExp(p).test('https://example.com/roles'))).toBe(true);
    expect(patterns.some((p) => new RegExp(p).test('xms_cc'))).toBe(true);
  });
});

describe('headerSchema', () => {
  const schema = headerSchema(['HS256', 'RS256', 'none']);

  it('fills the alg enum from the caller and requires alg', () => {
    expect(schema.properties?.alg?.enum).toEqual(['HS256', 'RS256', 'none']);
    expect(errors(schema, { typ: 'JWT' })).toEqual(['$: missing alg']);
    expect(errors(schema, { alg: 'HS257' })).toEqual(['$.alg: not in enum']);
    expect(errors(schema, { alg: 'RS256', typ: 'JWT', kid: 'k1', crit: ['b64'], b64: false })).toEqual([]);
  });

  it('leaves alg open when no list is given, and checks the other parameters types', () => {
    const open = headerSchema([]);
    expect(open.properties?.alg?.enum).toBeUndefined();
    expect(errors(open, { alg: 'X', b64: 'false' })).toEqual(['$.b64: expected boolean, got string']);
    expect(errors(open, { alg: 'X', crit: [] })).toEqual(['$.crit: too few items']);
    expect(errors(open, { alg: 'X', p2c: 1000.5 })).toEqual(['$.p2c: expected integer, got number']);
  });

  it('does not share state between calls', () => {
    headerSchema(['ES256']);
    expect(headerSchema(['HS256']).properties?.alg?.enum).toEqual(['HS256']);
    expect(payloadSchema().properties?.alg).toBeUndefined();
  });
});
