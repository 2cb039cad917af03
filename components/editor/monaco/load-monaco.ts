import type { EditorProps } from '@monaco-editor/react';
import type { ComponentType } from 'react';
import type { Monaco } from './monaco-setup';

export interface LoadedMonaco {
  Editor: ComponentType<EditorProps>;
  monaco: Monaco;
}

let pending: Promise<LoadedMonaco> | null = null;
let ready = false;

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
  return pending;
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
