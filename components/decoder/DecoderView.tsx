'use client';

import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { decodeToken, parseClaimsSet, type DecodedToken } from '@/lib/token';
import dynamic from 'next/dynamic';
import type { DecoderState } from './decoder-state';
import { BUTTON } from '@/components/common/button';
import { Section } from '@/components/common/Section';
import { JsonView } from '@/components/common/JsonView';
import { useNow } from '@/components/common/useNow';
import { parseInstant } from '@/lib/links/instant';
import { PaneBoundary } from '@/components/common/PaneBoundary';
import { TokenEditor } from './TokenEditor';
import { FileDrop } from './FileDrop';
import { useFoundTokens } from './useFoundTokens';
import { foundTokensApply, needsFinding } from '@/lib/find/opened-token';
import { ClaimsTable } from './ClaimsTable';
import { KeyPanel } from './KeyPanel';
import { SegmentList } from './SegmentList';
import { CHECKING, useVerification, verificationOfDecryption, type Verification } from './useVerification';
import type { SingleSignatureVerdict } from '@/components/formats/JsonSerializationPanel';
import { SAMPLE_SECRET, SAMPLE_TOKEN } from './sample';
import { isDpopProofHeader } from '@/lib/dpop/detect';
import { chainApplies, detachedCompactApplies, jsonSerializationApplies } from '@/components/formats/applies';
import type { JweJsonVerdict } from '@/components/formats/JsonSerializationPanel';
import { loadMonacoWhenIdle, whenMonacoRequested } from '@/components/editor/monaco/load-monaco';

// Checks and security notes come just after the decoded view: they are not needed to show it.
// The list of tokens found in a paste is drawn only when a paste holds some.
const FoundTokens = dynamic(() => import('./FoundTokens').then((module) => module.FoundTokens), { ssr: false });
const ClaimChecks = dynamic(() => import('./ClaimChecks').then((module) => module.ClaimChecks), { ssr: false });
// "Check as of", the ID token checks, the nested token and the token lab come in one module, requested only after Monaco, so the first load does not grow.
const loadOptionalPanels = () => loadMonacoWhenIdle().catch(() => undefined).then(() => import('./optional-panels'));
const OidcChecks = dynamic(() => loadOptionalPanels().then((module) => module.OidcChecks), { ssr: false });
const CheckAsOf = dynamic(() => loadOptionalPanels().then((module) => module.CheckAsOf), { ssr: false });
const NestedToken = dynamic(() => loadOptionalPanels().then((module) => module.NestedToken), { ssr: false });
// The security notes are requested just after Monaco, and load beside it.
const FindingsList = dynamic(() => whenMonacoRequested().then(() => import('./FindingsList')).then((module) => module.FindingsList), { ssr: false });
// SD-JWT and DPoP views load only when such a token is pasted.
const SdJwtPanel = dynamic(() => import('@/components/sdjwt/SdJwtPanel').then((module) => module.SdJwtPanel), { ssr: false });
const DpopPanel = dynamic(() => import('@/components/dpop/DpopPanel').then((module) => module.DpopPanel), { ssr: false });
const JsonSerializationPanel = dynamic(() => import('@/components/formats/JsonSerializationPanel').then((module) => module.JsonSerializationPanel), { ssr: false });
const CertificateChainPanel = dynamic(() => import('@/components/formats/CertificateChainPanel').then((module) => module.CertificateChainPanel), { ssr: false });
const TokenLab = dynamic(() => loadOptionalPanels().then((module) => module.TokenLab), { ssr: false });

/** Below this length decoding and rendering take well under a frame. */
const DECODE_IMMEDIATELY_CHARS = 32_000;
/** A file larger than this is not put in the editor: its tokens are listed and the one picked goes there. */
const EDITOR_FILE_CHARS = 1_000_000;


export function DecoderView({ state, onChange, onEdit }: { state: DecoderState; onChange: (patch: Partial<DecoderState>) => void; onEdit?: () => void }) {
  // A token of ordinary size is decoded in the same render as the keystroke; a
  // large one follows typing at React's pace, so a keystroke never waits for it.
  const deferredToken = useDeferredValue(state.token);
  const editorText = state.token.length <= DECODE_IMMEDIATELY_CHARS ? state.token : deferredToken;
  const editorDecoded = useMemo(() => decodeToken(editorText), [editorText]);
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
  const token = openedFound?.token ?? editorText;
  const tokenDecoded = useMemo(() => (openedFound === null ? null : decodeToken(openedFound.token)), [openedFound]);
  const decoded = tokenDecoded ?? editorDecoded;
  // The first found token is opened for the share link and "Edit and re-sign" too.
  useEffect(() => {
    if (openedFound !== null && editorText === state.token && (state.opened?.from !== state.token || state.opened.token !== openedFound.token)) {
      onChange({ opened: { from: state.token, token: openedFound.token } });
    }
  }, [openedFound, editorText, state.token, state.opened, onChange]);
  // Where the opened token lies in the editor's text, when it is there as is (for its colours and error mark).
  const openedAt = openedFound === null ? 0 : openedFound.places.map((place) => place.start).find((start) => editorText.startsWith(openedFound.token, start));
  const asOf = state.at ? parseInstant(state.at) : undefined;
  // A JSON serialization (or detached content) has its signatures checked one by one in its own panel.
  const jsonForm = jsonSerializationApplies(token);
  const detachedForm = !jsonForm && detachedCompactApplies(token);
  const header = decoded.header?.value ?? null;
  // A DPoP proof carries the key it is signed with: with no key pasted, it is verified with that one.
  const dpopProof = decoded.kind === 'jws' && !decoded.error && isDpopProofHeader(header);
  const tokenVerification = useVerification(jsonForm ? null : decoded, state.key, state.secretEncoding, asOf, { ownDpopKey: dpopProof });
  // A JWE in JSON serialization: its panel tries each recipient and reports the outcome for the whole token.
  const [jweJsonVerdict, setJweJsonVerdict] = useState<JweJsonVerdict | null>(null);
  const jweJson = jsonForm && jweJsonVerdict?.token === token ? jweJsonVerdict : null;
  // A compact JWS with detached content has one signature, checked by the panel that holds the detached payload.
  const [detachedVerdict, setDetachedVerdict] = useState<SingleSignatureVerdict | null>(null);
  const verification: Verification = jweJson
    ? // Only ever the verdict for the exact key it was reached with.
      jweJson.keyText === state.key && jweJson.secretEncoding === state.secretEncoding
      ? verificationOfDecryption(jweJson.outcome)
      : CHECKING
    : jsonForm
      ? { ...tokenVerification, state: 'unverified', message: SEE_SIGNATURES, warnings: [], pending: false }
      : detachedForm
        ? detachedVerification(detachedVerdict, { ...state, token })
      : tokenVerification;
  const [showAllClaims, setShowAllClaims] = useState(false);
  // A new identity whenever the token or the key changes: a failed key panel tries again then.
  const keyPaneInput = useMemo(() => ({ decoded, key: state.key, secretEncoding: state.secretEncoding }), [decoded, state.key, state.secretEncoding]);

  const plaintext = verification.plaintext;
  const claimsSet = useMemo(() => claimsOf(decoded, plaintext?.isJson ? plaintext.text : null, plaintext?.nestedJws ? plaintext.text : null), [decoded, plaintext]);
  const hasTimes = claimsSet !== null && ['exp', 'nbf', 'iat'].some((name) => name in claimsSet);
  const liveNow = useNow(1000, hasTimes && asOf === undefined);
  const now = asOf ?? liveNow;
  const findingsInput = useMemo(
    () =>
      decoded.kind === 'unknown'
        ? null
        : {
            header,
            payload: claimsSet,
            kind: decoded.kind,
            signatureLength: decoded.segments.find((segment) => segment.role === 'signature')?.byteLength ?? undefined,
          },
    [decoded, header, claimsSet],
  );

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <div className="flex min-w-0 flex-col gap-6">
        <Section
          id="encoded-heading"
          title="Encoded token"
          actions={
            <>
              {onEdit && decoded.kind === 'jws' && !decoded.error ? (
                <button type="button" data-testid="decoder-edit" className={BUTTON} onClick={onEdit}>
                  Edit and re-sign
                </button>
              ) : null}
              <button type="button" className={BUTTON} onClick={() => onChange({ token: SAMPLE_TOKEN, key: SAMPLE_SECRET, secretEncoding: 'utf8', file: undefined })}>
                Load sample
              </button>
              <button type="button" className={BUTTON} onClick={() => onChange({ token: '', file: undefined })}>
                Clear
              </button>
            </>
          }
        >
          <PaneBoundary name="the token editor" resetKey={decoded}>
            <FileDrop onText={(text, name) => onChange(text.length > EDITOR_FILE_CHARS ? { file: { name, text }, token: '', opened: undefined } : { token: text, file: undefined })}>
              <TokenEditor value={state.token} onChange={(text) => onChange({ token: text })} decoded={openedAt === undefined ? null : decoded} offset={openedAt} />
            </FileDrop>
          </PaneBoundary>
          {file ? (
            <PaneBoundary name="the tokens found" resetKey={fileTokens}>
              {fileTokens !== null ? (
                <FoundTokens found={fileTokens} opened={state.token} fileName={file.name} onOpen={(opened) => onChange({ token: opened })} onClose={() => onChange({ file: undefined })} />
              ) : (
                <p role="status" className="mt-3 text-sm">
                  {foundTokens === null ? `Looking for tokens in ${file.name}…` : `No token found in ${file.name}.`}
                </p>
              )}
            </PaneBoundary>
          ) : null}
          {found !== null && openedFound !== null ? (
            <PaneBoundary name="the tokens found" resetKey={found}>
              <FoundTokens found={found} opened={openedFound.token} onOpen={(opened) => onChange({ opened: { from: editorText, token: opened } })} />
            </PaneBoundary>
          ) : null}
          <PaneBoundary name="the notes on the token" resetKey={decoded}>
            {jsonForm ? null : <TokenNotes decoded={decoded} />}
          </PaneBoundary>
        </Section>
        <PaneBoundary name="the key panel" resetKey={keyPaneInput}>
        <KeyPanel
          keyText={state.key}
          secretEncoding={state.secretEncoding}
          alg={typeof header?.alg === 'string' ? header.alg : undefined}
          isJwe={decoded.kind === 'jwe' || jweJson !== null}
          verification={verification}
          onChange={onChange}
          header={header}
          issuer={typeof claimsSet?.iss === 'string' ? claimsSet.iss : undefined}
          at={asOf}
        />
        </PaneBoundary>
        {!decoded.empty ? <CheckAsOf at={state.at} onChange={(at) => onChange({ at })} /> : null}
        {dpopProof ? (
          <PaneBoundary name="the DPoP proof" resetKey={decoded}>
            <DpopPanel proof={decoded.token} now={now} asOf={asOf} />
          </PaneBoundary>
        ) : null}
        {chainApplies(header, state.key) ? (
          <PaneBoundary name="the certificate chain" resetKey={decoded}>
            <CertificateChainPanel header={header} keyText={state.key} at={asOf === undefined ? undefined : new Date(asOf)} />
          </PaneBoundary>
        ) : null}
        {claimsSet ? (
          <PaneBoundary name="the claim checks" resetKey={claimsSet}>
            <ClaimChecks header={header} claims={claimsSet} now={now} state={state} onChange={onChange} />
          </PaneBoundary>
        ) : null}
        {claimsSet && decoded.kind === 'jws' && !dpopProof ? (
          <PaneBoundary name="the ID token checks" resetKey={claimsSet}>
            <OidcChecks header={header} claims={claimsSet} now={now} state={state} onChange={onChange} />
          </PaneBoundary>
        ) : null}
      </div>

      <div className="flex min-w-0 flex-col gap-6">
        {decoded.empty ? (
          <EmptyState onSample={() => onChange({ token: SAMPLE_TOKEN, key: SAMPLE_SECRET, secretEncoding: 'utf8' })} />
        ) : jsonForm ? (
          <JsonSerializationPanel key="json" token={token} keyText={state.key} secretEncoding={state.secretEncoding} onJweVerdict={setJweJsonVerdict} />
        ) : (
          <>
            {detachedForm ? <JsonSerializationPanel key="detached" token={token} keyText={state.key} secretEncoding={state.secretEncoding} onSingleVerdict={setDetachedVerdict} /> : null}
            <Section id="header-heading" title={decoded.kind === 'jwe' ? 'Protected header' : 'Header'}>
              <PaneBoundary name="the header" resetKey={decoded}>
                {decoded.header ? (
                  <JsonView testId="decoded-header" text={decoded.header.pretty} label="decoded header" />
                ) : (
                  <Missing what="header" />
                )}
              </PaneBoundary>
            </Section>
            <Section id="payload-heading" title={decoded.kind === 'jwe' ? 'Plaintext' : 'Payload'}>
              <PaneBoundary name="the payload" resetKey={plaintext ?? decoded}>
                <PayloadPane decoded={decoded} plaintext={plaintext} />
              </PaneBoundary>
            </Section>
            {decoded.sdJwt !== undefined ? (
              <PaneBoundary name="the SD-JWT" resetKey={decoded}>
                <SdJwtPanel sdJwt={decoded.sdJwt} offset={decoded.tokenStart} header={header} payload={decoded.payload?.kind === 'json' ? decoded.payload.value : null} now={now} asOf={asOf} />
              </PaneBoundary>
            ) : null}
            {decoded.kind === 'jwe' && plaintext?.nestedJws ? (
              <PaneBoundary name="the nested token" resetKey={plaintext}>
                <NestedToken token={plaintext.text} keyText={state.innerKey ?? ''} onKey={(innerKey) => onChange({ innerKey })} now={now} at={asOf} />
              </PaneBoundary>
            ) : null}
            {decoded.kind === 'jwe' ? (
              <PaneBoundary name="the segments" resetKey={decoded}>
                <SegmentList segments={decoded.segments} />
              </PaneBoundary>
            ) : null}
            {header || claimsSet ? (
              <Section id="claims-heading" title="Claims explained">
                <PaneBoundary name="the claims table" resetKey={claimsSet ?? header}>
                  <ClaimsTable header={header} payload={claimsSet} now={now} showAllRows={showAllClaims} onShowAllRows={() => setShowAllClaims(true)} />
                </PaneBoundary>
              </Section>
            ) : null}
            {findingsInput ? (
              <Section id="findings-heading" title="Security notes">
                <PaneBoundary name="the security notes" resetKey={findingsInput}>
                  <FindingsList
                    token={findingsInput}
                    now={now}
                    keyText={state.key}
                    secretEncoding={state.secretEncoding}
                    compactToken={decoded.kind === 'jws' && !decoded.error && !detachedForm && !jsonForm ? decoded.token : undefined}
                    onUseSecret={(key) => onChange({ key, secretEncoding: 'utf8' })}
                  />
                </PaneBoundary>
              </Section>
            ) : null}
          </>
        )}
      </div>
      {!decoded.empty && !decoded.error && decoded.kind === 'jws' ? (
        <div className="min-w-0 lg:col-span-2">
          <PaneBoundary name="the token lab" resetKey={decoded}>
            <TokenLab token={decoded.token} header={header} claims={claimsSet} keyText={state.key} secretEncoding={state.secretEncoding} />
          </PaneBoundary>
        </div>
      ) : null}
    </div>
  );
}

/** The detached form's verdict, when it was reached for exactly this token and key; "checking" until then. */
function detachedVerification(verdict: SingleSignatureVerdict | null, state: DecoderState): Verification {
  if (!verdict || verdict.token !== state.token || verdict.keyText !== state.key || verdict.secretEncoding !== state.secretEncoding) return CHECKING;
  const { outcome } = verdict;
  return { state: outcome.state, message: outcome.message, warnings: outcome.warnings, usedKey: outcome.usedKey, triedKeys: outcome.triedKeys, keyConfusion: outcome.keyConfusion, pending: false };
}

const SEE_SIGNATURES = 'Each signature is checked on its own: see the signatures listed with the token.';

/** The claims set: a JWS payload object, or a decrypted JWE plaintext object. */
function claimsOf(decoded: DecodedToken, plaintextJson: string | null, nestedJws: string | null): Record<string, unknown> | null {
  if (decoded.payload?.kind === 'json') return decoded.payload.value;
  // A nested JWT: the claims are the inner token's.
  if (nestedJws) {
    const inner = decodeToken(nestedJws.trim()).payload;
    return inner?.kind === 'json' ? inner.value : null;
  }
  return plaintextJson ? parseClaimsSet(plaintextJson) : null;
}

function TokenNotes({ decoded }: { decoded: DecodedToken }) {
  const notes = decoded.issues.filter((issue) => issue.severity !== 'error');
  return (
    <div className="mt-2 space-y-1 text-sm">
      {decoded.error && !decoded.empty ? (
        <p data-testid="token-error" role="alert" className="rounded-md border-l-4 border-red-600 bg-red-50 px-3 py-2 text-red-900 dark:border-red-400 dark:bg-red-950 dark:text-red-100">
          {decoded.error.message}
        </p>
      ) : null}
      {decoded.stripped.length > 0 ? (
        <p data-testid="token-stripped" className="text-zinc-700 dark:text-zinc-300">
          Ignored around the token: {decoded.stripped.join(', ')}.
        </p>
      ) : null}
      {notes.map((issue, index) => (
        <p key={index} data-testid={!decoded.error && !issue.informational ? 'token-warning' : undefined} className={issue.severity === 'warning' ? 'text-amber-800 dark:text-amber-300' : 'text-zinc-700 dark:text-zinc-300'}>
          {issue.severity === 'warning' ? 'Warning: ' : ''}
          {issue.message}
        </p>
      ))}
    </div>
  );
}

function PayloadPane({ decoded, plaintext }: { decoded: DecodedToken; plaintext: ReturnType<typeof useVerification>['plaintext'] }) {
  if (decoded.kind === 'jwe') {
    if (!plaintext) return <p className="text-sm text-zinc-700 dark:text-zinc-300">Encrypted. Paste the decryption key (or password) to read the plaintext.</p>;
    const pretty = plaintext.isJson ? prettyJson(plaintext.text) : plaintext.text;
    return (
      <>
        {plaintext.nestedJws ? <p className="mb-1 text-sm">The plaintext is itself a signed token (a nested JWT): it is decoded below, with its own key field.</p> : null}
        <JsonView testId="decoded-payload" text={pretty} label="decrypted plaintext" plain={!plaintext.isJson} />
      </>
    );
  }
  const payload = decoded.payload;
  if (!payload) return <Missing what="payload" />;
  if (payload.kind === 'json') return <JsonView testId="decoded-payload" text={payload.pretty} label="decoded payload" />;
  return (
    <>
      <p className="mb-1 text-sm font-medium text-amber-800 dark:text-amber-300">Not a JWT claims set: {payload.note}</p>
      <JsonView testId="decoded-payload" text={payload.kind === 'text' ? payload.text : payload.hex} label="payload" plain />
    </>
  );
}

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function Missing({ what }: { what: string }) {
  return <p className="rounded-md border border-dashed border-zinc-300 p-3 text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">The {what} could not be decoded; see the message under the token.</p>;
}

function EmptyState({ onSample }: { onSample: () => void }) {
  return (
    <div className="rounded-lg border border-dashed border-zinc-300 p-6 text-center dark:border-zinc-700">
      <p className="text-base font-medium">Paste a token to see what is inside.</p>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        A JWT, any JWS or JWE, a <code>Bearer …</code> value or a whole <code>Authorization:</code> header line. It is decoded here, in your browser.
      </p>
      <button type="button" onClick={onSample} className={`${BUTTON} mt-3`}>
        Load the sample token
      </button>
    </div>
  );
}
