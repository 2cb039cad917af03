import type { KeyProblem } from './types';
import { t } from './messages';

/**
 * Thrown only inside lib/keys by the structure readers, and turned into a
 * KeyProblem value by the public functions: the readers nest deeply, and a
 * throw keeps every one of them short. Nothing outside this folder sees it.
 */
export class KeyError extends Error {
  readonly offset?: number;
  constructor(message: string, offset?: number) {
    super(message);
    this.name = 'KeyError';
    if (offset !== undefined) this.offset = offset;
  }
}

export function problemOf(error: unknown, fallbackOffset?: number): KeyProblem {
  if (error instanceof KeyError) {
    const offset = error.offset ?? fallbackOffset;
    return offset === undefined ? { message: error.message } : { message: error.message, offset };
  }
  const message = t('keys.unreadable', { reason: error instanceof Error ? error.message : String(error) });
  return fallbackOffset === undefined ? { message } : { message, offset: fallbackOffset };
}
