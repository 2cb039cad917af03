'use client';

import { useEffect, useId, useState } from 'react';
import { OptionSelect } from '@/components/common/OptionSelect';
import type { GeneratedKey, GeneratedKeyKind } from '@/lib/keys/generate';
import { BUTTON } from '@/components/common/button';
import { KeyOutput } from './KeyOutput';
import { useKeygen } from './useKeygen';
import type { KeyPair } from './key-pair';
import { useLocale } from '@/components/i18n/useLocale';
import { t } from './messages';

// Labels are functions, called when rendering, so they follow the language chosen.
const KINDS: { kind: GeneratedKeyKind; label: () => string; alg: string }[] = [
  { kind: 'HS256', label: () => t('ui-keytools.hmacSecret', { bits: 256, alg: 'HS256' }), alg: 'HS256' },
  { kind: 'HS384', label: () => t('ui-keytools.hmacSecret', { bits: 384, alg: 'HS384' }), alg: 'HS384' },
  { kind: 'HS512', label: () => t('ui-keytools.hmacSecret', { bits: 512, alg: 'HS512' }), alg: 'HS512' },
  { kind: 'RSA-2048', label: () => 'RSA 2048 (RS256, PS256…)', alg: 'RS256' },
  { kind: 'RSA-3072', label: () => 'RSA 3072', alg: 'RS256' },
  { kind: 'RSA-4096', label: () => 'RSA 4096', alg: 'RS256' },
  { kind: 'P-256', label: () => 'EC P-256 (ES256)', alg: 'ES256' },
  { kind: 'P-384', label: () => 'EC P-384 (ES384)', alg: 'ES384' },
  { kind: 'P-521', label: () => 'EC P-521 (ES512)', alg: 'ES512' },
  { kind: 'Ed25519', label: () => 'Ed25519 (EdDSA)', alg: 'EdDSA' },
  { kind: 'secp256k1', label: () => 'secp256k1 (ES256K)', alg: 'ES256K' },
  { kind: 'ML-DSA-44', label: () => t('ui-keytools.postQuantum', { name: 'ML-DSA-44' }), alg: 'ML-DSA-44' },
  { kind: 'ML-DSA-65', label: () => t('ui-keytools.postQuantum', { name: 'ML-DSA-65' }), alg: 'ML-DSA-65' },
  { kind: 'ML-DSA-87', label: () => t('ui-keytools.postQuantum', { name: 'ML-DSA-87' }), alg: 'ML-DSA-87' },
];
const kindOptions = () => KINDS.map((entry) => ({ value: entry.kind, label: entry.label() }));

function pairOf(key: GeneratedKey): KeyPair | null {
  const alg = KINDS.find((entry) => entry.kind === key.kind)?.alg ?? 'RS256';
  if (key.secret) return { privateKey: key.secret.base64url, publicKey: key.secret.base64url, alg, secretEncoding: 'base64url' };
  // JOSE names ML-DSA keys as AKP JWKs, so those go to the editors; the PEMs are shown beside them.
  if (key.privateJwk.kty === 'AKP') return { privateKey: JSON.stringify(key.privateJwk, null, 2), publicKey: JSON.stringify(key.publicJwk, null, 2), alg, secretEncoding: 'utf8' };
  if (!key.privatePem || !key.publicPem) return null;
  return { privateKey: key.privatePem, publicKey: key.publicPem, alg, secretEncoding: 'utf8' };
}

export function KeyGenerator({ onUsePair }: { onUsePair: (pair: KeyPair) => void }) {
  useLocale();
  const [kind, setKind] = useState<GeneratedKeyKind>('RSA-2048');
  const { state, generate } = useKeygen();
  const kindId = useId();
  const elapsed = useElapsed(state.status === 'running' ? state.startedAt : null);
  const key = state.status === 'done' ? state.key : null;
  const pair = key ? pairOf(key) : null;

  return (
    <section aria-labelledby="keygen-heading" className="space-y-3">
      <h3 id="keygen-heading" className="text-base font-semibold">
        {t('ui-keytools.generateHeading')}
      </h3>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <label htmlFor={kindId}>{t('ui-keytools.kind')}</label>
        <OptionSelect id={kindId} testId="keygen-kind" value={kind} options={kindOptions()} onChange={setKind} />
        <button type="button" data-testid="keygen-run" className={BUTTON} onClick={() => generate(kind)} disabled={state.status === 'running'}>
          {state.status === 'running' ? t('ui-keytools.generating') : t('ui-keytools.generate')}
        </button>
        <span
          role="status"
          data-testid="keygen-status"
          data-state={state.status}
          data-elapsed-ms={state.status === 'done' ? Math.round(state.ms) : undefined}
          className="text-zinc-700 dark:text-zinc-300"
        >
          {state.status === 'running' ? (
            <>
              <progress aria-label={t('ui-keytools.generatingTheKey')} className="mr-2 h-2 w-24 align-middle" /> {t('ui-keytools.elapsed', { kind: state.kind, seconds: (elapsed / 1000).toFixed(1) })}
            </>
          ) : state.status === 'done' ? (
            t('ui-keytools.generatedIn', { kind: state.key.kind, seconds: (state.ms / 1000).toFixed(2) })
          ) : state.status === 'failed' ? (
            state.error
          ) : (
            t('ui-keytools.keysStayHere')
          )}
        </span>
      </div>

      {key ? (
        <div className="space-y-3">
          <p className="text-sm text-zinc-700 dark:text-zinc-300">
            <span className="font-medium">kid</span> {t('ui-keytools.thumbprint')} <code data-testid="keygen-kid" className="break-all">{key.kid}</code>
          </p>
          {pair ? (
            <button type="button" data-testid="keygen-use-pair" className={BUTTON} onClick={() => onUsePair(pair)}>
              {key.secret ? t('ui-keytools.useSecret') : t('ui-keytools.usePair')}
            </button>
          ) : null}
          {key.secret ? (
            <div className="grid gap-3 md:grid-cols-2">
              <KeyOutput testId="keygen-secret-base64url" label={t('ui-keytools.secretBase64url')} value={key.secret.base64url} rows={2} />
              <KeyOutput testId="keygen-secret-hex" label={t('ui-keytools.secretHex')} value={key.secret.hex} rows={3} />
              <KeyOutput testId="keygen-private-jwk" label={t('ui-keytools.secretJwk')} value={JSON.stringify(key.privateJwk, null, 2)} rows={5} />
            </div>
          ) : (
            <div className="grid gap-3 md:grid-cols-2">
              {key.privatePem ? <KeyOutput testId="keygen-private-pem" label={t('ui-keytools.privatePem')} value={key.privatePem} rows={8} /> : null}
              {key.publicPem ? <KeyOutput testId="keygen-public-pem" label={t('ui-keytools.publicPem')} value={key.publicPem} rows={8} /> : null}
              <KeyOutput testId="keygen-private-jwk" label={t('ui-keytools.privateJwk')} value={JSON.stringify(key.privateJwk, null, 2)} rows={8} />
              <KeyOutput testId="keygen-public-jwk" label={t('ui-keytools.publicJwk')} value={JSON.stringify(key.publicJwk, null, 2)} rows={8} />
              <KeyOutput testId="keygen-jwks" label={t('ui-keytools.jwksToPublish')} value={key.jwks ?? ''} rows={8} />
            </div>
          )}
        </div>
      ) : null}
    </section>
  );
}

/** Milliseconds since `startedAt`, ticking while it is set: visible proof the page is not frozen. */
function useElapsed(startedAt: number | null): number {
  const [now, setNow] = useState(0);
  useEffect(() => {
    if (startedAt === null) return;
    const timer = window.setInterval(() => setNow(performance.now() - startedAt), 100);
    return () => window.clearInterval(timer);
  }, [startedAt]);
  return startedAt === null ? 0 : now;
}
