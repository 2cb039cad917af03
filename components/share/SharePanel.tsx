'use client';

import { useEffect, useId, useState } from 'react';
import dynamic from 'next/dynamic';
import { writeLink } from '@/lib/links/write-link';
import type { LinkState, SecretEncoding } from '@/lib/links/types';
import { useLocale } from '@/components/i18n/useLocale';
import { t } from './messages';

// The panel's contents load when it is first opened, not with the page.
const SharePanelBody = dynamic(() => import('./SharePanelBody').then((module) => module.SharePanelBody), { ssr: false });

/** What the decoder would put in a link. */
export interface ShareDecoderState {
  token: string;
  key: string;
  secretEncoding: SecretEncoding;
  /** The "check as of" time, when one is set. */
  at?: string;
}

/** What the encoder would put in a link (its signing key only when the user ticks the box). */
export interface ShareEncoderState {
  header: string;
  payload: string;
  alg: string;
  key: string;
  secretEncoding?: SecretEncoding;
}

interface SharePanelProps {
  mode: 'decode' | 'encode';
  decoder: ShareDecoderState;
  /** Absent while there is no encoder state to share. */
  encoder?: ShareEncoderState;
}

/** The state a share link carries, given what the user chose to include. */
export function shareState({ mode, decoder, encoder }: SharePanelProps, includeKey: boolean): LinkState {
  if (mode === 'encode' && encoder) {
    const state: LinkState = { mode: 'encode', header: encoder.header, payload: encoder.payload, alg: encoder.alg };
    if (includeKey && encoder.key !== '') {
      state.signingKey = encoder.key;
      if (encoder.secretEncoding && encoder.secretEncoding !== 'utf8') state.secretEncoding = encoder.secretEncoding;
    }
    return state;
  }
  const state: LinkState = { token: decoder.token };
  if (mode === 'encode') state.mode = 'encode';
  if (decoder.at) state.at = decoder.at;
  if (includeKey && decoder.key !== '') {
    state.key = decoder.key;
    if (decoder.secretEncoding !== 'utf8') state.secretEncoding = decoder.secretEncoding;
  }
  return state;
}

/**
 * The share button and its panel: a link of the current state, kept in the
 * fragment (which browsers never send to a server), copied to the clipboard.
 * Keys stay out of the link unless the user ticks the box.
 */
export function SharePanel(props: SharePanelProps) {
  useLocale();
  const [open, setOpen] = useState(false);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const [copiedLink, setCopiedLink] = useState<string | null>(null);
  const panelId = useId();
  const isEncoder = props.mode === 'encode' && props.encoder !== undefined;
  const keyText = isEncoder ? (props.encoder?.key ?? '') : props.decoder.key;
  // The tick holds only for the mode and key it was given for: switching mode or changing the
  // key clears it (as does opening the panel again), so a key is never shared by habit.
  const tickScope = `${isEncoder ? 'encode' : 'decode'}\u0000${keyText}`;
  const [ticked, setTicked] = useState<{ scope: string; on: boolean }>({ scope: tickScope, on: false });
  if (ticked.scope !== tickScope) setTicked({ scope: tickScope, on: false });
  const includeKey = ticked.on && ticked.scope === tickScope;

  const state = shareState(props, includeKey);
  const link = open ? linkFor(state) : '';

  const copyLink = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopy('copied');
      setCopiedLink(text);
    } catch {
      setCopy('failed');
    }
  };

  useEffect(() => {
    if (copy === 'idle') return;
    const timer = window.setTimeout(() => setCopy('idle'), 2500);
    return () => window.clearTimeout(timer);
  }, [copy]);

  return (
    <div className="relative ml-auto">
      <button
        type="button"
        data-testid="share-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          // Made from the state of this moment (never with a key: the tick starts cleared) and
          // copied at once; the field then follows later edits.
          setOpen(true);
          setTicked({ scope: tickScope, on: false });
          void copyLink(linkFor(shareState(props, false)));
        }}
        className="rounded-md border border-zinc-300 px-3 py-1 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-600 dark:hover:bg-zinc-800"
      >
        {t('ui-share.shareButton')}
      </button>
      {open ? (
        <SharePanelBody
          panelId={panelId}
          state={state}
          link={link}
          stateFor={(withKey) => shareState(props, withKey)}
          linkFor={linkFor}
          isEncoder={isEncoder}
          keyText={keyText}
          includeKey={includeKey}
          copy={copy}
          copiedLink={copiedLink}
          onClose={() => setOpen(false)}
          onCopy={(text) => void copyLink(text)}
          onTick={(on) => setTicked({ scope: tickScope, on })}
          onIdle={() => setCopy('idle')}
        />
      ) : null}
    </div>
  );
}

/** The page's own address, whatever base path it is served under, with the state as its fragment. */
function linkFor(state: LinkState): string {
  return writeLink(window.location.origin + window.location.pathname, state);
}
