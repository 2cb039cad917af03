'use client';

import { useState } from 'react';
import type { Exchange } from '@/lib/oauth';
import { shortened, shortenSecrets } from '@/lib/oauth/shorten';
import { BUTTON } from '@/components/common/button';
import { CopyButton } from '@/components/common/CopyButton';
import { useLocale } from '@/components/i18n/useLocale';
import { t } from './messages';

/** What each logged call was for. The name is stored (and kept across the redirect); the log words it in the language shown. */
export const LOG_LABELS = {
  discovery: 'Discovery',
  par: 'Pushed authorization request',
  jwks: 'Key set (jwks_uri)',
  codeExchange: 'Token (code exchange)',
  refresh: 'Token (refresh)',
  userinfo: 'Userinfo',
  revocation: 'Revocation',
} as const;

function labelText(label: string): string {
  switch (label) {
    case LOG_LABELS.discovery:
      return t('ui-flow.logDiscovery');
    case LOG_LABELS.par:
      return t('ui-flow.logPar');
    case LOG_LABELS.jwks:
      return t('ui-flow.logJwks');
    case LOG_LABELS.codeExchange:
      return t('ui-flow.logCodeExchange');
    case LOG_LABELS.refresh:
      return t('ui-flow.logRefresh');
    case LOG_LABELS.userinfo:
      return t('ui-flow.logUserinfo');
    case LOG_LABELS.revocation:
      return t('ui-flow.logRevocation');
    default:
      return label;
  }
}

export interface LogEntry {
  id: number;
  /** What the call was for: discovery, token, userinfo… */
  label: string;
  exchange: Exchange;
}

const PRE = 'mt-1 max-h-64 overflow-auto whitespace-pre-wrap rounded bg-zinc-100 p-2 font-mono text-xs [overflow-wrap:anywhere] dark:bg-zinc-900';

function headerLines(headers: Record<string, string>): string {
  return Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n');
}

/** One request and its response, as an HTTP log shows them; secrets shortened until revealed. */
export function FlowLogEntry({ entry, secrets }: { entry: LogEntry; secrets: readonly string[] }) {
  useLocale();
  const [revealed, setRevealed] = useState(false);
  const { exchange } = entry;
  const show = (text: string) => (revealed ? text : shortenSecrets(text, secrets));
  const status = exchange.blocked ? '' : String(exchange.response.status);
  const request = `${exchange.request.method} ${exchange.request.url}\n${headerLines(exchange.request.headers)}${exchange.request.body ? `\n\n${exchange.request.body}` : ''}`;
  const response = exchange.blocked ? t('ui-flow.noResponseDetail', { reason: exchange.message }) : `HTTP ${exchange.response.status}\n${headerLines(exchange.response.headers)}\n\n${exchange.response.body}`;
  return (
    <li data-testid="flow-log-entry" data-method={exchange.request.method} data-url={exchange.request.url} data-status={status} className="rounded border border-zinc-300 p-2 text-sm dark:border-zinc-700">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="min-w-0 font-medium [overflow-wrap:anywhere]">
          {labelText(entry.label)}: <code className="font-mono">{exchange.request.method}</code> {exchange.request.url}{' '}
          <span className={exchange.blocked || exchange.response.status >= 400 ? 'text-red-800 dark:text-red-300' : 'text-emerald-800 dark:text-emerald-300'}>
            {exchange.blocked ? t('ui-flow.noResponse') : `HTTP ${status}`}
          </span>
        </p>
        <button type="button" className={BUTTON} aria-pressed={revealed} onClick={() => setRevealed((value) => !value)}>
          {revealed ? t('ui-flow.shortenSecrets') : t('ui-flow.revealSecrets')}
        </button>
      </div>
      <details className="mt-1">
        <summary className="cursor-pointer text-xs text-zinc-700 dark:text-zinc-300">{t('ui-flow.requestAndResponse')}</summary>
        <p className="mt-1 text-xs font-medium">{t('ui-flow.request')}</p>
        <pre className={PRE}>{show(request)}</pre>
        <p className="mt-1 text-xs font-medium">{t('ui-flow.response')}</p>
        <pre className={PRE}>{show(response)}</pre>
      </details>
    </li>
  );
}

export type TokenKind = 'id_token' | 'access_token' | 'refresh_token';

const KIND_LABEL: Record<TokenKind, () => string> = { id_token: () => t('ui-flow.kindIdToken'), access_token: () => t('ui-flow.kindAccessToken'), refresh_token: () => t('ui-flow.kindRefreshToken') };
const COPY_LABEL: Record<TokenKind, () => string> = { id_token: () => t('ui-flow.copyIdToken'), access_token: () => t('ui-flow.copyAccessToken'), refresh_token: () => t('ui-flow.copyRefreshToken') };

/** Where a token came from: the redirect back from the authorization endpoint (hybrid), or the token endpoint. */
export type TokenChannel = 'front' | 'token';

const CHANNEL_LABEL: Record<TokenChannel, () => string> = { front: () => t('ui-flow.channelFront'), token: () => t('ui-flow.channelToken') };

/** A token received: shortened until revealed, copyable, and openable in the decoder. */
export function FlowToken({ kind, token, onOpen, channel = 'token' }: { kind: TokenKind; token: string; onOpen: () => void; channel?: TokenChannel }) {
  useLocale();
  const [revealed, setRevealed] = useState(false);
  return (
    <li data-testid="flow-token" data-kind={kind} data-channel={channel} data-token={token} className="rounded border border-zinc-300 p-2 text-sm dark:border-zinc-700">
      <p className="font-medium">
        {KIND_LABEL[kind]()} <span className="font-normal text-zinc-600 dark:text-zinc-400">{CHANNEL_LABEL[channel]()}</span>
      </p>
      <p className="mt-1 font-mono text-xs [overflow-wrap:anywhere]">{revealed ? token : shortened(token)}</p>
      <div className="mt-1 flex flex-wrap gap-2">
        <button type="button" className={BUTTON} aria-pressed={revealed} onClick={() => setRevealed((value) => !value)}>
          {revealed ? t('ui-flow.shorten') : t('ui-flow.reveal')}
        </button>
        <CopyButton text={token} label={COPY_LABEL[kind]()} />
        <button type="button" data-testid="flow-open-token" className={BUTTON} onClick={onOpen}>
          {t('ui-flow.openInDecoder')}
        </button>
        {token.split('.').length === 3 || token.split('.').length === 5 ? null : (
          <span className="text-xs text-zinc-600 dark:text-zinc-400">{t('ui-flow.opaque')}</span>
        )}
      </div>
    </li>
  );
}
