import type { EditorProps } from '@monaco-editor/react';
import type { ComponentType } from 'react';
import type { Monaco } from './monaco-setup';

export interface LoadedMonaco {
  Editor: ComponentType<EditorProps>;
  monaco: Monaco;
}

let pending: Promise<LoadedMonaco> | null = null;
let ready = false;
let markRequested: () => void = () => {};
const requested = new Promise<void>((resolve) => {
  markRequested = resolve;
});

/**
 * Loads Monaco once, from our own bundle. @monaco-editor/react would fetch
 * Monaco from a CDN by default; handing it our instance prevents that.
 */
export function loadMonaco(): Promise<LoadedMonaco> {
  pending ??= Promise.all([import('@monaco-editor/react'), import('./monaco-setup')]).then(([react, setup]) => {
    react.loader.config({ monaco: setup.monaco as unknown as Parameters<typeof react.loader.config>[0]['monaco'] });
    ready = true;
    return { Editor: react.default, monaco: setup.monaco };
  });
  // A task later, so that what waits for this is requested after Monaco's own chunks.
  window.setTimeout(markRequested, 0);
  return pending;
}

/**
 * Resolves once Monaco's code has been requested (not loaded), or after
 * `fallbackMs` if it never is: for code wanted soon after the first view but
 * not in the page's first JavaScript, which then loads beside Monaco.
 */
export function whenMonacoRequested(fallbackMs = 3000): Promise<void> {
  return Promise.race([requested, new Promise<void>((resolve) => window.setTimeout(resolve, fallbackMs))]);
}

/** Starts loading Monaco once the browser is idle, after the page is interactive. */
export function loadMonacoWhenIdle(): Promise<LoadedMonaco> {
  // Already loaded (an editor that appears later, e.g. after a mode switch): no need to wait.
  if (ready && pending) return pending;
  return new Promise((resolve, reject) => {
    const start = () => loadMonaco().then(resolve, reject);
    if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(start, { timeout: 1000 });
    else window.setTimeout(start, 50);
  });
}
