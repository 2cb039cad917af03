'use client';

import dynamic from 'next/dynamic';
import { useId, useMemo, useState, type Dispatch, type SetStateAction } from 'react';
import { activeLocale } from '@/lib/i18n/translate';
import { headerAlgOf, withHeaderAlg } from '@/lib/encoder/header-alg';
import { parseJsonText } from '@/lib/encoder/json-text';
import { JWS_ALGORITHMS, type AlgorithmFamily } from '@/lib/jws/algorithms';
import type { SecretEncoding } from '@/lib/keys/types';
import { CodeEditor } from '@/components/editor/CodeEditor';
import { Section } from '@/components/common/Section';
import { CopyButton } from '@/components/common/CopyButton';
import { PaneBoundary } from '@/components/common/PaneBoundary';
import { BUTTON } from '@/components/common/button';
import { type EncoderSecretEncoding, type EncoderState } from './encoder-state';
import { EncodedToken } from './EncodedToken';
import { TimeHelpers } from './TimeHelpers';
import { EditNotice } from './EditNotice';
import { EncryptOptions } from './EncryptOptions';
import { SignedJsonCheck } from './SignedJsonCheck';
import { useSigning } from './useSigning';
import { t } from './messages';
import { secretEncodings } from './secret-encodings';
import { useLocale } from '@/components/i18n/useLocale';
import { HEADER_MODEL, PAYLOAD_MODEL, setupEncoderMonaco } from './monaco-encoder';

// Issuing an SD-JWT loads only when asked for.
const SdJwtIssuer = dynamic(() => import('@/components/sdjwt/SdJwtIssuer').then((module) => module.SdJwtIssuer), { ssr: false });

const JsonFormOutput = dynamic(() => import('@/components/formats/JsonFormOutput').then((module) => module.JsonFormOutput), { ssr: false });

const ALG_NAMES = new Set(JWS_ALGORITHMS.map((alg) => alg.name));

// Functions, not tables: their words follow the language chosen.
const groups = (): { family: AlgorithmFamily; label: string }[] => [
  { family: 'HMAC', label: t('ui-encoder.groupHmac') },
  { family: 'RSA', label: 'RSA PKCS#1 v1.5' },
  { family: 'RSA-PSS', label: 'RSA-PSS' },
  { family: 'ECDSA', label: 'ECDSA' },
  { family: 'EdDSA', label: 'EdDSA' },
  { family: 'ML-DSA', label: t('ui-encoder.groupMlDsa') },
  { family: 'none', label: t('ui-encoder.groupUnsecured') },
];


const SELECT = 'max-w-full rounded border border-zinc-300 bg-white px-1.5 py-1 text-sm dark:border-zinc-600 dark:bg-zinc-900';

interface EncoderViewProps {
  state: EncoderState;
  onChange: Dispatch<SetStateAction<EncoderState>>;
  /** Shows the token in the decoder with the key that verifies it (public key, or the secret when the user asked). */
  onOpenInDecoder: (token: string, key: string, secretEncoding: SecretEncoding) => void;
}

export function EncoderView({ state, onChange, onOpenInDecoder }: EncoderViewProps) {
  const locale = useLocale();
  const signing = useSigning(state);
  const algId = useId();
  const encodingId = useId();
  const includeId = useId();
  const [includeSecret, setIncludeSecret] = useState(false);
  const [handOff, setHandOff] = useState<string | null>(null);
  const [sdJwtOpen, setSdJwtOpen] = useState(false);
  const family = JWS_ALGORITHMS.find((alg) => alg.name === state.alg)?.family;
  const usesSecret = family === 'HMAC';
  const output = state.output ?? 'jws';
  // A JWE's payload is encrypted and its protected header sent as it is; a JWS (alone or nested) is signed.
  const payloadUse = output === 'jwe' ? 'encrypted' : 'signed';
  const headerUse = output === 'jwe' ? 'sent' : 'signed';
  const remade = output === 'jwe' ? 'encrypted' : output === 'nested' ? 'nested' : 'signed';

  const patch = (next: Partial<EncoderState>) => onChange((previous) => ({ ...previous, ...next }));

  // Editing the header's alg moves the select; a name the select does not know leaves it where it is.
  const onHeader = (header: string) => {
    const alg = headerAlgOf(header);
    patch(alg !== undefined && ALG_NAMES.has(alg) ? { header, alg } : { header });
  };
  const onAlg = (alg: string) => onChange((previous) => ({ ...previous, alg, header: withHeaderAlg(previous.header, alg) }));

  // The messages are worded in the language shown, so a change of language makes them again.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const headerError = useMemo(() => jsonProblem(state.header), [state.header, locale]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const payloadError = useMemo(() => jsonProblem(state.payload), [state.payload, locale]);
  const result = signing.state === 'done' ? signing.result : null;
  const token = result?.ok ? result.token : '';
  const keyProblem = result && !result.ok && (result.source === 'key' || result.source === 'alg') ? result.error : null;

  const openInDecoder = async () => {
    if (!token) return;
    // An encrypted token needs the recipient's private key (or the shared secret), which the encoder does not hold.
    if (output !== 'jws') {
      setHandOff(null);
      onOpenInDecoder(token, '', 'utf8');
      return;
    }
    let handed: Awaited<ReturnType<typeof import('@/lib/encoder/decoder-key').decoderKeyFor>>;
    try {
      const { decoderKeyFor } = await import('@/lib/encoder/decoder-key');
      handed = await decoderKeyFor(state.key, state.secretEncoding, state.alg, includeSecret);
    } catch (error) {
      setHandOff(t('ui-encoder.openFailed', { reason: error instanceof Error ? error.message : String(error) }));
      return;
    }
    if (!handed.ok) {
      setHandOff(handed.error);
      return;
    }
    setHandOff(null);
    onOpenInDecoder(token, handed.key, handed.secretEncoding);
  };

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <EditNotice state={state} onPatch={patch} />
      <div className="flex min-w-0 flex-col gap-6">
        <Section id="encoder-header-heading" title={t('ui-encoder.headerTitle')}>
          <CodeEditor
            testId="encoder-header"
            label={t('ui-encoder.headerLabel')}
            value={state.header}
            onChange={onHeader}
            language="json"
            height="8rem"
            modelPath={HEADER_MODEL}
            onMonacoReady={setupEncoderMonaco}
          />
          <JsonProblem id="encoder-header-error" what="header" problem={headerError} remade={remade} />
          <SignedJsonCheck what="header" text={state.header} use={headerUse} />
        </Section>
        <Section id="encoder-payload-heading" title={t('ui-encoder.payloadTitle')}>
          <CodeEditor
            testId="encoder-payload"
            label={t('ui-encoder.payloadLabel')}
            value={state.payload}
            onChange={(payload) => patch({ payload })}
            language="json"
            height="clamp(12rem, 35vh, 24rem)"
            modelPath={PAYLOAD_MODEL}
            onMonacoReady={setupEncoderMonaco}
          />
          <JsonProblem id="encoder-payload-error" what="payload" problem={payloadError} remade={remade} />
          <SignedJsonCheck what="payload" text={state.payload} showSigned={!state.asTyped} use={payloadUse} />
          <PaneBoundary name={t('ui-encoder.timeHelpersPane')} resetKey={state.payload}>
            <TimeHelpers payload={state.payload} onPayload={(payload) => patch({ payload })} />
          </PaneBoundary>
          <p hidden={state.asTyped} className="mt-2 text-xs text-zinc-700 dark:text-zinc-300">
            <CompactNote use={payloadUse} />
          </p>
        </Section>
      </div>

      <div className="flex min-w-0 flex-col gap-6">
        <EncryptOptions state={state} onChange={onChange} signing={signing} />
        <div hidden={state.output === 'jwe'}>
        <Section id="encoder-key-heading" title={t('ui-encoder.keyTitle')}>
          <div className="mb-2 flex flex-wrap items-center gap-2 text-sm">
            <label htmlFor={algId} className="font-medium">
              {t('ui-encoder.algorithm')}
            </label>
            <select id={algId} data-testid="encoder-alg" value={state.alg} onChange={(event) => onAlg(event.target.value)} className={SELECT}>
              {groups().map((group) => (
                <optgroup key={group.family} label={group.label}>
                  {JWS_ALGORITHMS.filter((alg) => alg.family === group.family).map((alg) => (
                    <option key={alg.name} value={alg.name}>
                      {alg.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
            {usesSecret ? (
              <span className="ml-auto flex items-center gap-1">
                <label htmlFor={encodingId} className="text-zinc-700 dark:text-zinc-300">
                  {t('ui-encoder.secretAs')}
                </label>
                <select
                  id={encodingId}
                  data-testid="encoder-secret-encoding"
                  value={state.secretEncoding}
                  onChange={(event) => patch({ secretEncoding: event.target.value as EncoderSecretEncoding })}
                  className={SELECT}
                >
                  {secretEncodings().map((encoding) => (
                    <option key={encoding.value} value={encoding.value}>
                      {encoding.label}
                    </option>
                  ))}
                </select>
              </span>
            ) : null}
          </div>
          {family === 'none' ? (
            <p data-testid="encoder-none-warning" className="mb-2 rounded-md border-l-4 border-amber-600 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-500 dark:bg-amber-950 dark:text-amber-100">
              <strong>{t('ui-encoder.noneWarningLead')}</strong> {t('ui-encoder.noneWarningRest')}
            </p>
          ) : null}
          <CodeEditor
            testId="encoder-key"
            label={usesSecret ? t('ui-encoder.signingSecret') : t('ui-encoder.signingKey')}
            value={state.key}
            onChange={(key) => patch({ key })}
            height="9rem"
            placeholder={usesSecret ? t('ui-encoder.secretPlaceholder') : t('ui-encoder.keyPlaceholder')}
          />
          <p data-testid="encoder-key-status" aria-live="polite" className={`mt-2 text-sm ${keyProblem ? 'text-red-800 dark:text-red-200' : 'text-zinc-700 dark:text-zinc-300'}`}>
            {keyProblem
              ? keyProblem
              : family === 'none'
                ? t('ui-encoder.noKeyNeeded')
                : result?.ok && result.keyDescription
                  ? t('ui-encoder.signingWith', { key: activeLocale() === 'en' ? withArticle(result.keyDescription) : result.keyDescription })
                  : usesSecret
                    ? t('ui-encoder.secretHint')
                    : t('ui-encoder.keyHint')}
          </p>
        </Section>
        </div>

        <Section
          id="encoder-output-heading"
          title={t('ui-encoder.outputTitle')}
          actions={token ? <CopyButton text={token} label={t('ui-encoder.copyToken')} /> : null}
        >
          <PaneBoundary name={t('ui-encoder.encodedTokenPane')} resetKey={signing}>
            <EncodedToken signing={signing} output={output} />
          </PaneBoundary>
          {token && !token.includes('~') && token.split('.').length === 3 ? <JsonFormOutput token={token} /> : null}
          {result?.ok && result.warnings.length > 0 ? (
            <ul data-testid="encoder-warnings" className="mt-2 list-disc space-y-1 pl-5 text-sm text-amber-900 dark:text-amber-200">
              {result.warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          ) : null}
          <div className="mt-3 flex flex-wrap items-center gap-3 text-sm">
            <button type="button" data-testid="encoder-open-decoder" className={`${BUTTON} disabled:cursor-not-allowed disabled:opacity-60`} disabled={!token} onClick={openInDecoder}>
              {t('ui-encoder.openInDecoder')}
            </button>
            {output !== 'jws' ? (
              <span className="text-zinc-700 dark:text-zinc-300">{t('ui-encoder.decoderGetsTokenOnly')}</span>
            ) : usesSecret ? (
              <span className="flex items-center gap-1.5">
                <input id={includeId} data-testid="encoder-include-secret" type="checkbox" checked={includeSecret} onChange={(event) => setIncludeSecret(event.target.checked)} />
                <label htmlFor={includeId}>{t('ui-encoder.includeSecret')}</label>
              </span>
            ) : (
              <span className="text-zinc-700 dark:text-zinc-300">{t('ui-encoder.decoderGetsPublicKey')}</span>
            )}
          </div>
          {handOff ? (
            <p role="alert" className="mt-2 text-sm text-red-800 dark:text-red-200">
              {handOff}
            </p>
          ) : null}
        </Section>
        <Section
          id="encoder-sdjwt-heading"
          title={t('ui-encoder.sdJwtTitle')}
          actions={
            <button type="button" data-testid="sdjwt-issuer-toggle" aria-expanded={sdJwtOpen} className={BUTTON} onClick={() => setSdJwtOpen((open) => !open)}>
              {sdJwtOpen ? t('ui-encoder.hide') : t('ui-encoder.issueSdJwt')}
            </button>
          }
        >
          {sdJwtOpen ? <SdJwtIssuer header={state.header} payload={state.payload} alg={state.alg} keyText={state.key} secretEncoding={state.secretEncoding} /> : null}
        </Section>
      </div>
    </div>
  );
}

function withArticle(phrase: string): string {
  return /^(RSA|EC|[aeiouAEIOU]|8|11\b|18\b)/.test(phrase) ? `an ${phrase}` : `a ${phrase}`;
}

function jsonProblem(text: string): string | null {
  const parsed = parseJsonText(text);
  return parsed.ok ? null : parsed.error.message;
}

/** The payload note, its code kept as code inside the translated sentence. */
function CompactNote({ use }: { use: string }) {
  const [before, after] = t('ui-encoder.compactNote', { use, code: CODE_MARK }).split(CODE_MARK);
  return (
    <>
      {before}
      <code>JSON.stringify(JSON.parse(text))</code>
      {after}
    </>
  );
}

const CODE_MARK = '\u0000';

function JsonProblem({ id, what, problem, remade }: { id: string; what: string; problem: string | null; remade: string }) {
  useLocale();
  if (!problem) return null;
  return (
    <p id={id} data-testid={id} role="alert" className="mt-2 rounded-md border-l-4 border-red-600 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-400 dark:bg-red-950 dark:text-red-100">
      {t('ui-encoder.jsonProblem', { what, problem, remade })}
    </p>
  );
}
