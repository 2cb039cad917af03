'use client';

import { useDeferredValue, useMemo, useState } from 'react';
import { decodeToken, type DecodedToken } from '@/lib/token';
import dynamic from 'next/dynamic';
import type { ExpectedClaims } from '@/lib/claims';
import type { SecretEncoding } from '@/lib/keys';
import { Section } from '@/components/common/Section';
import { JsonView } from '@/components/common/JsonView';
import { useNow } from '@/components/common/useNow';
import { TokenEditor } from './TokenEditor';
import { ClaimsTable } from './ClaimsTable';
import { KeyPanel } from './KeyPanel';
import { SegmentList } from './SegmentList';
import { useVerification } from './useVerification';
import { SAMPLE_SECRET, SAMPLE_TOKEN } from './sample';

// Checks and security notes come just after the decoded view: they are not needed to show it.
const ClaimChecks = dynamic(() => import('./ClaimChecks').then((module) => module.ClaimChecks), { ssr: false });
const FindingsList = dynamic(() => import('./FindingsList').then((module) => module.FindingsList), { ssr: false });

/** Below this length decoding and rendering take well under a frame. */
const DECODE_IMMEDIATELY_CHARS = 32_000;

export interface DecoderState {
  token: string;
  key: string;
  secretEncoding: SecretEncoding;
  clockSkewSeconds: number;
  expected: ExpectedClaims;
}

export function DecoderView({ state, onChange }: { state: DecoderState; onChange: (patch: Partial<DecoderState>) => void }) {
  // A token of ordinary size is decoded in the same render as the keystroke; a
  // large one follows typing at React's pace, so a keystroke never waits for it.
  const deferredToken = useDeferredValue(state.token);
  const tokenToDecode = state.token.length <= DECODE_IMMEDIATELY_CHARS ? state.token : deferredToken;
  const decoded = useMemo(() => decodeToken(tokenToDecode), [tokenToDecode]);
  const verification = useVerification(decoded, state.key, state.secretEncoding);
  const [showAllClaims, setShowAllClaims] = useState(false);

  const header = decoded.header?.value ?? null;
  const plaintext = verification.plaintext;
  const claimsSet = useMemo(() => claimsOf(decoded, plaintext?.isJson ? plaintext.text : null), [decoded, plaintext]);
  const hasTimes = claimsSet !== null && ['exp', 'nbf', 'iat'].some((name) => name in claimsSet);
  const now = useNow(1000, hasTimes);
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
              <button type="button" className={BUTTON} onClick={() => onChange({ token: SAMPLE_TOKEN, key: SAMPLE_SECRET, secretEncoding: 'utf8' })}>
                Load sample
              </button>
              <button type="button" className={BUTTON} onClick={() => onChange({ token: '' })}>
                Clear
              </button>
            </>
          }
        >
          <TokenEditor value={state.token} onChange={(token) => onChange({ token })} decoded={decoded} />
          <TokenNotes decoded={decoded} />
        </Section>
        <KeyPanel
          keyText={state.key}
          secretEncoding={state.secretEncoding}
          alg={typeof header?.alg === 'string' ? header.alg : undefined}
          isJwe={decoded.kind === 'jwe'}
          verification={verification}
          onChange={onChange}
          header={header}
          issuer={typeof claimsSet?.iss === 'string' ? claimsSet.iss : undefined}
        />
        {claimsSet ? <ClaimChecks header={header} claims={claimsSet} now={now} state={state} onChange={onChange} /> : null}
      </div>

      <div className="flex min-w-0 flex-col gap-6">
        {decoded.empty ? (
          <EmptyState onSample={() => onChange({ token: SAMPLE_TOKEN, key: SAMPLE_SECRET, secretEncoding: 'utf8' })} />
        ) : (
          <>
            <Section id="header-heading" title={decoded.kind === 'jwe' ? 'Protected header' : 'Header'}>
              {decoded.header ? (
                <JsonView testId="decoded-header" text={decoded.header.pretty} label="decoded header" />
              ) : (
                <Missing what="header" />
              )}
            </Section>
            <Section id="payload-heading" title={decoded.kind === 'jwe' ? 'Plaintext' : 'Payload'}>
              <PayloadPane decoded={decoded} plaintext={plaintext} />
            </Section>
            {decoded.kind === 'jwe' ? <SegmentList segments={decoded.segments} /> : null}
            {header || claimsSet ? (
              <Section id="claims-heading" title="Claims explained">
                <ClaimsTable header={header} payload={claimsSet} now={now} showAllRows={showAllClaims} onShowAllRows={() => setShowAllClaims(true)} />
              </Section>
            ) : null}
            {findingsInput ? (
              <Section id="findings-heading" title="Security notes">
                <FindingsList token={findingsInput} now={now} keyText={state.key} secretEncoding={state.secretEncoding} />
              </Section>
            ) : null}
          </>
        )}
      </div>
    </div>
  );
}

export const BUTTON =
  'rounded-md border border-zinc-300 px-2.5 py-1 text-xs font-medium text-zinc-800 hover:bg-zinc-100 dark:border-zinc-600 dark:text-zinc-100 dark:hover:bg-zinc-800';

/** The claims set: a JWS payload object, or a decrypted JWE plaintext object. */
function claimsOf(decoded: DecodedToken, plaintextJson: string | null): Record<string, unknown> | null {
  if (decoded.payload?.kind === 'json') return decoded.payload.value;
  if (plaintextJson) {
    try {
      const value: unknown = JSON.parse(plaintextJson);
      if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    } catch {
      return null;
    }
  }
  return null;
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
        <p key={index} className={issue.severity === 'warning' ? 'text-amber-800 dark:text-amber-300' : 'text-zinc-700 dark:text-zinc-300'}>
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
        {plaintext.nestedJws ? <p className="mb-1 text-sm">The plaintext is itself a signed token (a nested JWT): paste it into the decoder to verify it.</p> : null}
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
