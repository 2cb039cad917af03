'use client';

import type { Signing } from './useSigning';
import type { EncoderOutput } from './encrypt-state';
import { useLocale } from '@/components/i18n/useLocale';
import { t } from './messages';

const ROLES = ['header', 'payload', 'signature'] as const;
const JWE_ROLES = ['header', 'encryptedKey', 'iv', 'ciphertext', 'tag'] as const;

/**
 * The contract's `encoded-token`: the token made (signed, encrypted, or both)
 * coloured like the decoder's, with the exact token in data-token. While it
 * cannot be made, data-token is empty and the reason is shown instead; while a
 * new token is being made the previous one stays visible, dimmed, but is not
 * offered as the result. Its words follow what is made.
 */
export function EncodedToken({ signing, output = 'jws' }: { signing: Signing; output?: EncoderOutput }) {
  useLocale();
  const previous = signing.state === 'pending' && signing.previous?.ok ? signing.previous.token : '';
  const token = signing.state === 'done' && signing.result.ok ? signing.result.token : '';
  const shown = signing.state === 'pending' ? previous : token;
  const failed = signing.state === 'done' && !signing.result.ok ? signing.result : null;
  const reason = failed ? failed.error : null;
  // A nested token is signed first: what stops it is the signing, unless the encryption failed.
  const cannot = output === 'jwe' || (output === 'nested' && failed?.source === 'encryption') ? t('ui-encoder.cannotEncrypt') : t('ui-encoder.cannotSign');
  const working = output === 'jwe' ? t('ui-encoder.encrypting') : output === 'nested' ? t('ui-encoder.signingAndEncrypting') : t('ui-encoder.signing');
  return (
    <div
      data-testid="encoded-token"
      translate="no"
      data-token={token}
      data-state={signing.state === 'pending' ? 'pending' : token ? 'signed' : 'error'}
      aria-busy={signing.state === 'pending'}
      aria-live="polite"
      className="min-h-24 rounded-md border border-zinc-300 bg-white p-3 font-mono text-[13px] leading-[18px] break-all dark:border-zinc-700 dark:bg-zinc-900"
    >
      {reason !== null ? (
        <p role="alert" className="font-sans text-sm text-red-800 dark:text-red-200">
          <span className="font-semibold">{cannot} </span>
          {reason}
        </p>
      ) : shown ? (
        <span className={signing.state === 'pending' ? 'opacity-60' : undefined}>
          {shown.split('.').map((part, index, parts) => (
            <span key={index}>
              {index > 0 ? <span className="seg-dot">.</span> : null}
              <span className={`seg-${(parts.length === 5 ? JWE_ROLES : ROLES)[index] ?? 'signature'}`}>{part}</span>
            </span>
          ))}
        </span>
      ) : (
        <span className="font-sans text-sm text-zinc-600 dark:text-zinc-400">{working}</span>
      )}
    </div>
  );
}
