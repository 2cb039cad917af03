'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import {
  blockedHint,
  buildAuthorizationUrl,
  buildParRequest,
  call,
  clientCredentialsCurl,
  connectSrcToAdd,
  codeChallengeS256,
  codeExchangeCurl,
  codeExchangeRequest,
  createCodeVerifier,
  createNonce,
  createState,
  discover,
  generateDpopKey,
  introspectionCurl,
  isHybrid,
  parAuthorizationUrl,
  parseRedirect,
  parSupport,
  refreshCurl,
  refreshRequest,
  revocationCurl,
  revocationRequest,
  send,
  tokenExchangeCurl,
  tokenResult,
  userinfoRequest,
  type CurlResult,
  type DpopKey,
  type Exchange,
  type HttpRequest,
  type ProviderMetadata,
  type RequestResult,
  type ResponseType,
  type TokenSet,
} from '@/lib/oauth';
import { savePendingFlow, type AuthorizationReturn, type FlowSetup } from '@/lib/oauth/pending';
import { fetchJwks } from '@/lib/jwks';
import { verifyWithKeyText } from '@/lib/jws';
import { checkIdToken, type OidcCheck } from '@/lib/oidc';
import { writeLink } from '@/lib/links/write-link';
import { Section } from '@/components/common/Section';
import { BUTTON } from '@/components/common/button';
import { CopyButton } from '@/components/common/CopyButton';
import { useLocale } from '@/components/i18n/useLocale';
import { withElements } from '@/components/common/with-elements';
import { FlowLogEntry, FlowToken, LOG_LABELS, type LogEntry, type TokenKind } from './FlowLog';
import { t } from './messages';

const RESPONSE_TYPES: [ResponseType, () => string][] = [
  ['code', () => t('ui-flow.responseTypeCode')],
  ['code id_token', () => t('ui-flow.responseTypeHybridIdToken')],
  ['code id_token token', () => t('ui-flow.responseTypeHybridAll')],
];

export interface OpenTokenContext {
  /** The provider's key set, to verify the token in the decoder. */
  jwksText?: string;
  issuer?: string;
  /** For an ID token: what the checks compare with. */
  clientId?: string;
  nonce?: string;
}

interface FlowViewProps {
  /** The set-up a link carried. */
  initialSetup?: Partial<Pick<FlowSetup, 'issuer' | 'clientId' | 'scope'>>;
  /** The provider's answer, taken from the address before it was cleaned. */
  authorizationReturn: AuthorizationReturn | null;
  onOpenToken: (token: string, context: OpenTokenContext) => void;
}

// What each logged call was for: a name that stays the same in every language (the log words it when shown).
const DISCOVERY = LOG_LABELS.discovery;
const PAR = LOG_LABELS.par;
const DEFAULT_SETUP: FlowSetup = { issuer: '', clientId: '', scope: 'openid', extra: '', responseMode: 'fragment', usePar: false, dpop: false };
const INPUT = 'w-full min-w-0 rounded border border-zinc-300 bg-white px-2 py-1 font-mono text-sm dark:border-zinc-600 dark:bg-zinc-900';
const PRIMARY = 'rounded-md bg-zinc-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-zinc-700 disabled:opacity-50 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300';
const CHECK_COLOUR = { pass: 'text-emerald-800 dark:text-emerald-300', fail: 'text-red-800 dark:text-red-300', unchecked: 'text-zinc-600 dark:text-zinc-400' } as const;

/** This page's own address under its base path: the redirect URI to register. */
export function pageRedirectUri(): string {
  return `${window.location.origin}${process.env.NEXT_PUBLIC_BASE_PATH ?? ''}/`;
}

/** "name=value" lines, for the extra authorization parameters. */
function extraParameters(text: string): Record<string, string> | string {
  const extra: Record<string, string> = {};
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const at = line.indexOf('=');
    if (at <= 0) return t('ui-flow.extraNotNameValue', { line: line.trim() });
    extra[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return extra;
}

interface Blocked {
  url: string;
  hint: string;
  /** The build's connect-src refused the origin (CONNECT_SRC pinned). */
  cspOrigin?: string;
  curl?: CurlResult;
}

interface IdTokenReport {
  signature: { state: string; message: string };
  checks: OidcCheck[];
  jwksText?: string;
}

/** What came back with the code in a hybrid flow: held in memory only, like every token. */
interface FrontChannel {
  idToken: string;
  accessToken?: string;
  report: IdTokenReport;
}

interface FlowContext {
  metadata: ProviderMetadata;
  setup: FlowSetup;
  redirectUri: string;
  nonce: string;
}

/** Gets a token from an identity provider: authorization code with PKCE, the HTTP log, and the calls that follow. */
export function FlowView({ initialSetup, authorizationReturn, onOpenToken }: FlowViewProps) {
  useLocale();
  const [setup, setSetup] = useState<FlowSetup>(() => ({ ...DEFAULT_SETUP, ...(authorizationReturn?.pending.setup ?? initialSetup) }));
  const [metadata, setMetadata] = useState<ProviderMetadata | null>(authorizationReturn?.pending.metadata ?? null);
  const [context, setContext] = useState<FlowContext | null>(null);
  // The requests made before the redirect come back with the answer.
  const [log, setLog] = useState<LogEntry[]>(() => (authorizationReturn?.pending.log ?? []).map((entry, index) => ({ ...entry, id: -1 - index })));
  const logRef = useRef<LogEntry[]>([]);
  const [tokens, setTokens] = useState<TokenSet | null>(null);
  const [idReport, setIdReport] = useState<IdTokenReport | null>(null);
  const [front, setFront] = useState<FrontChannel | null>(null);
  const [blocked, setBlocked] = useState<Blocked | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [dpopKey, setDpopKey] = useState<DpopKey | null>(null);
  // The view is rendered in the browser only (loaded on demand, without server rendering).
  const [redirectUri] = useState(pageRedirectUri);
  const [secrets, setSecrets] = useState<string[]>([]);
  const dpopNonce = useRef<string | undefined>(undefined);
  const logId = useRef(0);
  const cspRefused = useRef<string[]>([]);

  // A fetch the page's own Content-Security-Policy refused: a build whose connect-src is pinned.
  useEffect(() => {
    const onViolation = (event: SecurityPolicyViolationEvent) => {
      if (event.effectiveDirective === 'connect-src') cspRefused.current.push(event.blockedURI);
    };
    document.addEventListener('securitypolicyviolation', onViolation);
    return () => document.removeEventListener('securitypolicyviolation', onViolation);
  }, []);

  const remember = (...values: (string | undefined)[]) => {
    const known = values.filter((value): value is string => value !== undefined && value !== '');
    if (known.length > 0) setSecrets((previous) => [...previous, ...known]);
  };

  /** fetch, recorded in the HTTP log as it happened. */
  const recordingFetch = useCallback((label: string): typeof fetch => {
    return async (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.toString() : input.url;
      const headers: Record<string, string> = {};
      new Headers(init?.headers).forEach((value, name) => {
        headers[name] = value;
      });
      remember(headers.dpop, headers.authorization?.replace(/^\S+\s+/, ''));
      const request: HttpRequest = { method: init?.method === 'POST' ? 'POST' : 'GET', url, headers, ...(typeof init?.body === 'string' && { body: init.body }) };
      const add = (exchange: Exchange) => {
        const entry = { id: ++logId.current, label, exchange };
        logRef.current = [...logRef.current, entry];
        setLog((previous) => [...previous, entry]);
      };
      try {
        const response = await fetch(input, init);
        const body = await response.clone().text();
        const responseHeaders: Record<string, string> = {};
        response.headers.forEach((value, name) => {
          responseHeaders[name.toLowerCase()] = value;
        });
        add({ blocked: false, request, response: { status: response.status, headers: responseHeaders, body } });
        return response;
      } catch (error) {
        add({ blocked: true, request, message: error instanceof Error ? error.message : String(error) });
        throw error;
      }
    };
  }, []);

  const reportBlocked = useCallback((url: string, curl?: CurlResult) => {
    const cspOrigin = connectSrcToAdd(url, cspRefused.current) ?? undefined;
    setBlocked({ url, hint: blockedHint(setup.issuer, window.location.origin).message, ...(cspOrigin && { cspOrigin }), ...(curl && { curl }) });
  }, [setup.issuer]);

  const discoverProvider = async () => {
    setBusy(true);
    setMessage(null);
    setBlocked(null);
    const found = await discover(setup.issuer.trim(), { fetch: recordingFetch(DISCOVERY) });
    setBusy(false);
    if (found.ok) {
      setMetadata(found.metadata);
      if (parSupport(found.metadata) === 'required') setSetup((previous) => ({ ...previous, usePar: true }));
      return;
    }
    setMetadata(null);
    if (found.error.kind === 'blocked') reportBlocked(found.error.url);
    setMessage(found.error.message);
  };

  const start = async () => {
    if (!metadata) return;
    setMessage(null);
    setBlocked(null);
    const extra = extraParameters(setup.extra);
    if (typeof extra === 'string') return setMessage(extra);
    const codeVerifier = createCodeVerifier();
    const state = createState();
    const nonce = createNonce();
    const params = {
      clientId: setup.clientId.trim(),
      redirectUri,
      scope: setup.scope.trim(),
      state,
      nonce,
      codeChallenge: await codeChallengeS256(codeVerifier),
      responseType: setup.responseType ?? 'code',
      // A hybrid answer carries tokens: always in the fragment.
      responseMode: isHybrid(setup.responseType) ? ('fragment' as const) : setup.responseMode,
      // A refresh token (offline_access) is granted only with consent asked for (OpenID Connect Core §11).
      ...(setup.scope.split(/\s+/).includes('offline_access') && { prompt: 'consent' }),
      extra,
    };
    let url: string;
    if (setup.usePar && parSupport(metadata) !== 'none') {
      const built = buildParRequest(metadata, params);
      if (!built.ok) return setMessage(built.error.message);
      setBusy(true);
      const exchange = await send(built.request, { fetch: recordingFetch(PAR) });
      setBusy(false);
      if (exchange.blocked) return reportBlocked(built.request.url);
      const pushed = parAuthorizationUrl(metadata, params.clientId, exchange);
      if (!pushed.ok) return setMessage(pushed.error.message);
      url = pushed.url;
    } else {
      const built = buildAuthorizationUrl(metadata, params);
      if (!built.ok) return setMessage(built.error.message);
      url = built.url;
    }
    // Discovery and PAR only: an earlier flow's token responses stay in memory.
    const before = logRef.current.filter(({ label }) => label === DISCOVERY || label === PAR).map(({ label, exchange }) => ({ label, exchange }));
    savePendingFlow(window.sessionStorage, { setup, metadata, redirectUri, state, nonce, codeVerifier, log: before });
    window.location.assign(url);
  };

  const checkIdTokenNow = useCallback(async (idToken: string, flow: FlowContext, accessToken: string | undefined, fromRefresh: boolean, code?: string): Promise<IdTokenReport> => {
    let jwksText: string | undefined;
    let signature = { state: 'unverified', message: t('ui-flow.noJwksUri') };
    if (flow.metadata.jwks_uri) {
      const keys = await fetchJwks(flow.metadata.jwks_uri, { fetch: recordingFetch(LOG_LABELS.jwks) });
      if (keys.ok) {
        jwksText = keys.jwksText;
        const outcome = await verifyWithKeyText(idToken, keys.jwksText);
        signature = { state: outcome.state, message: outcome.message ?? '' };
      } else {
        signature = { state: 'error', message: keys.error };
      }
    }
    let checks: OidcCheck[] = [];
    try {
      const header = decodeProtectedHeader(idToken) as Record<string, unknown>;
      const payload = decodeJwt(idToken) as Record<string, unknown>;
      // A refreshed ID token need not repeat the nonce (OpenID Connect Core §12.2).
      const nonce = fromRefresh && payload.nonce === undefined ? undefined : flow.nonce;
      checks = await checkIdToken(header, payload, { now: Date.now(), expected: { issuer: flow.metadata.issuer, clientId: flow.setup.clientId, nonce, accessToken, code } });
    } catch (error) {
      signature = { state: 'error', message: t('ui-flow.idTokenUnreadable', { reason: error instanceof Error ? error.message : String(error) }) };
    }
    return { signature, checks, ...(jwksText !== undefined && { jwksText }) };
  }, [recordingFetch]);

  const receive = useCallback(async (received: TokenSet, flow: FlowContext, fromRefresh: boolean) => {
    remember(received.access_token, received.refresh_token, received.id_token);
    setTokens((previous) => ({ ...previous, ...received, refresh_token: received.refresh_token ?? previous?.refresh_token, id_token: received.id_token ?? previous?.id_token }) as TokenSet);
    if (received.id_token) setIdReport(await checkIdTokenNow(received.id_token, flow, received.access_token, fromRefresh));
  }, [checkIdTokenNow]);

  /** A token-endpoint or resource call, with a DPoP proof when the tokens are bound. */
  const callWith = async (built: RequestResult, label: string, key: DpopKey | null, curl?: () => CurlResult) => {
    if (!built.ok) {
      setMessage(built.message);
      return null;
    }
    setBusy(true);
    setBlocked(null);
    const sent = await call(built.request, { fetch: recordingFetch(label), ...(key && { dpop: key, dpopNonce: dpopNonce.current }) });
    setBusy(false);
    if (sent.dpopNonce !== undefined) dpopNonce.current = sent.dpopNonce;
    if (sent.final.blocked) {
      reportBlocked(built.request.url, curl?.());
      return null;
    }
    return sent.final;
  };

  // The provider sent the browser back: check the answer and exchange the code, once.
  const handled = useRef<AuthorizationReturn | null>(null);
  useEffect(() => {
    if (!authorizationReturn || handled.current === authorizationReturn) return;
    handled.current = authorizationReturn;
    const { pending, redirectUrl } = authorizationReturn;
    const flow: FlowContext = { metadata: pending.metadata, setup: pending.setup, redirectUri: pending.redirectUri, nonce: pending.nonce };
    void (async () => {
      setSetup(pending.setup);
      setMetadata(pending.metadata);
      setContext(flow);
      const answer = parseRedirect(redirectUrl, {
        state: pending.state,
        issuer: pending.metadata.issuer,
        responseMode: pending.setup.responseMode,
        issRequired: pending.metadata.authorization_response_iss_parameter_supported === true,
        responseType: pending.setup.responseType ?? 'code',
      });
      if (!answer.ok) return setMessage(answer.error.message);
      remember(answer.code, pending.codeVerifier, answer.idToken, answer.access?.accessToken);
      // Hybrid: the ID token that came with the code is verified and checked (at_hash, c_hash) before the exchange.
      if (answer.idToken) {
        const report = await checkIdTokenNow(answer.idToken, flow, answer.access?.accessToken, false, answer.code);
        setFront({ idToken: answer.idToken, ...(answer.access && { accessToken: answer.access.accessToken }), report });
        // It stands in for the answer's iss (RFC 9207 §2.4): a code from an unverified or foreign ID token's answer is not sent.
        const issuerCheck = report.checks.find(({ check }) => check === 'iss');
        if (report.signature.state !== 'valid' || issuerCheck?.state !== 'pass') {
          return setMessage(t('ui-flow.frontIdTokenUnverified'));
        }
      }
      const key = pending.setup.dpop ? await generateDpopKey() : null;
      setDpopKey(key);
      const exchange = { clientId: pending.setup.clientId, code: answer.code, redirectUri: pending.redirectUri, codeVerifier: pending.codeVerifier };
      const built = codeExchangeRequest(pending.metadata, exchange);
      const final = await callWith(built, LOG_LABELS.codeExchange, key, () =>
        pending.metadata.token_endpoint ? codeExchangeCurl(pending.metadata.token_endpoint, exchange) : { ok: false, message: t('ui-flow.noTokenEndpoint') },
      );
      if (!final) return;
      const result = tokenResult(final);
      if (!result.ok) return setMessage(t('ui-flow.codeExchangeFailed', { reason: result.error.message }));
      await receive(result.tokens, flow, false);
    })();
    // callWith and receive are stable for this purpose: the answer is handled once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [authorizationReturn]);

  const refresh = async () => {
    if (!context || !tokens?.refresh_token) return;
    const params = { clientId: context.setup.clientId, refreshToken: tokens.refresh_token };
    const final = await callWith(refreshRequest(context.metadata, params), LOG_LABELS.refresh, dpopKey, () =>
      context.metadata.token_endpoint ? refreshCurl(context.metadata.token_endpoint, params) : { ok: false, message: t('ui-flow.noTokenEndpoint') },
    );
    if (!final) return;
    const result = tokenResult(final);
    if (!result.ok) return setMessage(t('ui-flow.refreshFailed', { reason: result.error.message }));
    setMessage(null);
    await receive(result.tokens, context, true);
  };

  const userinfo = async () => {
    if (!context || !tokens) return;
    const bound = tokens.token_type.toLowerCase() === 'dpop';
    const final = await callWith(userinfoRequest(context.metadata, tokens.access_token, bound ? 'DPoP' : 'Bearer'), LOG_LABELS.userinfo, bound ? dpopKey : null);
    if (final) setMessage(final.blocked || final.response.status === 200 ? null : t('ui-flow.userinfoStatus', { status: final.response.status }));
  };

  const revoke = async () => {
    if (!context || !tokens) return;
    const token = tokens.refresh_token ?? tokens.access_token;
    const params = { clientId: context.setup.clientId, token, tokenTypeHint: tokens.refresh_token ? ('refresh_token' as const) : ('access_token' as const) };
    const final = await callWith(revocationRequest(context.metadata, params), LOG_LABELS.revocation, null, () =>
      context.metadata.revocation_endpoint ? revocationCurl(context.metadata.revocation_endpoint, params) : { ok: false, message: t('ui-flow.noRevocationEndpoint') },
    );
    if (final && !final.blocked) setMessage(final.response.status === 200 ? t(params.tokenTypeHint === 'refresh_token' ? 'ui-flow.refreshTokenRevoked' : 'ui-flow.accessTokenRevoked') : t('ui-flow.revocationStatus', { status: final.response.status }));
  };

  const tokenList = useMemo(() => {
    const list: [TokenKind, string][] = [];
    if (tokens?.id_token) list.push(['id_token', tokens.id_token]);
    if (tokens?.access_token) list.push(['access_token', tokens.access_token]);
    if (tokens?.refresh_token) list.push(['refresh_token', tokens.refresh_token]);
    return list;
  }, [tokens]);

  const shareLink = redirectUri && setup.issuer ? writeLink(redirectUri, { mode: 'flow', issuer: setup.issuer.trim(), clientId: setup.clientId.trim(), scope: setup.scope.trim() }) : null;
  const par = metadata ? parSupport(metadata) : 'none';
  const update = (patch: Partial<FlowSetup>) => setSetup((previous) => ({ ...previous, ...patch }));

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <div className="min-w-0 space-y-6">
        <Section id="flow-setup-heading" title={t('ui-flow.setupHeading')}>
          <div className="space-y-3 text-sm">
            <p className="text-zinc-700 dark:text-zinc-300">
              {t('ui-flow.intro')}
            </p>
            <div>
              <label htmlFor="flow-issuer" className="font-medium">
                {t('ui-flow.issuerUrl')}
              </label>
              <span className="flex gap-2">
                <input id="flow-issuer" data-testid="flow-issuer" className={INPUT} value={setup.issuer} placeholder="https://login.example.com/realms/main" onChange={(event) => update({ issuer: event.target.value })} />
                <button type="button" data-testid="flow-discover" className={BUTTON} disabled={busy || setup.issuer.trim() === ''} onClick={() => void discoverProvider()}>
                  {t('ui-flow.discover')}
                </button>
              </span>
            </div>
            {metadata ? (
              <dl data-testid="flow-endpoints" className="grid grid-cols-[auto_1fr] gap-x-3 font-mono text-xs [overflow-wrap:anywhere]">
                {(['authorization_endpoint', 'token_endpoint', 'userinfo_endpoint', 'jwks_uri', 'revocation_endpoint', 'pushed_authorization_request_endpoint'] as const).map((member) =>
                  metadata[member] ? (
                    <div key={member} className="contents">
                      <dt className="text-zinc-600 dark:text-zinc-400">{member}</dt>
                      <dd>{metadata[member]}</dd>
                    </div>
                  ) : null,
                )}
              </dl>
            ) : null}
            <label className="block">
              <span className="font-medium">{t('ui-flow.clientId')}</span>
              <input data-testid="flow-client-id" className={INPUT} value={setup.clientId} onChange={(event) => update({ clientId: event.target.value })} />
            </label>
            <label className="block">
              <span className="font-medium">{t('ui-flow.scopes')}</span>
              <input data-testid="flow-scope" className={INPUT} value={setup.scope} onChange={(event) => update({ scope: event.target.value })} />
            </label>
            <label className="block">
              <span className="font-medium">{t('ui-flow.extraParameters')}</span>
              <textarea data-testid="flow-extra" rows={2} className={INPUT} value={setup.extra} onChange={(event) => update({ extra: event.target.value })} />
            </label>
            <div>
              <p className="font-medium">{t('ui-flow.redirectUriHeading')}</p>
              <p className="flex flex-wrap items-center gap-2">
                <code data-testid="flow-redirect-uri" className="font-mono [overflow-wrap:anywhere]">{redirectUri}</code>
                {redirectUri ? <CopyButton text={redirectUri} label={t('ui-flow.copyRedirectUri')} /> : null}
              </p>
              <p className="text-xs text-zinc-600 dark:text-zinc-400">
                {t('ui-flow.registerHint', { origin: redirectUri ? new URL(redirectUri).origin : '…' })}
              </p>
            </div>
            {/* min-w-0: a fieldset is as wide as its widest option by default, and some languages word them long. */}
            <fieldset className="min-w-0 space-y-1">
              <legend className="font-medium">{t('ui-flow.options')}</legend>
              <label className="block">
                <span>{t('ui-flow.responseType')}</span>
                {/* Full width: the long labels must not widen the page on a phone. */}
                <select data-testid="flow-response-type" className="block w-full min-w-0 rounded border border-zinc-300 bg-white px-1 dark:border-zinc-600 dark:bg-zinc-900" value={setup.responseType ?? 'code'} onChange={(event) => update({ responseType: RESPONSE_TYPES.find(([type]) => type === event.target.value)?.[0] ?? 'code' })}>
                  {RESPONSE_TYPES.map(([type, label]) => (
                    <option key={type} value={type}>
                      {label()}
                    </option>
                  ))}
                </select>
              </label>
              <label className="flex flex-wrap items-center gap-x-2">
                <span>{isHybrid(setup.responseType) ? t('ui-flow.responseModeHybrid') : t('ui-flow.responseMode')}</span>
                <select data-testid="flow-response-mode" disabled={isHybrid(setup.responseType)} className="min-w-0 max-w-full rounded border border-zinc-300 bg-white px-1 dark:border-zinc-600 dark:bg-zinc-900" value={isHybrid(setup.responseType) ? 'fragment' : setup.responseMode} onChange={(event) => update({ responseMode: event.target.value === 'query' ? 'query' : 'fragment' })}>
                  <option value="fragment">{t('ui-flow.responseModeFragment')}</option>
                  <option value="query">query</option>
                </select>
              </label>
              <label className="flex items-center gap-2">
                <input type="checkbox" data-testid="flow-par" checked={setup.usePar} disabled={par === 'none' || par === 'required'} onChange={(event) => update({ usePar: event.target.checked })} />
                <span>{par === 'none' ? t('ui-flow.parNotAdvertised') : par === 'required' ? t('ui-flow.parRequired') : t('ui-flow.par')}</span>
              </label>
              <label className="flex items-center gap-2">
                <input type="checkbox" data-testid="flow-dpop" checked={setup.dpop} onChange={(event) => update({ dpop: event.target.checked })} />
                <span>{t('ui-flow.dpop')}</span>
              </label>
            </fieldset>
            <div className="flex flex-wrap items-center gap-3">
              <button type="button" data-testid="flow-start" className={PRIMARY} disabled={!metadata || busy || setup.clientId.trim() === '' || !redirectUri} onClick={() => void start()}>
                {t('ui-flow.signIn')}
              </button>
              {shareLink ? <CopyButton text={shareLink} label={t('ui-flow.copySetupLink')} /> : null}
            </div>
            <p className="text-xs text-zinc-600 dark:text-zinc-400">
              {withElements((values) => t('ui-flow.legacyImplicit', values), { implicit: <code>response_type=id_token</code>, redirect: <code>#id_token=…</code> })}
            </p>
          </div>
        </Section>
        {message ? (
          <p role="status" data-testid="flow-message" className="rounded border border-amber-500 bg-amber-50 p-2 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100">
            {message}
          </p>
        ) : null}
        {blocked ? <BlockedNotice blocked={blocked} /> : null}
        {front ? (
          <Section id="flow-front-heading" title={t('ui-flow.frontTokensHeading')}>
            <ul className="space-y-2">
              {([['id_token', front.idToken], ...(front.accessToken ? [['access_token', front.accessToken]] : [])] as [TokenKind, string][]).map(([kind, token]) => (
                <FlowToken
                  key={kind}
                  kind={kind}
                  token={token}
                  channel="front"
                  onOpen={() =>
                    onOpenToken(token, {
                      ...(front.report.jwksText !== undefined && { jwksText: front.report.jwksText }),
                      ...(context && { issuer: context.metadata.issuer, clientId: context.setup.clientId }),
                      ...(kind === 'id_token' && context && { nonce: context.nonce }),
                    })
                  }
                />
              ))}
            </ul>
          </Section>
        ) : null}
        {front ? <IdTokenReportView id="flow-front-id-token-heading" title={t('ui-flow.frontChecksHeading')} channel="front" report={front.report} /> : null}
        {tokens ? (
          <Section id="flow-tokens-heading" title={t('ui-flow.tokensHeading')}>
            <ul className="space-y-2">
              {tokenList.map(([kind, token]) => (
                <FlowToken
                  key={kind}
                  kind={kind}
                  token={token}
                  onOpen={() =>
                    onOpenToken(token, {
                      ...(idReport?.jwksText !== undefined && { jwksText: idReport.jwksText }),
                      ...(context && { issuer: context.metadata.issuer, clientId: context.setup.clientId }),
                      ...(kind === 'id_token' && context && { nonce: context.nonce }),
                    })
                  }
                />
              ))}
            </ul>
            {dpopKey ? <DpopBinding tokens={tokens} thumbprint={dpopKey.thumbprint} /> : null}
            <div className="mt-3 flex flex-wrap gap-2">
              <button type="button" data-testid="flow-refresh" className={BUTTON} disabled={busy || !tokens.refresh_token} onClick={() => void refresh()}>
                {t('ui-flow.refresh')}
              </button>
              <button type="button" data-testid="flow-userinfo" className={BUTTON} disabled={busy || !context?.metadata.userinfo_endpoint} onClick={() => void userinfo()}>
                {t('ui-flow.userinfo')}
              </button>
              <button type="button" data-testid="flow-revoke" className={BUTTON} disabled={busy || !context?.metadata.revocation_endpoint} onClick={() => void revoke()}>
                {t('ui-flow.revoke')}
              </button>
            </div>
          </Section>
        ) : null}
        {idReport ? <IdTokenReportView id="flow-id-token-heading" title={front ? t('ui-flow.tokenEndpointChecksHeading') : t('ui-flow.checksHeading')} channel="token" report={idReport} /> : null}
        {metadata ? <SecretGrants metadata={metadata} clientId={setup.clientId.trim()} scope={setup.scope.trim()} accessToken={tokens?.access_token} /> : null}
      </div>
      <Section id="flow-log-heading" title={t('ui-flow.logHeading')}>
        {log.length === 0 ? <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('ui-flow.logEmpty')}</p> : null}
        <ol className="space-y-2">
          {log.map((entry) => (
            <FlowLogEntry key={entry.id} entry={entry} secrets={secrets} />
          ))}
        </ol>
      </Section>
    </div>
  );
}

const CHECK_STATE_TEXT: Record<OidcCheck['state'], () => string> = {
  pass: () => t('ui-flow.checkPass'),
  fail: () => t('ui-flow.checkFail'),
  unchecked: () => t('ui-flow.checkUnchecked'),
};

/** The signature's verdict in words (its data-state keeps the name). */
function signatureStateText(state: string): string {
  switch (state) {
    case 'valid':
      return t('ui-flow.stateValid');
    case 'invalid':
      return t('ui-flow.stateInvalid');
    case 'unverified':
      return t('ui-flow.stateUnverified');
    case 'error':
      return t('ui-flow.stateError');
    default:
      return state;
  }
}

function IdTokenReportView({ id, title, channel, report }: { id: string; title: string; channel: 'front' | 'token'; report: IdTokenReport }) {
  return (
    <Section id={id} title={title}>
      <div data-testid="flow-id-token-report" data-channel={channel}>
        <p data-testid="flow-id-token-signature" data-state={report.signature.state} className="text-sm">
          {withElements((values) => t('ui-flow.signatureAgainstJwks', values), { state: <strong>{signatureStateText(report.signature.state)}</strong> })}
          {report.signature.message ? ` (${report.signature.message})` : ''}
        </p>
        <ul className="mt-2 space-y-1 text-sm">
          {report.checks.map((check) => (
            <li key={check.check} data-testid="oidc-check" data-check={check.check} data-state={check.state} className="[overflow-wrap:anywhere]">
              <code className="font-mono">{check.check}</code> <span className={`font-medium ${CHECK_COLOUR[check.state]}`}>{CHECK_STATE_TEXT[check.state]()}</span>: {check.message}
            </li>
          ))}
        </ul>
      </div>
    </Section>
  );
}

function BlockedNotice({ blocked }: { blocked: Blocked }) {
  return (
    <div data-testid="flow-blocked" role="alert" className="space-y-2 rounded border border-red-500 bg-red-50 p-3 text-sm text-red-950 dark:bg-red-950 dark:text-red-100">
      <p>
        {withElements((values) => t('ui-flow.blockedNoAnswer', values), { url: <span className="font-mono [overflow-wrap:anywhere]">{blocked.url}</span> })}
      </p>
      <p>{blocked.hint}</p>
      {blocked.cspOrigin ? (
        <p>
          {withElements((values) => t('ui-flow.blockedCsp', values), { origin: <span className="font-mono">{blocked.cspOrigin}</span> })}
        </p>
      ) : null}
      {blocked.curl ? (
        blocked.curl.ok ? (
          <div>
            <p className="flex flex-wrap items-center gap-2">
              {t('ui-flow.sameCallFromTerminal')}
              <CopyButton text={blocked.curl.command} label={t('ui-flow.copyCurl')} />
            </p>
            <pre data-testid="flow-curl" className="mt-1 overflow-auto whitespace-pre-wrap rounded bg-white p-2 font-mono text-xs text-zinc-900 [overflow-wrap:anywhere] dark:bg-zinc-900 dark:text-zinc-100">
              {blocked.curl.command}
            </pre>
          </div>
        ) : (
          <p>{t('ui-flow.noCurl', { reason: blocked.curl.message })}</p>
        )
      ) : null}
    </div>
  );
}

function DpopBinding({ tokens, thumbprint }: { tokens: TokenSet; thumbprint: string }) {
  let jkt: unknown;
  try {
    jkt = (decodeJwt(tokens.access_token).cnf as { jkt?: unknown } | undefined)?.jkt;
  } catch {
    jkt = undefined;
  }
  const boundByType = tokens.token_type.toLowerCase() === 'dpop';
  const state = typeof jkt === 'string' ? (jkt === thumbprint ? 'pass' : 'fail') : boundByType ? 'pass' : 'fail';
  return (
    <p data-testid="flow-dpop-binding" data-state={state} data-jkt={thumbprint} className="mt-2 text-sm [overflow-wrap:anywhere]">
      {withElements((values) => t('ui-flow.dpopThumbprint', values), { thumbprint: <code className="font-mono">{thumbprint}</code> })}{' '}
      {typeof jkt === 'string'
        ? jkt === thumbprint
          ? t('ui-flow.dpopBound')
          : t('ui-flow.dpopOtherKey', { jkt })
        : boundByType
          ? t('ui-flow.dpopBoundByType')
          : t('ui-flow.dpopNotBound', { type: tokens.token_type })}
    </p>
  );
}

/** Grants that need a client secret, which a page must not hold: given as curl commands only. */
function SecretGrants({ metadata, clientId, scope, accessToken }: { metadata: ProviderMetadata; clientId: string; scope: string; accessToken?: string }) {
  const subject = accessToken ?? 'THE_TOKEN';
  const commands: [string, CurlResult][] = [];
  if (metadata.token_endpoint) {
    commands.push([t('ui-flow.grantClientCredentials'), clientCredentialsCurl(metadata.token_endpoint, { clientId, ...(scope && { scope }) })]);
    commands.push([t('ui-flow.grantTokenExchange'), tokenExchangeCurl(metadata.token_endpoint, { clientId, subjectToken: subject, subjectTokenType: 'urn:ietf:params:oauth:token-type:access_token' })]);
  }
  if (metadata.introspection_endpoint) commands.push([t('ui-flow.grantIntrospection'), introspectionCurl(metadata.introspection_endpoint, { clientId, token: subject })]);
  if (commands.length === 0) return null;
  return (
    <Section id="flow-secret-heading" title={t('ui-flow.secretGrantsHeading')}>
      <details className="text-sm">
        <summary className="cursor-pointer">{t('ui-flow.secretGrantsSummary')}</summary>
        <ul className="mt-2 space-y-2">
          {commands.map(([label, result]) => (
            <li key={label}>
              <p className="font-medium">{label}</p>
              {result.ok ? (
                <pre data-testid="flow-secret-curl" className="mt-1 overflow-auto whitespace-pre-wrap rounded bg-zinc-100 p-2 font-mono text-xs [overflow-wrap:anywhere] dark:bg-zinc-900">
                  {result.command}
                </pre>
              ) : (
                <p>{result.message}</p>
              )}
            </li>
          ))}
        </ul>
      </details>
    </Section>
  );
}
