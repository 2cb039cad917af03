import { useLocale } from '@/components/i18n/useLocale';
import { t } from './messages';
import { withElements } from '@/components/common/with-elements';
import { leafCertificatePem } from './x5c';

const BUTTON =
  'rounded-md border border-amber-700 px-2.5 py-1 text-xs font-medium text-amber-950 hover:bg-amber-100 dark:border-amber-400 dark:text-amber-50 dark:hover:bg-amber-900';

/** Why a certificate the token brings along proves nothing by itself, in the active language. */
export function x5cWarning(): string {
  return t('ui-verify.x5cWarning');
}

/** Offers the certificate from the token's "x5c" header as the verification key, with the warning it needs. */
export function EmbeddedCertificate({ x5c, keyText, onUse }: { x5c: unknown; keyText: string; onUse: (pem: string) => void }) {
  useLocale();
  const leaf = leafCertificatePem(x5c);
  if (!leaf) return null;
  const inUse = leaf.ok && keyText.trim() === leaf.pem.trim();
  return (
    <div data-testid="x5c-panel" className="mt-3 rounded-md border-l-4 border-amber-600 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-500 dark:bg-amber-950 dark:text-amber-50">
      {leaf.ok ? (
        <>
          <p>
            <CarriedCertificates count={leaf.chainLength} />{' '}
            {inUse ? <strong className="font-semibold">{t('ui-verify.x5cInUse')}</strong> : null}
          </p>
          <p data-testid="x5c-warning" className="mt-1">
            {x5cWarning()}
          </p>
          {inUse ? null : (
            <button type="button" data-testid="x5c-use" className={`${BUTTON} mt-2`} onClick={() => onUse(leaf.pem)}>
              {t('ui-verify.x5cUse')}
            </button>
          )}
        </>
      ) : (
        <p data-testid="x5c-warning">{leaf.error}</p>
      )}
    </div>
  );
}

function CarriedCertificates({ count }: { count: number }) {
  return withElements((values) => t('ui-verify.x5cCarries', { count, n: String(count), ...values }), { x5c: <code className="font-mono">x5c</code> });
}
