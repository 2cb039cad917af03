'use client';

import { useEffect, useMemo, useState } from 'react';
import type { FoundToken } from '@/lib/find/types';
import { FIND_IN_SLICES_CHARS } from '@/lib/find/opened-token';

/** Longest run of the finder between two turns of the event loop, in milliseconds. */
const SLICE_MS = 12;

type Finder = typeof import('@/lib/find/find');
let finderLoad: Promise<Finder> | null = null;
// The finder loads on the first paste that is not a bare token: an ordinary visit never downloads it.
const loadFinder = () => (finderLoad ??= import('@/lib/find/find'));

/**
 * The tokens found in `text`, or null while they are not known (or `enabled` is false).
 * Short text is searched at once once the finder has loaded; long text in slices between
 * frames, and a search for text that has since changed is stopped.
 */
export function useFoundTokens(text: string, enabled: boolean): FoundToken[] | null {
  const [finder, setFinder] = useState<Finder | null>(null);
  const [sliced, setSliced] = useState<{ text: string; found: FoundToken[] } | null>(null);
  const inSlices = enabled && text.length > FIND_IN_SLICES_CHARS;
  // Short text: one synchronous search in the render, well under a frame.
  const immediate = useMemo(() => (finder && enabled && !inSlices ? finder.findTokens(text) : null), [finder, enabled, inSlices, text]);

  useEffect(() => {
    if (!enabled || finder) return;
    let live = true;
    loadFinder().then(
      (module) => {
        if (live) setFinder(module);
      },
      () => {
        // Without the finder the decoder still shows its own located error for the text.
        finderLoad = null;
      },
    );
    return () => {
      live = false;
    };
  }, [enabled, finder]);

  useEffect(() => {
    if (!finder || !inSlices) return;
    let stopped = false;
    const steps = finder.findTokensStepwise(text);
    const slice = () => {
      if (stopped) return;
      const began = performance.now();
      let step = steps.next();
      while (!step.done && performance.now() - began < SLICE_MS) step = steps.next();
      if (step.done) setSliced({ text, found: step.value });
      else timer = setTimeout(slice, 0);
    };
    let timer = setTimeout(slice, 0);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [finder, inSlices, text]);

  if (!enabled) return null;
  if (!inSlices) return immediate;
  return sliced !== null && sliced.text === text ? sliced.found : null;
}
