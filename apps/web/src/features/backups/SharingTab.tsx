import '../vaults/catalogue.ts';
import { useState } from 'react';
import { Trash2 } from 'lucide-react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ProjectIdSchema, whyNotShare, type Backup } from '@console/contract';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { applyServerFieldErrors, fieldErrorText } from '../../components/form/fieldErrors.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { TextField } from '../../components/TextField.tsx';
import { announceTask } from '../disks/announce.ts';
import { DateTime } from '../../components/DateTime.tsx';
import { useCbrMutation } from '../vaults/api.ts';
import { cbrRefusalKey } from '../vaults/vaultModel.ts';
import { shareBackup, unshareBackup, useBackupMembers } from './api.ts';

const memberTones = { pending: { tone: 'amber' }, accepted: { tone: 'green' }, rejected: { tone: 'red' } } as const;

/** Which projects a server backup is shared with; each recipient accepts or rejects on its side. */
export function SharingTab({ backup, canChange }: { backup: Backup; canChange: boolean }) {
  const { t } = useTranslation();
  const refusal = cbrRefusalKey(whyNotShare(backup));
  const members = useBackupMembers(backup.id, backup.resourceType === 'server');
  const share = useCbrMutation((projectId: string) => shareBackup(backup.id, [projectId]), (task) => announceTask(task, t));
  const unshare = useCbrMutation((projectId: string) => unshareBackup(backup.id, projectId), (task) => announceTask(task, t));
  const [failure, setFailure] = useState<unknown>();
  const { register, handleSubmit, setError, reset, formState } = useForm<{ projectId: string }>({ defaultValues: { projectId: '' } });
  const projectRule = t('backups.sharing.projectRule');
  const submit = handleSubmit(({ projectId }) => share.mutate(projectId.trim(), {
    onSuccess: () => reset(),
    onError: (error) => { if (!applyServerFieldErrors(error, ['projectId'], setError, (_f, message) => message)) setFailure(error); },
  }));
  if (backup.resourceType !== 'server') return <p className="text-sm text-slate-600 dark:text-slate-400">{t('backups.sharing.serverOnly')}</p>;
  const items = members.data?.items ?? [];
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600 dark:text-slate-400">{t('backups.sharing.intro')}</p>
      {members.isError && <ErrorNotice title={t('backups.sharing.loadFailed')} error={members.error} onRetry={() => void members.refetch()} />}
      {items.length === 0 && !members.isPending ? <p className="text-sm text-slate-600 dark:text-slate-400">{t('backups.sharing.none')}</p> : (
        <ul className="card divide-y divide-slate-100 dark:divide-slate-800">
          {items.map((m) => (
            <li key={m.projectId} className="flex flex-wrap items-center gap-3 px-4 py-2 text-sm">
              <code className="font-mono text-xs">{m.projectId}</code>
              <StatusBadge status={m.status} label={t(`backups.sharing.status.${m.status}`)} map={memberTones} />
              <span className="text-xs text-slate-500 dark:text-slate-400"><DateTime iso={m.updatedAt} /></span>
              {canChange && (
                <button type="button" className="btn-icon ml-auto size-8" aria-label={t('backups.sharing.remove', { project: m.projectId })} title={t('backups.sharing.remove', { project: m.projectId })}
                  disabled={unshare.isPending} onClick={() => unshare.mutate(m.projectId, { onError: setFailure })}>
                  <Trash2 aria-hidden className="size-4" />
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {failure !== undefined && <ErrorNotice title={t('common.refused')} error={failure} />}
      {canChange && (refusal ? <p className="text-sm text-slate-600 dark:text-slate-400">{t(refusal)}</p> : (
        <form noValidate onSubmit={submit} className="flex flex-wrap items-end gap-2">
          <TextField className="w-96 max-w-full" label={t('backups.sharing.project')} autoComplete="off" spellCheck={false} {...register('projectId', { validate: (v) => ProjectIdSchema.safeParse(v.trim()).success || projectRule })} error={fieldErrorText(formState.errors.projectId, t, { validate: projectRule })} />
          <button type="submit" className="btn-primary" disabled={share.isPending}>{t('backups.sharing.share')}</button>
        </form>
      ))}
    </div>
  );
}
