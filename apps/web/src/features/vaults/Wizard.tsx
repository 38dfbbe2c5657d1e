import './catalogue.ts';
import { LoaderCircle } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { DialogActions, DialogClose } from '../../components/Dialog.tsx';

/** Where the person is in a multi-step form; the current step is marked for screen readers. */
export function WizardSteps({ steps, current }: { steps: readonly { id: string; label: string }[]; current: string }) {
  const { t } = useTranslation();
  const at = steps.findIndex((s) => s.id === current);
  return (
    <ol aria-label={t('vaults.create.progress')} className="mb-4 flex flex-wrap gap-2 text-xs">
      {steps.map((s, i) => (
        <li key={s.id} aria-current={s.id === current ? 'step' : undefined}
          className={`rounded-full px-2.5 py-1 ${s.id === current ? 'bg-blue-600 text-white dark:bg-blue-500' : i < at ? 'bg-blue-50 text-blue-800 dark:bg-blue-950/50 dark:text-blue-200' : 'bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-300'}`}>
          {`${i + 1}. ${s.label}`}
        </li>
      ))}
    </ol>
  );
}

export function WizardButtons({ first, last, pending, onBack, submitLabel }: { first: boolean; last: boolean; pending: boolean; onBack: () => void; submitLabel: string }) {
  const { t } = useTranslation();
  return (
    <DialogActions>
      <DialogClose type="button" className="btn-secondary">{t('common.cancel')}</DialogClose>
      {!first && <button type="button" className="btn-secondary" onClick={onBack}>{t('vaults.create.back')}</button>}
      <button type="submit" className="btn-primary" disabled={pending} aria-busy={pending}>
        {pending && <LoaderCircle aria-hidden className="size-4 animate-spin" />}
        {last ? submitLabel : t('vaults.create.next')}
      </button>
    </DialogActions>
  );
}
