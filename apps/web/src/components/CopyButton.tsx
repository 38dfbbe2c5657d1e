import { useEffect, useState } from 'react';
import { Check, Copy, X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { copyText } from './clipboard.ts';

type CopyState = 'idle' | 'copied' | 'failed';

/** Copies `value`; the result is announced to screen readers and shown for a moment. */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = window.setTimeout(() => setState('idle'), 2000);
    return () => window.clearTimeout(timer);
  }, [state]);

  const copy = () => {
    copyText(value).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };

  const Icon = state === 'copied' ? Check : state === 'failed' ? X : Copy;
  return (
    <span className="inline-flex items-center gap-1">
      <button type="button" onClick={copy} aria-label={label} title={label} className="btn-icon size-6">
        <Icon aria-hidden className={`size-3.5 ${state === 'copied' ? 'text-emerald-600 dark:text-emerald-400' : ''}`} />
      </button>
      <span role="status" className="text-xs text-slate-500 dark:text-slate-400">
        {state === 'copied' ? t('common.copied') : state === 'failed' ? t('common.copyFailed') : ''}
      </span>
    </span>
  );
}
