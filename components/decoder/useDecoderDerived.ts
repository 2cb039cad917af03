'use client';

import { useDeferredValue, useEffect, useState } from 'react';
import type { DecodedToken } from '@/lib/token';
import type { FoundToken } from '@/lib/find/types';
import { foundTokensApply, needsFinding } from '@/lib/find/opened-token';
import { parseInstant } from '@/lib/links/instant';
import { isDpopProofHeader } from '@/lib/dpop/detect';
import { useNow } from '@/components/common/useNow';
import { chainApplies, detachedCompactApplies, jsonSerializationApplies } from '@/components/formats/applies';
import type { JweJsonVerdict, SingleSignatureVerdict } from '@/components/formats/JsonSerializationPanel';
import type { DecoderState } from './decoder-state';
import { useFoundTokens } from './useFoundTokens';
import { useVerification } from './useVerification';
import { checking, type Verification } from './verification';
import { createDecoderDerivation, decodesImmediately, headerOf, paneInputsOf, type LaterPaneInputs, type PaneInputs } from './decoder-derived';
import { useLocale } from '@/components/i18n/useLocale';

/** Everything the decoder's panes show, each value keeping its identity while its input is unchanged. */
export interface DecoderDerived extends PaneInputs {
  /** The text the editor's colours and the decoded view are for (the editor's own text, or a large one a moment behind). */
  editorText: string;
  /** The token shown: the editor's text, or the token opened among those found in it. */
  token: string;
  decoded: DecodedToken;
  /** Where the decoded token starts in the editor's text; undefined when it is not there as is. */
  openedAt: number | undefined;
  /** Tokens found in a pasted text (not a token on its own), and the one opened. */
  found: FoundToken[] | null;
  openedFound: FoundToken | null;
  /** Tokens found in a file too large for the editor; null while unknown or when there is no such file. */
  fileTokens: FoundToken[] | null;
  fileSearched: boolean;
  asOf: number | undefined;
  now: number;
  jsonForm: boolean;
  detachedForm: boolean;
  dpopProof: boolean;
  chain: boolean;
  verification: Verification;
  isJwe: boolean;
  /** The inputs of the panes drawn just after the decoded view (see LaterPaneInputs). */
  later: LaterPaneInputs;
  onJweJsonVerdict: (verdict: JweJsonVerdict | null) => void;
  onDetachedVerdict: (verdict: SingleSignatureVerdict | null) => void;
}

/**
 * The decoder's one-way flow: its state in, every derived value out, computed once per input.
 * The found-token effects write back into the state through `onChange` (the token opened, a
 * large file's first token), never into anything of their own.
 */
export function useDecoderDerived(state: DecoderState, onChange: (patch: Partial<DecoderState>) => void): DecoderDerived {
  const [derive] = useState(createDecoderDerivation);
  // The decoder's errors, notes and verdicts are worded in the language shown: a change of language derives them again.
  const locale = useLocale();

  // A token of ordinary size is decoded in the same render as the keystroke. Only a large one is
  // deferred: a small one would otherwise cost a second, idle render after every keystroke.
  const immediate = decodesImmediately(state.token, derive.lastEditorText());
  const deferredLarge = useDeferredValue(immediate ? null : state.token);
  // Until the deferred render, the text shown before stays shown.
  const editorText = immediate ? state.token : (deferredLarge ?? derive.lastEditorText());
  const editorDecoded = derive.decodeEditor(editorText, locale);

  // Text that is not one token on its own (a request, a log, a HAR): the tokens in it are listed,
  // and the one opened (the first, until another is picked) is decoded in the editor's place.
  // A file too large for the editor is searched instead, and the token picked from it goes into the editor.
  const file = state.file;
  const foundTokens = useFoundTokens(file ? file.text : editorText, file ? true : needsFinding(editorDecoded));
  const fileTokens = file && foundTokens !== null && foundTokens.length > 0 ? foundTokens : null;
  const found = file ? null : foundTokens !== null && foundTokensApply(editorDecoded, foundTokens) ? foundTokens : null;
  const openedFound = found === null ? null : (found.find((item) => state.opened?.from === editorText && item.token === state.opened.token) ?? found[0]!);
  // Once a large file's tokens are known, the first is put in the editor (unless one already is).
  useEffect(() => {
    if (fileTokens !== null && state.token === '') onChange({ token: fileTokens[0]!.token });
  }, [fileTokens, state.token, onChange]);
  // The first found token is opened for the share link and "Edit and re-sign" too.
  useEffect(() => {
    if (openedFound !== null && editorText === state.token && (state.opened?.from !== state.token || state.opened.token !== openedFound.token)) {
      onChange({ opened: { from: state.token, token: openedFound.token } });
    }
  }, [openedFound, editorText, state.token, state.opened, onChange]);
  const token = openedFound?.token ?? editorText;
  const decoded = derive.decodeOpened(openedFound?.token ?? null, locale) ?? editorDecoded;
  // Where the opened token lies in the editor's text, when it is there as is (for its colours and error mark).
  const openedAt = openedFound === null ? 0 : openedFound.places.map((place) => place.start).find((start) => editorText.startsWith(openedFound.token, start));

  const asOf = state.at ? parseInstant(state.at) : undefined;
  // A JSON serialization (or detached content) has its signatures checked one by one in its own panel.
  const jsonForm = jsonSerializationApplies(token);
  const detachedForm = !jsonForm && detachedCompactApplies(token);
  const header = headerOf(decoded);
  // A DPoP proof carries the key it is signed with: with no key pasted, it is verified with that one.
  const dpopProof = decoded.kind === 'jws' && !decoded.error && isDpopProofHeader(header);
  const tokenVerification = useVerification(jsonForm ? null : decoded, state.key, state.secretEncoding, asOf, { ownDpopKey: dpopProof });
  // A JWE in JSON serialization: its panel tries each recipient and reports the outcome for the whole token.
  const [jweJsonVerdict, onJweJsonVerdict] = useState<JweJsonVerdict | null>(null);
  const jweJson = jsonForm && jweJsonVerdict?.token === token ? jweJsonVerdict : null;
  // A compact JWS with detached content has one signature, checked by the panel that holds the detached payload.
  const [detachedVerdict, onDetachedVerdict] = useState<SingleSignatureVerdict | null>(null);
  const verification = jweJson
    ? // Only ever the verdict for the exact key it was reached with.
      jweJson.keyText === state.key && jweJson.secretEncoding === state.secretEncoding
      ? derive.decryption(jweJson.outcome)
      : checking()
    : jsonForm
      ? derive.seeSignatures(tokenVerification, locale)
      : detachedForm
        ? derive.detached(detachedVerdict, token, state.key, state.secretEncoding)
        : tokenVerification;

  const panes = paneInputsOf(derive, { decoded, plaintext: verification.plaintext, key: state.key, secretEncoding: state.secretEncoding, settings: state, asOf });
  const claims = panes.claims;
  const hasTimes = claims !== null && ['exp', 'nbf', 'iat'].some((name) => name in claims);
  const liveNow = useNow(1000, hasTimes && asOf === undefined);
  const compactJws = decoded.kind === 'jws' && !decoded.error && !detachedForm && !jsonForm ? decoded.token : undefined;

  return {
    editorText,
    token,
    decoded,
    ...panes,
    openedAt,
    found,
    openedFound,
    fileTokens,
    fileSearched: foundTokens !== null,
    asOf,
    now: asOf ?? liveNow,
    jsonForm,
    detachedForm,
    dpopProof,
    chain: chainApplies(header, state.key),
    verification,
    isJwe: decoded.kind === 'jwe' || jweJson !== null,
    later: derive.later(panes.labInput, panes.findingsInput, compactJws, state.key, state.secretEncoding),
    onJweJsonVerdict,
    onDetachedVerdict,
  };
}
