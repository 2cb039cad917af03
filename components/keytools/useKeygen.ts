'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { GeneratedKey, GeneratedKeyKind } from '@/lib/keys/generate';
import { t } from './messages';

type WorkerReply = { id: number; ok: true; key: GeneratedKey } | { id: number; ok: false; error: string };

export type KeygenState =
  | { status: 'idle' }
  | { status: 'running'; kind: GeneratedKeyKind; startedAt: number }
  | { status: 'done'; key: GeneratedKey; ms: number }
  | { status: 'failed'; error: string };

/**
 * Generates keys in a Web Worker (falling back to the page when workers are
 * unavailable). Only the latest request's answer is kept.
 */
export function useKeygen() {
  const [state, setState] = useState<KeygenState>({ status: 'idle' });
  const worker = useRef<Worker | null>(null);
  const latest = useRef(0);

  useEffect(() => () => worker.current?.terminate(), []);

  const generate = useCallback((kind: GeneratedKeyKind) => {
    const id = ++latest.current;
    const startedAt = performance.now();
    setState({ status: 'running', kind, startedAt });
    const finish = (reply: WorkerReply) => {
      if (reply.id !== latest.current) return;
      setState(reply.ok ? { status: 'done', key: reply.key, ms: performance.now() - startedAt } : { status: 'failed', error: t('ui-keytools.generateFailed', { reason: reply.error }) });
    };
    try {
      if (!worker.current) worker.current = startWorker();
      worker.current.onmessage = (event: MessageEvent<WorkerReply>) => finish(event.data);
      // The worker's script failed to load or threw: this request gets an answer all the same.
      worker.current.onerror = (event) => {
        event.preventDefault();
        worker.current?.terminate();
        worker.current = null;
        finish({ id, ok: false, error: event.message || 'the key generator stopped' });
      };
      worker.current.postMessage({ id, kind });
    } catch {
      import('@/lib/keys/generate')
        .then(({ generateKey }) => generateKey(kind))
        .then(
          (key) => finish({ id, ok: true, key }),
          (error: unknown) => finish({ id, ok: false, error: error instanceof Error ? error.message : String(error) }),
        );
    }
  }, []);

  return { state, generate };
}

function startWorker(): Worker {
  // Turbopack bundles the worker only when `new URL(...)` sits directly inside `new Worker(...)`.
  return new Worker(new URL('./keygen.worker', import.meta.url), { type: 'module' });
}
