import './catalogue.ts';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { DESCRIPTION_MAX_CHARS, NAME_MAX_CHARS, SetDiskTagsSchema, UpdateDiskSchema, type Disk, type SetDiskTags, type UpdateDisk } from '@console/contract';
import { Modal } from '../../components/Dialog.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { applyServerFieldErrors, fieldErrorText } from '../../components/form/fieldErrors.ts';
import { TextField } from '../../components/TextField.tsx';
import { FormButtons } from '../settings/FormButtons.tsx';
import { announceTask } from './announce.ts';
import { setDiskTags, updateDisk, useTaskMutation } from './api.ts';
import { firstTagError, TagsField } from './TagsField.tsx';

export function EditDiskDialog({ disk, onClose }: { disk: Disk; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useTaskMutation((change: UpdateDisk) => updateDisk(disk.id, change), (task) => announceTask(task, t));
  const [refusal, setRefusal] = useState<unknown>();
  const { register, handleSubmit, setError, formState } = useForm<UpdateDisk>({ resolver: zodResolver(UpdateDiskSchema), defaultValues: { name: disk.name, description: disk.description } });
  const submit = handleSubmit((values) =>
    update.mutate(values, { onSuccess: onClose, onError: (error) => { if (!applyServerFieldErrors(error, ['name', 'description'], setError)) setRefusal(error); } }),
  );
  return (
    <Modal open onOpenChange={(open) => !open && onClose()} title={t('disks.edit.title')}>
      <form noValidate onSubmit={submit} className="space-y-4">
        {refusal !== undefined && <ErrorNotice title={t('common.refused')} error={refusal} />}
        <TextField label={t('disks.form.name')} autoFocus autoComplete="off" {...register('name')} error={fieldErrorText(formState.errors.name, t, { custom: t('disks.form.nameRule', { max: NAME_MAX_CHARS }) })} />
        <TextField label={t('disks.form.description')} autoComplete="off" {...register('description')} error={fieldErrorText(formState.errors.description, t, { custom: t('disks.form.nameRule', { max: DESCRIPTION_MAX_CHARS }) })} />
        <FormButtons submitLabel={t('disks.edit.submit')} pending={update.isPending} />
      </form>
    </Modal>
  );
}

export function EditTagsDialog({ disk, onClose }: { disk: Disk; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useTaskMutation((input: SetDiskTags) => setDiskTags(disk.id, input), (task) => announceTask(task, t));
  const [refusal, setRefusal] = useState<unknown>();
  const { control, handleSubmit, setError, formState } = useForm<SetDiskTags>({ resolver: zodResolver(SetDiskTagsSchema), defaultValues: { tags: disk.tags } });
  const submit = handleSubmit((values) =>
    save.mutate(values, { onSuccess: onClose, onError: (error) => { if (!applyServerFieldErrors(error, ['tags'], setError)) setRefusal(error); } }),
  );
  return (
    <Modal open onOpenChange={(open) => !open && onClose()} title={t('disks.tagsDialog.title')} description={t('disks.tagsDialog.description')}>
      <form noValidate onSubmit={submit}>
        {refusal !== undefined && <ErrorNotice title={t('common.refused')} error={refusal} />}
        <Controller
          control={control}
          name="tags"
          render={({ field }) => (
            <TagsField label={t('disks.form.tags')} help={t('disks.form.tagsHelp')} value={field.value} onChange={field.onChange} onBlur={field.onBlur} ref={field.ref} error={fieldErrorText(firstTagError(formState.errors.tags), t, { custom: t('disks.form.tagsRule') })} />
          )}
        />
        <FormButtons submitLabel={t('disks.tagsDialog.submit')} pending={save.isPending} />
      </form>
    </Modal>
  );
}
