'use client';

import { useState } from 'react';
import { SiteHeader } from '@/components/shell/SiteHeader';
import { CodeEditor } from '@/components/editor/CodeEditor';
import { ModeSwitch, type Mode } from './ModeSwitch';

export function Workbench() {
  const [mode, setMode] = useState<Mode>('decode');
  const [tokenText, setTokenText] = useState('');

  return (
    <>
      <SiteHeader>
        <ModeSwitch mode={mode} onChange={setMode} />
      </SiteHeader>
      <main className="mx-auto max-w-7xl px-4 py-6">
        {mode === 'decode' ? (
          <section aria-labelledby="encoded-heading">
            <h1 id="encoded-heading" className="mb-2 text-sm font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">
              Encoded token
            </h1>
            <CodeEditor testId="token-input" label="Encoded token" value={tokenText} onChange={setTokenText} height="16rem" />
          </section>
        ) : (
          <section aria-labelledby="encoder-heading">
            <h1 id="encoder-heading" className="mb-2 text-sm font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">
              Encoder
            </h1>
          </section>
        )}
      </main>
    </>
  );
}
