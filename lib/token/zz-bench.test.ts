import { it } from 'vitest';
import { encodeBase64urlText as b64, decodeBase64url } from './base64url';
import { scanJson } from './json-scan';
import { decodeUtf8 } from './utf8';
it('bench', () => {
  const claims: Record<string, string> = {};
  for (let i = 0, size = 2; size < 750_000; i++) { const v = `value ${i} ${'x'.repeat(40)}`; claims[`claim_${i}`] = v; size += v.length + 12; }
  const seg = b64(JSON.stringify(claims));
  const time = (name: string, f: () => unknown) => { const ts: number[] = []; for (let k = 0; k < 8; k++) { const s = performance.now(); f(); ts.push(performance.now() - s); } console.log(name, ts.map((x) => x.toFixed(1)).join(' ')); };
  const r = decodeBase64url(seg); if (!r.ok) throw new Error();
  const u = decodeUtf8(r.bytes); if (!u.ok) throw new Error();
  const text = u.text;
  time('b64', () => decodeBase64url(seg));
  time('utf8', () => decodeUtf8(r.bytes));
  time('scan', () => scanJson(text));
  time('parse', () => JSON.parse(text));
  const v = JSON.parse(text);
  time('stringify', () => JSON.stringify(v, null, 2));
});
