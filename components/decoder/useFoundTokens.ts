'use client';

import { useEffect, useMemo, useState } from 'react';
import { FIND_IN_SLICES_CHARS, findTokens, findTokensStepwise, type FoundToken } from '@/lib/find';

/** Longest run of the finder between two turns of the event loop, in milliseconds. */
const SLICE_MS = 12;

/**
 * The tokens found in `text`, or null while they are not known (or `enabled` is false).
 * Short text is searched in the render; long text in slices between frames, and a search
 * for text that has since changed is stopped.
 */
export function useFoundTokens(text: string, enabled: boolean): FoundToken[] | null {
  const inSlices = enabled && text.length > FIND_IN_SLICES_CHARS;
  const immediate = useMemo(() => (enabled && !inSlices ? findTokens(text) : null), [enabled, inSlices, text]);
  const [sliced, setSliced] = useState<{ text: string; found: FoundToken[] } | null>(null);

  useEffect(() => {
    if (!inSlices) return;
    let stopped = false;
    const steps = findTokensStepwise(text);
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
  }, [inSlices, text]);

  if (!enabled) return null;
  if (!inSlices) return immediate;
  return sliced !== null && sliced.text === text ? sliced.found : null;
}
