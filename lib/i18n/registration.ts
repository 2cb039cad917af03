import type { Messages } from '@lingui/core';

// The build (scripts/messages) writes each module's English messages as runs: the index
// of a run's first message ID (in the sorted list of all IDs), then its messages, the
// next message having the next index. The short key of an index is that number in base
// 62, as the build writes keys in the code.
const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** What the build hands over: run starts (numbers) and compiled messages; a plain message may be a bare string. */
export type EnglishRuns = ReadonlyArray<number | string | readonly unknown[]>;

/** The short key of the message at `index` among all IDs sorted: 0, 1, … z, A, … Z, 10, … */
export function shortKey(index: number): string {
  let key = '';
  let rest = index;
  do {
    key = DIGITS[rest % DIGITS.length] + key;
    rest = Math.floor(rest / DIGITS.length);
  } while (rest > 0);
  return key;
}

/** The messages of a module's runs, keyed by short key, each compiled (a plain string becomes its one-part form). */
export function messagesOfRuns(runs: EnglishRuns): Messages {
  const messages: Messages = {};
  let index = 0;
  for (const item of runs) {
    if (typeof item === 'number') {
      index = item;
      continue;
    }
    messages[shortKey(index)] = (typeof item === 'string' ? [item] : item) as Messages[string];
    index += 1;
  }
  return messages;
}
