'use client';

import { useEffect, useId, useState } from 'react';
import { Section } from '@/components/common/Section';
import { JsonView } from '@/components/common/JsonView';
import type { SecretEncoding } from '@/lib/keys';
import type { JsonVerification } from '@/lib/jws/verify-json';
import type { SignatureState, VerifyOutcome } from '@/lib/jws/verify';
import type { JweJsonDecryption } from '@/lib/jwe/json-serialization';
import type { DecryptOutcome } from '@/lib/jwe/types';
import { useLocale } from '@/components/i18n/useLocale';
import { withElements } from '@/components/common/with-elements';
import { t } from './messages';

const LOOK: Record<SignatureState, { title: () => string; className: string }> = {
  valid: { title: () => t('ui-formats.signatureVerified'), className: 'border-emerald-600 bg-emerald-50 text-emerald-900 dark:border-emerald-500 dark:bg-emerald-950 dark:text-emerald-100' },
  invalid: { title: () => t('ui-formats.signatureInvalid'), className: 'border-red-600 bg-red-50 text-red-900 dark:border-red-500 dark:bg-red-950 dark:text-red-100' },
  unverified: { title: () => t('ui-formats.signatureUnverified'), className: 'border-zinc-400 bg-zinc-50 text-zinc-800 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-200' },
  error: { title: () => t('ui-formats.signatureError'), className: 'border-amber-600 bg-amber-50 text-amber-900 dark:border-amber-500 dark:bg-amber-950 dark:text-amber-100' },
};

function recipientState(state: SignatureState): string {
  switch (state) {
    case 'valid':
      return t('ui-formats.recipientDecrypted');
    case 'invalid':
      return t('ui-formats.recipientNotDecrypted');
    case 'unverified':
      return t('ui-formats.recipientNoKey');
    case 'error':
      return t('ui-formats.recipientKeyUnusable');
  }
}

/** What the panel shows: every signature of a JWS, or every recipient of a JWE. */
type Checked = Exclude<JsonVerification, { kind: 'jwe' }> | Extract<JweJsonDecryption, { ok: true }>;

/** A JWE's verdict, for the page's status: which input it is for, and the outcome. */
export interface JweJsonVerdict {
  token: string;
  keyText: string;
  secretEncoding: SecretEncoding;
  outcome: DecryptOutcome;
}

/** The verdict of a token with a single signature, and the exact input it was reached for. */
export interface SingleSignatureVerdict {
  token: string;
  keyText: string;
  secretEncoding: SecretEncoding;
  outcome: VerifyOutcome;
}

interface Props {
  /** The token text: a JSON serialization, or a compact JWS with a detached payload. */
  token: string;
  keyText: string;
  secretEncoding: SecretEncoding;
  /** Told the whole JWE's outcome once its recipients are tried (null for a JWS). */
  onJweVerdict?: (verdict: JweJsonVerdict | null) => void;
  /** Told the verdict whenever it is known for the current input (null while checking), when there is one signature. */
  onSingleVerdict?: (verdict: SingleSignatureVerdict | null) => void;
}

/** Every signature of a JSON-serialized JWS (or every recipient of a JWE), and the detached payload field. */
export function JsonSerializationPanel({ token, keyText, secretEncoding, onJweVerdict, onSingleVerdict }: Props) {
  const [detached, setDetached] = useState('');
  const [result, setResult] = useState<{ for: string; value: Checked } | null>(null);
  const detachedId = useId();
  // The verdicts are worded when they are made: a new language makes them again.
  const locale = useLocale();
  const inputKey = `${token}\u0000${keyText}\u0000${secretEncoding}\u0000${detached}\u0000${locale}`;

  useEffect(() => {
    let current = true;
    const run = async () => {
      const [{ verifyJsonWithKeyText }, { compactToJson }] = await Promise.all([import('@/lib/jws/verify-json'), import('@/lib/jws/json-form')]);
      const trimmed = token.trim();
      // A compact JWS with detached content is checked as the flattened form without "payload".
      let text = trimmed;
      if (!trimmed.startsWith('{')) {
        const json = compactToJson(trimmed, 'flattened');
        if (json) {
          const flattened = JSON.parse(json) as Record<string, unknown>;
          delete flattened.payload;
          text = JSON.stringify(flattened);
        }
      }
      const checked = await verifyJsonWithKeyText(text, keyText, { secretEncoding, detachedPayload: detached });
      if (!checked.ok || checked.kind !== 'jwe') return checked;
      // A JWE: each recipient is tried with the key.
      const { decryptJweJsonWithKeyText } = await import('@/lib/jwe/json-serialization');
      return decryptJweJsonWithKeyText(text, keyText, { secretEncoding });
    };
    run().then(
      (value) => {
        if (!current) return;
        setResult({ for: inputKey, value });
        onJweVerdict?.(value.ok && 'recipients' in value ? { token, keyText, secretEncoding, outcome: value.outcome } : null);
      },
      (error: unknown) => current && setResult({ for: inputKey, value: { ok: false, error: { message: t('ui-formats.couldNotCheck', { reason: String(error) }) } } }),
    );
    return () => {
      current = false;
    };
  }, [inputKey, token, keyText, secretEncoding, detached, onJweVerdict]);

  useEffect(() => {
    if (!onSingleVerdict) return;
    const known = result?.for === inputKey ? result.value : null;
    if (!known) return onSingleVerdict(null);
    const outcome: VerifyOutcome | null = !known.ok
      ? { state: 'error', message: known.error.message, warnings: [] }
      : 'signatures' in known && known.signatures.length === 1
        ? known.signatures[0]!.outcome
        : null;
    onSingleVerdict(outcome ? { token, keyText, secretEncoding, outcome } : null);
  }, [onSingleVerdict, result, inputKey, token, keyText, secretEncoding]);

  const value = result?.value;
  const isDetached = value?.ok === true && 'signatures' in value && value.value.payload === undefined;
  const payloadText = value?.ok === true && 'signatures' in value ? value.payloadText : undefined;

  return (
    <Section id="json-serialization-heading" title={value?.ok ? t('ui-formats.serializationTitle', { kind: value.value.kind === 'jws' ? 'JWS' : 'JWE', form: value.value.form }) : t('ui-formats.serializationTitlePlain')}>
      {!value ? (
        <p className="text-sm">{t('ui-formats.checking')}</p>
      ) : !value.ok ? (
        <p data-testid="token-error" role="alert" className="rounded-md border-l-4 border-red-600 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-400 dark:bg-red-950 dark:text-red-100">
          {value.error.message}
        </p>
      ) : 'recipients' in value ? (
        <JweRecipients decryption={value} />
      ) : (
        <>
          <ol className="space-y-2">
            {value.signatures.map((check) => {
              const signature = value.value.signatures[check.index]!;
              return (
                <CheckItem
                  key={check.index}
                  testId="jws-signature"
                  outcome={check.outcome}
                  title={t(check.kid !== undefined ? 'ui-formats.signatureTitleKid' : 'ui-formats.signatureTitle', {
                    n: check.index + 1,
                    alg: check.alg ?? t('ui-formats.noAlg'),
                    kid: check.kid ?? '',
                    state: LOOK[check.outcome.state].title(),
                  })}
                  headers={t('ui-formats.signatureHeaders', { protected: JSON.stringify(signature.protectedHeader, null, 2), unprotected: JSON.stringify(signature.unprotectedHeader, null, 2) })}
                />
              );
            })}
          </ol>
          {value.value.b64 ? null : <p className="mt-2 text-sm">{withElements((values) => t('ui-formats.unencodedPayload', values), { b64: <code>{`"b64": false`}</code> })}</p>}
          {payloadText !== undefined && !isDetached ? (
            <div className="mt-3">
              <h3 className="mb-1 text-sm font-medium">{t('ui-formats.payloadHeading')}</h3>
              <JsonView testId="decoded-payload" text={prettyOrPlain(payloadText)} label={t('ui-formats.payloadLabel')} plain={!isJson(payloadText)} />
            </div>
          ) : null}
        </>
      )}
      {isDetached || detached !== '' ? (
        <div className="mt-3">
          <label htmlFor={detachedId} className="block text-sm font-medium">
            {t('ui-formats.detachedLabel')}
          </label>
          <textarea
            id={detachedId}
            data-testid="detached-payload"
            value={detached}
            onChange={(event) => setDetached(event.target.value)}
            rows={4}
            spellCheck={false}
            className="mt-1 w-full rounded-md border border-zinc-300 bg-white p-2 font-mono text-xs focus:outline-2 focus:outline-offset-1 focus:outline-sky-600 dark:border-zinc-600 dark:bg-zinc-900"
          />
        </div>
      ) : null}
    </Section>
  );
}

/** The JWE's headers, each recipient's result, and the plaintext once one recipient decrypts. */
function JweRecipients({ decryption }: { decryption: Extract<JweJsonDecryption, { ok: true }> }) {
  useLocale();
  const jwe = decryption.value;
  const count = jwe.recipients.length;
  const plaintext = decryption.outcome.plaintext;
  return (
    <>
      <p className="mb-2 text-sm text-zinc-700 dark:text-zinc-300">
        {jwe.aad !== undefined ? t('ui-formats.jweIntroAad', { count, bytes: jwe.ciphertextBytes }) : t('ui-formats.jweIntro', { count, bytes: jwe.ciphertextBytes })}
      </p>
      <JsonView testId="decoded-header" text={JSON.stringify(jwe.protectedHeader, null, 2)} label={t('ui-formats.protectedHeaderLabel')} />
      {Object.keys(jwe.unprotectedHeader).length > 0 ? (
        <div className="mt-2">
          <h3 className="mb-1 text-sm font-medium">{t('ui-formats.sharedUnprotectedHeader')}</h3>
          <pre className="overflow-x-auto text-xs">{JSON.stringify(jwe.unprotectedHeader, null, 2)}</pre>
        </div>
      ) : null}
      <ol className="mt-2 space-y-2">
        {decryption.recipients.map((recipient) => {
          const own = jwe.recipients[recipient.index]?.header ?? {};
          return (
            <CheckItem
              key={recipient.index}
              testId="jwe-recipient"
              outcome={recipient.outcome}
              title={t(recipient.kid !== undefined ? 'ui-formats.recipientTitleKid' : 'ui-formats.recipientTitle', {
                n: recipient.index + 1,
                alg: recipient.alg,
                kid: recipient.kid ?? '',
                state: recipientState(recipient.outcome.state),
              })}
              headers={t('ui-formats.recipientHeaders', { own: JSON.stringify(own, null, 2), jose: JSON.stringify(recipient.joseHeader, null, 2) })}
            />
          );
        })}
      </ol>
      {plaintext !== undefined ? (
        <div className="mt-3">
          <h3 className="mb-1 text-sm font-medium">
            {decryption.outcome.recipient !== undefined ? t('ui-formats.plaintextForRecipient', { n: decryption.outcome.recipient + 1 }) : t('ui-formats.plaintext')}
          </h3>
          <JsonView testId="decoded-payload" text={decryption.outcome.plaintextIsJson ? prettyOrPlain(plaintext) : plaintext} label={t('ui-formats.plaintextLabel')} plain={!decryption.outcome.plaintextIsJson} />
        </div>
      ) : (
        <p className="mt-3 text-sm text-zinc-700 dark:text-zinc-300">{t('ui-formats.encryptedNote')}</p>
      )}
    </>
  );
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function prettyOrPlain(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** One signature or recipient: its verdict, the reason, any warnings, and its headers on demand. */
function CheckItem({ testId, outcome, title, headers }: { testId: string; outcome: { state: SignatureState; message: string; warnings: string[] }; title: string; headers: string }) {
  useLocale();
  const look = LOOK[outcome.state];
  return (
    <li data-testid={testId} data-state={outcome.state} aria-live="polite" className={`rounded-md border-l-4 px-3 py-2 text-sm ${look.className}`}>
      <p className="font-semibold">{title}</p>
      <p>{outcome.message}</p>
      {outcome.warnings.map((warning) => (
        <p key={warning} className="mt-1">
          {t('ui-formats.warning', { warning })}
        </p>
      ))}
      <details className="mt-1">
        <summary className="cursor-pointer text-xs">{t('ui-formats.headersSummary')}</summary>
        <pre className="mt-1 overflow-x-auto text-xs">{headers}</pre>
      </details>
    </li>
  );
}
