import './catalogue.ts';
import { useState, type FormEvent } from 'react';
import { emulatorQuotaKeys, SetEmulatorQuotasSchema, type EmulatorQuotaKey, type EmulatorQuotas } from '@console/contract';
import { Gauge } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Card } from '../../components/Card.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { showToast } from '../../components/toast/toastStore.ts';
import { useEmulatorQuotas, useSetQuotas } from './api.ts';

type Limits = Partial<Record<EmulatorQuotaKey, string>>;

/** The form's text for each limit, from what the emulator says now. */
const asText = (quotas: EmulatorQuotas): Limits => Object.fromEntries(quotas.items.map((q) => [q.key, String(q.limit)]));

function QuotaForm({ quotas }: { quotas: EmulatorQuotas }) {
  const { t } = useTranslation();
  const set = useSetQuotas();
  const [limits, setLimits] = useState<Limits>(() => asText(quotas));
  const [errors, setErrors] = useState<Limits>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const request = Object.fromEntries(emulatorQuotaKeys.map((key) => [key, limits[key]?.trim() === '' ? Number.NaN : Number(limits[key])]));
    const parsed = SetEmulatorQuotasSchema.safeParse(request);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), t('emulator.quotas.rule')])));
      return;
    }
    setErrors({});
    set.mutate(parsed.data, {
      onSuccess: (answer) => {
        setLimits(asText(answer));
        showToast({ tone: 'success', title: t('emulator.quotas.saved') });
      },
    });
  };

  /** A limit at what is in use: the next create is over quota. */
  const fillUp = (key: EmulatorQuotaKey) => {
    const q = quotas.items.find((item) => item.key === key);
    if (q) setLimits((previous) => ({ ...previous, [key]: String(q.inUse + q.reserved) }));
  };

  return (
    <form noValidate onSubmit={submit} className="space-y-3" aria-label={t('emulator.quotas.title')}>
      <table className="w-full text-sm">
        <thead>
          <tr className="text-left text-xs text-slate-500 dark:text-slate-400">
            <th scope="col" className="py-1 pr-3 font-medium">{t('emulator.quotas.quota')}</th>
            <th scope="col" className="py-1 pr-3 text-right font-medium">{t('emulator.quotas.inUse')}</th>
            <th scope="col" className="py-1 pr-3 font-medium">{t('emulator.quotas.limit')}</th>
            <th scope="col" className="py-1"><span className="sr-only">{t('emulator.quotas.fillUp')}</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {quotas.items.map((q) => {
            const label = t(`emulator.quotas.keys.${q.key}`);
            return (
              <tr key={q.key} className="align-top">
                <th scope="row" className="py-2 pr-3 text-left font-medium text-slate-700 dark:text-slate-200">{label}</th>
                <td className="py-2 pr-3 text-right text-slate-600 tabular-nums dark:text-slate-300">{q.inUse + q.reserved}</td>
                <td className="py-1 pr-3">
                  <input
                    className={`input w-28 ${errors[q.key] ? 'input-invalid' : ''}`}
                    aria-label={t('emulator.quotas.limitOf', { quota: label })}
                    aria-invalid={errors[q.key] ? true : undefined}
                    inputMode="numeric"
                    autoComplete="off"
                    value={limits[q.key] ?? ''}
                    onChange={(event) => setLimits((previous) => ({ ...previous, [q.key]: event.target.value }))}
                  />
                  {errors[q.key] && <p className="mt-1 text-xs text-red-700 dark:text-red-400">{errors[q.key]}</p>}
                </td>
                <td className="py-1 text-right">
                  <button type="button" className="btn-ghost h-8 px-2 text-xs" aria-label={t('emulator.quotas.fillUpOf', { quota: label })} onClick={() => fillUp(q.key)}>
                    {t('emulator.quotas.fillUp')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {set.isError && <ErrorNotice title={t('common.refused')} error={set.error} />}
      <div className="flex justify-end">
        <button type="submit" className="btn-primary" disabled={set.isPending} aria-busy={set.isPending}>
          {t('emulator.quotas.save')}
        </button>
      </div>
    </form>
  );
}

/** EVS quota limits, lowered to make the cloud refuse a create the way a full account does. */
export function QuotaPanel() {
  const { t } = useTranslation();
  const quotas = useEmulatorQuotas();
  return (
    <Card title={t('emulator.quotas.title')} icon={Gauge}>
      <div className="space-y-3 py-3">
        <p className="text-sm text-slate-600 dark:text-slate-400">{t('emulator.quotas.intro')}</p>
        {quotas.isPending && <Spinner label={t('common.loading')} />}
        {quotas.isError && <ErrorNotice title={t('emulator.quotas.loadFailed')} error={quotas.error} onRetry={() => void quotas.refetch()} />}
        {/* keyed by the answer, so a reset elsewhere refills the form */}
        {quotas.data && <QuotaForm key={quotas.dataUpdatedAt} quotas={quotas.data} />}
      </div>
    </Card>
  );
}
