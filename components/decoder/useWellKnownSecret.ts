'use client';

import { useEffect, useRef, useState } from 'react';
import type { SecretTrial } from '@/lib/secrets/try-secrets';
import { t } from './messages';

type WorkerReply = { id: number; result: SecretTrial };

export type SecretTrialStatus = { state: 'idle' } | { state: 'running' } | { state: 'done'; secret: string | null };

/**
 * The well-known secret the token verifies with, tried in a Web Worker that is started
 * on first need. A trial still running when the token changes is stopped (its worker
 * terminated); a reply for an older token is never shown. `secret` is null when none verifies.
 */
export function useWellKnownSecret(token: string | null): SecretTrialStatus {
  const [found, setFound] = useState<{ token: string; secret: string | null } | null>(null);
  const worker = useRef<Worker | null>(null);
  const latest = useRef(0);

  useEffect(() => () => worker.current?.terminate(), []);

  useEffect(() => {
    if (token === null) return;
    const id = ++latest.current;
    let finished = false;
    const finish = (result: SecretTrial) => {
      finished = true;
      if (id === latest.current) setFound({ token, secret: result.ok ? result.secret : null });
    };
    let running: Worker | null = null;
    try {
      running = worker.current ?? startWorker();
      worker.current = running;
      running.onmessage = (event: MessageEvent<WorkerReply>) => {
        if (event.data.id === id) finish(event.data.result);
      };
      // The worker's script failed to load or threw: the trial ends with nothing found.
      const failed = running;
      running.onerror = (event) => {
        event.preventDefault();
        failed.terminate();
        if (worker.current === failed) worker.current = null;
        finish({ ok: false, error: event.message || t('ui-decoder.trialFailed') });
      };
      running.postMessage({ id, token });
    } catch {
      // No module workers here: the trial awaits WebCrypto between secrets, so the page stays responsive.
      void import('@/lib/secrets/try-secrets')
        .then(({ findWellKnownSecret }) => findWellKnownSecret(token))
        .then(finish, () => finish({ ok: false, error: t('ui-decoder.trialFailed') }));
    }
    return () => {
      if (finished || running === null) return;
      running.terminate();
      if (worker.current === running) worker.current = null;
    };
  }, [token]);

  if (token === null) return { state: 'idle' };
  return found !== null && found.token === token ? { state: 'done', secret: found.secret } : { state: 'running' };
}

function startWorker(): Worker {
  // Turbopack bundles the worker only when `new URL(...)` sits directly inside `new Worker(...)`.
  return new Worker(new URL('./secrets.worker', import.meta.url), { type: 'module' });
}
