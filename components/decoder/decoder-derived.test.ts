import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createDecoderDerivation, decodesImmediately, memoizeLast, paneInputsOf, type PaneSource, type Plaintext } from './decoder-derived';
import type { ChecksSettings } from './decoder-state';
import { HeaderPane, PayloadPane, TokenNotes, EmptyState } from './DecodedPanes';
import { ClaimsTable } from './ClaimsTable';

// The decoder's panes are memoized: they skip a render when their props keep their identity.
// These tests pin down which derived values keep it, so a pane is redrawn only when what it shows changed.

const b64url = (text: string) => Buffer.from(text).toString('base64url');
function hs256(payload: object, secret = 'secret'): string {
  const input = `${b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64url(JSON.stringify(payload))}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

const SETTINGS: ChecksSettings = { expected: {}, clockSkewSeconds: 0 };

/** One render of the decoder: the editor's text decoded, then every pane's input. */
function render(derive: ReturnType<typeof createDecoderDerivation>, text: string, source: Partial<Omit<PaneSource, 'decoded'>> = {}) {
  const decoded = derive.decodeEditor(text);
  return { decoded, ...paneInputsOf(derive, { decoded, plaintext: undefined, key: 'secret', secretEncoding: 'utf8', settings: SETTINGS, asOf: undefined, ...source }) };
}

describe('the decoder’s derived values', () => {
  const token = hs256({ sub: 'alice', iat: 1_700_000_000, exp: 1_700_003_600 });

  it('are the very same objects when the decoder renders again with the same input', () => {
    const derive = createDecoderDerivation();
    const first = render(derive, token);
    const second = render(derive, token);
    for (const name of Object.keys(first) as (keyof typeof first)[]) expect(second[name], name).toBe(first[name]);
    expect(first.claims).toEqual({ sub: 'alice', iat: 1_700_000_000, exp: 1_700_003_600 });
  });

  it('keep the decoded token, its header, claims and security-note input when only the key changes', () => {
    const derive = createDecoderDerivation();
    const before = render(derive, token, { key: 'secret' });
    const after = render(derive, token, { key: 'another secret' });
    expect(after.decoded).toBe(before.decoded);
    expect(after.header).toBe(before.header);
    expect(after.claims).toBe(before.claims);
    expect(after.findingsInput).toBe(before.findingsInput);
    expect(after.checksSettings).toBe(before.checksSettings);
    // The key panel and the lab do show the key: they get a new input.
    expect(after.keyPaneInput).not.toBe(before.keyPaneInput);
    expect(after.keyPaneInput.key).toBe('another secret');
    expect(after.labInput).not.toBe(before.labInput);
  });

  it('keep everything about the token when only the expected claims change, and give the checks new settings', () => {
    const derive = createDecoderDerivation();
    const before = render(derive, token);
    const settings = { expected: { iss: 'https://issuer.example' }, clockSkewSeconds: 0 };
    const after = render(derive, token, { settings });
    expect(after.decoded).toBe(before.decoded);
    expect(after.claims).toBe(before.claims);
    expect(after.findingsInput).toBe(before.findingsInput);
    expect(after.keyPaneInput).toBe(before.keyPaneInput);
    expect(after.checksSettings).not.toBe(before.checksSettings);
    expect(after.checksSettings.expected).toBe(settings.expected);
  });

  it('are new when the token changes, so the panes show the new token', () => {
    const derive = createDecoderDerivation();
    const before = render(derive, token);
    const after = render(derive, hs256({ sub: 'bob' }));
    expect(after.decoded).not.toBe(before.decoded);
    expect(after.claims).toEqual({ sub: 'bob' });
    expect(after.findingsInput).not.toBe(before.findingsInput);
    expect(after.keyPaneInput.decoded).toBe(after.decoded);
  });

  it('keep a decrypted plaintext’s claims while the same plaintext is shown', () => {
    const derive = createDecoderDerivation();
    const jwe = 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA';
    const plaintext: Plaintext = { text: '{"sub":"carol"}', isJson: true, encoding: 'utf8', nestedJws: false };
    const first = render(derive, jwe, { plaintext });
    expect(first.decoded.kind).toBe('jwe');
    expect(first.claims).toEqual({ sub: 'carol' });
    expect(render(derive, jwe, { plaintext }).claims).toBe(first.claims);
    // A nested JWT: the claims are the inner token's.
    const nested: Plaintext = { text: hs256({ sub: 'dave' }), isJson: false, encoding: 'utf8', nestedJws: true };
    expect(render(derive, jwe, { plaintext: nested }).claims).toEqual({ sub: 'dave' });
  });

  it('hold for any token and key: rendering again gives the same objects, and a new key leaves the token’s values alone', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 })).map((payload) => hs256(payload))),
        fc.string(),
        fc.string(),
        (text, key, otherKey) => {
          const derive = createDecoderDerivation();
          const first = render(derive, text, { key });
          const again = render(derive, text, { key });
          for (const name of Object.keys(first) as (keyof typeof first)[]) expect(again[name]).toBe(first[name]);
          const rekeyed = render(derive, text, { key: otherKey });
          expect(rekeyed.decoded).toBe(first.decoded);
          expect(rekeyed.claims).toBe(first.claims);
          expect(rekeyed.findingsInput).toBe(first.findingsInput);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('give the panes drawn later (token lab, security notes) one input that changes only with theirs', () => {
    const derive = createDecoderDerivation();
    const later = (text: string, key: string) => {
      const panes = render(derive, text, { key });
      return derive.later(panes.labInput, panes.findingsInput, undefined, key, 'utf8');
    };
    const first = later(token, 'secret');
    expect(later(token, 'secret')).toBe(first);
    const rekeyed = later(token, 'another secret');
    expect(rekeyed).not.toBe(first);
    expect(rekeyed.findingsInput).toBe(first.findingsInput);
    expect(later(hs256({ sub: 'erin' }), 'another secret').findingsInput?.payload).toEqual({ sub: 'erin' });
  });

  it('remember the text last decoded for the editor, shown while a large paste waits', () => {
    const derive = createDecoderDerivation();
    derive.decodeEditor(token);
    expect(derive.lastEditorText()).toBe(token);
  });
});

describe('when a token is decoded in the render of the edit that made it', () => {
  const kb = (size: number) => 'a'.repeat(size * 1024);
  it('always for a small token: one render per keystroke, none deferred', () => {
    expect(decodesImmediately(kb(1), '')).toBe(true);
    expect(decodesImmediately(kb(1), kb(100))).toBe(true);
  });
  it('for a 100 KB token pasted over a small one, so it shows without waiting for a deferred render', () => {
    expect(decodesImmediately(kb(100), kb(1))).toBe(true);
    expect(decodesImmediately(kb(100), '')).toBe(true);
  });
  it('not for a keystroke in a large token, nor for a 1 MB paste: those follow at React’s pace', () => {
    expect(decodesImmediately(kb(100) + 'x', kb(100))).toBe(false);
    expect(decodesImmediately(kb(1024), kb(1))).toBe(false);
  });
});

describe('memoizeLast', () => {
  it('computes again only when an argument changes', () => {
    let calls = 0;
    const double = memoizeLast((value: number, label: string) => {
      calls += 1;
      return { value: value * 2, label };
    });
    const first = double(2, 'a');
    expect(double(2, 'a')).toBe(first);
    expect(calls).toBe(1);
    expect(double(3, 'a')).toEqual({ value: 6, label: 'a' });
    expect(double(3, 'b')).toEqual({ value: 6, label: 'b' });
    expect(calls).toBe(3);
  });
});

describe('the decoder’s panes', () => {
  it('are memoized, so a stable input skips their render', () => {
    const MEMO = Symbol.for('react.memo');
    for (const pane of [HeaderPane, PayloadPane, TokenNotes, EmptyState, ClaimsTable]) expect((pane as unknown as { $$typeof: symbol }).$$typeof).toBe(MEMO);
  });
});
