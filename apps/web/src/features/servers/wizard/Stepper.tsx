import '../catalogue.ts';
import { Check } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { STEPS, type StepId } from './wizardModel.ts';

/** Where the wizard is: steps done can be gone back to, later ones only through "Next". */
export function Stepper({ current, onChoose }: { current: StepId; onChoose: (id: StepId) => void }) {
  const { t } = useTranslation();
  const at = STEPS.findIndex((s) => s.id === current);
  return (
    <nav aria-label={t('servers.wizard.steps.label')}>
      <ol className="flex gap-2 overflow-x-auto lg:flex-col">
        {STEPS.map((step, i) => {
          const done = i < at;
          const label = t(`servers.wizard.steps.${step.id}`);
          const marker = (
            <span className={`inline-flex size-6 shrink-0 items-center justify-center rounded-full text-xs font-semibold ${i === at ? 'bg-blue-600 text-white' : done ? 'bg-emerald-600 text-white' : 'bg-slate-200 text-slate-600 dark:bg-slate-700 dark:text-slate-300'}`}>
              {done ? <Check aria-hidden className="size-3.5" /> : i + 1}
            </span>
          );
          return (
            <li key={step.id}>
              {done ? (
                <button type="button" className="flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800" onClick={() => onChoose(step.id)}>
                  {marker}
                  {label}
                </button>
              ) : (
                <span aria-current={i === at ? 'step' : undefined} className={`flex items-center gap-2 px-2 py-1.5 text-sm whitespace-nowrap ${i === at ? 'font-medium text-slate-900 dark:text-white' : 'text-slate-500 dark:text-slate-400'}`}>
                  {marker}
                  {label}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
