// What the decoder shows, derived from what the user typed: each value is computed once per
// input and keeps its identity while its input is unchanged, so a pane given it can skip
// rendering again. Pure TypeScript: the hook that feeds it lives in useDecoderDerived.ts.
import { decodeToken, parseClaimsSet, type DecodedToken } from '@/lib/token';
import type { DecodedForFindings } from '@/lib/findings';
import type { SecretEncoding } from '@/lib/keys';
import { checking, verificationOfDecryption, type Verification } from './verification';
import type { DecryptOutcome } from '@/lib/jwe/types';
import type { SingleSignatureVerdict } from '@/components/formats/JsonSerializationPanel';
import type { ChecksSettings } from './decoder-state';
import { t } from './messages';
import { activeLocale } from '@/lib/i18n/translate';
import type { Locale } from '@/lib/i18n/locales';

export type Claims = Record<string, unknown>;
export type Plaintext = NonNullable<Verification['plaintext']>;

/** What the key panel is reset by: a new identity whenever the token or the key changes. */
export interface KeyPaneInput {
  decoded: DecodedToken;
  key: string;
  secretEncoding: SecretEncoding;
}

/** The input of the token lab. */
export interface LabPaneInput {
  token: string;
  header: Claims | null;
  claims: Claims | null;
  keyText: string;
  secretEncoding: SecretEncoding;
}

/**
 * Up to this length a token is decoded in the same render as the keystroke or paste that
 * changed it: well under a frame. A longer one follows typing at React's pace, so a keystroke
 * in a large token never waits for it.
 */
export const DECODE_IMMEDIATELY_CHARS = 32_000;
/**
 * A token up to this length pasted over a small one is decoded in the paste's own render too:
 * a 100 KB token is decoded and drawn in a few milliseconds (its long texts are shown uncoloured
 * and cut short), and deferring it would cost a task and often a frame before it shows.
 */
export const DECODE_PASTE_IMMEDIATELY_CHARS = 200_000;

/** Whether a token is decoded in the render of the edit that made it, given the text shown before. */
export function decodesImmediately(token: string, shownBefore: string): boolean {
  return token.length <= DECODE_IMMEDIATELY_CHARS || (token.length <= DECODE_PASTE_IMMEDIATELY_CHARS && shownBefore.length <= DECODE_IMMEDIATELY_CHARS);
}

/**
 * The panes drawn just after the decoded view, in React's next, interruptible render: the
 * token lab and the security notes. Neither is needed to read the token, and together they
 * are a good part of a render.
 */
export interface LaterPaneInputs {
  labInput: LabPaneInput | null;
  findingsInput: DecodedForFindings | null;
  /** The compact JWS the well-known secrets are tried against, when there is one. */
  compactJws: string | undefined;
  keyText: string;
  secretEncoding: SecretEncoding;
}

/**
 * Remembers the last arguments and result: called again with the same arguments (by identity),
 * it returns the same result without computing it again.
 */
export function memoizeLast<Args extends unknown[], Result>(compute: (...args: Args) => Result): (...args: Args) => Result {
  let last: { args: Args; result: Result } | null = null;
  return (...args: Args) => {
    if (last !== null && last.args.length === args.length && last.args.every((arg, index) => Object.is(arg, args[index]))) return last.result;
    const result = compute(...args);
    last = { args, result };
    return result;
  };
}

/** The claims set: a JWS payload object, or a decrypted JWE plaintext object (a nested JWT's: the inner token's). */
export function claimsOf(decoded: DecodedToken, plaintext: Plaintext | undefined): Claims | null {
  if (decoded.payload?.kind === 'json') return decoded.payload.value;
  if (!plaintext) return null;
  if (plaintext.nestedJws) {
    const inner = decodeToken(plaintext.text.trim()).payload;
    return inner?.kind === 'json' ? inner.value : null;
  }
  return plaintext.isJson ? parseClaimsSet(plaintext.text) : null;
}

/** What the security notes are computed from; null for what is not a token. */
export function findingsInputOf(decoded: DecodedToken, claims: Claims | null): DecodedForFindings | null {
  if (decoded.kind === 'unknown') return null;
  return {
    header: decoded.header?.value ?? null,
    payload: claims,
    kind: decoded.kind,
    signatureLength: decoded.segments.find((segment) => segment.role === 'signature')?.byteLength ?? undefined,
  };
}

/** The token's (protected) header object, or null. */
export function headerOf(decoded: DecodedToken): Claims | null {
  return decoded.header?.value ?? null;
}


/** The detached form's verdict, when it was reached for exactly this token and key; "checking" until then. */
export function detachedVerification(verdict: SingleSignatureVerdict | null, token: string, keyText: string, secretEncoding: SecretEncoding): Verification {
  if (!verdict || verdict.token !== token || verdict.keyText !== keyText || verdict.secretEncoding !== secretEncoding) return checking();
  const { outcome } = verdict;
  return { state: outcome.state, message: outcome.message, warnings: outcome.warnings, usedKey: outcome.usedKey, triedKeys: outcome.triedKeys, keyConfusion: outcome.keyConfusion, pending: false };
}

/**
 * One decoder's derivations, each remembering its last input. A view keeps one for its lifetime
 * and calls it on every render: an unchanged input gives back the very same object.
 */
export function createDecoderDerivation() {
  let lastEditorText = '';
  return {
    /** The editor's text, decoded. */
    // The language is an argument too: the decoder's messages are worded in it, so a change of language decodes again.
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- _locale: part of what the result is remembered for.
    decodeEditor: memoizeLast((text: string, _locale: Locale = activeLocale()) => {
      lastEditorText = text;
      return decodeToken(text);
    }),
    /** The text last decoded for the editor: what stays shown while a large paste waits for its deferred render. */
    lastEditorText: () => lastEditorText,
    /** A token found in the editor's text and opened, decoded; null when none is. */
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- _locale: part of what the result is remembered for.
    decodeOpened: memoizeLast((token: string | null, _locale: Locale = activeLocale()) => (token === null ? null : decodeToken(token))),
    claims: memoizeLast((decoded: DecodedToken, plaintext: Plaintext | undefined) => claimsOf(decoded, plaintext)),
    findingsInput: memoizeLast((decoded: DecodedToken, claims: Claims | null) => findingsInputOf(decoded, claims)),
    /** A JWE in JSON serialization: its panel's decryption outcome as the page's status. */
    decryption: memoizeLast((outcome: DecryptOutcome) => verificationOfDecryption(outcome)),
    /** A JWS in JSON serialization: each signature has its own verdict, listed with the token. */
    seeSignatures: memoizeLast(
      // eslint-disable-next-line @typescript-eslint/no-unused-vars -- _locale: part of what the result is remembered for.
      (verification: Verification, _locale: Locale = activeLocale()): Verification => ({ ...verification, state: 'unverified', message: t('ui-decoder.seeSignatures'), warnings: [], pending: false }),
    ),
    detached: memoizeLast(detachedVerification),
    /** The "check as of" instant as a Date, for the panes that take one. */
    later: memoizeLast(
      (labInput: LabPaneInput | null, findingsInput: DecodedForFindings | null, compactJws: string | undefined, keyText: string, secretEncoding: SecretEncoding): LaterPaneInputs => ({
        labInput,
        findingsInput,
        compactJws,
        keyText,
        secretEncoding,
      }),
    ),
    asOfDate: memoizeLast((at: number | undefined) => (at === undefined ? undefined : new Date(at))),
    keyPaneInput: memoizeLast((decoded: DecodedToken, key: string, secretEncoding: SecretEncoding): KeyPaneInput => ({ decoded, key, secretEncoding })),
    checksSettings: memoizeLast((expected: ChecksSettings['expected'], clockSkewSeconds: number, oidc: ChecksSettings['oidc']): ChecksSettings => ({ expected, clockSkewSeconds, oidc })),
    labInput: memoizeLast((token: string, header: Claims | null, claims: Claims | null, keyText: string, secretEncoding: SecretEncoding): LabPaneInput => ({ token, header, claims, keyText, secretEncoding })),
  };
}

export type DecoderDerivation = ReturnType<typeof createDecoderDerivation>;

/** What the panes' inputs are derived from, once the token is decoded and its verdict known. */
export interface PaneSource {
  decoded: DecodedToken;
  plaintext: Plaintext | undefined;
  key: string;
  secretEncoding: SecretEncoding;
  settings: ChecksSettings;
  asOf: number | undefined;
}

/** The inputs of the panes that depend on more than the decoded token itself. */
export interface PaneInputs {
  header: Claims | null;
  claims: Claims | null;
  findingsInput: DecodedForFindings | null;
  keyPaneInput: KeyPaneInput;
  checksSettings: ChecksSettings;
  labInput: LabPaneInput | null;
  asOfDate: Date | undefined;
}

/** Each pane's input, from the derivation's memory: an input whose sources are unchanged is the same object as last time. */
export function paneInputsOf(derive: DecoderDerivation, { decoded, plaintext, key, secretEncoding, settings, asOf }: PaneSource): PaneInputs {
  const header = headerOf(decoded);
  const claims = derive.claims(decoded, plaintext);
  return {
    header,
    claims,
    findingsInput: derive.findingsInput(decoded, claims),
    keyPaneInput: derive.keyPaneInput(decoded, key, secretEncoding),
    checksSettings: derive.checksSettings(settings.expected, settings.clockSkewSeconds, settings.oidc),
    labInput: !decoded.empty && !decoded.error && decoded.kind === 'jws' ? derive.labInput(decoded.token, header, claims, key, secretEncoding) : null,
    asOfDate: derive.asOfDate(asOf),
  };
}
