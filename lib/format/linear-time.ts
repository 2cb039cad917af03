/**
 * Test support: whether a function's time grows linearly with its input.
 * Everything is relative to the same run, so a busy machine slows the bound
 * along with the function: the bound is what linear growth from a small input
 * predicts, with room for garbage collection measured as 100 copies of the
 * large input into an array. A quadratic scan of 1 MB needs minutes, far beyond.
 */
export function fastest(run: () => void, times: number): number {
  let best = Infinity;
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

export interface Growth {
  small: number;
  large: number;
  /** A linear pass over the large input that allocates: Array.from(input). */
  reference: number;
  /** The most `large` may take: 4 × the size ratio × `small` + 100 × `reference` + 500 ms. */
  bound: number;
}

export function growth(make: (size: number) => string, run: (input: string) => unknown, small = 50_000, large = 1_000_000): Growth {
  const smallInput = make(small);
  const largeInput = make(large);
  run(smallInput); // warm up
  const smallTime = fastest(() => run(smallInput), 5);
  const largeTime = fastest(() => run(largeInput), 2);
  const reference = fastest(() => Array.from(largeInput).length, 2);
  return { small: smallTime, large: largeTime, reference, bound: 4 * (large / small) * smallTime + 100 * reference + 500 };
}
