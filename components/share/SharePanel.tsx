'use client';

import { useEffect, useId, useState } from 'react';
import { describeLink, linkGrantsSigning, longLinkWarning, writeLink, type LinkState, type SecretEncoding } from '@/lib/links';

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
  const contents = describeLink(state);
  const tooLong = link ? longLinkWarning(link) : null;
  const grantsSigning = linkGrantsSigning(state);

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
        Share
      </button>
      {open ? (
        <div
          id={panelId}
          role="dialog"
          aria-label="Share link"
          data-testid="share-panel"
          className="absolute right-0 z-50 mt-2 w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-zinc-200 bg-white p-4 text-sm shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
        >
          <div className="mb-2 flex items-center justify-between gap-2">
            <label htmlFor={`${panelId}-url`} className="font-semibold">
              Share link
            </label>
            <button type="button" onClick={() => setOpen(false)} className="text-zinc-600 underline dark:text-zinc-400">
              Close
            </button>
          </div>
          <div className="flex gap-2">
            <input
              id={`${panelId}-url`}
              data-testid="share-url"
              readOnly
              value={link}
              onFocus={(event) => event.currentTarget.select()}
              className="min-w-0 flex-1 rounded border border-zinc-300 bg-zinc-50 px-2 py-1 font-mono text-xs dark:border-zinc-600 dark:bg-zinc-950"
            />
            <button
              type="button"
              data-testid="share-copy"
              onClick={() => void copyLink(link)}
              className="rounded border border-zinc-300 px-2 py-1 text-xs font-medium hover:bg-zinc-100 dark:border-zinc-600 dark:hover:bg-zinc-800"
            >
              Copy
            </button>
          </div>
          <p aria-live="polite" data-testid="share-copied" className="mt-1 min-h-[1.25rem] text-xs text-zinc-600 dark:text-zinc-400">
            {copy === 'copied' ? 'Copied to the clipboard.' : copy === 'failed' ? 'Could not copy: select the link and copy it yourself.' : ''}
          </p>
          <label className="mt-2 flex items-start gap-2">
            <input
              type="checkbox"
              data-testid="share-include-key"
              checked={includeKey}
              disabled={keyText === ''}
              onChange={(event) => {
                setTicked({ scope: tickScope, on: event.target.checked });
                // A link that lets its holder sign is never copied by itself: the warning shows
                // first, and Copy is the user's own click.
                const next = shareState(props, event.target.checked);
                if (!linkGrantsSigning(next)) void copyLink(linkFor(next));
                else setCopy('idle');
              }}
              className="mt-1"
            />
            <span>{isEncoder ? 'Include the signing key' : 'Include the key'}</span>
          </label>
          {includeKey && grantsSigning ? (
            <p role="alert" data-testid="share-key-warning" className="mt-2 rounded border border-red-400 bg-red-50 p-2 text-red-900 dark:bg-red-950 dark:text-red-100">
              Anyone holding this link can sign tokens with this key and so forge tokens your services would accept. Share
              it only over a channel you trust, and never for a production key.{' '}
              {copiedLink === link ? 'This link, key included, is on the clipboard.' : 'It has not been copied: press Copy if you mean to.'}
            </p>
          ) : null}
          <p data-testid="share-contents" className="mt-2 text-zinc-700 dark:text-zinc-300">
            {contents.length > 0 ? `The link contains ${joinWords(contents)}.` : 'The link contains nothing yet.'} It keeps
            them after the <code>#</code>, which browsers never send to a server.
          </p>
          {tooLong ? (
            <p role="alert" data-testid="share-too-long" className="mt-2 rounded border border-amber-500 bg-amber-50 p-2 text-amber-950 dark:bg-amber-950 dark:text-amber-100">
              {tooLong}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

/** The page's own address, whatever base path it is served under, with the state as its fragment. */
function linkFor(state: LinkState): string {
  return writeLink(window.location.origin + window.location.pathname, state);
}

function joinWords(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
