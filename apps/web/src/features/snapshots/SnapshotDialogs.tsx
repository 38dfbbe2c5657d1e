import '../disks/catalogue.ts';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  CreateSnapshotSchema, DESCRIPTION_MAX_CHARS, NAME_MAX_CHARS, UpdateSnapshotSchema, whyNotRollback, whyNotSnapshotDisk,
  type Snapshot, type UpdateSnapshot,
} from '@console/contract';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { fieldErrorText } from '../../components/form/fieldErrors.ts';
import { MutationFormDialog } from '../../components/form/FormDialog.tsx';
import { RenameDialog } from '../../components/form/RenameDialog.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { announceTask } from '../disks/announce.ts';
import { createSnapshot, diskListQuery, useDisk, useTaskMutation } from '../disks/api.ts';
import { refusalKey } from '../disks/diskModel.ts';
import { evsRenameText } from '../disks/EditDialogs.tsx';
import { toOptionalText } from '../../components/form/fields.tsx';
import { deleteSnapshot, rollbackSnapshot, updateSnapshot } from './snapshotApi.ts';

type CreateInput = (typeof CreateSnapshotSchema)['_zod']['input'];
type CreateOutput = (typeof CreateSnapshotSchema)['_zod']['output'];

/** Snapshot any disk: chosen from the disks that can take one now. */
export function CreateSnapshotDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const disks = useQuery(diskListQuery({ limit: 1000, offset: 0 }));
  const create = useTaskMutation(createSnapshot, (task) => announceTask(task, t));
  const form = useForm<CreateInput, unknown, CreateOutput>({ resolver: zodResolver(CreateSnapshotSchema), defaultValues: { diskId: '', force: false } });
  const { register, formState } = form;
  const candidates = (disks.data?.items ?? []).filter((disk) => !whyNotSnapshotDisk(disk, false));
  return (
    <MutationFormDialog form={form} mutation={create} fields={['diskId', 'name', 'description']}
      title={t('snapshots.create.title')} description={t('disks.snapshot.description')}
      submitLabel={t('disks.snapshot.submit')} className="space-y-4" onClose={onClose}>
      <SelectField
        label={t('snapshots.columns.disk')}
        autoFocus
        options={[{ value: '', label: disks.isPending ? t('common.loading') : t('snapshots.create.chooseDisk') }, ...candidates.map((disk) => ({ value: disk.id, label: `${disk.name || disk.id} (${disk.sizeGiB} GiB)` }))]}
        {...register('diskId')}
        error={fieldErrorText(formState.errors.diskId, t, { invalid_format: t('snapshots.create.chooseDisk') })}
      />
      <TextField label={t('disks.form.name')} autoComplete="off" {...register('name', { setValueAs: toOptionalText })} error={fieldErrorText(formState.errors.name, t, { custom: t('disks.snapshot.nameRule', { max: NAME_MAX_CHARS }) })} />
      <TextField label={t('disks.form.description')} autoComplete="off" {...register('description', { setValueAs: toOptionalText })} error={fieldErrorText(formState.errors.description, t, { custom: t('disks.form.nameRule', { max: DESCRIPTION_MAX_CHARS }) })} />
    </MutationFormDialog>
  );
}

export function RenameSnapshotDialog({ snapshot, onClose }: { snapshot: Snapshot; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useTaskMutation((change: UpdateSnapshot) => updateSnapshot(snapshot.id, change), (task) => announceTask(task, t));
  const text = evsRenameText(t, t('snapshots.rename.title'), t('disks.snapshot.nameRule', { max: NAME_MAX_CHARS }));
  return <RenameDialog resolver={zodResolver(UpdateSnapshotSchema)} current={snapshot} mutation={update} text={text} onClose={onClose} />;
}

/** A rollback overwrites the disk: the preconditions are checked against the disk as it is now. */
export function RollbackDialog({ snapshot, onClose }: { snapshot: Snapshot; onClose: () => void }) {
  const { t } = useTranslation();
  const disk = useDisk(snapshot.diskId);
  const rollback = useTaskMutation(() => rollbackSnapshot(snapshot.id, {}), (task) => announceTask(task, t));
  const refusal = disk.data ? refusalKey(whyNotRollback(snapshot, disk.data)) : undefined;
  const diskName = disk.data ? disk.data.name || disk.data.id : (snapshot.diskName ?? snapshot.diskId);
  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={t('snapshots.rollback.title', { name: snapshot.name || snapshot.id })}
      description={t('snapshots.rollback.description', { disk: diskName })}
      confirmLabel={t('snapshots.actions.rollback')}
      danger
      pending={rollback.isPending}
      disabled={!disk.data || refusal !== undefined}
      error={rollback.error ?? (disk.isError ? disk.error : undefined)}
      onConfirm={() => rollback.mutate(undefined, { onSuccess: onClose })}
    >
      <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700 dark:text-slate-200">
        <li>{t('snapshots.rollback.needAvailable')}</li>
        <li>{t('snapshots.rollback.needDetached')}</li>
        <li>{t('snapshots.rollback.overwrites')}</li>
      </ul>
      {refusal && <p role="alert" className="mt-3 text-sm font-medium text-red-700 dark:text-red-400">{t(refusal)}</p>}
    </ConfirmDialog>
  );
}

export function DeleteSnapshotDialog({ snapshot, onClose }: { snapshot: Snapshot; onClose: () => void }) {
  const { t } = useTranslation();
  const remove = useTaskMutation(() => deleteSnapshot(snapshot.id), (task) => announceTask(task, t));
  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={t('snapshots.delete.title', { name: snapshot.name || snapshot.id })}
      description={t('snapshots.delete.description')}
      confirmLabel={t('snapshots.actions.delete')}
      danger
      pending={remove.isPending}
      error={remove.error ?? undefined}
      onConfirm={() => remove.mutate(undefined, { onSuccess: onClose })}
    />
  );
}
