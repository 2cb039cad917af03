import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseKeyText } from './parse';
import type { KeyParseResult } from './types';

let dir: string;
const certs: Record<string, string> = {};

/** Runs openssl in the temp dir; certificates are made by an implementation other than ours. */
const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'keys-x509-'));
  const selfSigned = (name: string, keyArgs: string[], subject: string, days: string) => {
    openssl('req', '-x509', '-newkey', ...keyArgs, '-nodes', '-keyout', `${name}.key`, '-out', `${name}.pem`, '-subj', subject, '-days', days);
    certs[name] = readFileSync(join(dir, `${name}.pem`), 'utf8');
  };
  selfSigned('rsa', ['rsa:2048'], '/C=US/O=Example Org/CN=example.test', '30');
  selfSigned('ec', ['ec', '-pkeyopt', 'ec_paramgen_curve:P-256'], '/CN=ec.example.test', '30');
  selfSigned('ed25519', ['ed25519'], '/CN=ed.example.test', '30');
  selfSigned('long', ['ec', '-pkeyopt', 'ec_paramgen_curve:P-384'], '/CN=long.example.test', '36500'); // past 2049: GeneralizedTime
  // A leaf signed by the RSA certificate above: a chain of two.
  openssl('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', '/CN=leaf.example.test');
  openssl('x509', '-req', '-in', 'leaf.csr', '-CA', 'rsa.pem', '-CAkey', 'rsa.key', '-CAcreateserial', '-out', 'leaf.pem', '-days', '10');
  certs.leaf = readFileSync(join(dir, 'leaf.pem'), 'utf8');
  certs.csr = readFileSync(join(dir, 'leaf.csr'), 'utf8');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function firstKey(result: KeyParseResult) {
  if (!result.ok) throw new Error(result.error.message);
  return result.keys[0]!;
}

describe('X.509 certificates', () => {
  for (const name of ['rsa', 'ec', 'ed25519', 'long']) {
    it(`reads the ${name} certificate's key as Node does`, () => {
      const node = new X509Certificate(certs[name]!);
      const result = parseKeyText(certs[name]!);
      expect(result.ok && result.format).toBe('pem-x509');
      const key = firstKey(result);
      expect(key.jwk).toEqual(node.publicKey.export({ format: 'jwk' }));
      expect(key.visibility).toBe('public');
      const cert = key.certificate!;
      expect(cert.notBefore).toBe(new Date(node.validFrom).toISOString());
      expect(cert.notAfter).toBe(new Date(node.validTo).toISOString());
      // The same number: we print whole bytes ("016a…"), Node drops a leading zero digit ("16A…").
      const digits = (hex: string) => hex.toLowerCase().replace(/^0+(?=.)/, '');
      expect(digits(cert.serialNumber)).toBe(digits(node.serialNumber));
      expect(cert.selfSigned).toBe(true);
      expect(cert.expired).toBe(false);
      expect(cert.notYetValid).toBe(false);
      expect(result.ok && result.warnings).toEqual([]);
    });
  }

  it('writes subject and issuer most specific first', () => {
    const cert = firstKey(parseKeyText(certs.rsa!)).certificate!;
    expect(cert.subject).toBe('CN=example.test, O=Example Org, C=US');
    expect(cert.issuer).toBe(cert.subject);
  });

  it('reads validity dates after 2049 (GeneralizedTime)', () => {
    const cert = firstKey(parseKeyText(certs.long!)).certificate!;
    expect(Number(cert.notAfter.slice(0, 4))).toBeGreaterThanOrEqual(2050);
    expect(cert.notAfter).toBe(new Date(new X509Certificate(certs.long!).validTo).toISOString());
  });

  it('warns about an expired certificate', () => {
    const notAfter = new Date(new X509Certificate(certs.rsa!).validTo);
    const result = parseKeyText(certs.rsa!, { now: new Date(notAfter.getTime() + 1000) });
    const key = firstKey(result);
    expect(key.certificate!.expired).toBe(true);
    expect(result.ok && result.warnings).toEqual([`The certificate expired on ${notAfter.toISOString()}.`]);
  });

  it('warns about a certificate that is not valid yet', () => {
    const notBefore = new Date(new X509Certificate(certs.rsa!).validFrom);
    const result = parseKeyText(certs.rsa!, { now: new Date(notBefore.getTime() - 60_000) });
    expect(firstKey(result).certificate!.notYetValid).toBe(true);
    expect(result.ok && result.warnings.join(' ')).toMatch(/not valid before/);
  });

  it('uses the leaf of a chain, and says so', () => {
    const result = parseKeyText(`${certs.leaf}\n${certs.rsa}`);
    const key = firstKey(result);
    expect(key.jwk).toEqual(new X509Certificate(certs.leaf!).publicKey.export({ format: 'jwk' }));
    expect(key.description).toBe('EC P-256 public key');
    expect(key.certificate!.subject).toBe('CN=leaf.example.test');
    expect(key.certificate!.issuer).toBe('CN=example.test, O=Example Org, C=US');
    expect(key.certificate!.selfSigned).toBe(false);
    expect(result.ok && result.warnings).toEqual(['A chain of 2 certificates was pasted; the first (the leaf) was used.']);
  });

  it('reads a certificate embedded in openssl x509 -text output', () => {
    const text = openssl('x509', '-in', 'rsa.pem', '-text').toString();
    expect(text).toMatch(/^Certificate:/);
    expect(firstKey(parseKeyText(text)).certificate!.subject).toBe('CN=example.test, O=Example Org, C=US');
  });

  it('explains that a certificate signing request is not a certificate', () => {
    const result = parseKeyText(certs.csr!);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toMatch(/certificate signing request/);
  });

  it('summarises the certificate of a JWK x5c chain and checks it holds the same key', () => {
    const node = new X509Certificate(certs.ec!);
    const x5c = [node.raw.toString('base64')];
    const jwk = { ...node.publicKey.export({ format: 'jwk' }), x5c };
    const result = parseKeyText(JSON.stringify(jwk));
    expect(firstKey(result).certificate!.subject).toBe('CN=ec.example.test');
    expect(result.ok && result.warnings).toEqual([]);

    const other = new X509Certificate(certs.leaf!);
    const mismatched = parseKeyText(JSON.stringify({ ...jwk, x5c: [other.raw.toString('base64')] }));
    expect(mismatched.ok && mismatched.warnings.join(' ')).toMatch(/different key/);
  });
});
