'use client';

import { memo, useCallback, useDeferredValue, useMemo, useState } from 'react';
import dynamic from 'next/dynamic';
import type { DecoderState } from './decoder-state';
import { BUTTON } from '@/components/common/button';
import { Section } from '@/components/common/Section';
import { PaneBoundary } from '@/components/common/PaneBoundary';
import { TokenEditor } from './TokenEditor';
import { FileDrop } from './FileDrop';
import { ClaimsTable } from './ClaimsTable';
import { KeyPanel } from './KeyPanel';
import { SegmentList } from './SegmentList';
import { EmptyState, HeaderPane, PayloadPane, TokenNotes } from './DecodedPanes';
import { useDecoderDerived } from './useDecoderDerived';
import { SAMPLE_SECRET, SAMPLE_TOKEN } from './sample';
import { loadMonacoWhenIdle, whenMonacoRequested } from '@/components/editor/monaco/load-monaco';
import { t } from './messages';
import { useLocale } from '@/components/i18n/useLocale';

// Every pane loaded later is memoized too: given the same props, it is not drawn again.
// Checks and security notes come just after the decoded view: they are not needed to show it.
// The list of tokens found in a paste is drawn only when a paste holds some.
const FoundTokens = memo(dynamic(() => import('./FoundTokens').then((module) => module.FoundTokens), { ssr: false }));
const ClaimChecks = memo(dynamic(() => import('./ClaimChecks').then((module) => module.ClaimChecks), { ssr: false }));
// "Check as of", the ID token checks, the nested token and the token lab come in one module, requested only after Monaco, so the first load does not grow.
const loadOptionalPanels = () => loadMonacoWhenIdle().catch(() => undefined).then(() => import('./optional-panels'));
const OidcChecks = memo(dynamic(() => loadOptionalPanels().then((module) => module.OidcChecks), { ssr: false }));
const CheckAsOf = memo(dynamic(() => loadOptionalPanels().then((module) => module.CheckAsOf), { ssr: false }));
const NestedToken = memo(dynamic(() => loadOptionalPanels().then((module) => module.NestedToken), { ssr: false }));
// The security notes are requested just after Monaco, and load beside it.
const FindingsList = memo(dynamic(() => whenMonacoRequested().then(() => import('./FindingsList')).then((module) => module.FindingsList), { ssr: false }));
// SD-JWT and DPoP views load only when such a token is pasted.
const SdJwtPanel = memo(dynamic(() => import('@/components/sdjwt/SdJwtPanel').then((module) => module.SdJwtPanel), { ssr: false }));
const DpopPanel = memo(dynamic(() => import('@/components/dpop/DpopPanel').then((module) => module.DpopPanel), { ssr: false }));
const JsonSerializationPanel = memo(dynamic(() => import('@/components/formats/JsonSerializationPanel').then((module) => module.JsonSerializationPanel), { ssr: false }));
const CertificateChainPanel = memo(dynamic(() => import('@/components/formats/CertificateChainPanel').then((module) => module.CertificateChainPanel), { ssr: false }));
const TokenLab = memo(dynamic(() => loadOptionalPanels().then((module) => module.TokenLab), { ssr: false }));

/** A file larger than this is not put in the editor: its tokens are listed and the one picked goes there. */
const EDITOR_FILE_CHARS = 1_000_000;

/**
 * The decoder's layout. Its state comes from above and flows one way: every value shown is
 * derived once per input (useDecoderDerived), and each pane is given only what it shows, with
 * stable callbacks, so a pane redraws only when what it shows has changed.
 */
export function DecoderView({ state, onChange, onEdit }: { state: DecoderState; onChange: (patch: Partial<DecoderState>) => void; onEdit?: () => void }) {
  useLocale();
  const view = useDecoderDerived(state, onChange);
  const { decoded, header, claims, now, asOf, verification, editorText } = view;
  const plaintext = verification.plaintext;
  const [showAllClaims, setShowAllClaims] = useState(false);
  const actions = useMemo(
    () => ({
      loadSample: () => onChange({ token: SAMPLE_TOKEN, key: SAMPLE_SECRET, secretEncoding: 'utf8', file: undefined }),
      clear: () => onChange({ token: '', file: undefined }),
      setToken: (token: string) => onChange({ token }),
      dropText: (text: string, name: string) => onChange(text.length > EDITOR_FILE_CHARS ? { file: { name, text }, token: '', opened: undefined } : { token: text, file: undefined }),
      closeFile: () => onChange({ file: undefined }),
      setAt: (at: string | undefined) => onChange({ at }),
      setInnerKey: (innerKey: string) => onChange({ innerKey }),
      useSecret: (key: string) => onChange({ key, secretEncoding: 'utf8' }),
      showAllClaims: () => setShowAllClaims(true),
    }),
    [onChange],
  );
  const openFound = useCallback((token: string) => onChange({ opened: { from: editorText, token } }), [onChange, editorText]);
  const file = state.file;
  const { fileTokens, found, openedFound } = view;
  // The token lab and the security notes follow in React's next render, which a keystroke can
  // interrupt: a paste shows the decoded token, its claims and "Checking…" first.
  const later = useDeferredValue(view.later);

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <div className="flex min-w-0 flex-col gap-6">
        <Section
          id="encoded-heading"
          title={t('ui-decoder.encodedHeading')}
          actions={
            <>
              {onEdit && decoded.kind === 'jws' && !decoded.error ? (
                <button type="button" data-testid="decoder-edit" className={BUTTON} onClick={onEdit}>
                  {t('ui-decoder.editAndResign')}
                </button>
              ) : null}
              <button type="button" className={BUTTON} onClick={actions.loadSample}>
                {t('ui-decoder.loadSample')}
              </button>
              <button type="button" className={BUTTON} onClick={actions.clear}>
                {t('ui-decoder.clear')}
              </button>
            </>
          }
        >
          <PaneBoundary name={t('ui-decoder.paneTokenEditor')} resetKey={decoded}>
            <FileDrop onText={actions.dropText}>
              <TokenEditor value={state.token} onChange={actions.setToken} decoded={view.openedAt === undefined ? null : decoded} offset={view.openedAt} />
            </FileDrop>
          </PaneBoundary>
          {file ? (
            <PaneBoundary name={t('ui-decoder.paneFoundTokens')} resetKey={fileTokens}>
              {fileTokens !== null ? (
                <FoundTokens found={fileTokens} opened={state.token} fileName={file.name} onOpen={actions.setToken} onClose={actions.closeFile} />
              ) : (
                <p role="status" className="mt-3 text-sm">
                  {view.fileSearched ? t('ui-decoder.noTokenInFile', { file: file.name }) : t('ui-decoder.lookingForTokens', { file: file.name })}
                </p>
              )}
            </PaneBoundary>
          ) : null}
          {found !== null && openedFound !== null ? (
            <PaneBoundary name={t('ui-decoder.paneFoundTokens')} resetKey={found}>
              <FoundTokens found={found} opened={openedFound.token} onOpen={openFound} />
            </PaneBoundary>
          ) : null}
          <PaneBoundary name={t('ui-decoder.paneNotes')} resetKey={decoded}>
            {view.jsonForm ? null : <TokenNotes decoded={decoded} />}
          </PaneBoundary>
        </Section>
        <PaneBoundary name={t('ui-decoder.paneKey')} resetKey={view.keyPaneInput}>
          <KeyPanel
            keyText={state.key}
            secretEncoding={state.secretEncoding}
            alg={typeof header?.alg === 'string' ? header.alg : undefined}
            isJwe={view.isJwe}
            verification={verification}
            onChange={onChange}
            header={header}
            issuer={typeof claims?.iss === 'string' ? claims.iss : undefined}
            at={asOf}
          />
        </PaneBoundary>
        {!decoded.empty ? <CheckAsOf at={state.at} onChange={actions.setAt} /> : null}
        {view.dpopProof ? (
          <PaneBoundary name={t('ui-decoder.paneDpop')} resetKey={decoded}>
            <DpopPanel proof={decoded.token} now={now} asOf={asOf} />
          </PaneBoundary>
        ) : null}
        {view.chain ? (
          <PaneBoundary name={t('ui-decoder.paneChain')} resetKey={decoded}>
            <CertificateChainPanel header={header} keyText={state.key} at={view.asOfDate} />
          </PaneBoundary>
        ) : null}
        {claims ? (
          <PaneBoundary name={t('ui-decoder.paneClaimChecks')} resetKey={claims}>
            <ClaimChecks header={header} claims={claims} now={now} state={view.checksSettings} onChange={onChange} />
          </PaneBoundary>
        ) : null}
        {claims && decoded.kind === 'jws' && !view.dpopProof ? (
          <PaneBoundary name={t('ui-decoder.paneOidc')} resetKey={claims}>
            <OidcChecks header={header} claims={claims} now={now} state={view.checksSettings} onChange={onChange} />
          </PaneBoundary>
        ) : null}
      </div>

      <div className="flex min-w-0 flex-col gap-6">
        {decoded.empty ? (
          <EmptyState onSample={actions.loadSample} />
        ) : view.jsonForm ? (
          <JsonSerializationPanel key="json" token={view.token} keyText={state.key} secretEncoding={state.secretEncoding} onJweVerdict={view.onJweJsonVerdict} />
        ) : (
          <>
            {view.detachedForm ? <JsonSerializationPanel key="detached" token={view.token} keyText={state.key} secretEncoding={state.secretEncoding} onSingleVerdict={view.onDetachedVerdict} /> : null}
            <Section id="header-heading" title={decoded.kind === 'jwe' ? t('ui-decoder.headingProtectedHeader') : t('ui-decoder.headingHeader')}>
              <PaneBoundary name={t('ui-decoder.paneHeader')} resetKey={decoded}>
                <HeaderPane decoded={decoded} />
              </PaneBoundary>
            </Section>
            <Section id="payload-heading" title={decoded.kind === 'jwe' ? t('ui-decoder.headingPlaintext') : t('ui-decoder.headingPayload')}>
              <PaneBoundary name={t('ui-decoder.panePayload')} resetKey={plaintext ?? decoded}>
                <PayloadPane decoded={decoded} plaintext={plaintext} />
              </PaneBoundary>
            </Section>
            {decoded.sdJwt !== undefined ? (
              <PaneBoundary name={t('ui-decoder.paneSdJwt')} resetKey={decoded}>
                <SdJwtPanel sdJwt={decoded.sdJwt} offset={decoded.tokenStart} header={header} payload={decoded.payload?.kind === 'json' ? decoded.payload.value : null} now={now} asOf={asOf} />
              </PaneBoundary>
            ) : null}
            {decoded.kind === 'jwe' && plaintext?.nestedJws ? (
              <PaneBoundary name={t('ui-decoder.paneNested')} resetKey={plaintext}>
                <NestedToken token={plaintext.text} keyText={state.innerKey ?? ''} onKey={actions.setInnerKey} now={now} at={asOf} />
              </PaneBoundary>
            ) : null}
            {decoded.kind === 'jwe' ? (
              <PaneBoundary name={t('ui-decoder.paneSegments')} resetKey={decoded}>
                <SegmentList segments={decoded.segments} />
              </PaneBoundary>
            ) : null}
            {header || claims ? (
              <Section id="claims-heading" title={t('ui-decoder.headingClaims')}>
                <PaneBoundary name={t('ui-decoder.paneClaimsTable')} resetKey={claims ?? header}>
                  <ClaimsTable header={header} payload={claims} now={now} showAllRows={showAllClaims} onShowAllRows={actions.showAllClaims} />
                </PaneBoundary>
              </Section>
            ) : null}
            {later.findingsInput ? (
              <Section id="findings-heading" title={t('ui-decoder.headingFindings')}>
                <PaneBoundary name={t('ui-decoder.paneFindings')} resetKey={later.findingsInput}>
                  <FindingsList
                    token={later.findingsInput}
                    now={now}
                    keyText={later.keyText}
                    secretEncoding={later.secretEncoding}
                    compactToken={later.compactJws}
                    onUseSecret={actions.useSecret}
                  />
                </PaneBoundary>
              </Section>
            ) : null}
          </>
        )}
      </div>
      {later.labInput ? (
        <div className="min-w-0 lg:col-span-2">
          <PaneBoundary name={t('ui-decoder.paneLab')} resetKey={later.labInput.token}>
            <TokenLab {...later.labInput} />
          </PaneBoundary>
        </div>
      ) : null}
    </div>
  );
}
