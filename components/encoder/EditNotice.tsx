'use client';

import { useEffect, useId } from 'react';
import type { GeneratedKey, GeneratedKeyKind } from '@/lib/keys/generate';
import { BUTTON } from '@/components/common/button';
import { useKeygen } from '@/components/keytools/useKeygen';
import type { EncoderState } from './encoder-state';
import { useLocale } from '@/components/i18n/useLocale';
import { t } from './messages';

/** The key kind that signs with an algorithm, for the "generate a pair" offer. */
function kindFor(alg: string): GeneratedKeyKind | null {
  if (/^(RS|PS)\d+$/.test(alg)) return 'RSA-2048';
  if (alg === 'ES256') return 'P-256';
  if (alg === 'ES384') return 'P-384';
  if (alg === 'ES512') return 'P-521';
  if (alg === 'ES256K') return 'secp256k1';
  if (alg === 'EdDSA' || alg === 'Ed25519') return 'Ed25519';
  if (alg === 'HS256' || alg === 'HS384' || alg === 'HS512') return alg;
  return null;
}

function signingKeyText(key: GeneratedKey): { key: string; secretEncoding: EncoderState['secretEncoding'] } {
  if (key.secret) return { key: key.secret.base64url, secretEncoding: 'base64url' };
  return { key: key.privatePem ?? JSON.stringify(key.privateJwk, null, 2), secretEncoding: 'utf8' };
}

interface EditNoticeProps {
  state: EncoderState;
  onPatch: (patch: Partial<EncoderState>) => void;
}

/**
 * Shown for a token opened from the decoder: whether its text is signed
 * byte for byte, what is missing to re-sign it, and a generated key pair
 * when the decoder had only a public key.
 */
export function EditNotice({ state, onPatch }: EditNoticeProps) {
  useLocale();
  const { state: keygen, generate } = useKeygen();
  const asTypedId = useId();
  const kind = kindFor(state.alg);
  const note = state.edit?.note ?? null;

  useEffect(() => {
    if (keygen.status !== 'done') return;
    onPatch({ ...signingKeyText(keygen.key), edit: { note: null, needs: null } });
    // Only a new key is acted on; onPatch is a fresh function each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [keygen]);

  if (!state.edit && !state.asTyped) return null;
  return (
    <div data-testid="encoder-edit-notice" className="mb-4 rounded-md border border-sky-600 bg-sky-50 p-3 text-sm text-sky-950 lg:col-span-2 dark:border-sky-400 dark:bg-sky-950 dark:text-sky-100">
      <p className="flex items-center gap-2">
        <input id={asTypedId} type="checkbox" data-testid="encoder-as-typed" checked={state.asTyped ?? false} onChange={(event) => onPatch({ asTyped: event.target.checked })} />
        <label htmlFor={asTypedId}>
          {state.output === 'jwe'
            ? t('ui-encoder.encryptExactly')
            : t('ui-encoder.signExactly')}
        </label>
      </p>
      {note ? (
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <p data-testid="encoder-edit-note" role="status" className="flex-1">
            {note}
          </p>
          {kind ? (
            <button type="button" data-testid="encoder-generate-key" className={BUTTON} disabled={keygen.status === 'running'} onClick={() => generate(kind)}>
              {keygen.status === 'running' ? t('ui-encoder.generating') : state.edit?.needs === 'secret' ? t('ui-encoder.generateSecret') : t('ui-encoder.generateKeyPair')}
            </button>
          ) : null}
        </div>
      ) : null}
      {keygen.status === 'failed' ? (
        <p role="alert" className="mt-2 text-red-800 dark:text-red-200">
          {keygen.error}
        </p>
      ) : null}
    </div>
  );
}
