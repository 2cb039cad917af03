import type { Verification } from './verification';
import { t } from './messages';
import { useLocale } from '@/components/i18n/useLocale';

// Titles are message IDs, read in the language shown.
const LOOK: Record<Verification['state'], { title: Parameters<typeof t>[0]; icon: string; className: string }> = {
  valid: { title: 'ui-decoder.statusValid', icon: '✓', className: 'border-emerald-600 bg-emerald-50 text-emerald-900 dark:border-emerald-500 dark:bg-emerald-950 dark:text-emerald-100' },
  invalid: { title: 'ui-decoder.statusInvalid', icon: '✗', className: 'border-red-600 bg-red-50 text-red-900 dark:border-red-500 dark:bg-red-950 dark:text-red-100' },
  unverified: { title: 'ui-decoder.statusUnverified', icon: '○', className: 'border-zinc-400 bg-zinc-50 text-zinc-800 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-200' },
  error: { title: 'ui-decoder.statusError', icon: '!', className: 'border-amber-600 bg-amber-50 text-amber-900 dark:border-amber-500 dark:bg-amber-950 dark:text-amber-100' },
};

interface SignatureStatusProps {
  verification: Verification;
  isJwe: boolean;
  /** Warnings already shown elsewhere (under the key editor), not repeated here. */
  shownElsewhere?: readonly string[];
  /** More notes that belong with the result, e.g. that the key came from the token itself. */
  extraWarnings?: readonly string[];
  /** Prefixes the test ids, for a second status on the page (a nested token's: "inner-"). */
  testIdPrefix?: string;
}

/** The signature (or decryption) result: the contract's `signature-status`, with a sentence a person understands. */
export function SignatureStatus({ verification, isJwe, shownElsewhere = [], extraWarnings = [], testIdPrefix = '' }: SignatureStatusProps) {
  useLocale();
  const look = LOOK[verification.state];
  // Title, state and message all come from the one verification object, so they always agree.
  const title = verification.pending
    ? t('ui-decoder.statusChecking')
    : verification.keyConfusion
    ? t('ui-decoder.statusKeyConfusion')
    : isJwe && verification.state === 'valid'
      ? t('ui-decoder.statusDecrypted')
      : isJwe && verification.state === 'invalid'
        ? t('ui-decoder.statusDecryptionFailed')
        : t(look.title);
  const warnings = [...extraWarnings, ...verification.warnings.filter((warning) => !shownElsewhere.includes(warning))];
  const used = verification.usedKey;
  return (
    <div
      data-testid={`${testIdPrefix}signature-status`}
      data-state={verification.state}
      data-key-confusion={verification.keyConfusion ? 'true' : undefined}
      aria-live="polite"
      aria-busy={verification.pending}
      className={`rounded-md border-l-4 px-3 py-2 text-sm ${look.className} ${verification.pending ? 'opacity-70' : ''}`}
    >
      <p className="font-semibold">
        <span aria-hidden="true">{look.icon} </span>
        {title}
      </p>
      <p data-testid={`${testIdPrefix}signature-message`}>{verification.message}</p>
      {used && verification.state === 'valid' && !isJwe ? (
        <p data-testid={`${testIdPrefix}signature-key`} data-kid={used.kid ?? ''} data-index={used.index} className="mt-1">
          <span className="font-medium">{t('ui-decoder.keyUsed')}</span> {used.kid !== undefined ? <>kid <code className="font-mono">{used.kid}</code>, </> : null}
          {used.description}
          {verification.triedKeys !== undefined && verification.triedKeys > 1 ? t('ui-decoder.foundAfterTrying', { count: verification.triedKeys, n: String(verification.triedKeys) }) : ''}
        </p>
      ) : null}
      {warnings.length > 0 ? (
        <ul className="mt-1 list-disc pl-5">
          {warnings.map((warning) => (
            <li key={warning} data-testid={`${testIdPrefix}signature-warning`}>
              {warning}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
