'use client';

import { useMemo } from 'react';
import { decodeToken } from '@/lib/token';
import { CodeEditor } from '@/components/editor/CodeEditor';
import { JsonView } from '@/components/common/JsonView';
import { Section } from '@/components/common/Section';
import { FindingsList } from './FindingsList';
import { SignatureStatus } from './SignatureStatus';
import { useVerification } from './useVerification';
import { t } from './messages';
import { useLocale } from '@/components/i18n/useLocale';

interface NestedTokenProps {
  /** The decrypted plaintext: a compact JWS. */
  token: string;
  /** The key that verifies the inner signature (the signer's, not the recipient's). */
  keyText: string;
  onKey: (key: string) => void;
  now: number;
  /** The "check as of" time, when set. */
  at?: number;
}

/**
 * A nested JWT (RFC 7519 §5.2): the signed token inside a JWE, shown at once
 * with its own header, claims, key and signature status. Its claims also
 * drive the claim checks and the claims table above.
 */
export function NestedToken({ token, keyText, onKey, now, at }: NestedTokenProps) {
  const locale = useLocale();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- locale: the decoder's messages are worded in the language shown.
  const decoded = useMemo(() => decodeToken(token.trim()), [token, locale]);
  const verification = useVerification(decoded, keyText, 'utf8', at);
  const header = decoded.header?.value ?? null;
  const payload = decoded.payload?.kind === 'json' ? decoded.payload.value : null;
  const findingsInput = useMemo(
    () => ({ header, payload, kind: 'jws' as const, signatureLength: decoded.segments.find((segment) => segment.role === 'signature')?.byteLength ?? undefined }),
    [decoded, header, payload],
  );

  return (
    <Section id="nested-heading" title={t('ui-decoder.nestedHeading')}>
      <div data-testid="nested-token" className="space-y-3 rounded-md border border-zinc-300 p-3 dark:border-zinc-700">
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          {t('ui-decoder.nestedExplained')}
        </p>
        {decoded.error ? (
          <p role="alert" className="text-sm text-red-800 dark:text-red-200">
            {decoded.error.message}
          </p>
        ) : null}
        <div>
          <h3 className="mb-1 text-sm font-semibold">{t('ui-decoder.innerHeader')}</h3>
          {decoded.header ? <JsonView testId="inner-header" text={decoded.header.pretty} label={t('ui-decoder.labelInnerHeader')} /> : null}
        </div>
        <div>
          <h3 className="mb-1 text-sm font-semibold">{t('ui-decoder.innerClaims')}</h3>
          {decoded.payload?.kind === 'json' ? (
            <JsonView testId="inner-payload" text={decoded.payload.pretty} label={t('ui-decoder.labelInnerClaims')} />
          ) : decoded.payload ? (
            <JsonView testId="inner-payload" text={decoded.payload.kind === 'text' ? decoded.payload.text : decoded.payload.hex} label={t('ui-decoder.labelInnerPayload')} plain />
          ) : null}
        </div>
        <div>
          <CodeEditor
            testId="inner-key-input"
            label={t('ui-decoder.innerKeyLabel')}
            value={keyText}
            onChange={onKey}
            height="7rem"
            placeholder={t('ui-decoder.innerKeyPlaceholder')}
          />
          <div className="mt-2">
            <SignatureStatus verification={verification} isJwe={false} testIdPrefix="inner-" />
          </div>
        </div>
        <div>
          <h3 className="mb-1 text-sm font-semibold">{t('ui-decoder.innerFindings')}</h3>
          <FindingsList token={findingsInput} now={now} testIdPrefix="inner-" />
        </div>
      </div>
    </Section>
  );
}
