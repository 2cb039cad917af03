'use client';

import { memo, useCallback, useMemo } from 'react';
import type { SecretEncoding } from '@/lib/keys';
import { CodeEditor, type EditorMarker } from '@/components/editor/CodeEditor';
import { Section } from '@/components/common/Section';
import { useKeyDetails } from '@/components/verify/useKeyDetails';
import { KeyDetailsView } from '@/components/verify/KeyDetailsView';
import dynamic from 'next/dynamic';
import { EmbeddedCertificate, x5cWarning } from '@/components/verify/EmbeddedCertificate';
import { leafCertificatePem } from '@/components/verify/x5c';
import { SignatureStatus } from './SignatureStatus';
import type { Verification } from './verification';
import type { DecoderState } from './decoder-state';
import { t } from './messages';
import { useLocale } from '@/components/i18n/useLocale';

// The fetch form is used rarely; its code follows the page rather than delaying it.
const JwksFetcher = dynamic(() => import('@/components/verify/JwksFetcher').then((module) => module.JwksFetcher), { ssr: false });

// Message IDs: each label is read in the language shown.
const ENCODINGS: { value: SecretEncoding; label: Parameters<typeof t>[0] }[] = [
  { value: 'utf8', label: 'ui-decoder.encodingUtf8' },
  { value: 'base64url', label: 'ui-decoder.encodingBase64url' },
  { value: 'base64', label: 'ui-decoder.encodingBase64' },
  { value: 'hex', label: 'ui-decoder.encodingHex' },
];

interface KeyPanelProps {
  keyText: string;
  secretEncoding: SecretEncoding;
  alg: string | undefined;
  isJwe: boolean;
  verification: Verification;
  onChange: (patch: Partial<DecoderState>) => void;
  /** The token's (protected) header, for its kid and x5c. */
  header?: Record<string, unknown> | null;
  /** The token's "iss" claim, for JWKS discovery. */
  issuer?: string;
  /** Judge certificate validity as of this time (ms) instead of now. */
  at?: number;
}

/** Memoized: it redraws when the key, the token's header or the verdict changes, not on every keystroke in the token. */
export const KeyPanel = memo(function KeyPanel({ keyText, secretEncoding, alg, isJwe, verification, onChange, header = null, issuer, at }: KeyPanelProps) {
  useLocale();
  const usesSecret = alg === undefined || alg.startsWith('HS') || alg === 'dir' || /^A\d+(GCM)?KW$/.test(alg) || alg.startsWith('PBES2');
  const details = useKeyDetails(keyText, secretEncoding, at);
  const tokenKid = typeof header?.kid === 'string' ? header.kid : undefined;
  const markers = useMemo((): EditorMarker[] => {
    const offset = details.error?.offset;
    if (details.state !== 'error' || !details.error || offset === undefined) return [];
    const start = Math.min(offset, Math.max(0, keyText.length - 1));
    return [{ start, end: Math.min(keyText.length, start + 1), message: details.error.message, severity: 'error' }];
  }, [details, keyText]);

  // A key taken from the token's own x5c keeps its warning next to the result, not just next to the button.
  const x5cPem = useMemo(() => {
    const leaf = leafCertificatePem(header?.x5c);
    return leaf?.ok ? leaf.pem : null;
  }, [header]);
  const keyFromToken = x5cPem !== null && keyText.trim() === x5cPem.trim();
  const setKey = useCallback((key: string) => onChange({ key }), [onChange]);

  return (
    <Section id="key-heading" title={isJwe ? t('ui-decoder.decryptHeading') : t('ui-decoder.verifyHeading')}>
      <label htmlFor="secret-encoding" className="sr-only">
        {t('ui-decoder.secretEncodingLabel')}
      </label>
      <div className="mb-2 flex flex-wrap items-center gap-2 text-sm">
        <span className="text-zinc-700 dark:text-zinc-300">
          {isJwe ? t('ui-decoder.decryptKeyKinds') : t('ui-decoder.verifyKeyKinds')}
        </span>
        {usesSecret ? (
          <span className="ml-auto flex items-center gap-1">
            <span aria-hidden="true" className="text-zinc-600 dark:text-zinc-400">{t('ui-decoder.secretAs')}</span>
            <select
              id="secret-encoding"
              data-testid="secret-encoding"
              value={secretEncoding}
              onChange={(event) => onChange({ secretEncoding: event.target.value as SecretEncoding })}
              className="rounded border border-zinc-300 bg-white px-1 py-0.5 text-sm dark:border-zinc-600 dark:bg-zinc-900"
            >
              {ENCODINGS.map((encoding) => (
                <option key={encoding.value} value={encoding.value}>
                  {t(encoding.label)}
                </option>
              ))}
            </select>
          </span>
        ) : null}
      </div>
      <CodeEditor
        testId="key-input"
        label={t('ui-decoder.keyEditorLabel')}
        value={keyText}
        onChange={setKey}
        height="9rem"
        markers={markers}
        placeholder={t('ui-decoder.keyPlaceholder')}
      />
      <KeyDetailsView details={details} tokenKid={tokenKid} />
      <div className="mt-2">
        <SignatureStatus
          verification={verification}
          isJwe={isJwe}
          shownElsewhere={details.warnings}
          extraWarnings={keyFromToken && !isJwe ? [t('ui-decoder.keyFromX5c', { warning: x5cWarning() })] : []}
        />
      </div>
      {!isJwe ? <EmbeddedCertificate x5c={header?.x5c} keyText={keyText} onUse={(pem) => onChange({ key: pem })} /> : null}
      {!isJwe ? <JwksFetcher issuer={issuer} onKeySet={(jwksText) => onChange({ key: jwksText })} /> : null}
    </Section>
  );
});
