import { describe, expect, it } from 'vitest';
import { headerAlgOf, withHeaderAlg } from './header-alg';

describe('header alg sync', () => {
  it('reads the alg of a header', () => {
    expect(headerAlgOf('{"alg": "ES256", "typ": "JWT"}')).toBe('ES256');
    expect(headerAlgOf('{"typ": "JWT"}')).toBeUndefined();
    expect(headerAlgOf('{"alg": 5}')).toBeUndefined();
    expect(headerAlgOf('{"alg": "ES2')).toBeUndefined();
  });

  it('sets the alg in place, keeping the rest of the text', () => {
    const text = '{\n  "alg": "HS256",\n  "typ": "JWT",\n  "kid": "k1"\n}';
    expect(withHeaderAlg(text, 'RS512')).toBe('{\n  "alg": "RS512",\n  "typ": "JWT",\n  "kid": "k1"\n}');
  });

  it('adds alg first when the header has none', () => {
    expect(withHeaderAlg('{\n  "typ": "JWT"\n}', 'EdDSA')).toBe('{\n  "alg": "EdDSA",\n  "typ": "JWT"\n}');
  });

  it('still updates a lone alg while the rest of the header is broken, and leaves ambiguous text alone', () => {
    expect(withHeaderAlg('{"alg": "HS256", "typ": ', 'PS256')).toBe('{"alg": "PS256", "typ": ');
    const two = '{"alg": "HS256", "x": {"alg": "a"}';
    expect(withHeaderAlg(two, 'PS256')).toBe(two);
  });
});
