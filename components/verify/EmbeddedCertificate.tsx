import { leafCertificatePem } from './x5c';

const BUTTON =
  'rounded-md border border-amber-700 px-2.5 py-1 text-xs font-medium text-amber-950 hover:bg-amber-100 dark:border-amber-400 dark:text-amber-50 dark:hover:bg-amber-900';

export const X5C_WARNING =
  'A certificate the token carries proves nothing by itself: anyone can sign a token with their own key and embed its certificate. Trust the result only if this certificate chains to a key you already trust.';

/** Offers the certificate from the token's "x5c" header as the verification key, with the warning it needs. */
export function EmbeddedCertificate({ x5c, keyText, onUse }: { x5c: unknown; keyText: string; onUse: (pem: string) => void }) {
  const leaf = leafCertificatePem(x5c);
  if (!leaf) return null;
  const inUse = leaf.ok && keyText.trim() === leaf.pem.trim();
  return (
    <div data-testid="x5c-panel" className="mt-3 rounded-md border-l-4 border-amber-600 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-500 dark:bg-amber-950 dark:text-amber-50">
      {leaf.ok ? (
        <>
          <p>
            The header carries {leaf.chainLength === 1 ? 'a certificate' : `a chain of ${leaf.chainLength} certificates`} (<code className="font-mono">x5c</code>).{' '}
            {inUse ? <strong className="font-semibold">The key editor now holds its first (leaf) certificate.</strong> : null}
          </p>
          <p data-testid="x5c-warning" className="mt-1">
            {X5C_WARNING}
          </p>
          {inUse ? null : (
            <button type="button" data-testid="x5c-use" className={`${BUTTON} mt-2`} onClick={() => onUse(leaf.pem)}>
              Verify with the embedded certificate
            </button>
          )}
        </>
      ) : (
        <p data-testid="x5c-warning">{leaf.error}</p>
      )}
    </div>
  );
}
