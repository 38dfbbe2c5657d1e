import '../vaults/catalogue.ts';
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Disk, Task, VbsPolicy } from '@console/contract';
import { DialogActions, DialogClose, Modal } from '../../components/Dialog.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { announceTask } from '../disks/announce.ts';
import { diskListQuery } from '../disks/api.ts';
import { useTask } from '../tasks/api.ts';
import { SubtaskList } from '../tasks/SubtaskList.tsx';
import { isOpenStatus } from '../tasks/taskModel.ts';
import { changeVbsPolicyDisks, useKnownBindings, useVbsMutation, useVbsPolicies } from './api.ts';

type Action = 'bind' | 'unbind';

/** Binds disks to a VBS policy or unbinds them; VBS answers for each disk, so each result is shown. */
export function VbsBindDialog({ policy: opened, action, onClose }: { policy: VbsPolicy; action: Action; onClose: () => void }) {
  const { t } = useTranslation();
  // The list refreshes after each change; the count in the dialog follows it.
  const policy = useVbsPolicies().data?.items.find((p) => p.id === opened.id) ?? opened;
  const [started, setStarted] = useState<Task>();
  return (
    <Modal open wide onOpenChange={(open) => !open && onClose()} title={t(`vbs.bind.${action}Title`, { name: policy.name })} description={t(`vbs.bind.${action}Description`, { count: policy.diskCount })}>
      {started ? <Results task={started} /> : <Picker policy={policy} action={action} onStarted={setStarted} />}
    </Modal>
  );
}

function Picker({ policy, action, onStarted }: { policy: VbsPolicy; action: Action; onStarted: (task: Task) => void }) {
  const { t } = useTranslation();
  const disks = useQuery(diskListQuery({ limit: 1000, offset: 0 }));
  const { bindings, pending } = useKnownBindings();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const change = useVbsMutation((ids: string[]) => changeVbsPolicyDisks(policy.id, action, ids), (task) => { announceTask(task, t); onStarted(task); });
  const all = disks.data?.items ?? [];
  const boundHere = all.filter((d) => bindings.get(d.id) === policy.id);
  // The console only knows the bindings it made; when VBS counts more, the rest could be any unbound-looking disk.
  const unknown = Math.max(0, policy.diskCount - boundHere.length);
  const free = all.filter((d) => !bindings.has(d.id) && (d.status === 'available' || d.status === 'in-use'));
  const listed: Disk[] = action === 'bind' ? free : [...boundHere, ...(unknown > 0 ? free : [])];
  const toggle = (id: string, on: boolean) => setChosen((prev) => { const next = new Set(prev); if (on) next.add(id); else next.delete(id); return next; });
  const loading = disks.isPending || pending;
  return (
    <form noValidate onSubmit={(e) => { e.preventDefault(); if (chosen.size > 0) change.mutate([...chosen]); }} className="space-y-3">
      {change.error && <ErrorNotice title={t('common.refused')} error={change.error} />}
      {action === 'unbind' && unknown > 0 && <p role="note" className="text-sm text-amber-800 dark:text-amber-200">{t('vbs.bind.unknownBound', { count: unknown })}</p>}
      {action === 'bind' && <p className="text-xs text-slate-600 dark:text-slate-400">{t('vbs.bind.bindNote')}</p>}
      <fieldset>
        <legend className="text-sm font-medium text-slate-700 dark:text-slate-200">{t('vbs.bind.disks')}</legend>
        {loading ? <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">{t('common.loading')}</p>
          : listed.length === 0 ? <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">{t(`vbs.bind.${action}None`)}</p>
          : (
            <ul className="mt-2 max-h-72 divide-y divide-slate-100 overflow-y-auto rounded-md border border-slate-200 dark:divide-slate-800 dark:border-slate-700">
              {listed.map((d) => (
                <li key={d.id}>
                  <label className="flex cursor-pointer items-center gap-3 px-3 py-2 text-sm hover:bg-slate-50 dark:hover:bg-slate-800/60">
                    <input type="checkbox" className="size-4 accent-blue-600" checked={chosen.has(d.id)} onChange={(e) => toggle(d.id, e.target.checked)} />
                    <span className="min-w-0 flex-1 truncate font-medium text-slate-900 dark:text-slate-100">{d.name || d.id}</span>
                    {bindings.get(d.id) === policy.id && <span className="rounded-full bg-blue-100 px-2 text-xs text-blue-900 dark:bg-blue-900/50 dark:text-blue-100">{t('vbs.bind.boundHere')}</span>}
                    <span className="text-xs tabular-nums text-slate-500 dark:text-slate-400">{t('vbs.bind.diskFacts', { size: d.sizeGiB, status: d.status })}</span>
                  </label>
                </li>
              ))}
            </ul>
          )}
      </fieldset>
      <DialogActions>
        <DialogClose type="button" className="btn-secondary">{t('common.cancel')}</DialogClose>
        <button type="submit" className={action === 'unbind' ? 'btn-danger' : 'btn-primary'} disabled={chosen.size === 0 || change.isPending} aria-busy={change.isPending}>
          {t(`vbs.bind.${action}Submit`, { count: chosen.size })}
        </button>
      </DialogActions>
    </form>
  );
}

/** The task as the event stream keeps it: each disk's own outcome, with VBS's reason when it refused. */
function Results({ task }: { task: Task }) {
  const { t } = useTranslation();
  const live = useTask(task.id).data ?? task;
  const count = (status: Task['status']) => live.subtasks.filter((s) => s.status === status).length;
  const settled = !live.subtasks.some((s) => isOpenStatus(s.status));
  return (
    <div className="space-y-3">
      <p role="status" className="text-sm text-slate-700 dark:text-slate-200">{settled ? t('vbs.bind.outcome', { ok: count('succeeded'), failed: count('failed') }) : t('vbs.bind.working')}</p>
      <SubtaskList subtasks={live.subtasks} />
      <DialogActions>
        <DialogClose type="button" className="btn-primary">{t('vbs.bind.done')}</DialogClose>
      </DialogActions>
    </div>
  );
}
