import { describe, expect, it } from 'vitest';
import { parseKeyText } from './parse';
import { fixtures, pemOf } from './test-keys';
import type { KeyParseResult } from './types';

const rsa = fixtures()[0]!;
const ec = fixtures().find((f) => f.name === 'EC P-256')!;
const spki = pemOf(rsa.publicKey, 'spki');

function jwkOf(result: KeyParseResult) {
  if (!result.ok) throw new Error(result.error.message);
  return result.keys[0]!.jwk;
}

function errorOf(result: KeyParseResult) {
  if (result.ok) throw new Error(`expected an error, got ${result.formatLabel}`);
  return result.error;
}

describe('PEM armour is read leniently', () => {
  it('tolerates surrounding whitespace, CRLF line ends, indentation and no final newline', () => {
    const crlf = spki.trim().replace(/\n/g, '\r\n');
    expect(jwkOf(parseKeyText(`\n\n   ${crlf}   \n\n`))).toEqual(rsa.publicJwk);
    const indented = spki.trim().split('\n').map((line) => `    ${line}`).join('\n');
    expect(jwkOf(parseKeyText(indented))).toEqual(rsa.publicJwk);
  });

  it('tolerates text before and after the block', () => {
    expect(jwkOf(parseKeyText(`Here is my key:\n${spki}\nThanks!`))).toEqual(rsa.publicJwk);
  });

  it('reads a body pasted as one long line', () => {
    const lines = spki.trim().split('\n');
    const oneLine = `${lines[0]}\n${lines.slice(1, -1).join('')}\n${lines.at(-1)}`;
    expect(jwkOf(parseKeyText(oneLine))).toEqual(rsa.publicJwk);
  });

  it('uses the first key of several blocks and warns about the others', () => {
    const result = parseKeyText(`${spki}${pemOf(ec.publicKey, 'spki')}`);
    expect(jwkOf(result)).toEqual(rsa.publicJwk);
    expect(result.ok && result.warnings).toEqual([
      'The text holds 2 PEM blocks; the first key ("PUBLIC KEY") was used and the other block was ignored.',
    ]);
  });

  it('skips an EC PARAMETERS block quietly (openssl ecparam -genkey prints one)', () => {
    const params = '-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n';
    const result = parseKeyText(params + pemOf(ec.privateKey, 'sec1'));
    expect(jwkOf(result)).toEqual(ec.privateJwk);
    expect(result.ok && result.warnings.some((w) => w.includes('PEM blocks'))).toBe(false);
  });

  it('reads a block whose label does not match its content, with a warning', () => {
    const pkcs1Body = pemOf(rsa.publicKey, 'pkcs1').replace(/RSA PUBLIC KEY/g, 'PUBLIC KEY');
    const result = parseKeyText(pkcs1Body);
    expect(jwkOf(result)).toEqual(rsa.publicJwk);
    expect(result.ok && result.format).toBe('pem-pkcs1-public');
    expect(result.ok && result.warnings).toEqual([
      'The block is labelled "PUBLIC KEY" but holds a PKCS#1 RSA public key; it was read as that.',
    ]);
  });
});

describe('PEM problems are explained, never taken for a secret', () => {
  it('names an unknown label', () => {
    const error = errorOf(parseKeyText('-----BEGIN FOO KEY-----\nAAAA\n-----END FOO KEY-----'));
    expect(error.message).toMatch(/The PEM label "FOO KEY" is not a key format/);
    expect(error.offset).toBe(0);
  });

  it('says that an encrypted PEM (Proc-Type: 4,ENCRYPTED) cannot be used', () => {
    const pem = ['-----BEGIN RSA PRIVATE KEY-----', 'Proc-Type: 4,ENCRYPTED', 'DEK-Info: AES-128-CBC,0123456789ABCDEF0123456789ABCDEF', '', 'AAAA', '-----END RSA PRIVATE KEY-----'].join('\n');
    expect(errorOf(parseKeyText(pem)).message).toMatch(/encrypted with a passphrase/);
  });

  it('says that an ENCRYPTED PRIVATE KEY cannot be used', () => {
    const pem = rsa.privateKey.export({ format: 'pem', type: 'pkcs8', cipher: 'aes-128-cbc', passphrase: 'pw' }) as string;
    expect(pem).toContain('ENCRYPTED PRIVATE KEY');
    expect(errorOf(parseKeyText(pem)).message).toMatch(/encrypted with a passphrase/);
  });

  it('reports a missing END line', () => {
    const cut = spki.slice(0, spki.indexOf('-----END'));
    const error = errorOf(parseKeyText(cut));
    expect(error.message).toBe('The PEM block "PUBLIC KEY" has no END line (-----END PUBLIC KEY-----); was the end cut off?');
    expect(error.offset).toBe(cut.length);
  });

  it('reports an END line that does not match the BEGIN line', () => {
    const error = errorOf(parseKeyText(spki.replace('END PUBLIC KEY', 'END RSA PUBLIC KEY')));
    expect(error.message).toBe('The PEM block begins as "PUBLIC KEY" but ends as "RSA PUBLIC KEY".');
    expect(error.offset).toBe(spki.indexOf('-----END'));
  });

  it('locates a character that is not base64 in the body', () => {
    const at = spki.indexOf('\n', 40) + 5;
    const bad = `${spki.slice(0, at)}!${spki.slice(at + 1)}`;
    const error = errorOf(parseKeyText(bad));
    expect(error.message).toBe('In the PEM block "PUBLIC KEY": "!" is not a base64 character.');
    expect(error.offset).toBe(at);
  });

  it('says a truncated body was cut off', () => {
    const lines = spki.trim().split('\n');
    const cut = [...lines.slice(0, 3), lines.at(-1)].join('\n');
    expect(errorOf(parseKeyText(cut)).message).toMatch(/cannot be read: .*cut off/);
  });

  it('explains OpenSSH and PGP blocks', () => {
    const openssh = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n';
    expect(errorOf(parseKeyText(openssh)).message).toMatch(/^This is an OpenSSH private key; .*ssh-keygen -p -m PKCS8/);
    const pgp = '-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmQINBF\n-----END PGP PUBLIC KEY BLOCK-----\n';
    expect(errorOf(parseKeyText(pgp)).message).toMatch(/^This is an OpenPGP block \(PGP PUBLIC KEY BLOCK\); JOSE cannot use PGP keys/);
  });

  it('explains a DSA key', () => {
    const error = errorOf(parseKeyText('-----BEGIN DSA PRIVATE KEY-----\nAAAA\n-----END DSA PRIVATE KEY-----'));
    expect(error.message).toMatch(/DSA key; JOSE does not use DSA/);
  });
});
