'use client';

import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { useLocale } from '@/components/i18n/useLocale';
import { THEME_STORAGE_KEY, type ThemeChoice } from './theme-script';
import { t } from './messages';

const CHOICES: { value: ThemeChoice; label: () => string; title: () => string; icon: string }[] = [
  { value: 'light', label: () => t('ui-theme.light'), title: () => t('ui-theme.lightTitle'), icon: '☀' },
  { value: 'dark', label: () => t('ui-theme.dark'), title: () => t('ui-theme.darkTitle'), icon: '☾' },
  { value: 'system', label: () => t('ui-theme.system'), title: () => t('ui-theme.systemTitle'), icon: '◐' },
];

function readChoice(): ThemeChoice {
  const value = document.documentElement.getAttribute('data-theme');
  return value === 'light' || value === 'dark' ? value : 'system';
}

function applyChoice(choice: ThemeChoice) {
  const prefersDark = window.matchMedia('(prefers-color-scheme: dark)').matches;
  const root = document.documentElement;
  root.classList.toggle('dark', choice === 'dark' || (choice === 'system' && prefersDark));
  root.setAttribute('data-theme', choice);
}

// The <html> element is the single source of truth (the boot script sets it
// before React starts), so components subscribe to its attributes.
function subscribe(onChange: () => void) {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class', 'data-theme'] });
  return () => observer.disconnect();
}

/** 'light' or 'dark' as actually shown, for widgets such as Monaco that need to know. */
export function useResolvedTheme(): 'light' | 'dark' {
  return useSyncExternalStore(
    subscribe,
    () => (document.documentElement.classList.contains('dark') ? 'dark' : 'light'),
    () => 'light',
  );
}

export function ThemeControl() {
  useLocale();
  const choice = useSyncExternalStore<ThemeChoice>(subscribe, readChoice, () => 'system');

  // Follow the operating system while "System" is chosen.
  useEffect(() => {
    if (choice !== 'system') return;
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const follow = () => applyChoice('system');
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, [choice]);

  const choose = useCallback((next: ThemeChoice) => {
    try {
      if (next === 'system') localStorage.removeItem(THEME_STORAGE_KEY);
      else localStorage.setItem(THEME_STORAGE_KEY, next);
    } catch {
      // Storage may be disabled; the choice still applies to this visit.
    }
    applyChoice(next);
  }, []);

  return (
    <div role="group" aria-label={t('ui-theme.group')} className="inline-flex rounded-md border border-zinc-300 p-0.5 dark:border-zinc-700">
      {CHOICES.map(({ value, label, title, icon }) => (
        <button
          key={value}
          type="button"
          data-testid={`theme-${value}`}
          aria-pressed={choice === value}
          title={title()}
          onClick={() => choose(value)}
          className="rounded px-2 py-1 text-xs font-medium text-zinc-700 hover:bg-zinc-100 aria-pressed:bg-zinc-900 aria-pressed:text-white dark:text-zinc-300 dark:hover:bg-zinc-800 dark:aria-pressed:bg-zinc-100 dark:aria-pressed:text-zinc-900"
        >
          <span aria-hidden="true">{icon}</span> {label()}
        </button>
      ))}
    </div>
  );
}
