import { useMemo } from 'react';
import { clockFreeResults, withClock, type DecodedForFindings, type Finding } from '@/lib/findings';
import { useKeyFacts } from './useKeyFacts';
import type { SecretEncoding } from '@/lib/keys';
import { listedSecretFinding, secretTrialToken, verifiesWithWellKnownFinding } from '@/lib/secrets/findings';
import { useWellKnownSecret } from './useWellKnownSecret';
import { t } from './messages';
import { useLocale } from '@/components/i18n/useLocale';

// Labels are message IDs, read in the language shown.
const SEVERITY: Record<Finding['severity'], { label: Parameters<typeof t>[0]; className: string }> = {
  high: { label: 'ui-decoder.severityHigh', className: 'bg-red-700 text-white dark:bg-red-400 dark:text-black' },
  medium: { label: 'ui-decoder.severityMedium', className: 'bg-amber-600 text-black dark:bg-amber-400' },
  low: { label: 'ui-decoder.severityLow', className: 'bg-sky-700 text-white dark:bg-sky-300 dark:text-black' },
  info: { label: 'ui-decoder.severityInfo', className: 'bg-zinc-600 text-white dark:bg-zinc-300 dark:text-black' },
};

/** Security notes about the token (RFC 8725), most severe first. */
export function FindingsList({
  token,
  now,
  testIdPrefix = '',
  keyText = '',
  secretEncoding = 'utf8',
  compactToken,
  onUseSecret,
}: {
  token: DecodedForFindings;
  now: number;
  testIdPrefix?: string;
  keyText?: string;
  secretEncoding?: SecretEncoding;
  /** The compact JWS, to try the well-known secrets against its signature when no key is given. */
  compactToken?: string;
  /** Puts a found well-known secret into the key field. */
  onUseSecret?: (secret: string) => void;
}) {
  // The key's facts (format, secret length) let the key notes fire: weak secret, HMAC with a public key.
  // Titles and details are worded by lib/findings in the language shown: a change of language words them again.
  const locale = useLocale();
  const keyFacts = useKeyFacts(keyText, secretEncoding);
  // The rules walk the claims once per token and key; only the two about the clock run again on each tick.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- locale: see above.
  const fixed = useMemo(() => clockFreeResults(token, keyFacts), [token, keyFacts, locale]);
  const timed = useMemo(() => withClock(token, fixed, { now, ...keyFacts }), [token, fixed, now, keyFacts]);
  // A pasted secret is looked up on the list here; with no key, the token's signature is tried in a worker.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- locale: see above.
  const listed = useMemo(() => listedSecretFinding(keyText, secretEncoding), [keyText, secretEncoding, locale]);
  const trialToken = useMemo(() => secretTrialToken(compactToken, token.header, keyText), [compactToken, token.header, keyText]);
  const trial = useWellKnownSecret(trialToken);
  const wellKnown = trial.state === 'done' ? trial.secret : null;
  const findings = useMemo(
    () => [...(listed ? [listed] : []), ...(wellKnown !== null ? [verifiesWithWellKnownFinding(wellKnown)] : []), ...timed],
    // eslint-disable-next-line react-hooks/exhaustive-deps -- locale: see above.
    [listed, wellKnown, timed, locale],
  );
  if (findings.length === 0) {
    return <p className="text-sm text-zinc-600 dark:text-zinc-400" data-secret-trial={trial.state}>{t('ui-decoder.noFindings')}</p>;
  }
  return (
    <ul className="space-y-2" data-testid={`${testIdPrefix}findings`} data-secret-trial={trial.state}>
      {findings.map((finding) => (
        <li key={finding.id} data-testid={`${testIdPrefix}finding`} data-finding={finding.id} className="rounded-md border border-zinc-200 p-2 text-sm dark:border-zinc-800">
          <p className="font-semibold">
            <span className={`mr-2 rounded px-1.5 py-0.5 text-[11px] font-bold uppercase ${SEVERITY[finding.severity].className}`}>
              {t(SEVERITY[finding.severity].label)}
            </span>
            {finding.title}
          </p>
          <p className="mt-1 text-zinc-700 dark:text-zinc-300">
            {finding.detail}{' '}
            <a href={finding.spec.url} target="_blank" rel="noopener noreferrer" className="whitespace-nowrap text-blue-700 underline underline-offset-2 dark:text-blue-300">
              {finding.spec.label}
            </a>
          </p>
          {finding.id === 'well-known-secret-verifies' && wellKnown !== null && onUseSecret ? (
            <button
              type="button"
              data-testid="use-well-known-secret"
              onClick={() => onUseSecret(wellKnown)}
              className="mt-2 rounded-md border border-zinc-300 px-2.5 py-1 text-xs font-medium text-zinc-800 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:border-zinc-600 dark:text-zinc-100 dark:hover:bg-zinc-800"
            >
              {t('ui-decoder.useSecret')}
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
