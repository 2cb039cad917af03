'use client';

import { useId, useState } from 'react';
import { CopyButton } from '@/components/common/CopyButton';
import { OptionSelect } from '@/components/common/OptionSelect';
import { compactToJson, type JwsForm } from '@/lib/jws/json-form';
import { useLocale } from '@/components/i18n/useLocale';
import { t } from './messages';

function forms(): { value: JwsForm; label: string }[] {
  return [
    { value: 'compact', label: t('ui-formats.formCompact') },
    { value: 'flattened', label: t('ui-formats.formFlattened') },
    { value: 'general', label: t('ui-formats.formGeneral') },
  ];
}

/** The encoder's token also in a JSON serialization, for APIs (ACME, JAdES) that take one. */
export function JsonFormOutput({ token }: { token: string }) {
  useLocale();
  const [form, setForm] = useState<JwsForm>('compact');
  const selectId = useId();
  const json = form === 'compact' ? undefined : compactToJson(token, form);
  return (
    <div className="mt-3 text-sm">
      <label htmlFor={selectId} className="mr-2">
        {t('ui-formats.alsoAs')}
      </label>
      <OptionSelect id={selectId} testId="encoder-form" value={form} options={forms()} onChange={setForm} className="text-sm" />
      {json ? (
        <div className="mt-2">
          <pre data-testid="encoded-json" className="max-h-64 overflow-auto rounded-md border border-zinc-300 p-2 font-mono text-xs break-all whitespace-pre-wrap dark:border-zinc-700">
            {json}
          </pre>
          <CopyButton text={json} label={t('ui-formats.copyJson', { form })} className="mt-1" />
        </div>
      ) : null}
    </div>
  );
}
