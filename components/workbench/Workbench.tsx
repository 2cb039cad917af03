'use client';

import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import dynamic from 'next/dynamic';
import { SiteHeader } from '@/components/shell/SiteHeader';
import { DecoderView } from '@/components/decoder/DecoderView';
import type { DecoderState } from '@/components/decoder/decoder-state';
import { SAMPLE_SECRET, SAMPLE_TOKEN } from '@/components/decoder/sample';
import { readLink } from '@/lib/links/read-link';
import { tokenBeingDecoded } from '@/lib/find/opened-token';
import { linkCleanupNotice } from '@/lib/links/cleanup-notice';
import { SharePanel } from '@/components/share/SharePanel';
import { LINK_PAINTED_ATTRIBUTE, OPENING_LINK_ATTRIBUTE } from '@/components/share/link-boot-script';
import { RegisterServiceWorker } from '@/components/offline/RegisterServiceWorker';
import { INITIAL_ENCODER, type EncoderState } from '@/components/encoder/encoder-state';
import type { EncoderOutput } from '@/components/encoder/encrypt-state';
import { KeyTools } from '@/components/keytools/KeyTools';
import type { KeyPair } from '@/components/keytools/key-pair';
import { PaneBoundary } from '@/components/common/PaneBoundary';
import type { AuthorizationReturn, FlowSetup } from '@/lib/oauth/pending';
import { hasPendingFlow } from '@/lib/oauth/pending-key';
import type { OpenTokenContext } from '@/components/flow/FlowView';
import { useLocale } from '@/components/i18n/useLocale';
import { useLanguagePending } from '@/components/i18n/useLanguagePending';
import { ModeSwitch, type Mode } from './ModeSwitch';
import { t } from './messages';

// The encoder loads when first opened: the decoder page starts without its code.
const EncoderView = dynamic(() => import('@/components/encoder/EncoderView').then((module) => module.EncoderView), {
  ssr: false,
  loading: () => <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('ui-workbench.loadingEncoder')}</p>,
});

// Getting a token loads when first opened, like the encoder.
const FlowView = dynamic(() => import('@/components/flow/FlowView').then((module) => module.FlowView), {
  ssr: false,
  loading: () => <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('ui-workbench.loading')}</p>,
});

// The header's controls do not depend on the token: memoized, with stable props, they are not
// drawn again on every keystroke in the decoder.
const MemoModeSwitch = memo(ModeSwitch);
const MemoKeyTools = memo(KeyTools);
const MemoSharePanel = memo(SharePanel);

const ENCODER_HEADINGS: Record<EncoderOutput, () => string> = {
  jws: () => t('ui-workbench.headingSign'),
  jwe: () => t('ui-workbench.headingEncrypt'),
  nested: () => t('ui-workbench.headingNested'),
};

const INITIAL_DECODER: DecoderState = {
  token: SAMPLE_TOKEN,
  key: SAMPLE_SECRET,
  secretEncoding: 'utf8',
  clockSkewSeconds: 0,
  expected: {},
};

/** The one place that holds what the user typed and chose; every pane derives from it. */
export function Workbench({ linkPreview = null }: { linkPreview?: ReactNode } = {}) {
  useLocale();
  const languagePending = useLanguagePending();
  const [mode, setMode] = useState<Mode>('decode');
  const [decoder, setDecoder] = useState<DecoderState>(INITIAL_DECODER);
  const [encoder, setEncoder] = useState<EncoderState>(INITIAL_ENCODER);
  // Worded when shown, so a notice follows the language (one found on load is made before its catalog is in).
  const [notice, setNotice] = useState<(() => string | null) | null>(null);
  const [linkRead, setLinkRead] = useState(false);
  // Getting a token: its view stays mounted once opened, so its tokens (in memory only) survive a visit to the decoder.
  const [flowOpened, setFlowOpened] = useState(false);
  const [flowSetup, setFlowSetup] = useState<Partial<Pick<FlowSetup, 'issuer' | 'clientId' | 'scope'>>>({});
  const [authorizationReturn, setAuthorizationReturn] = useState<AuthorizationReturn | null>(null);

  const updateDecoder = useCallback((patch: Partial<DecoderState>) => setDecoder((previous) => ({ ...previous, ...patch })), []);
  const changeMode = useCallback((next: Mode) => {
    if (next === 'flow') setFlowOpened(true);
    setMode(next);
  }, []);
  const usePair = useCallback((pair: KeyPair) => {
    // The encoder's header helpers load only now, not with the page.
    import('@/components/encoder/encoder-with-key').then(
      ({ encoderWithKey }) => setEncoder((previous) => encoderWithKey(previous, pair.privateKey, pair.alg, pair.secretEncoding)),
      (error: unknown) => setNotice(() => () => t('ui-workbench.keyToEncoderFailed', { reason: messageOf(error) })),
    );
    setDecoder((previous) => ({ ...previous, key: pair.publicKey, secretEncoding: pair.secretEncoding }));
  }, []);
  const sharedToken = tokenBeingDecoded(decoder);
  const shareDecoder = useMemo(
    () => ({ token: sharedToken, key: decoder.key, secretEncoding: decoder.secretEncoding, at: decoder.at }),
    [sharedToken, decoder.key, decoder.secretEncoding, decoder.at],
  );

  // "Edit and re-sign": the encoder opens with the token's own text, and its key when it can sign.
  const editToken = useCallback(() => {
    import('@/components/encoder/edit-token')
      .then(({ encoderForToken }) => encoderForToken({ ...decoder, token: tokenBeingDecoded(decoder) }))
      .then(
        (result) => {
          if (!result.ok) return setNotice(() => () => result.error);
          setEncoder((previous) => ({ ...previous, ...result.state }));
          setMode('encode');
        },
        (error: unknown) => setNotice(() => () => t('ui-workbench.editFailed', { reason: messageOf(error) })),
      );
  }, [decoder]);

  // A token from the flow opens in the decoder with the provider's keys, issuer, client ID and nonce to check it against.
  const openFromFlow = useCallback((token: string, context: OpenTokenContext) => {
    setDecoder((previous) => ({
      ...previous,
      token,
      key: context.jwksText ?? '',
      secretEncoding: 'utf8',
      expected: { ...previous.expected, ...(context.issuer !== undefined && { iss: context.issuer }) },
      oidc: { ...(context.clientId !== undefined && { clientId: context.clientId }), ...(context.nonce !== undefined && { nonce: context.nonce }) },
    }));
    setMode('decode');
  }, []);

  // Open the state a link carries: on load, and when another link is pasted into the address bar.
  useEffect(() => {
    const openSharedLink = () => {
      setLinkRead(true);
      const link = readLink(window.location.href);
      // Credentials in the query string or a sign-in redirect's fragment: read, then removed
      // from the address bar and this history entry (replaceState adds no new entry).
      if (link.cleanedUrl !== undefined) {
        window.history.replaceState(window.history.state, '', link.cleanedUrl);
        setNotice(() => () => linkCleanupNotice(link));
      }
      if (link.source === 'none') return;
      const { state } = link;
      setMode(state.mode ?? 'decode');
      if (state.mode === 'flow') {
        setFlowOpened(true);
        setFlowSetup({ ...(state.issuer && { issuer: state.issuer }), ...(state.clientId && { clientId: state.clientId }), ...(state.scope && { scope: state.scope }) });
      }
      if (state.token !== undefined || state.key !== undefined) {
        setDecoder((previous) => ({
          ...previous,
          token: state.token ?? '',
          key: state.key ?? '',
          secretEncoding: state.secretEncoding ?? 'utf8',
          at: state.at,
        }));
      }
      // The encoder's state; its signing key only if the link's maker chose to include it.
      if ([state.header, state.payload, state.alg, state.signingKey].some((value) => value !== undefined)) {
        const encoding = state.secretEncoding;
        setEncoder((previous) => ({
          ...previous,
          header: state.header ?? previous.header,
          payload: state.payload ?? previous.payload,
          alg: state.alg ?? previous.alg,
          key: state.signingKey ?? '',
          secretEncoding: encoding === 'base64url' || encoding === 'hex' ? encoding : 'utf8',
        }));
      }
    };
    const openLink = () => {
      if (!hasPendingFlow(() => window.sessionStorage)) return openSharedLink();
      // The provider's answer to this page's own sign-in (its state is the one sent): the flow
      // takes it in memory, and the whole answer (code, state, iss) leaves the address. The
      // flow's code is fetched only when a sign-in from this page is pending.
      void import('@/lib/oauth/pending').then(({ takeAuthorizationReturn, addressWithoutAnswer }) => {
        const answer = takeAuthorizationReturn(window.sessionStorage, window.location.href);
        if (!answer) return openSharedLink();
        setLinkRead(true);
        window.history.replaceState(window.history.state, '', addressWithoutAnswer(window.location.href));
        setAuthorizationReturn(answer);
        setFlowOpened(true);
        setMode('flow');
      }, openSharedLink);
    };
    openLink();
    window.addEventListener('hashchange', openLink);
    return () => window.removeEventListener('hashchange', openLink);
  }, []);

  // The render that holds the link's state is committed: show the views (before that frame is painted).
  useLayoutEffect(() => {
    if (!linkRead) return;
    document.documentElement.removeAttribute(OPENING_LINK_ATTRIBUTE);
    document.documentElement.removeAttribute(LINK_PAINTED_ATTRIBUTE);
  }, [linkRead]);

  return (
    <>
      <SiteHeader>
        <MemoModeSwitch mode={mode} onChange={changeMode} />
        <PaneBoundary name={t('ui-workbench.paneKeyTools')}>
          <MemoKeyTools onUsePair={usePair} />
        </PaneBoundary>
        {/* A token found in a longer paste is shared alone, never the text around it. The flow view shares its own set-up. */}
        {mode === 'flow' ? null : <MemoSharePanel mode={mode} decoder={shareDecoder} encoder={encoder} />}
      </SiteHeader>
      <RegisterServiceWorker />
      <main className="mx-auto max-w-7xl px-4 py-6">
        <h1 className="sr-only">{mode === 'decode' ? t('ui-workbench.headingDecode') : mode === 'flow' ? t('ui-workbench.headingFlow') : ENCODER_HEADINGS[encoder.output ?? 'jws']()}</h1>
        {/* The link's token as painted before React (link-preview-script.ts); replaced by the view below once the link
            is read and shown in the visit's language (until then the views wait hidden, and the preview stays). */}
        {linkRead && !languagePending ? null : linkPreview}
        <p data-link-opening-notice="" data-testid="link-opening" role="status" className="mb-4 text-sm text-zinc-700 dark:text-zinc-300">
          {t('ui-workbench.openingLink')}
        </p>
        {notice?.() ? (
          <div role="status" data-testid="link-notice" className="mb-4 flex items-start gap-3 rounded-md border border-amber-500 bg-amber-50 p-3 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100">
            <p className="flex-1">{notice()}</p>
            <button type="button" className="underline" onClick={() => setNotice(null)}>
              {t('ui-workbench.dismiss')}
            </button>
          </div>
        ) : null}
        {flowOpened ? (
          <div hidden={mode !== 'flow'}>
            <PaneBoundary name={t('ui-workbench.paneFlow')}>
              <FlowView key={JSON.stringify(flowSetup)} initialSetup={flowSetup} authorizationReturn={authorizationReturn} onOpenToken={openFromFlow} />
            </PaneBoundary>
          </div>
        ) : null}
        <div data-hidden-while-opening-link="" hidden={mode === 'flow'}>
          {mode === 'flow' ? null : (
          <PaneBoundary name={mode === 'decode' ? t('ui-workbench.paneDecoder') : t('ui-workbench.paneEncoder')} resetKey={mode === 'decode' ? decoder : encoder}>
          {mode === 'decode' ? <DecoderView state={decoder} onChange={updateDecoder} onEdit={editToken} /> : (
            <EncoderView
              state={encoder}
              onChange={setEncoder}
              onOpenInDecoder={(token, key, secretEncoding) => {
                setDecoder((previous) => ({ ...previous, token, key, secretEncoding }));
                setMode('decode');
              }}
            />
          )}
          </PaneBoundary>
          )}
        </div>
      </main>
    </>
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
