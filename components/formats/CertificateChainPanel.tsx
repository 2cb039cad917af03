'use client';

import { useEffect, useId, useState } from 'react';
import { Section } from '@/components/common/Section';
import { BUTTON } from '@/components/common/button';
import { certificatesFromPem, certificatesFromX5c, type CertificateList } from '@/lib/chain/input';
import type { CertState, ChainValidation } from '@/lib/chain/validate';
import { useLocale } from '@/components/i18n/useLocale';
import { t } from './messages';

const LOOK: Record<CertState, { label: () => string; className: string }> = {
  valid: { label: () => t('ui-formats.certValid'), className: 'border-emerald-600 dark:border-emerald-500' },
  invalid: { label: () => t('ui-formats.certInvalid'), className: 'border-red-600 dark:border-red-500' },
  untrusted: { label: () => t('ui-formats.certUntrusted'), className: 'border-zinc-400 dark:border-zinc-500' },
};

const BADGE: Record<CertState, string> = {
  valid: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100',
  invalid: 'bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100',
  untrusted: 'bg-zinc-200 text-zinc-800 dark:bg-zinc-700 dark:text-zinc-100',
};

/** The trusted roots outlive the panel: it unmounts while a token without a chain is shown, and they should still be there after. */
let rememberedAnchors = '';

interface Props {
  header: Record<string, unknown> | null;
  keyText: string;
  /** Check as of this time instead of now. */
  at?: Date;
}

/** The token's "x5c" chain (or a PEM chain pasted as the key), validated up to the roots the user trusts. */
export function CertificateChainPanel({ header, keyText, at }: Props) {
  const [anchorText, setAnchorTextState] = useState(rememberedAnchors);
  const setAnchorText = (update: string | ((previous: string) => string)) =>
    setAnchorTextState((previous) => {
      rememberedAnchors = typeof update === 'function' ? update(previous) : update;
      return rememberedAnchors;
    });
  const [result, setResult] = useState<ChainValidation | null>(null);
  const anchorId = useId();
  const fromX5c = header !== null && header.x5c !== undefined;
  const atTime = at?.getTime();
  // The verdict is worded when it is made: a new language makes it again.
  const locale = useLocale();

  useEffect(() => {
    let current = true;
    const chain: CertificateList = fromX5c ? certificatesFromX5c(header?.x5c) : certificatesFromPem(keyText);
    const anchors = certificatesFromPem(anchorText);
    const run = async (): Promise<ChainValidation> => {
      if (!chain.ok) return { ok: false, error: chain.error };
      if (!anchors.ok) return { ok: false, error: t('ui-formats.anchorsError', { reason: anchors.error }) };
      const { validateChain } = await import('@/lib/chain/validate');
      return validateChain({ chain: chain.ders, anchors: anchors.ders, at: atTime === undefined ? undefined : new Date(atTime), header });
    };
    run().then(
      (value) => current && setResult(value),
      (error: unknown) => current && setResult({ ok: false, error: String(error) }),
    );
    return () => {
      current = false;
    };
  }, [fromX5c, header, keyText, anchorText, atTime, locale]);

  const top = result?.ok ? result.certificates.filter((cert) => cert.source === 'chain').at(-1) : undefined;
  const topTrusted = top !== undefined && anchorText.includes(top.pem.trim());

  return (
    <Section id="chain-heading" title={t('ui-formats.chainTitle')}>
      <p className="mb-2 text-sm text-zinc-700 dark:text-zinc-300">
        {result?.ok
          ? fromX5c
            ? t('ui-formats.chainIntroX5cAsOf', { date: result.checkedAt })
            : t('ui-formats.chainIntroPemAsOf', { date: result.checkedAt })
          : fromX5c
            ? t('ui-formats.chainIntroX5c')
            : t('ui-formats.chainIntroPem')}
      </p>
      {/* One live region that stays mounted, so each new verdict (or why the check stopped) is announced. */}
      <div role="status" aria-live="polite" aria-atomic="true">
        {result === null ? (
          <p className="text-sm">{t('ui-formats.checkingChain')}</p>
        ) : !result.ok ? (
          <p data-testid="chain-error" className="rounded-md border-l-4 border-amber-600 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-500 dark:bg-amber-950 dark:text-amber-50">
            {result.error}
          </p>
        ) : (
          <p data-testid="chain-status" data-state={result.verdict} className={`mb-2 rounded-md border-l-4 px-3 py-2 text-sm ${LOOK[result.verdict].className}`}>
            {result.message}
          </p>
        )}
      </div>
      {result?.ok ? (
        <>
          <ol className="space-y-2">
            {result.certificates.map((cert) => (
              <li key={`${cert.position}-${cert.serialNumber}`} data-testid="chain-cert" data-state={cert.state} className={`rounded-md border-l-4 px-3 py-2 text-sm ${LOOK[cert.state].className}`}>
                <p className="flex flex-wrap items-center gap-2">
                  <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${BADGE[cert.state]}`}>{LOOK[cert.state].label()}</span>
                  <span className="font-medium break-all">{cert.subject}</span>
                  <span className="text-xs text-zinc-600 dark:text-zinc-400">
                    {cert.position === 0
                      ? t('ui-formats.roleLeaf')
                      : cert.source === 'anchor'
                        ? t('ui-formats.roleAnchor')
                        : cert.selfSigned
                          ? t('ui-formats.roleSelfSignedRoot')
                          : t('ui-formats.roleIntermediate')}
                    {cert.isCa ? ', CA' : ''}
                  </span>
                </p>
                <p className="text-xs break-all text-zinc-700 dark:text-zinc-300">
                  {t('ui-formats.certDetails', { issuer: cert.issuer, notBefore: cert.notBefore, notAfter: cert.notAfter, serial: cert.serialNumber })}
                </p>
                {cert.problems.map((problem) => (
                  <p key={problem} className="mt-1 text-red-800 dark:text-red-300">
                    {problem}
                  </p>
                ))}
                {cert === top && !topTrusted ? (
                  <button type="button" data-testid="chain-trust-top" className={`${BUTTON} mt-1`} onClick={() => setAnchorText((text) => `${text.trim() ? `${text.trim()}\n` : ''}${cert.pem}`)}>
                    {t('ui-formats.trustThis')}
                  </button>
                ) : null}
              </li>
            ))}
          </ol>
          {result.thumbprints.map((check) => (
            <p key={check.header} data-testid="chain-thumbprint" data-state={check.matches ? 'valid' : 'invalid'} className={`mt-2 text-sm ${check.matches ? 'text-emerald-800 dark:text-emerald-300' : 'text-red-800 dark:text-red-300'}`}>
              {check.matches
                ? t('ui-formats.thumbprintMatches', { header: check.header })
                : t('ui-formats.thumbprintDiffers', { header: check.header, expected: check.expected, actual: check.actual })}
            </p>
          ))}
        </>
      ) : null}
      <label htmlFor={anchorId} className="mt-3 block text-sm font-medium">
        {t('ui-formats.anchorLabel')}
      </label>
      <textarea
        id={anchorId}
        data-testid="trust-anchor"
        value={anchorText}
        onChange={(event) => setAnchorText(event.target.value)}
        rows={4}
        spellCheck={false}
        placeholder="-----BEGIN CERTIFICATE-----"
        className="mt-1 w-full rounded-md border border-zinc-300 bg-white p-2 font-mono text-xs focus:outline-2 focus:outline-offset-1 focus:outline-sky-600 dark:border-zinc-600 dark:bg-zinc-900"
      />
      <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">{t('ui-formats.anchorNote')}</p>
    </Section>
  );
}
