'use client';

import { useEffect } from 'react';
import { schedulePrecache, type PrecacheClock } from '@/lib/offline/precache-schedule';

/** The user's acts that start the offline copy early (capture phase: an editor may stop their propagation). */
const INTERACTIONS = ['pointerdown', 'keydown', 'paste', 'drop'] as const;

function browserClock(): PrecacheClock {
  return {
    loaded: () => document.readyState === 'complete',
    onLoad: (listener) => {
      window.addEventListener('load', listener, { once: true });
      return () => window.removeEventListener('load', listener);
    },
    onInteraction: (listener) => {
      for (const type of INTERACTIONS) window.addEventListener(type, listener, { capture: true, passive: true });
      return () => INTERACTIONS.forEach((type) => window.removeEventListener(type, listener, { capture: true }));
    },
    later: (milliseconds, run) => {
      const handle = window.setTimeout(run, milliseconds);
      return () => window.clearTimeout(handle);
    },
    whenIdle: (run, timeout) => {
      // Safari has no requestIdleCallback: a short delay does the same job there.
      if (typeof window.requestIdleCallback !== 'function') {
        const handle = window.setTimeout(run, 1000);
        return () => window.clearTimeout(handle);
      }
      const handle = window.requestIdleCallback(run, { timeout });
      return () => window.cancelIdleCallback(handle);
    },
  };
}

/**
 * Registers the service worker that keeps the page working offline (it
 * caches the app's own files, never anything a user typed). Registering
 * makes it download the whole build, so it waits: see precache-schedule.ts
 * (a first visit downloads only what the page itself needs). Only in
 * production builds: `next dev` has no generated sw.js. The worker lives at
 * the base path's root, so its scope is exactly the site.
 */
export function RegisterServiceWorker() {
  useEffect(() => {
    if (process.env.NODE_ENV !== 'production' || !('serviceWorker' in navigator)) return;
    const basePath = process.env.NEXT_PUBLIC_BASE_PATH ?? '';
    return schedulePrecache(browserClock(), () => {
      navigator.serviceWorker.register(`${basePath}/sw.js`, { scope: `${basePath}/` }).catch(() => {
        // Offline use is a convenience: the page works the same without it.
      });
    });
  }, []);
  return null;
}
