/** Colours of a status box by state, shared by the SD-JWT and DPoP panels. */
export const STATUS_LOOK: Record<'valid' | 'invalid' | 'unverified' | 'error', string> = {
  valid: 'border-emerald-600 bg-emerald-50 text-emerald-900 dark:border-emerald-500 dark:bg-emerald-950 dark:text-emerald-100',
  invalid: 'border-red-600 bg-red-50 text-red-900 dark:border-red-500 dark:bg-red-950 dark:text-red-100',
  unverified: 'border-zinc-400 bg-zinc-50 text-zinc-800 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-200',
  error: 'border-amber-600 bg-amber-50 text-amber-900 dark:border-amber-500 dark:bg-amber-950 dark:text-amber-100',
};
