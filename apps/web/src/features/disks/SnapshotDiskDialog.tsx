import './catalogue.ts';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { CreateSnapshotSchema, DESCRIPTION_MAX_CHARS, NAME_MAX_CHARS, type Disk } from '@console/contract';
import { Modal } from '../../components/Dialog.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { applyServerFieldErrors, fieldErrorText } from '../../components/form/fieldErrors.ts';
import { TextField } from '../../components/TextField.tsx';
import { FormButtons } from '../../components/form/FormButtons.tsx';
import { announceTask } from './announce.ts';
import { createSnapshot, useTaskMutation } from './api.ts';
import { CheckboxField, toOptionalText } from '../../components/form/fields.tsx';

type FormInput = (typeof CreateSnapshotSchema)['_zod']['input'];
type FormOutput = (typeof CreateSnapshotSchema)['_zod']['output'];

export function SnapshotDiskDialog({ disk, onClose }: { disk: Disk; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useTaskMutation(createSnapshot, (task) => announceTask(task, t));
  const [refusal, setRefusal] = useState<unknown>();
  const { register, handleSubmit, setError, formState } = useForm<FormInput, unknown, FormOutput>({ resolver: zodResolver(CreateSnapshotSchema), defaultValues: { diskId: disk.id, force: false } });
  const submit = handleSubmit((values) =>
    create.mutate(values, { onSuccess: onClose, onError: (error) => { if (!applyServerFieldErrors(error, ['name', 'description', 'force'], setError)) setRefusal(error); } }),
  );
  return (
    <Modal open onOpenChange={(open) => !open && onClose()} title={t('disks.snapshot.title', { name: disk.name || disk.id })} description={t('disks.snapshot.description')}>
      <form noValidate onSubmit={submit} className="space-y-4">
        {refusal !== undefined && <ErrorNotice title={t('common.refused')} error={refusal} />}
        <TextField label={t('disks.form.name')} autoFocus autoComplete="off" {...register('name', { setValueAs: toOptionalText })} error={fieldErrorText(formState.errors.name, t, { custom: t('disks.snapshot.nameRule', { max: NAME_MAX_CHARS }) })} />
        <TextField label={t('disks.form.description')} autoComplete="off" {...register('description', { setValueAs: toOptionalText })} error={fieldErrorText(formState.errors.description, t, { custom: t('disks.form.nameRule', { max: DESCRIPTION_MAX_CHARS }) })} />
        {disk.status === 'attaching' && <CheckboxField label={t('disks.snapshot.force')} help={t('disks.snapshot.forceHelp')} {...register('force')} />}
        <FormButtons submitLabel={t('disks.snapshot.submit')} pending={create.isPending} />
      </form>
    </Modal>
  );
}
