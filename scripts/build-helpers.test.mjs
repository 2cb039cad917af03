import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { cspHash, inlineScripts } from './inline-scripts.mjs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { insertCspMeta, inlineScriptHashesOf } from './postbuild.mjs';
import { contentSecurityPolicy } from './security-headers.mjs';

const require = createRequire(import.meta.url);
const { normaliseBasePath } = require('./base-path.cjs');

describe('normaliseBasePath', () => {
  it('reads no base path as the root', () => {
    expect(normaliseBasePath(undefined)).toBe('');
    expect(normaliseBasePath('')).toBe('');
    expect(normaliseBasePath('/')).toBe('');
    expect(normaliseBasePath('  ')).toBe('');
  });

  it('gives every spelling of a path one form: a leading slash and no trailing one', () => {
    expect(normaliseBasePath('tools/jwt')).toBe('/tools/jwt');
    expect(normaliseBasePath('/tools/jwt/')).toBe('/tools/jwt');
    expect(normaliseBasePath('//tools//jwt')).toBe('/tools/jwt');
  });

  it('refuses segments a URL path or a folder name cannot carry safely', () => {
    expect(() => normaliseBasePath('/tools/../etc')).toThrow(/unusable segment "\.\."/);
    expect(() => normaliseBasePath('/a b')).toThrow(/unusable segment/);
    expect(() => normaliseBasePath('/tools?x=1')).toThrow(/unusable segment/);
  });
});

describe('inline scripts and their CSP hashes', () => {
  const html =
    '<html><head><meta charSet="utf-8"/><script>var a=1;</script><script src="/x.js" async=""></script>' +
    '<script type="application/json">{"not":"code"}</script><script id="_R_">self.__next_f=[]</script></head><body></body></html>';

  it('finds the scripts a browser would run inline, not those with src or data blocks', () => {
    expect(inlineScripts(html)).toEqual(['var a=1;', 'self.__next_f=[]']);
  });

  it('hashes a script body the way browsers check it: SHA-256 of its UTF-8, base64', () => {
    const expected = createHash('sha256').update('var a=1;', 'utf8').digest('base64');
    expect(cspHash('var a=1;')).toBe(`sha256-${expected}`);
    expect(cspHash('é')).toBe(`sha256-${createHash('sha256').update(Buffer.from('é', 'utf8')).digest('base64')}`);
  });

  it('puts the policy right after the charset, before any script, replacing an older one', () => {
    const policy = contentSecurityPolicy({ scriptHashes: [cspHash('var a=1;')], forMeta: true });
    const once = insertCspMeta(html, policy);
    const twice = insertCspMeta(once, policy);
    expect(twice).toBe(once);
    expect(once.indexOf('http-equiv="Content-Security-Policy"')).toBeGreaterThan(once.indexOf('charSet'));
    expect(once.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(once.indexOf('<script'));
  });

  it('hashes the inline scripts of every page of an export built earlier, in sub-folders too, once each', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'script-hashes-'));
    try {
      await mkdir(path.join(dir, 'privacy'));
      await writeFile(path.join(dir, 'index.html'), html);
      await writeFile(path.join(dir, 'privacy', 'index.html'), '<script>var b=2;</script><script>var a=1;</script>');
      await writeFile(path.join(dir, 'notes.txt'), '<script>var c=3;</script>');
      expect(await inlineScriptHashesOf(dir)).toEqual([cspHash('var a=1;'), cspHash('var b=2;'), cspHash('self.__next_f=[]')].sort());
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the Content-Security-Policy', () => {
  it('allows scripts only from our origin and by hash, never inline or eval', () => {
    const policy = contentSecurityPolicy({ scriptHashes: ['sha256-abc='] });
    const scriptSrc = policy.split('; ').find((directive) => directive.startsWith('script-src '));
    expect(scriptSrc).toBe("script-src 'self' 'sha256-abc='");
    for (const directive of ["object-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'"]) {
      expect(policy).toContain(directive);
    }
  });

  it('leaves frame-ancestors out of the meta form, where browsers ignore it', () => {
    expect(contentSecurityPolicy({ scriptHashes: [], forMeta: true })).not.toContain('frame-ancestors');
  });
});
