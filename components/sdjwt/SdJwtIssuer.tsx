'use client';

import { useEffect, useId, useMemo, useState } from 'react';
import { addKeyBinding, makeSelectivelyDisclosable, NEVER_SELECTIVE, presentSdJwt, readHolderKey, SUPPORTED_SD_ALGS, type IssuedDisclosure, type JsonValue, type SdAlg } from '@/lib/sdjwt';
import { signFromText } from '@/lib/encoder/sign-text';
import type { SecretEncoding } from '@/lib/keys';
import { CopyButton } from '@/components/common/CopyButton';
import { useLocale } from '@/components/i18n/useLocale';
import { t } from './messages';

export interface SdJwtIssuerProps {
  header: string;
  payload: string;
  alg: string;
  keyText: string;
  secretEncoding: SecretEncoding;
}

type Issued = { ok: true; jwt: string; disclosures: IssuedDisclosure[] } | { ok: false; error: string };
type Bound = { for: string; value: { ok: true; sdJwt: string } | { ok: false; error: string } } | null;

function parseObject(text: string): Record<string, JsonValue> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, JsonValue>) : null;
  } catch {
    return null;
  }
}

const SELECT = 'rounded border border-zinc-300 bg-white px-1.5 py-1 text-sm dark:border-zinc-600 dark:bg-zinc-900';

/** Issues the encoder's payload as an SD-JWT, and makes a presentation with the disclosures picked. */
export function SdJwtIssuer({ header, payload, alg, keyText, secretEncoding }: SdJwtIssuerProps) {
  const claims = useMemo(() => parseObject(payload), [payload]);
  const names = useMemo(() => Object.keys(claims ?? {}).filter((name) => !NEVER_SELECTIVE.includes(name)), [claims]);
  const [selective, setSelective] = useState<string[]>([]);
  const [hidden, setHidden] = useState<string[]>([]);
  const [sdAlg, setSdAlg] = useState<SdAlg>('sha-256');
  const [decoys, setDecoys] = useState(0);
  const [issued, setIssued] = useState<Issued | null>(null);
  const [holderKey, setHolderKey] = useState('');
  const [aud, setAud] = useState('https://verifier.example.org');
  const [nonce, setNonce] = useState('');
  const [bound, setBound] = useState<Bound>(null);
  const id = useId();
  const locale = useLocale();
  const chosen = selective.filter((name) => names.includes(name));
  // The language the errors shown are worded in. A new language makes them again; a token already
  // made is kept as it is (making it again would change its salts and iat).
  const [errorsIn, setErrorsIn] = useState(locale);
  const showsError = (issued !== null && !issued.ok) || (bound !== null && !bound.value.ok);
  if (showsError && errorsIn !== locale) setErrorsIn(locale);

  useEffect(() => {
    let current = true;
    (async (): Promise<Issued> => {
      if (!claims) return { ok: false, error: t('ui-sdjwt.payloadNotObject') };
      // With a holder key, the credential is bound to it (cnf.jwk) unless the payload names a key already.
      let withCnf = claims;
      if (holderKey.trim() !== '' && !('cnf' in claims)) {
        const holder = await readHolderKey(holderKey);
        if (!holder.ok) return holder;
        withCnf = { ...claims, cnf: { jwk: holder.publicJwk as Record<string, JsonValue> } };
      }
      const made = await makeSelectivelyDisclosable(withCnf, chosen, { sdAlg, decoys });
      if (!made.ok) return made;
      const signed = await signFromText({ header, payload: JSON.stringify(made.payload), alg, key: keyText, secretEncoding });
      if (!signed.ok) return { ok: false, error: signed.error };
      return { ok: true, jwt: signed.token, disclosures: made.disclosures };
    })().then(
      (value) => {
        if (current) setIssued(value);
      },
      (error: unknown) => {
        if (current) setIssued({ ok: false, error: t('ui-sdjwt.couldNotIssue', { reason: error instanceof Error ? error.message : String(error) }) });
      },
    );
    return () => {
      current = false;
    };
    // chosen is derived from selective and names; its contents are the dependency.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [claims, chosen.join('\u0000'), sdAlg, decoys, header, alg, keyText, secretEncoding, holderKey, errorsIn]);

  const toggle = (list: string[], name: string) => (list.includes(name) ? list.filter((n) => n !== name) : [...list, name]);
  const issuance = issued?.ok ? presentSdJwt(issued.jwt, issued.disclosures.map((d) => d.text)) : '';
  const presentation = issued?.ok ? presentSdJwt(issued.jwt, issued.disclosures.filter((d) => !hidden.includes(d.name)).map((d) => d.text)) : '';

  const bindingFor = JSON.stringify([presentation, holderKey, aud, nonce, sdAlg, errorsIn]);
  useEffect(() => {
    let current = true;
    if (!presentation || holderKey.trim() === '') return;
    addKeyBinding({ presentation, holderKeyText: holderKey, aud, nonce, iat: Math.floor(Date.now() / 1000), sdAlg }).then(
      (value) => {
        if (current) setBound({ for: bindingFor, value });
      },
      (error: unknown) => {
        if (current) setBound({ for: bindingFor, value: { ok: false, error: t('ui-sdjwt.couldNotBind', { reason: error instanceof Error ? error.message : String(error) }) } });
      },
    );
    return () => {
      current = false;
    };
  }, [bindingFor, presentation, holderKey, aud, nonce, sdAlg]);
  const binding = bound?.for === bindingFor ? bound.value : null;
  const keyBound = holderKey.trim() !== '' && binding?.ok ? binding.sdJwt : null;

  return (
    <div className="space-y-3 text-sm">
      <p className="text-zinc-700 dark:text-zinc-300">{t('ui-sdjwt.issuerIntro')}</p>
      <fieldset>
        <legend className="font-medium">{t('ui-sdjwt.selectiveLegend')}</legend>
        {names.length === 0 ? <p className="text-zinc-600 dark:text-zinc-400">{t('ui-sdjwt.nothingSelectable')}</p> : null}
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {names.map((name) => (
            <label key={name} className="flex items-center gap-1.5">
              <input type="checkbox" data-testid="sd-select" data-claim={name} checked={chosen.includes(name)} onChange={() => setSelective((list) => toggle(list, name))} />
              <code className="font-mono">{name}</code>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-wrap items-center gap-4">
        <label className="flex items-center gap-1.5" htmlFor={`${id}-alg`}>
          _sd_alg
          <select id={`${id}-alg`} className={SELECT} value={sdAlg} onChange={(e) => setSdAlg(e.target.value as SdAlg)}>
            {SUPPORTED_SD_ALGS.map((name) => (
              <option key={name}>{name}</option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-1.5" htmlFor={`${id}-decoys`}>
          {t('ui-sdjwt.decoyDigests')}
          <input id={`${id}-decoys`} type="number" min={0} max={10} className={`${SELECT} w-16`} value={decoys} onChange={(e) => setDecoys(Math.max(0, Math.min(10, Number(e.target.value) || 0)))} />
        </label>
      </div>
      {issued && !issued.ok ? <p role="alert" className="text-red-800 dark:text-red-200">{issued.error}</p> : null}
      {issued?.ok ? (
        <>
          <Output testId="sdjwt-issued" title={t('ui-sdjwt.issuedTitle')} token={issuance} />
          {issued.disclosures.length > 0 ? (
            <fieldset>
              <legend className="font-medium">{t('ui-sdjwt.discloseLegend')}</legend>
              <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
                {issued.disclosures.map((d) => (
                  <label key={d.name} className="flex items-center gap-1.5">
                    <input type="checkbox" data-testid="sd-present" data-claim={d.name} checked={!hidden.includes(d.name)} onChange={() => setHidden((list) => toggle(list, d.name))} />
                    <code className="font-mono">{d.name}</code>
                  </label>
                ))}
              </div>
            </fieldset>
          ) : null}
          <fieldset className="space-y-2">
            <legend className="font-medium">{t('ui-sdjwt.keyBindingLegend')}</legend>
            <label className="block" htmlFor={`${id}-holder`}>
              <span className="mb-0.5 block">{t('ui-sdjwt.holderKeyLabel')}</span>
              <textarea id={`${id}-holder`} data-testid="sd-holder-key" spellCheck={false} className={`${SELECT} h-16 w-full font-mono text-xs`} value={holderKey} onChange={(e) => setHolderKey(e.target.value)} />
            </label>
            <div className="flex flex-wrap gap-4">
              <label className="flex items-center gap-1.5" htmlFor={`${id}-aud`}>
                aud
                <input id={`${id}-aud`} className={SELECT} value={aud} onChange={(e) => setAud(e.target.value)} />
              </label>
              <label className="flex items-center gap-1.5" htmlFor={`${id}-nonce`}>
                nonce
                <input id={`${id}-nonce`} data-testid="sd-kb-nonce" className={SELECT} value={nonce} onChange={(e) => setNonce(e.target.value)} />
              </label>
            </div>
            {holderKey.trim() !== '' && binding && !binding.ok ? <p role="alert" className="text-red-800 dark:text-red-200">{binding.error}</p> : null}
          </fieldset>
          <Output
            testId="sdjwt-presentation"
            title={keyBound ? t('ui-sdjwt.presentationWithKeyBinding') : t('ui-sdjwt.presentationWithoutKeyBinding')}
            token={holderKey.trim() === '' ? presentation : (keyBound ?? '')}
          />
        </>
      ) : null}
    </div>
  );
}

function Output({ testId, title, token }: { testId: string; title: string; token: string }) {
  return (
    <div>
      <div className="mb-1 flex items-center justify-between gap-2">
        <h3 className="font-medium">{title}</h3>
        <CopyButton text={token} label={t('ui-sdjwt.copyTitle', { title })} />
      </div>
      <p data-testid={testId} data-token={token} className="rounded-md border border-zinc-300 bg-zinc-50 p-2 font-mono text-xs break-all dark:border-zinc-700 dark:bg-zinc-900">
        {token.split('~').map((part, i, parts) => (
          <span key={i}>
            <span className={i === 0 ? 'seg-header' : i === parts.length - 1 && part !== '' ? 'seg-keyBinding' : 'seg-disclosure'}>{part}</span>
            {i < parts.length - 1 ? <span className="seg-dot">~</span> : null}
          </span>
        ))}
      </p>
    </div>
  );
}
