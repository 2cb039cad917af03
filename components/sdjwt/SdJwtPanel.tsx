'use client';

import { useId, useState } from 'react';
import { Section } from '@/components/common/Section';
import { JsonView } from '@/components/common/JsonView';
import type { DisclosureReport, KeyBindingOptions, KeyBindingResult, SdJwtAnalysis } from '@/lib/sdjwt';
import { STATUS_LOOK } from './status-look';
import { useKeyBinding, useSdJwtAnalysis } from './useSdJwtAnalysis';
import { describeTypValue, VC_TYPE_METADATA_FIELDS } from '@/lib/claims/typ-values';
import { useLocale } from '@/components/i18n/useLocale';
import { activeLocale } from '@/lib/i18n/translate';
import { t } from './messages';
import { withElements } from '@/components/common/with-elements';

const VC_TYPES = new Set(['dc+sd-jwt', 'vc+sd-jwt']);

/** How many disclosures, problems and paths are drawn; all of them are still judged. */
export const MAX_DRAWN = 200;

const INPUT =
  'w-full rounded-md border border-zinc-300 bg-white px-2 py-1 font-mono text-xs text-zinc-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-600 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100';

function More({ count, what }: { count: number; what: 'problems' | 'disclosures' }) {
  useLocale();
  if (count <= 0) return null;
  return (
    <p data-testid="sd-more" data-count={count} className="mt-1 text-zinc-700 dark:text-zinc-300">
      {what === 'problems' ? t('ui-sdjwt.moreProblems', { count }) : t('ui-sdjwt.moreDisclosures', { count })}
    </p>
  );
}

export interface SdJwtPanelProps {
  /** The whole SD-JWT text. */
  sdJwt: string;
  /** Offset of the SD-JWT in the token editor's text, to say where a problem is. */
  offset: number;
  header: Record<string, unknown> | null;
  payload: Record<string, unknown> | null;
  /** The time (ms) the key binding's iat is judged by: now, or the "check as of" time. */
  now: number;
  /** The "check as of" time (ms), when one is set. */
  asOf?: number;
}

/** An SD-JWT's disclosures, the claims a verifier ends up with, its problems and its key binding. */
export function SdJwtPanel({ sdJwt, offset, header, payload, now, asOf }: SdJwtPanelProps) {
  useLocale();
  const { view, error, pending } = useSdJwtAnalysis(sdJwt, header, payload);
  const [expectedAud, setExpectedAud] = useState('');
  const [expectedNonce, setExpectedNonce] = useState('');
  const [maxAge, setMaxAge] = useState('');
  const maxAgeSeconds = /^\d+$/.test(maxAge.trim()) ? Number(maxAge.trim()) : undefined;
  // As of a chosen time, exactly; on the live clock, in 5 s steps so typing elsewhere does not re-check it.
  const judgedAt = asOf !== undefined ? Math.floor(asOf / 1000) : Math.floor(now / 1000 / 5) * 5;
  const kbOptions: KeyBindingOptions = { now: judgedAt, asOf: asOf !== undefined, expectedAud: expectedAud.trim() || undefined, expectedNonce: expectedNonce || undefined, maxAgeSeconds };
  const keyBinding = useKeyBinding(view, kbOptions);
  const hasKeyBinding = view?.layout.keyBinding != null;
  const isVc = typeof header?.typ === 'string' && VC_TYPES.has(header.typ);
  return (
    <Section id="sdjwt-heading" title={isVc ? t('ui-sdjwt.titleVc') : t('ui-sdjwt.title')}>
      <div className="space-y-4 text-sm" aria-busy={pending}>
        <p className="text-zinc-700 dark:text-zinc-300">
          {withElements((values) => t('ui-sdjwt.intro', values), { tilde: <code>~</code> })}
          {isVc ? (
            <>
              {' '}
              {withElements((values) => t('ui-sdjwt.introVc', values), { typ: <code>{String(header?.typ)}</code>, vct: <code>vct</code> })}
            </>
          ) : null}
        </p>
        {typeof header?.typ === 'string' && describeTypValue(header.typ) ? (
          <p data-testid="typ-meaning" className="text-zinc-700 dark:text-zinc-300">
            <code>typ: {header.typ}</code>: {describeTypValue(header.typ)}
          </p>
        ) : null}
        {isVc ? (
          <details data-testid="vc-type-metadata" className="rounded-md border border-zinc-200 px-3 py-2 dark:border-zinc-700">
            <summary className="cursor-pointer font-medium">{t('ui-sdjwt.vctSummary')}</summary>
            <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
              {VC_TYPE_METADATA_FIELDS.map(([field, meaning]) => (
                <div key={field} className="contents">
                  <dt className="font-mono">{field}</dt>
                  <dd>{meaning}</dd>
                </div>
              ))}
            </dl>
            <p className="mt-1">{t('ui-sdjwt.vctNotFetched')}</p>
          </details>
        ) : null}
        {error ? <p className="text-red-800 dark:text-red-300">{error}</p> : null}
        {view ? (
          <>
            <Summary analysis={view.analysis} />
            <Problems analysis={view.analysis} offset={offset} />
            <Disclosures disclosures={view.analysis.disclosures} />
            <div>
              <h3 className="mb-1 font-semibold">{t('ui-sdjwt.claimsHeading')}</h3>
              {view.analysis.claims ? (
                <>
                  <JsonView testId="sd-claims" text={JSON.stringify(view.analysis.claims, null, 2)} label={t('ui-sdjwt.claimsLabel')} />
                  <p className="mt-1 text-zinc-700 dark:text-zinc-300">
                    {t('ui-sdjwt.disclosedCount', { count: view.analysis.disclosedPaths.length })}{' '}
                    {view.analysis.disclosedPaths.length === 0
                      ? t('ui-sdjwt.disclosedNone')
                      : view.analysis.disclosedPaths.slice(0, MAX_DRAWN).map((path) => (
                          <code key={path} data-testid="sd-disclosed-path" className="mr-1 inline-block rounded bg-emerald-100 px-1 font-mono text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100">
                            {path}
                          </code>
                        ))}
                    {view.analysis.disclosedPaths.length > MAX_DRAWN ? ` ${t('ui-sdjwt.andMore', { count: view.analysis.disclosedPaths.length - MAX_DRAWN })}` : null}
                  </p>
                </>
              ) : (
                <p>{t('ui-sdjwt.payloadNotObjectNoClaims')}</p>
              )}
            </div>
          </>
        ) : null}
        {hasKeyBinding ? (
          <KeyBindingInputs
            aud={expectedAud}
            nonce={expectedNonce}
            maxAge={maxAge}
            maxAgeInvalid={maxAge.trim() !== '' && maxAgeSeconds === undefined}
            onAud={setExpectedAud}
            onNonce={setExpectedNonce}
            onMaxAge={setMaxAge}
          />
        ) : null}
        {/* Always present and empty at first, so screen readers announce the verdict when it fills in. */}
        <div aria-live="polite" aria-atomic="true" data-testid="kb-live">
          {view && keyBinding ? <KeyBinding result={keyBinding} /> : view ? <p className="text-zinc-700 dark:text-zinc-300">{t('ui-sdjwt.checkingKeyBinding')}</p> : null}
        </div>
      </div>
    </Section>
  );
}

function Summary({ analysis }: { analysis: SdJwtAnalysis }) {
  useLocale();
  const matched = analysis.disclosures.filter((d) => d.state === 'matched').length;
  return (
    <p data-testid="sd-summary">
      <code>_sd_alg</code> {analysis.sdAlg}
      {analysis.algSupported ? '' : ` ${t('ui-sdjwt.unsupported')}`} · {t('ui-sdjwt.disclosuresMatched', { count: analysis.disclosures.length, matched })} ·{' '}
      <span data-testid="sd-undisclosed" data-count={analysis.undisclosedDigests}>
        {t('ui-sdjwt.digestsNotDisclosed', { count: analysis.undisclosedDigests })}
      </span>{' '}
      {t('ui-sdjwt.undisclosedNote')}
    </p>
  );
}

function Problems({ analysis, offset }: { analysis: SdJwtAnalysis; offset: number }) {
  useLocale();
  if (analysis.problems.length === 0) return <p className="text-emerald-800 dark:text-emerald-300">{t('ui-sdjwt.allMatched')}</p>;
  return (
    <ul className="space-y-1" aria-label={t('ui-sdjwt.problemsLabel')}>
      {analysis.problems.slice(0, MAX_DRAWN).map((problem, i) => (
        <li
          key={i}
          data-testid="sd-problem"
          className={`rounded-md border-l-4 px-3 py-1 [overflow-wrap:anywhere] ${problem.severity === 'error' ? STATUS_LOOK.invalid : STATUS_LOOK.error}`}
        >
          {problem.severity === 'error' ? t('ui-sdjwt.error') : t('ui-sdjwt.warning')}{' '}
          {problem.message}
          {problem.offset !== undefined ? ` ${t('ui-sdjwt.problemCharacters', { from: offset + problem.offset + 1, to: offset + problem.offset + (problem.length ?? 1) })}` : ''}
          {problem.path && !problem.message.includes(problem.path) ? ` ${t('ui-sdjwt.problemAt', { path: problem.path })}` : ''}
        </li>
      ))}
      <li className="list-none">
        <More count={analysis.problems.length - MAX_DRAWN} what="problems" />
      </li>
    </ul>
  );
}

function Disclosures({ disclosures }: { disclosures: DisclosureReport[] }) {
  useLocale();
  if (disclosures.length === 0) return <p>{t('ui-sdjwt.noDisclosures')}</p>;
  return (
    <div>
      <h3 className="mb-1 font-semibold">{t('ui-sdjwt.disclosuresHeading')}</h3>
      <ol className="space-y-2">
        {disclosures.slice(0, MAX_DRAWN).map((d) => {
          const name = d.decoded.ok && d.decoded.kind === 'property' ? d.decoded.name : '';
          return (
            <li
              key={d.index}
              data-testid="disclosure"
              data-claim={name}
              data-state={d.state}
              className={`rounded-md border-l-4 px-3 py-2 ${d.state === 'matched' ? 'border-emerald-600 dark:border-emerald-500' : 'border-red-600 dark:border-red-500'} bg-zinc-50 dark:bg-zinc-900`}
            >
              <p className="font-medium">
                {d.index + 1}.{' '}
                {d.decoded.ok ? (d.decoded.kind === 'property' ? <code className="font-mono">{d.decoded.name}</code> : t('ui-sdjwt.arrayElement')) : t('ui-sdjwt.malformed')}{' '}
                <span className={d.state === 'matched' ? 'text-emerald-800 dark:text-emerald-300' : 'text-red-800 dark:text-red-300'}>
                  {d.state === 'matched' ? t('ui-sdjwt.matchedAt', { path: d.foundAt ?? '' }) : t('ui-sdjwt.notMatched')}
                </span>
              </p>
              {d.decoded.ok ? (
                <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 font-mono text-xs">
                  <dt className="font-sans text-zinc-600 dark:text-zinc-400">{t('ui-sdjwt.value')}</dt>
                  <dd className="break-all whitespace-pre-wrap">{JSON.stringify(d.decoded.value)}</dd>
                  <dt className="font-sans text-zinc-600 dark:text-zinc-400">{t('ui-sdjwt.salt')}</dt>
                  <dd className="break-all">{d.decoded.salt}</dd>
                  <dt className="font-sans text-zinc-600 dark:text-zinc-400">{t('ui-sdjwt.digest')}</dt>
                  <dd className="break-all">{d.digest ?? t('ui-sdjwt.notComputed')}</dd>
                </dl>
              ) : (
                <p className="mt-1">{t('ui-sdjwt.disclosureProblem', { reason: d.decoded.error })}</p>
              )}
            </li>
          );
        })}
      </ol>
      <More count={disclosures.length - MAX_DRAWN} what="disclosures" />
    </div>
  );
}

/** The ISO date of seconds since 1970, or a note when no Date can hold it (toISOString would throw). */
function isoOrNote(seconds: number): string {
  const ms = seconds * 1000;
  return Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : t('ui-sdjwt.beyondAnyDate');
}

/** The time as people of the language shown write it, in their own time zone, or null when no Date can hold it. */
function localTime(seconds: number): string | null {
  const ms = seconds * 1000;
  if (!(Math.abs(ms) <= 8.64e15)) return null;
  return new Intl.DateTimeFormat(activeLocale(), { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(ms));
}

function keyBindingTitle(state: KeyBindingResult['state']): string {
  switch (state) {
    case 'valid':
      return t('ui-sdjwt.kbVerified');
    case 'invalid':
      return t('ui-sdjwt.kbInvalid');
    case 'unverified':
      return t('ui-sdjwt.kbAbsent');
    case 'error':
      return t('ui-sdjwt.kbCannotCheck');
  }
}

function KeyBindingInputs(props: {
  aud: string;
  nonce: string;
  maxAge: string;
  maxAgeInvalid: boolean;
  onAud: (value: string) => void;
  onNonce: (value: string) => void;
  onMaxAge: (value: string) => void;
}) {
  const id = useId();
  useLocale();
  return (
    <fieldset className="grid gap-2 sm:grid-cols-3">
      <legend className="mb-1 font-medium">{t('ui-sdjwt.expectationsLegend')}</legend>
      <label className="block" htmlFor={`${id}-aud`}>
        <span className="mb-0.5 block">{t('ui-sdjwt.audienceLabel')}</span>
        <input id={`${id}-aud`} data-testid="kb-expected-aud" className={INPUT} value={props.aud} placeholder="https://verifier.example" onChange={(e) => props.onAud(e.target.value)} />
      </label>
      <label className="block" htmlFor={`${id}-nonce`}>
        <span className="mb-0.5 block">{t('ui-sdjwt.nonceLabel')}</span>
        <input id={`${id}-nonce`} data-testid="kb-expected-nonce" className={INPUT} value={props.nonce} onChange={(e) => props.onNonce(e.target.value)} />
      </label>
      <label className="block" htmlFor={`${id}-age`}>
        <span className="mb-0.5 block">{t('ui-sdjwt.maxAgeLabel')}</span>
        <input
          id={`${id}-age`}
          data-testid="kb-max-age"
          inputMode="numeric"
          className={INPUT}
          value={props.maxAge}
          placeholder={t('ui-sdjwt.maxAgePlaceholder')}
          aria-invalid={props.maxAgeInvalid}
          aria-describedby={props.maxAgeInvalid ? `${id}-age-error` : undefined}
          onChange={(e) => props.onMaxAge(e.target.value)}
        />
        {props.maxAgeInvalid ? (
          <span id={`${id}-age-error`} className="mt-0.5 block text-red-800 dark:text-red-300">
            {t('ui-sdjwt.maxAgeInvalid')}
          </span>
        ) : null}
      </label>
    </fieldset>
  );
}

function KeyBinding({ result }: { result: KeyBindingResult }) {
  useLocale();
  const claims = result.claims;
  const title = result.state === 'valid' && result.unchecked.length > 0 ? t('ui-sdjwt.kbValidAsFarAsChecked') : keyBindingTitle(result.state);
  return (
    <div data-testid="kb-status" data-state={result.state} className={`rounded-md border-l-4 px-3 py-2 [overflow-wrap:anywhere] ${STATUS_LOOK[result.state]}`}>
      <p className="font-semibold">{title}</p>
      <p>{result.message}</p>
      {result.header?.typ === 'kb+jwt' ? <p>typ kb+jwt: {describeTypValue('kb+jwt')}</p> : null}
      {claims ? (
        <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3">
          <dt>aud</dt>
          <dd data-testid="kb-aud" className="break-all font-mono">{JSON.stringify(claims.aud ?? null)}</dd>
          <dt>nonce</dt>
          <dd data-testid="kb-nonce" className="break-all font-mono">{JSON.stringify(claims.nonce ?? null)}</dd>
          <dt>iat</dt>
          <dd data-testid="kb-iat" className="font-mono">
            {typeof claims.iat === 'number' && Number.isFinite(claims.iat)
              ? `${claims.iat} (${isoOrNote(claims.iat)}${localTime(claims.iat) ? `; ${localTime(claims.iat)}` : ''})`
              : JSON.stringify(claims.iat ?? null)}
          </dd>
        </dl>
      ) : null}
      {result.checks.length > 0 ? (
        <ul className="mt-1 space-y-0.5">
          {result.checks.map((check) => (
            <li key={check.label} data-testid="kb-check" data-ok={check.ok} className="break-all">
              <span aria-hidden="true">{check.ok ? '✓ ' : '✗ '}</span>
              <span className="sr-only">{check.ok ? t('ui-sdjwt.passed') : t('ui-sdjwt.failed')} </span>
              {check.label}: {check.detail}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
