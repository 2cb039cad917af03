import type { ReactNode } from 'react';
import Link from 'next/link';
import { ThemeControl } from '@/components/theme/ThemeControl';
import { LanguageSelect } from '@/components/i18n/LanguageSelect';

/** The product bar: name, the view's own controls (mode switch), language, theme. */
export function SiteHeader({ children }: { children?: ReactNode }) {
  return (
    <header className="border-b border-zinc-200 dark:border-zinc-800">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 text-lg font-semibold tracking-tight">
          <Logo />
          <span>JWT Workbench</span>
        </Link>
        {/* Wraps when a language's longer labels would not fit on a phone. */}
        <div className="flex flex-1 flex-wrap items-center gap-y-2">{children}</div>
        <div className="flex items-center gap-2">
          <LanguageSelect />
          <ThemeControl />
        </div>
      </div>
    </header>
  );
}

function Logo() {
  return (
    <svg aria-hidden="true" width="24" height="24" viewBox="0 0 32 32">
      <rect width="32" height="32" rx="7" className="fill-zinc-900 dark:fill-zinc-100" />
      <circle cx="9" cy="16" r="3.2" fill="#ff9e66" />
      <circle cx="16" cy="16" r="3.2" fill="#e3a6f0" />
      <circle cx="23" cy="16" r="3.2" fill="#6cc4ff" />
    </svg>
  );
}
