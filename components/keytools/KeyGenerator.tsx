'use client';

import { useEffect, useId, useState } from 'react';
import { OptionSelect } from '@/components/common/OptionSelect';
import type { GeneratedKey, GeneratedKeyKind } from '@/lib/keys/generate';
import { BUTTON } from '@/components/common/button';
import { KeyOutput } from './KeyOutput';
import { useKeygen } from './useKeygen';
import type { KeyPair } from './key-pair';

const KINDS: { kind: GeneratedKeyKind; label: string; alg: string }[] = [
  { kind: 'HS256', label: 'HMAC secret, 256 bits (HS256)', alg: 'HS256' },
  { kind: 'HS384', label: 'HMAC secret, 384 bits (HS384)', alg: 'HS384' },
  { kind: 'HS512', label: 'HMAC secret, 512 bits (HS512)', alg: 'HS512' },
  { kind: 'RSA-2048', label: 'RSA 2048 (RS256, PS256…)', alg: 'RS256' },
  { kind: 'RSA-3072', label: 'RSA 3072', alg: 'RS256' },
  { kind: 'RSA-4096', label: 'RSA 4096', alg: 'RS256' },
  { kind: 'P-256', label: 'EC P-256 (ES256)', alg: 'ES256' },
  { kind: 'P-384', label: 'EC P-384 (ES384)', alg: 'ES384' },
  { kind: 'P-521', label: 'EC P-521 (ES512)', alg: 'ES512' },
  { kind: 'Ed25519', label: 'Ed25519 (EdDSA)', alg: 'EdDSA' },
  { kind: 'secp256k1', label: 'secp256k1 (ES256K)', alg: 'ES256K' },
  { kind: 'ML-DSA-44', label: 'ML-DSA-44 (post-quantum)', alg: 'ML-DSA-44' },
  { kind: 'ML-DSA-65', label: 'ML-DSA-65 (post-quantum)', alg: 'ML-DSA-65' },
  { kind: 'ML-DSA-87', label: 'ML-DSA-87 (post-quantum)', alg: 'ML-DSA-87' },
];
const KIND_OPTIONS = KINDS.map((entry) => ({ value: entry.kind, label: entry.label }));

function pairOf(key: GeneratedKey): KeyPair | null {
  const alg = KINDS.find((entry) => entry.kind === key.kind)?.alg ?? 'RS256';
  if (key.secret) return { privateKey: key.secret.base64url, publicKey: key.secret.base64url, alg, secretEncoding: 'base64url' };
  // JOSE names ML-DSA keys as AKP JWKs, so those go to the editors; the PEMs are shown beside them.
  if (key.privateJwk.kty === 'AKP') return { privateKey: JSON.stringify(key.privateJwk, null, 2), publicKey: JSON.stringify(key.publicJwk, null, 2), alg, secretEncoding: 'utf8' };
  if (!key.privatePem || !key.publicPem) return null;
  return { privateKey: key.privatePem, publicKey: key.publicPem, alg, secretEncoding: 'utf8' };
}

export function KeyGenerator({ onUsePair }: { onUsePair: (pair: KeyPair) => void }) {
  const [kind, setKind] = useState<GeneratedKeyKind>('RSA-2048');
  const { state, generate } = useKeygen();
  const kindId = useId();
  const elapsed = useElapsed(state.status === 'running' ? state.startedAt : null);
  const key = state.status === 'done' ? state.key : null;
  const pair = key ? pairOf(key) : null;

  return (
    <section aria-labelledby="keygen-heading" className="space-y-3">
      <h3 id="keygen-heading" className="text-base font-semibold">
        Generate a key
      </h3>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <label htmlFor={kindId}>Kind</label>
        <OptionSelect id={kindId} testId="keygen-kind" value={kind} options={KIND_OPTIONS} onChange={setKind} />
        <button type="button" data-testid="keygen-run" className={BUTTON} onClick={() => generate(kind)} disabled={state.status === 'running'}>
          {state.status === 'running' ? 'Generating…' : 'Generate'}
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
              <progress aria-label="Generating the key" className="mr-2 h-2 w-24 align-middle" /> {state.kind}: {(elapsed / 1000).toFixed(1)} s
            </>
          ) : state.status === 'done' ? (
            `${state.key.kind} generated in ${(state.ms / 1000).toFixed(2)} s, in your browser.`
          ) : state.status === 'failed' ? (
            state.error
          ) : (
            'Keys are made in your browser and never leave it.'
          )}
        </span>
      </div>

      {key ? (
        <div className="space-y-3">
          <p className="text-sm text-zinc-700 dark:text-zinc-300">
            <span className="font-medium">kid</span> (RFC 7638 thumbprint): <code data-testid="keygen-kid" className="break-all">{key.kid}</code>
          </p>
          {pair ? (
            <button type="button" data-testid="keygen-use-pair" className={BUTTON} onClick={() => onUsePair(pair)}>
              {key.secret ? 'Use this secret in the encoder and the decoder' : 'Use this pair: private key into the encoder, public key into the decoder'}
            </button>
          ) : null}
          {key.secret ? (
            <div className="grid gap-3 md:grid-cols-2">
              <KeyOutput testId="keygen-secret-base64url" label="Secret (base64url)" value={key.secret.base64url} rows={2} />
              <KeyOutput testId="keygen-secret-hex" label="Secret (hex)" value={key.secret.hex} rows={3} />
              <KeyOutput testId="keygen-private-jwk" label="Secret as JWK" value={JSON.stringify(key.privateJwk, null, 2)} rows={5} />
            </div>
          ) : (
            <div className="grid gap-3 md:grid-cols-2">
              {key.privatePem ? <KeyOutput testId="keygen-private-pem" label="Private key, PEM (PKCS#8)" value={key.privatePem} rows={8} /> : null}
              {key.publicPem ? <KeyOutput testId="keygen-public-pem" label="Public key, PEM (SPKI)" value={key.publicPem} rows={8} /> : null}
              <KeyOutput testId="keygen-private-jwk" label="Private key, JWK" value={JSON.stringify(key.privateJwk, null, 2)} rows={8} />
              <KeyOutput testId="keygen-public-jwk" label="Public key, JWK" value={JSON.stringify(key.publicJwk, null, 2)} rows={8} />
              <KeyOutput testId="keygen-jwks" label="Public JWKS (ready to publish)" value={key.jwks ?? ''} rows={8} />
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
