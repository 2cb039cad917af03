// Each paste shape, with tokens made by an independent implementation (fixtures/make_fixtures.py):
// exactly these tokens are found, each at exactly these places.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeSource, findTokens, findTokensInSlices, type FoundToken, type TokenPlace } from './index';

const dir = join(__dirname, 'fixtures');

interface Expected {
  token: string;
  kind: FoundToken['kind'];
  alg: string;
  places: TokenPlace[];
  truncated?: FoundToken['truncated'];
}

const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Record<string, Expected[]>;

const byPlace = (a: TokenPlace, b: TokenPlace) => a.start - b.start || JSON.stringify(a.source).localeCompare(JSON.stringify(b.source));

function normalise(tokens: (FoundToken | Expected)[]) {
  return tokens
    .map((t) => ({
      token: t.token,
      kind: t.kind,
      alg: 'alg' in t && typeof t.alg === 'string' && !('header' in t) ? t.alg : headerAlg(t as FoundToken),
      places: [...t.places].sort(byPlace),
      truncated: t.truncated,
    }))
    .sort((a, b) => a.token.localeCompare(b.token));
}

function headerAlg(found: FoundToken): string {
  // A JWE's header names its content encryption; the fixtures record that one.
  return String(found.kind.startsWith('jwe') ? found.header.enc : found.header.alg);
}

describe('fixtures: one per paste shape', () => {
  for (const [name, tokens] of Object.entries(expected)) {
    it(name, () => {
      const text = readFileSync(join(dir, name), 'utf8');
      const found = findTokens(text);
      expect(normalise(found)).toEqual(normalise(tokens));
    });
  }

  it('the sliced variant finds the same tokens in the same order', async () => {
    const text = readFileSync(join(dir, 'small.har'), 'utf8');
    expect(await findTokensInSlices(text, { sliceBudgetMs: 0 })).toEqual(findTokens(text));
  });

  it('reports tokens in the order they first appear', () => {
    const text = readFileSync(join(dir, 'authorization.txt'), 'utf8');
    const found = findTokens(text);
    const starts = found.map((t) => t.places[0]!.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('an SD-JWT comes with its disclosures and key binding JWT', () => {
    const text = readFileSync(join(dir, 'sd-jwt.txt'), 'utf8');
    const [withKb, without] = findTokens(text);
    expect(withKb!.sdJwt!.disclosures.map((d) => d.value[1])).toEqual(['given_name', 'email']);
    expect(withKb!.sdJwt!.keyBinding).toMatch(/^eyJ/);
    expect(withKb!.token.endsWith(`~${withKb!.sdJwt!.keyBinding}`)).toBe(true);
    expect(without!.sdJwt!.keyBinding).toBeNull();
    expect(without!.token.endsWith('~')).toBe(true);
  });

  it('a token cut short keeps its decoded header', () => {
    const text = readFileSync(join(dir, 'logs.txt'), 'utf8');
    const cut = findTokens(text).filter((t) => t.truncated);
    expect(cut.map((t) => [t.truncated!.part, t.header.alg])).toEqual([
      ['payload', 'RS256'],
      ['signature', 'HS256'],
    ]);
  });

  it('describes places in one line', () => {
    const text = readFileSync(join(dir, 'small.har'), 'utf8');
    const lines = findTokens(text).flatMap((t) => t.places.map((p) => describeSource(p.source)));
    expect(lines).toContain('HAR entry 1 response (https://as.example.com/token), $.log.entries[1].response.content.text → $.id_token');
    expect(lines).toContain('HAR entry 0 request (https://api.example.com/me?access_token=' + lines[0]!.split('access_token=')[1]!.split(')')[0] + '), query parameter access_token, $.log.entries[0].request.url');
  });
});
