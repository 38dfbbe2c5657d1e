import './catalogue.ts';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { CreateSnapshotSchema, DESCRIPTION_MAX_CHARS, NAME_MAX_CHARS, type Disk } from '@console/contract';
import { fieldErrorText } from '../../components/form/fieldErrors.ts';
import { MutationFormDialog } from '../../components/form/FormDialog.tsx';
import { TextField } from '../../components/TextField.tsx';
import { announceTask } from './announce.ts';
import { createSnapshot, useTaskMutation } from './api.ts';
import { CheckboxField, toOptionalText } from '../../components/form/fields.tsx';

type FormInput = (typeof CreateSnapshotSchema)['_zod']['input'];
type FormOutput = (typeof CreateSnapshotSchema)['_zod']['output'];

export function SnapshotDiskDialog({ disk, onClose }: { disk: Disk; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useTaskMutation(createSnapshot, (task) => announceTask(task, t));
  const form = useForm<FormInput, unknown, FormOutput>({ resolver: zodResolver(CreateSnapshotSchema), defaultValues: { diskId: disk.id, force: false } });
  const { register, formState } = form;
  return (
    <MutationFormDialog form={form} mutation={create} fields={['name', 'description', 'force']}
      title={t('disks.snapshot.title', { name: disk.name || disk.id })} description={t('disks.snapshot.description')}
      submitLabel={t('disks.snapshot.submit')} className="space-y-4" onClose={onClose}>
      <TextField label={t('disks.form.name')} autoFocus autoComplete="off" {...register('name', { setValueAs: toOptionalText })} error={fieldErrorText(formState.errors.name, t, { custom: t('disks.snapshot.nameRule', { max: NAME_MAX_CHARS }) })} />
      <TextField label={t('disks.form.description')} autoComplete="off" {...register('description', { setValueAs: toOptionalText })} error={fieldErrorText(formState.errors.description, t, { custom: t('disks.form.nameRule', { max: DESCRIPTION_MAX_CHARS }) })} />
      {disk.status === 'attaching' && <CheckboxField label={t('disks.snapshot.force')} help={t('disks.snapshot.forceHelp')} {...register('force')} />}
    </MutationFormDialog>
  );
}
