import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { keyFactsFor } from './key-facts';
import { secretKeyFacts } from './secret-key-facts';

const encoding = fc.constantFrom('utf8' as const, 'base64url' as const, 'base64' as const, 'hex' as const);

describe('secretKeyFacts', () => {
  it('gives what keyFactsFor gives, whenever it answers', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 50 }), fc.constantFrom('', '  ', 'a-string-secret-at-least-256-bits-long', '{"kty":"oct","k":"c2VjcmV0"}', 'c2VjcmV0', '00ff', '-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----')), encoding, (text, secretEncoding) => {
        const facts = secretKeyFacts(text, secretEncoding);
        if (facts !== null) expect(facts).toEqual(keyFactsFor(text, secretEncoding));
      }),
      { numRuns: 400 },
    );
  });

  it('answers for a secret and leaves JWK and PEM text to keyFactsFor', () => {
    expect(secretKeyFacts('a-string-secret-at-least-256-bits-long', 'utf8')).toEqual({ keyFormat: 'secret', secretBits: 304 });
    expect(secretKeyFacts('{"kty":"oct","k":"c2VjcmV0"}', 'utf8')).toBeNull();
    expect(secretKeyFacts('-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----', 'utf8')).toBeNull();
  });
});
