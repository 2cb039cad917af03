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

// max-w-full: a select is as wide as its longest option, wider than a phone; capped, it shows its chosen value and wraps to its own line.
const SELECT = 'max-w-full rounded border border-zinc-300 bg-white px-1.5 py-1 text-sm disabled:opacity-60 dark:border-zinc-600 dark:bg-zinc-900';

const OUTPUTS: { value: EncoderOutput; label: string }[] = [
  { value: 'jws', label: 'Signed (JWS)' },
  { value: 'jwe', label: 'Encrypted (JWE)' },
  { value: 'nested', label: 'Sign, then encrypt (nested JWT)' },
];

const GROUPS: { label: string; modes: JweKeyManagementMode[] }[] = [
  { label: 'RSA (recipient\u2019s public key)', modes: ['key-encryption'] },
  { label: 'ECDH-ES (recipient\u2019s EC or X25519 public key)', modes: ['key-agreement', 'key-agreement-wrap'] },
  { label: 'Shared secret', modes: ['key-wrap', 'direct'] },
  { label: 'Password (PBES2)', modes: ['password'] },
];

const ENCODINGS: { value: EncoderSecretEncoding; label: string }[] = [
  { value: 'utf8', label: 'UTF-8 text' },
  { value: 'base64url', label: 'base64url bytes' },
  { value: 'hex', label: 'hex bytes' },
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
    <Section id="encoder-make-heading" title="Sign or encrypt">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <label htmlFor={outputId} className="font-medium">
          Make
        </label>
        <select id={outputId} data-testid="encoder-output" value={output} onChange={(event) => setOutput(event.target.value as EncoderOutput)} className={SELECT}>
          {OUTPUTS.map((entry) => (
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
              ? 'The payload is encrypted; the header editor is the protected header, with alg and enc as chosen here.'
              : 'The token is signed as below, then the signed token is encrypted (a nested JWT, "cty": "JWT", RFC 7519 \u00a75.2). Only the recipient can read it, and anyone who can verify the signer\u2019s key knows who made it.'}
          </p>
          <div className="flex flex-wrap items-center gap-2">
            <label htmlFor={algId} className="font-medium">
              Key management (alg)
            </label>
            <select id={algId} data-testid="encoder-jwe-alg" value={encryption.alg} onChange={(event) => setEncryption({ alg: event.target.value })} className={SELECT}>
              {GROUPS.map((group) => (
                <optgroup key={group.label} label={group.label}>
                  {Object.values(JWE_ALGORITHMS)
                    .filter((entry) => group.modes.includes(entry.mode))
                    .map((entry) => (
                      <option key={entry.name} value={entry.name} disabled={!entry.supported} title={entry.unsupportedReason}>
                        {entry.name}
                        {entry.supported ? '' : entry.name === 'RSA1_5' ? ' (not offered: padding-oracle attacks)' : ' (not in browsers: no 192-bit AES)'}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
            <label htmlFor={encId} className="font-medium">
              Content encryption (enc)
            </label>
            <select id={encId} data-testid="encoder-enc" value={encryption.enc} onChange={(event) => setEncryption({ enc: event.target.value })} className={SELECT}>
              {Object.values(JWE_ENCRYPTIONS).map((entry) => (
                <option key={entry.name} value={entry.name} disabled={!entry.supported} title={entry.unsupportedReason ?? entry.description}>
                  {entry.name}
                  {entry.supported ? '' : ' (not in browsers: no 192-bit AES)'}
                </option>
              ))}
            </select>
          </div>
          <p className="text-xs text-zinc-700 dark:text-zinc-300">
            The 192-bit AES choices are shown but cannot be used: browsers&apos; WebCrypto (Chromium) has no 192-bit AES. RSA1_5 is left out on purpose (Bleichenbacher padding oracle).
          </p>
          {isPassword ? (
            <div className="flex flex-wrap items-center gap-2">
              <label htmlFor={p2cId} className="font-medium">
                PBES2 iterations (p2c)
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
              <span className="text-xs text-zinc-700 dark:text-zinc-300">More is slower to guess; many libraries refuse more than 10,000 by default.</span>
            </div>
          ) : null}
          {usesSecret ? (
            <div className="flex flex-wrap items-center gap-2">
              <label htmlFor={encodingId}>Secret as</label>
              <select
                id={encodingId}
                data-testid="encoder-encryption-secret-encoding"
                value={encryption.secretEncoding}
                onChange={(event) => setEncryption({ secretEncoding: event.target.value as EncoderSecretEncoding })}
                className={SELECT}
              >
                {ENCODINGS.map((entry) => (
                  <option key={entry.value} value={entry.value}>
                    {entry.label}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <CodeEditor
            testId="encoder-encryption-key"
            label={isPassword ? 'Password' : usesSecret ? 'Shared secret for encryption' : 'Recipient\u2019s public key'}
            value={encryption.key}
            onChange={(key) => setEncryption({ key })}
            height="7rem"
            placeholder={isPassword ? 'A password' : usesSecret ? `A ${alg?.mode === 'direct' ? `${JWE_ENCRYPTIONS[encryption.enc]?.cekBits ?? ''}-bit` : `${alg?.secretBits ?? ''}-bit`} secret` : 'The recipient\u2019s public key: PEM or JWK'}
          />
          <p data-testid="encoder-encryption-status" aria-live="polite" className={problem ? 'text-red-800 dark:text-red-200' : 'text-zinc-700 dark:text-zinc-300'}>
            {problem ?? (result?.ok ? `Encrypted with ${encryption.alg} and ${encryption.enc}.` : ' ')}
          </p>
        </div>
      )}
    </Section>
  );
}
