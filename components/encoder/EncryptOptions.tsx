'use client';

import { useId, type Dispatch, type SetStateAction } from 'react';
import { JWE_ALGORITHMS, JWE_ENCRYPTIONS, type JweKeyManagementMode } from '@/lib/jwe/algorithms';
import { setMember } from '@/lib/encoder/json-text';
import { withHeaderAlg } from '@/lib/encoder/header-alg';
import { CodeEditor } from '@/components/editor/CodeEditor';
import { Section } from '@/components/common/Section';
import type { EncoderSecretEncoding, EncoderState } from './encoder-state';
import { INITIAL_ENCRYPTION, type EncoderOutput, type EncryptionState } from './encrypt-state';
import type { Signing } from './useSigning';
import { useLocale } from '@/components/i18n/useLocale';
import { t } from './messages';
import { secretEncodings } from './secret-encodings';

// max-w-full: a select is as wide as its longest option, wider than a phone; capped, it shows its chosen value and wraps to its own line.
const SELECT = 'max-w-full rounded border border-zinc-300 bg-white px-1.5 py-1 text-sm disabled:opacity-60 dark:border-zinc-600 dark:bg-zinc-900';

// Functions, not tables: their words follow the language chosen.
const outputs = (): { value: EncoderOutput; label: string }[] => [
  { value: 'jws', label: t('ui-encoder.outputJws') },
  { value: 'jwe', label: t('ui-encoder.outputJwe') },
  { value: 'nested', label: t('ui-encoder.outputNested') },
];

const groups = (): { id: string; label: string; modes: JweKeyManagementMode[] }[] => [
  { id: 'rsa', label: t('ui-encoder.groupRsa'), modes: ['key-encryption'] },
  { id: 'ecdh', label: t('ui-encoder.groupEcdh'), modes: ['key-agreement', 'key-agreement-wrap'] },
  { id: 'secret', label: t('ui-encoder.groupSharedSecret'), modes: ['key-wrap', 'direct'] },
  { id: 'password', label: t('ui-encoder.groupPassword'), modes: ['password'] },
];

interface EncryptOptionsProps {
  state: EncoderState;
  onChange: Dispatch<SetStateAction<EncoderState>>;
  signing: Signing;
}

/** The header text with alg and enc as chosen, edited in place (for a JWE, the header editor is its protected header). */
function jweHeaderText(header: string, alg: string, enc: string): string {
  const withAlg = withHeaderAlg(header, alg);
  const withEnc = setMember(withAlg, 'enc', enc);
  return withEnc.ok ? withEnc.text : withAlg;
}

/** Back to a JWS header: the signing alg, and without "enc" (re-written only when there was one). */
function jwsHeaderText(header: string, alg: string): string {
  const withAlg = withHeaderAlg(header, alg);
  try {
    const value: unknown = JSON.parse(withAlg);
    if (value && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, 'enc')) {
      const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
      delete copy.enc;
      return JSON.stringify(copy, null, 2);
    }
  } catch {
    // Text that does not parse yet is left as typed.
  }
  return withAlg;
}

/** What the encoder makes (the contract's `encoder-output`), and for a JWE its algorithm, content encryption and key. */
export function EncryptOptions({ state, onChange, signing }: EncryptOptionsProps) {
  useLocale();
  const outputId = useId();
  const algId = useId();
  const encId = useId();
  const p2cId = useId();
  const encodingId = useId();
  const output = state.output ?? 'jws';
  const encryption = state.encryption ?? INITIAL_ENCRYPTION;
  const alg = JWE_ALGORITHMS[encryption.alg];
  const usesSecret = alg?.mode === 'direct' || alg?.mode === 'key-wrap';
  const isPassword = alg?.mode === 'password';

  const setOutput = (next: EncoderOutput) =>
    onChange((previous) => {
      const chosen = previous.encryption ?? INITIAL_ENCRYPTION;
      const header =
        next === 'jwe' ? jweHeaderText(previous.header, chosen.alg, chosen.enc) : (previous.output ?? 'jws') === 'jwe' ? jwsHeaderText(previous.header, previous.alg) : previous.header;
      return { ...previous, output: next, encryption: chosen, header };
    });
  const setEncryption = (patch: Partial<EncryptionState>) =>
    onChange((previous) => {
      const next = { ...(previous.encryption ?? INITIAL_ENCRYPTION), ...patch };
      const header = (previous.output ?? 'jws') === 'jwe' && (patch.alg || patch.enc) ? jweHeaderText(previous.header, next.alg, next.enc) : previous.header;
      return { ...previous, encryption: next, header };
    });

  const result = signing.state === 'done' ? signing.result : null;
  const problem = result && !result.ok && result.source === 'encryption' ? result.error : null;

  return (
    <Section id="encoder-make-heading" title={t('ui-encoder.makeTitle')}>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <label htmlFor={outputId} className="font-medium">
          {t('ui-encoder.make')}
        </label>
        <select id={outputId} data-testid="encoder-output" value={output} onChange={(event) => setOutput(event.target.value as EncoderOutput)} className={SELECT}>
          {outputs().map((entry) => (
            <option key={entry.value} value={entry.value}>
              {entry.label}
            </option>
          ))}
        </select>
      </div>
      {output === 'jws' ? null : (
        <div className="mt-3 space-y-2 text-sm">
          <p className="text-zinc-700 dark:text-zinc-300">
            {output === 'jwe'
              ? t('ui-encoder.jweIntro')
              : t('ui-encoder.nestedIntro')}
          </p>
          <div className="flex flex-wrap items-center gap-2">
            <label htmlFor={algId} className="font-medium">
              {t('ui-encoder.keyManagement')}
            </label>
            <select id={algId} data-testid="encoder-jwe-alg" value={encryption.alg} onChange={(event) => setEncryption({ alg: event.target.value })} className={SELECT}>
              {groups().map((group) => (
                <optgroup key={group.id} label={group.label}>
                  {Object.values(JWE_ALGORITHMS)
                    .filter((entry) => group.modes.includes(entry.mode))
                    .map((entry) => (
                      <option key={entry.name} value={entry.name} disabled={!entry.supported} title={entry.unsupportedReason}>
                        {entry.name}
                        {entry.supported ? '' : entry.name === 'RSA1_5' ? t('ui-encoder.notOfferedRsa15') : t('ui-encoder.notInBrowsers')}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
            <label htmlFor={encId} className="font-medium">
              {t('ui-encoder.contentEncryption')}
            </label>
            <select id={encId} data-testid="encoder-enc" value={encryption.enc} onChange={(event) => setEncryption({ enc: event.target.value })} className={SELECT}>
              {Object.values(JWE_ENCRYPTIONS).map((entry) => (
                <option key={entry.name} value={entry.name} disabled={!entry.supported} title={entry.unsupportedReason ?? entry.description}>
                  {entry.name}
                  {entry.supported ? '' : t('ui-encoder.notInBrowsers')}
                </option>
              ))}
            </select>
          </div>
          <p className="text-xs text-zinc-700 dark:text-zinc-300">
            {t('ui-encoder.aes192Note')}
          </p>
          {isPassword ? (
            <div className="flex flex-wrap items-center gap-2">
              <label htmlFor={p2cId} className="font-medium">
                {t('ui-encoder.p2cLabel')}
              </label>
              <input
                id={p2cId}
                type="number"
                min={1000}
                max={1_000_000}
                step={1000}
                data-testid="encoder-p2c"
                value={encryption.p2c}
                onChange={(event) => setEncryption({ p2c: Math.floor(Number(event.target.value)) || 0 })}
                className="w-32 rounded border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-600 dark:bg-zinc-900"
              />
              <span className="text-xs text-zinc-700 dark:text-zinc-300">{t('ui-encoder.p2cHint', { limit: 10000 })}</span>
            </div>
          ) : null}
          {usesSecret ? (
            <div className="flex flex-wrap items-center gap-2">
              <label htmlFor={encodingId}>{t('ui-encoder.secretAs')}</label>
              <select
                id={encodingId}
                data-testid="encoder-encryption-secret-encoding"
                value={encryption.secretEncoding}
                onChange={(event) => setEncryption({ secretEncoding: event.target.value as EncoderSecretEncoding })}
                className={SELECT}
              >
                {secretEncodings().map((entry) => (
                  <option key={entry.value} value={entry.value}>
                    {entry.label}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <CodeEditor
            testId="encoder-encryption-key"
            label={isPassword ? t('ui-encoder.password') : usesSecret ? t('ui-encoder.sharedSecretForEncryption') : t('ui-encoder.recipientPublicKey')}
            value={encryption.key}
            onChange={(key) => setEncryption({ key })}
            height="7rem"
            placeholder={
              isPassword
                ? t('ui-encoder.passwordPlaceholder')
                : usesSecret
                  ? t('ui-encoder.bitSecretPlaceholder', { bits: String((alg?.mode === 'direct' ? JWE_ENCRYPTIONS[encryption.enc]?.cekBits : alg?.secretBits) ?? '') })
                  : t('ui-encoder.recipientKeyPlaceholder')
            }
          />
          <p data-testid="encoder-encryption-status" aria-live="polite" className={problem ? 'text-red-800 dark:text-red-200' : 'text-zinc-700 dark:text-zinc-300'}>
            {problem ?? (result?.ok ? t('ui-encoder.encryptedWith', { alg: encryption.alg, enc: encryption.enc }) : ' ')}
          </p>
        </div>
      )}
    </Section>
  );
}
