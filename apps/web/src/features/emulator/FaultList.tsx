import './catalogue.ts';
import type { EmulatorStatus } from '@console/contract';
import { ListX, ShieldAlert, Trash2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge.tsx';
import { Card } from '../../components/Card.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useClearFaults, useRemoveFault } from './api.ts';
import { faultFields } from './emulatorModel.ts';
import { faultEffect, faultScope } from './emulatorText.ts';

const kindTone = { latency: 'blue', error: 'red', job: 'amber' } as const;

/** What is in force now; each fault can go on its own, or all at once. */
export function FaultList({ status }: { status: EmulatorStatus }) {
  const { t } = useTranslation();
  const remove = useRemoveFault();
  const clear = useClearFaults();
  const { faults } = status;
  return (
    <Card title={t('emulator.faults.title')} icon={ShieldAlert}>
      <div className="py-3">
        {faults.length === 0 ? (
          <p className="text-sm text-slate-500 dark:text-slate-400">{t('emulator.faults.empty')}</p>
        ) : (
          <>
            <ul className="divide-y divide-slate-100 dark:divide-slate-800" aria-label={t('emulator.faults.title')}>
              {faults.map((fault) => {
                const scope = faultScope(fault, t);
                const message = faultFields(fault).message;
                return (
                  <li key={fault.id} className="flex items-start gap-3 py-2">
                    <Badge tone={kindTone[fault.kind]}>{t(`emulator.inject.kinds.${fault.kind}`)}</Badge>
                    <div className="min-w-0 flex-1 text-sm">
                      <p className="font-medium text-slate-900 dark:text-white">{scope}</p>
                      <p className="text-slate-600 dark:text-slate-300">{faultEffect(fault, t)}</p>
                      {message && <p className="truncate text-xs text-slate-500 dark:text-slate-400" title={message}>{message}</p>}
                    </div>
                    <button
                      type="button"
                      className="btn-icon size-8"
                      aria-label={t('emulator.faults.remove', { fault: scope })}
                      title={t('emulator.faults.remove', { fault: scope })}
                      disabled={remove.isPending}
                      onClick={() => remove.mutate(fault.id)}
                    >
                      <Trash2 aria-hidden className="size-4" />
                    </button>
                  </li>
                );
              })}
            </ul>
            <div className="mt-2 flex justify-end">
              <button type="button" className="btn-secondary" disabled={clear.isPending} onClick={() => clear.mutate()}>
                <ListX aria-hidden className="size-4" />
                {t('emulator.faults.clear')}
              </button>
            </div>
          </>
        )}
        {(remove.isError || clear.isError) && (
          <div className="mt-2">
            <ErrorNotice title={t('common.refused')} error={remove.error ?? clear.error} />
          </div>
        )}
      </div>
    </Card>
  );
}
