import '../vaults/catalogue.ts';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CreateVbsBackupSchema, type CreateVbsBackup, type VbsBackup, type VbsPolicy } from '@console/contract';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { fieldErrorText } from '../../components/form/fieldErrors.ts';
import { MutationFormDialog } from '../../components/form/FormDialog.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { announceTask } from '../disks/announce.ts';
import { diskListQuery } from '../disks/api.ts';
import { toOptionalText } from '../../components/form/fields.tsx';
import { gib } from '../vaults/vaultModel.ts';
import { createVbsBackup, deleteVbsPolicy, restoreVbsBackup, updateVbsPolicy, useVbsMutation } from './api.ts';

const useDisks = () => useQuery(diskListQuery({ limit: 1000, offset: 0 }));

export function CreateVbsBackupDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const disks = useDisks();
  const create = useVbsMutation(createVbsBackup, (task) => announceTask(task, t));
  const form = useForm<CreateVbsBackup>({ resolver: zodResolver(CreateVbsBackupSchema), defaultValues: { diskId: '', name: '' } });
  const { register, formState } = form;
  const candidates = (disks.data?.items ?? []).filter((d) => d.status === 'available' || d.status === 'in-use');
  return (
    <MutationFormDialog form={form} mutation={create} fields={['diskId', 'name', 'description']} title={t('vbs.create.title')} description={t('vbs.create.description')} submitLabel={t('vbs.create.submit')} className="space-y-4" onClose={onClose}>
      <SelectField label={t('vbs.disk')} autoFocus {...register('diskId')} error={fieldErrorText(formState.errors.diskId, t, { invalid_format: t('vbs.create.chooseDisk') })}
        options={[{ value: '', label: disks.isPending ? t('common.loading') : t('vbs.create.chooseDisk') }, ...candidates.map((d) => ({ value: d.id, label: `${d.name || d.id} (${d.sizeGiB} GiB)` }))]} />
      <TextField label={t('vbs.create.name')} autoComplete="off" {...register('name')} error={fieldErrorText(formState.errors.name, t, { invalid_format: t('vbs.create.nameRule'), custom: t('vbs.create.nameRule') })} />
      <TextField label={t('backups.detail.description')} autoComplete="off" {...register('description', { setValueAs: toOptionalText })} error={fieldErrorText(formState.errors.description, t, { custom: t('vbs.create.descriptionRule'), too_big: t('vbs.create.descriptionRule') })} />
    </MutationFormDialog>
  );
}

/** A VBS restore overwrites an existing, detached disk at least as large as the backup. */
export function RestoreVbsDialog({ backup, onClose }: { backup: VbsBackup; onClose: () => void }) {
  const { t } = useTranslation();
  const disks = useDisks();
  const [diskId, setDiskId] = useState(backup.diskId);
  const restore = useVbsMutation(() => restoreVbsBackup(backup.id, diskId), (task) => announceTask(task, t));
  const target = disks.data?.items.find((d) => d.id === diskId);
  const problem = !target ? undefined : target.status !== 'available' ? t('vbs.restore.notDetached', { name: target.name || target.id, status: target.status }) : target.sizeGiB < backup.sizeGiB ? t('backups.refusal.targetSmall', { name: target.name || target.id, size: target.sizeGiB, need: backup.sizeGiB }) : undefined;
  return (
    <ConfirmDialog open onOpenChange={(open) => !open && onClose()} title={t('backups.restore.title', { name: backup.name || backup.id })} description={t('vbs.restore.text', { size: gib(backup.sizeGiB) })}
      confirmLabel={t('backups.actions.restore')} danger disabled={!target || problem !== undefined} pending={restore.isPending} error={restore.error ?? undefined} onConfirm={() => restore.mutate(undefined, { onSuccess: onClose })}>
      <SelectField label={t('vbs.restore.target')} value={diskId} onChange={(e) => setDiskId(e.target.value)}
        options={(disks.data?.items ?? []).map((d) => ({ value: d.id, label: `${d.name || d.id} (${d.sizeGiB} GiB, ${d.status})` }))} />
      <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-slate-700 dark:text-slate-200">
        <li>{t('vbs.restore.needDetached')}</li>
        <li>{t('backups.restore.needSize')}</li>
        <li>{t('backups.restore.overwrites')}</li>
      </ul>
      {problem && <p role="alert" className="mt-3 text-sm font-medium text-red-700 dark:text-red-400">{problem}</p>}
    </ConfirmDialog>
  );
}

export function VbsPolicyDialog({ policy, remove = false, onClose }: { policy: VbsPolicy; remove?: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const change = useVbsMutation(() => (remove ? deleteVbsPolicy(policy.id) : updateVbsPolicy(policy.id, { enabled: !policy.enabled })), (task) => announceTask(task, t));
  const title = remove ? t('policies.delete.title', { name: policy.name }) : policy.enabled ? t('policies.toggle.disableTitle', { name: policy.name }) : t('policies.toggle.enableTitle', { name: policy.name });
  return (
    <ConfirmDialog open onOpenChange={(open) => !open && onClose()} title={title} description={remove ? t('vbs.policyDelete', { count: policy.diskCount }) : t('vbs.policyToggle', { count: policy.diskCount })}
      confirmLabel={remove ? t('policies.actions.delete') : policy.enabled ? t('policies.actions.disable') : t('policies.actions.enable')} danger={remove}
      pending={change.isPending} error={change.error ?? undefined} onConfirm={() => change.mutate(undefined, { onSuccess: onClose })} />
  );
}
