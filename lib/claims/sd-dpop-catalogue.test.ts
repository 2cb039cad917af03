import { describe, expect, it } from 'vitest';
import { lookupClaim } from './catalogue';
import { describeTypValue } from './typ-values';

describe('SD-JWT, SD-JWT VC and DPoP entries', () => {
  it('explains the claims these tokens carry', () => {
    for (const name of ['_sd', '_sd_alg', 'sd_hash', 'cnf', 'cnf.jwk', 'cnf.jkt', 'vct', 'vct#integrity', 'status', 'status.status_list', 'htm', 'htu', 'ath', 'jti', 'nonce']) {
      expect(lookupClaim(name, 'payload'), name).not.toBeNull();
    }
    expect(lookupClaim('_sd', 'payload')?.spec.label).toBe('RFC 9901 §4.2.4.1');
    expect(lookupClaim('vct#integrity', 'payload')?.description).toContain('Subresource Integrity');
  });

  it('explains header typ values, case-insensitively and with an application/ prefix', () => {
    expect(describeTypValue('dpop+jwt')).toContain('DPoP proof');
    expect(describeTypValue('KB+JWT')).toContain('key binding JWT');
    expect(describeTypValue('application/dc+sd-jwt')).toContain('SD-JWT VC');
    expect(describeTypValue('x-unknown')).toBeNull();
  });
});
