import { describe, expect, it } from 'vitest';
import { parseKeyText } from './parse';
import { secretBytes } from './secret';
import { derBase64Of, fixtures } from './test-keys';
import type { KeyParseResult } from './types';

const bytesOf = (r: ReturnType<typeof secretBytes>) => (r.ok ? Buffer.from(r.bytes).toString('hex') : r.error);

function errorOf(result: KeyParseResult) {
  if (result.ok) throw new Error(`expected an error, got ${result.formatLabel}`);
  return result.error;
}

describe('secretBytes', () => {
  it('takes UTF-8 text exactly as typed', () => {
    expect(bytesOf(secretBytes('héllo ', 'utf8'))).toBe(Buffer.from('héllo ', 'utf8').toString('hex'));
  });

  it('decodes base64url, base64 and hex, ignoring surrounding whitespace', () => {
    const bytes = Buffer.from([0xfb, 0xff, 0x00, 0x10, 0x3e]);
    expect(bytesOf(secretBytes(` ${bytes.toString('base64url')}\n`, 'base64url'))).toBe(bytes.toString('hex'));
    expect(bytesOf(secretBytes(bytes.toString('base64'), 'base64'))).toBe(bytes.toString('hex'));
    expect(bytesOf(secretBytes(`0x${bytes.toString('hex').toUpperCase()}`, 'hex'))).toBe(bytes.toString('hex'));
  });

  it('locates a bad base64url character, counting from the start of the text', () => {
    expect(secretBytes('  abc+def', 'base64url')).toEqual({
      ok: false,
      error: { message: 'The secret is not valid base64url: "+" is not a base64url character (that is standard base64; base64url uses "-" and "_").', offset: 5 },
    });
  });

  it('locates a bad hex digit and reports an odd number of digits', () => {
    expect(secretBytes('00ff0g', 'hex')).toEqual({ ok: false, error: { message: 'The secret is not valid hex: "g" is not a hex digit.', offset: 5 } });
    const odd = secretBytes('abc', 'hex');
    expect(!odd.ok && odd.error.message).toMatch(/odd number of digits \(3\)/);
  });

  it('refuses an empty secret', () => {
    expect(secretBytes('', 'utf8').ok).toBe(false);
    expect(secretBytes('   ', 'base64url').ok).toBe(false);
  });
});

describe('parseKeyText: secrets', () => {
  it('turns plain text into an oct JWK and counts its bits', () => {
    const result = parseKeyText('your-256-bit-secret');
    expect(result.ok && result.format).toBe('secret');
    expect(result.ok && result.formatLabel).toBe('Secret (UTF-8 text)');
    const key = result.ok ? result.keys[0]! : undefined;
    expect(key?.jwk).toEqual({ kty: 'oct', k: Buffer.from('your-256-bit-secret').toString('base64url') });
    expect(key?.bits).toBe(152);
    expect(key?.description).toBe('152-bit secret');
    expect(key?.visibility).toBe('secret');
  });

  it('uses the chosen encoding', () => {
    const bytes = Buffer.alloc(32, 7);
    const result = parseKeyText(bytes.toString('base64url'), { secretEncoding: 'base64url' });
    expect(result.ok && result.keys[0]!.jwk.k).toBe(bytes.toString('base64url'));
    expect(result.ok && result.keys[0]!.description).toBe('256-bit secret');
    expect(errorOf(parseKeyText('abzz', { secretEncoding: 'hex' })).offset).toBe(2);
  });

  it('warns about whitespace around a UTF-8 secret and about a secret that looks like hex', () => {
    const spaced = parseKeyText('secret\n');
    expect(spaced.ok && spaced.warnings).toEqual(['The secret starts or ends with whitespace, which counts as part of it.']);
    const hexy = parseKeyText('a'.repeat(64));
    expect(hexy.ok && hexy.warnings.join(' ')).toMatch(/looks like hex/);
  });

  it('reports empty input', () => {
    expect(errorOf(parseKeyText('  \n')).message).toBe('No key was given.');
  });

  it('treats base64 that is not a key structure as a secret', () => {
    const text = Buffer.alloc(48, 0x33).toString('base64'); // starts with "M" but is not DER
    expect(text.startsWith('M')).toBe(true);
    const result = parseKeyText(text);
    expect(result.ok && result.format).toBe('secret');
  });
});

describe('parseKeyText: pasted things that are not keys get a helpful message', () => {
  const ed = fixtures().find((f) => f.name === 'Ed25519')!;
  const cases: [string, string, RegExp][] = [
    ['an OpenSSH RSA public key', 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 user@host', /^This looks like an OpenSSH public key; paste a PEM \(ssh-keygen -e -m PKCS8 -f key\.pub\) or a JWK instead\.$/],
    ['an OpenSSH Ed25519 public key', 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB user', /OpenSSH public key/],
    ['an OpenSSH ECDSA public key', 'ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTY= me', /OpenSSH public key/],
    ['a PuTTY key', 'PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\n', /PuTTY private key/],
    ['an SSH2 public key', '---- BEGIN SSH2 PUBLIC KEY ----\nAAAA\n---- END SSH2 PUBLIC KEY ----', /SSH2 \(RFC 4716\) public key/],
    ['a JWT', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl', /This is a JWT \(a token\), not a key/],
    ['a JWE', 'eyJhbGciOiJkaXIifQ..aXY.Y2lwaGVy.dGFn', /encrypted token \(JWE\), not a key/],
    ['a bare array of JWKs', '[{"kty":"oct","k":"c2VjcmV0"}]', /JSON array; a JWKS is an object holding the array: \{"keys": \[ … \]\}/],
  ];
  for (const [name, text, message] of cases) {
    it(`explains ${name}`, () => {
      const error = errorOf(parseKeyText(`  ${text}`));
      expect(error.message).toMatch(message);
      expect(error.offset).toBe(2);
    });
  }

  it('reads a bare base64 DER public key rather than using it as a secret', () => {
    const result = parseKeyText(derBase64Of(ed.publicKey, 'spki'), { secretEncoding: 'base64' });
    expect(result.ok && result.keys[0]!.jwk).toEqual(ed.publicJwk);
    expect(result.ok && result.formatLabel).toBe('SPKI public key (base64 DER)');
  });
});
