import './catalogue.ts';
import * as Popover from '@radix-ui/react-popover';
import { Braces } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../components/CopyButton.tsx';

/** The parameters of an audited call, as indented JSON (secrets were redacted by the BFF). */
export function ParamsPopover({ params, label }: { params: unknown; label: string }) {
  const { t } = useTranslation();
  if (params === null || params === undefined) return <span className="text-slate-400">{t('common.none')}</span>;
  const json = JSON.stringify(params, null, 2);
  return (
    <Popover.Root>
      <Popover.Trigger className="btn-ghost h-7 px-2 text-xs" aria-label={t('settings.audit.showParams', { action: label })}>
        <Braces aria-hidden className="size-3.5" />
        {t('settings.audit.params')}
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align="end"
          sideOffset={6}
          collisionPadding={12}
          className="z-50 w-[min(32rem,calc(100vw-2rem))] rounded-md border border-slate-200 bg-white p-3 shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          <div className="mb-2 flex items-center justify-between gap-2">
            <p className="text-xs font-medium text-slate-600 dark:text-slate-300">{t('settings.audit.paramsOf', { action: label })}</p>
            <CopyButton value={json} label={t('settings.audit.copyParams')} />
          </div>
          <pre className="max-h-80 overflow-auto rounded bg-slate-50 p-2 font-mono text-xs text-slate-800 dark:bg-slate-950 dark:text-slate-200">{json}</pre>
          <Popover.Arrow className="fill-white dark:fill-slate-900" />
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
