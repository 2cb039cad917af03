import type { CertificateSummary } from '@/lib/keys';
import type { KeyDetails, KeyEntry } from './useKeyDetails';
import { useLocale } from '@/components/i18n/useLocale';
import { t } from './messages';

const WARNING = 'text-amber-900 dark:text-amber-200';
const MUTED = 'text-zinc-700 dark:text-zinc-300';

/** "Detected: …" under the key editor: the format, the keys it holds, a certificate's details, and what is wrong. */
export function KeyDetailsView({ details, tokenKid }: { details: KeyDetails; tokenKid: string | undefined }) {
  useLocale();
  if (details.state === 'empty' || details.state === 'loading') return null;
  return (
    <div data-testid="key-details" data-format={details.format ?? ''} className="mt-2 space-y-1 text-sm" aria-live="polite">
      {details.formatLabel ? (
        <p data-testid="key-format" className={MUTED}>
          <span className="font-medium">{t('ui-verify.detected')}</span> {headline(details)}
        </p>
      ) : null}
      {details.state === 'error' && details.error ? (
        <p data-testid="key-error" role="alert" className="rounded-md border-l-4 border-red-600 bg-red-50 px-3 py-2 text-red-900 dark:border-red-400 dark:bg-red-950 dark:text-red-100">
          {details.error.message}
        </p>
      ) : null}
      {details.format === 'jwks' ? <KeySetList keys={details.keys} tokenKid={tokenKid} /> : null}
      {details.keys.map((key, position) =>
        key.certificate ? <CertificateDetails key={position} certificate={key.certificate} /> : null,
      )}
      {details.warnings.length > 0 ? (
        <ul className={`list-disc space-y-0.5 pl-5 ${WARNING}`}>
          {details.warnings.map((warning) => (
            <li key={warning} data-testid="key-warning">
              {warning}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function headline(details: KeyDetails): string {
  const label = details.formatLabel ?? '';
  const only = details.keys.length === 1 ? details.keys[0] : undefined;
  if (details.format === 'jwks' || !only) return label;
  // kid "…" is a parameter and its value, written as in JSON in every language.
  const kid = only.kid !== undefined ? `, kid "${only.kid}"` : '';
  return t('ui-verify.headline', { format: label, description: `${only.description}${kid}` });
}

function KeySetList({ keys, tokenKid }: { keys: KeyEntry[]; tokenKid: string | undefined }) {
  useLocale();
  return (
    <ul data-testid="key-list" className={`space-y-0.5 pl-1 ${MUTED}`} aria-label={t('ui-verify.keysInSet')}>
      {keys.map((key, position) => {
        const matches = tokenKid !== undefined && key.kid === tokenKid;
        return (
          <li key={position} data-testid="key-entry" data-kid={key.kid ?? ''} data-matches-kid={matches ? 'true' : 'false'}>
            <span aria-hidden="true">{matches ? '→ ' : '• '}</span>
            {key.kid !== undefined ? (
              <>
                kid <code className="font-mono">{key.kid}</code>
              </>
            ) : (
              t('ui-verify.keyWithoutKid', { n: String((key.index ?? position) + 1) })
            )}
            : {key.description}
            {/* Parameter names and values, written as in JSON in every language. */}
            {key.alg ? `, alg ${key.alg}` : ''}
            {key.use ? `, use "${key.use}"` : ''}
            {matches ? <strong className="font-semibold">{t('ui-verify.matchesTokenKid')}</strong> : null}
          </li>
        );
      })}
    </ul>
  );
}

function CertificateDetails({ certificate }: { certificate: CertificateSummary }) {
  useLocale();
  const bad = certificate.expired || certificate.notYetValid;
  return (
    <dl
      data-testid="key-certificate"
      data-expired={certificate.expired ? 'true' : 'false'}
      className={`grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 rounded-md border px-3 py-2 ${bad ? 'border-amber-600 dark:border-amber-500' : 'border-zinc-300 dark:border-zinc-700'}`}
    >
      <dt className="font-medium">{t('ui-verify.certSubject')}</dt>
      <dd className="break-all font-mono">{certificate.subject}</dd>
      <dt className="font-medium">{t('ui-verify.certIssuer')}</dt>
      <dd className="break-all font-mono">
        {certificate.issuer}
        {certificate.selfSigned ? <span className="font-sans">{t('ui-verify.selfSigned')}</span> : null}
      </dd>
      <dt className="font-medium">{t('ui-verify.certValid')}</dt>
      <dd>
        {t('ui-verify.validRange', { notBefore: certificate.notBefore, notAfter: certificate.notAfter })}
        {certificate.expired ? <strong className={`block font-semibold ${WARNING}`}>{t('ui-verify.certExpired')}</strong> : null}
        {certificate.notYetValid ? <strong className={`block font-semibold ${WARNING}`}>{t('ui-verify.certNotYetValid')}</strong> : null}
      </dd>
      <dt className="font-medium">{t('ui-verify.certSerial')}</dt>
      <dd className="break-all font-mono">{certificate.serialNumber}</dd>
    </dl>
  );
}
