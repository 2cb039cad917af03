'use client';

import { useEffect } from 'react';

/**
 * Registers the service worker that keeps the page working offline (it
 * caches the app's own files, never anything a user typed). Only in
 * production builds: `next dev` has no generated sw.js. The worker lives at
 * the base path's root, so its scope is exactly the site.
 */
export function RegisterServiceWorker() {
  useEffect(() => {
    if (process.env.NODE_ENV !== 'production' || !('serviceWorker' in navigator)) return;
    const basePath = process.env.NEXT_PUBLIC_BASE_PATH ?? '';
    const register = () => {
      navigator.serviceWorker.register(`${basePath}/sw.js`, { scope: `${basePath}/` }).catch(() => {
        // Offline use is a convenience: the page works the same without it.
      });
    };
    // Once the page has loaded and the browser is idle, so precaching never competes with the page itself.
    // Safari has no requestIdleCallback: a short delay does the same job there.
    const hasIdle = typeof window.requestIdleCallback === 'function';
    let handle = 0;
    const whenIdle = () => {
      handle = hasIdle ? window.requestIdleCallback(register, { timeout: 5000 }) : window.setTimeout(register, 1000);
    };
    if (document.readyState === 'complete') whenIdle();
    else window.addEventListener('load', whenIdle, { once: true });
    return () => {
      window.removeEventListener('load', whenIdle);
      if (hasIdle) window.cancelIdleCallback(handle);
      else window.clearTimeout(handle);
    };
  }, []);
  return null;
}
