'use client';

import { useRef, useState, type KeyboardEvent } from 'react';
import { Section } from '@/components/common/Section';
import { ComparePanel } from './ComparePanel';
import { VerifierTests } from './VerifierTests';
import { SnippetsPanel } from './SnippetsPanel';
import { INITIAL_LAB_STATE, type LabInput, type LabState, type LabTab } from './lab-state';
import { useLocale } from '@/components/i18n/useLocale';
import { t } from './messages';

const TABS: { id: LabTab; label: () => string }[] = [
  { id: 'compare', label: () => t('ui-lab.tabCompare') },
  { id: 'attacks', label: () => t('ui-lab.tabAttacks') },
  { id: 'snippets', label: () => t('ui-lab.tabSnippets') },
];

/** Workflows around the decoded token: compare it, attack your verifier with it, verify it in code. */
export function TokenLab(input: LabInput) {
  useLocale();
  const [state, setState] = useState<LabState>(INITIAL_LAB_STATE);
  const update = (patch: Partial<LabState>) => setState((current) => ({ ...current, ...patch }));
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);

  // The WAI-ARIA tabs pattern, with automatic activation: arrows move along (and wrap), Home and End go to the ends.
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % TABS.length
        : event.key === 'ArrowLeft'
          ? (index - 1 + TABS.length) % TABS.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? TABS.length - 1
              : null;
    if (next === null) return;
    event.preventDefault();
    update({ tab: TABS[next]!.id });
    tabRefs.current[next]?.focus();
  };

  return (
    <Section id="lab-heading" title={t('ui-lab.title')}>
      <div role="tablist" aria-label={t('ui-lab.title')} className="flex flex-wrap gap-1 border-b border-zinc-300 dark:border-zinc-700">
        {TABS.map((tab, index) => {
          const selected = state.tab === tab.id;
          return (
            <button
              key={tab.id}
              ref={(element) => {
                tabRefs.current[index] = element;
              }}
              type="button"
              role="tab"
              id={`lab-tab-${tab.id}`}
              aria-selected={selected}
              aria-controls={`lab-panel-${tab.id}`}
              tabIndex={selected ? 0 : -1}
              data-testid={`lab-tab-${tab.id}`}
              onClick={() => update({ tab: tab.id })}
              onKeyDown={(event) => onKeyDown(event, index)}
              className={`-mb-px rounded-t-md border px-3 py-1.5 text-sm font-medium focus-visible:outline focus-visible:outline-2 focus-visible:outline-blue-600 ${
                selected
                  ? 'border-zinc-300 border-b-white bg-white text-zinc-900 dark:border-zinc-700 dark:border-b-zinc-950 dark:bg-zinc-950 dark:text-zinc-100'
                  : 'border-transparent text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100'
              }`}
            >
              {tab.label()}
            </button>
          );
        })}
      </div>
      {/* Every tab's panel is in the page, so each tab's aria-controls names an element; only the chosen one is filled and shown. */}
      {TABS.map((tab) => {
        const selected = state.tab === tab.id;
        return (
          <div key={tab.id} role="tabpanel" id={`lab-panel-${tab.id}`} aria-labelledby={`lab-tab-${tab.id}`} hidden={!selected} className="pt-3">
            {selected && tab.id === 'compare' ? <ComparePanel input={input} state={state} onChange={update} /> : null}
            {selected && tab.id === 'attacks' ? <VerifierTests input={input} state={state} onChange={update} /> : null}
            {selected && tab.id === 'snippets' ? <SnippetsPanel input={input} state={state} onChange={update} /> : null}
          </div>
        );
      })}
    </Section>
  );
}
