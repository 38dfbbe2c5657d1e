import '../vaults/catalogue.ts';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { whyNotRestore, whyNotRestoreOnto, type Backup, type Disk, type Task } from '@console/contract';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { Modal } from '../../components/Dialog.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { useNow } from '../../components/useNow.ts';
import { announceTask } from '../disks/announce.ts';
import { diskListQuery, useDisk } from '../disks/api.ts';
import { DiskStatus } from '../disks/DiskCells.tsx';
import { useTask } from '../tasks/api.ts';
import { TaskCard } from '../tasks/TaskCard.tsx';
import { useCbrMutation } from '../vaults/api.ts';
import { cbrRefusalKey, gib } from '../vaults/vaultModel.ts';
import { restoreBackup } from './api.ts';

/** The restore's task, followed live in the dialog that started it. */
function RestoreProgress({ taskId, onClose }: { taskId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const task = useTask(taskId);
  const now = useNow(1000);
  return (
    <Modal open onOpenChange={(open) => !open && onClose()} title={t('backups.restore.running')} description={t('backups.restore.runningText')}>
      <div className="rounded-md border border-slate-200 dark:border-slate-700">
        {task.data ? <TaskCard task={task.data} now={now} onNavigate={onClose} /> : <p className="p-3 text-sm">{t('common.loading')}</p>}
      </div>
    </Modal>
  );
}

/** The contract's refusal for a target disk, said with that disk's numbers in the reader's language. */
function targetRefusal(disk: Disk, sizeGiB: number, t: TFunction): string | undefined {
  if (!whyNotRestoreOnto(disk, sizeGiB)) return undefined;
  const name = disk.name || disk.id;
  if (disk.status === 'restoring-backup') return t('backups.refusal.targetBusy', { name });
  if (disk.status !== 'available' && disk.status !== 'in-use') return t('backups.refusal.targetStatus', { name, status: disk.status });
  return t('backups.refusal.targetSmall', { name, size: disk.sizeGiB, need: sizeGiB });
}

function Preconditions({ backup, targets }: { backup: Backup; targets: { disk: Disk | undefined; sizeGiB: number }[] }) {
  const { t } = useTranslation();
  const backupKey = cbrRefusalKey(whyNotRestore(backup));
  const refusals = [backupKey ? t(backupKey) : undefined, ...targets.map((x) => (x.disk ? targetRefusal(x.disk, x.sizeGiB, t) : undefined))].filter((r): r is string => r !== undefined);
  return (
    <>
      <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700 dark:text-slate-200">
        <li>{t('backups.restore.needAvailable')}</li>
        <li>{t('backups.restore.needDiskAtRest')}</li>
        <li>{t('backups.restore.needSize')}</li>
        <li>{t('backups.restore.overwrites')}</li>
      </ul>
      {refusals.length > 0 && (
        <ul role="alert" className="mt-3 space-y-1 text-sm font-medium text-red-700 dark:text-red-400">
          {refusals.map((r) => <li key={r}>{r}</li>)}
        </ul>
      )}
    </>
  );
}

function DiskRestore({ backup, onStarted, onClose }: { backup: Backup; onStarted: (task: Task) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const disk = useDisk(backup.resourceId);
  const restore = useCbrMutation(() => restoreBackup(backup.id, { diskId: backup.resourceId }), (task) => { announceTask(task, t); onStarted(task); });
  const blocked = Boolean(whyNotRestore(backup)) || !disk.data || Boolean(whyNotRestoreOnto(disk.data, backup.sizeGiB));
  return (
    <ConfirmDialog open onOpenChange={(open) => !open && onClose()} title={t('backups.restore.title', { name: backup.name || backup.id })}
      description={t('backups.restore.diskText', { disk: disk.data?.name || backup.resourceName || backup.resourceId, size: gib(backup.sizeGiB) })}
      confirmLabel={t('backups.actions.restore')} danger pending={restore.isPending} disabled={blocked} error={restore.error ?? (disk.isError ? disk.error : undefined)}
      onConfirm={() => restore.mutate(undefined)}>
      {disk.data && <p className="mb-3 flex items-center gap-2 text-sm">{t('backups.restore.diskNow', { name: disk.data.name || disk.data.id, size: disk.data.sizeGiB })} <DiskStatus status={disk.data.status} /></p>}
      <Preconditions backup={backup} targets={[{ disk: disk.data, sizeGiB: backup.sizeGiB }]} />
    </ConfirmDialog>
  );
}

/** Each disk backup onto a disk of the same server (its own by default); the server may start afterwards. */
function ServerRestore({ backup, onStarted, onClose }: { backup: Backup; onStarted: (task: Task) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const attached = useQuery(diskListQuery({ limit: 100, offset: 0, serverId: backup.resourceId }));
  const disks = attached.data?.items ?? [];
  const [mapping, setMapping] = useState<Record<string, string>>(() => Object.fromEntries(backup.disks.map((d) => [d.id, d.diskId])));
  const [powerOn, setPowerOn] = useState(true);
  const mappings = backup.disks.map((d) => ({ backupId: d.id, diskId: mapping[d.id] ?? d.diskId }));
  const restore = useCbrMutation(() => restoreBackup(backup.id, { mappings, powerOn }), (task) => { announceTask(task, t); onStarted(task); });
  const targets = backup.disks.map((d) => ({ disk: disks.find((x) => x.id === mapping[d.id]), sizeGiB: d.sizeGiB }));
  const duplicate = new Set(mappings.map((m) => m.diskId)).size !== mappings.length;
  const blocked = Boolean(whyNotRestore(backup)) || duplicate || targets.some((x) => !x.disk || whyNotRestoreOnto(x.disk, x.sizeGiB));
  return (
    <ConfirmDialog open onOpenChange={(open) => !open && onClose()} title={t('backups.restore.title', { name: backup.name || backup.id })}
      description={t('backups.restore.serverText', { server: backup.resourceName || backup.resourceId })}
      confirmLabel={t('backups.actions.restore')} danger pending={restore.isPending} disabled={blocked} error={restore.error ?? (attached.isError ? attached.error : undefined)}
      onConfirm={() => restore.mutate(undefined)}>
      <div className="mb-3 space-y-3">
        {backup.disks.map((d) => (
          <SelectField key={d.id} label={t('backups.restore.mapping', { disk: d.diskName || d.diskId, size: gib(d.sizeGiB) })} value={mapping[d.id] ?? ''}
            onChange={(e) => setMapping({ ...mapping, [d.id]: e.target.value })}
            options={[{ value: '', label: attached.isPending ? t('common.loading') : t('backups.restore.chooseDisk') }, ...disks.map((x: Disk) => ({ value: x.id, label: `${x.name || x.id} (${x.sizeGiB} GiB, ${x.status})` }))]}
            error={duplicate ? t('backups.restore.duplicate') : undefined} />
        ))}
        <label className="flex items-center gap-2 text-sm"><input type="checkbox" className="size-4 accent-blue-600" checked={powerOn} onChange={(e) => setPowerOn(e.target.checked)} />{t('backups.restore.powerOn')}</label>
      </div>
      <Preconditions backup={backup} targets={targets} />
    </ConfirmDialog>
  );
}

export function RestoreDialog({ backup, onClose }: { backup: Backup; onClose: () => void }) {
  const [task, setTask] = useState<Task>();
  if (task) return <RestoreProgress taskId={task.id} onClose={onClose} />;
  return backup.resourceType === 'disk'
    ? <DiskRestore backup={backup} onStarted={setTask} onClose={onClose} />
    : <ServerRestore backup={backup} onStarted={setTask} onClose={onClose} />;
}
