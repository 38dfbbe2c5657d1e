import './catalogue.ts';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SetServerTagsSchema, UpdateServerSchema, type Server, type SetServerTags, type UpdateServer } from '@console/contract';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { Modal } from '../../components/Dialog.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { applyServerFieldErrors, fieldErrorText } from '../../components/form/fieldErrors.ts';
import { TextField } from '../../components/TextField.tsx';
import { FormButtons } from '../settings/FormButtons.tsx';
import { announceTask } from '../disks/announce.ts';
import { CheckboxField } from '../disks/fields.tsx';
import { firstTagError, TagsField } from '../disks/TagsField.tsx';
import { deleteServers, setServerTags, single, updateServer, useServerMutation } from './api.ts';
import { serverLabel } from './serverModel.ts';

export function EditServerDialog({ server, onClose }: { server: Server; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useServerMutation((change: UpdateServer) => updateServer(server.id, change), (task) => announceTask(task, t));
  const [refusal, setRefusal] = useState<unknown>();
  const { register, handleSubmit, setError, formState } = useForm<UpdateServer>({ resolver: zodResolver(UpdateServerSchema), defaultValues: { name: server.name, description: server.description } });
  const submit = handleSubmit((values) =>
    update.mutate(values, { onSuccess: onClose, onError: (error) => { if (!applyServerFieldErrors(error, ['name', 'description'], setError)) setRefusal(error); } }),
  );
  const rule = t('servers.edit.rule', { max: 255 });
  return (
    <Modal open onOpenChange={(open) => !open && onClose()} title={t('servers.edit.title', { name: serverLabel(server) })}>
      <form noValidate onSubmit={submit} className="space-y-4">
        {refusal !== undefined && <ErrorNotice title={t('common.refused')} error={refusal} />}
        <TextField label={t('servers.edit.name')} autoFocus autoComplete="off" {...register('name')} error={fieldErrorText(formState.errors.name, t, { custom: rule })} />
        <TextField label={t('servers.edit.description')} autoComplete="off" {...register('description')} error={fieldErrorText(formState.errors.description, t, { custom: rule })} />
        <FormButtons submitLabel={t('servers.edit.submit')} pending={update.isPending} />
      </form>
    </Modal>
  );
}

export function ServerTagsDialog({ server, onClose }: { server: Server; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useServerMutation((input: SetServerTags) => setServerTags(server.id, input), (task) => announceTask(task, t));
  const [refusal, setRefusal] = useState<unknown>();
  const { control, handleSubmit, setError, formState } = useForm<SetServerTags>({ resolver: zodResolver(SetServerTagsSchema), defaultValues: { tags: server.tags } });
  const submit = handleSubmit((values) =>
    save.mutate(values, { onSuccess: onClose, onError: (error) => { if (!applyServerFieldErrors(error, ['tags'], setError)) setRefusal(error); } }),
  );
  return (
    <Modal open onOpenChange={(open) => !open && onClose()} title={t('servers.tagsDialog.title', { name: serverLabel(server) })} description={t('servers.tagsDialog.description')}>
      <form noValidate onSubmit={submit}>
        {refusal !== undefined && <ErrorNotice title={t('common.refused')} error={refusal} />}
        <Controller
          control={control}
          name="tags"
          render={({ field }) => (
            <TagsField label={t('servers.tagsDialog.label')} help={t('servers.tagsDialog.help')} value={field.value} onChange={field.onChange} onBlur={field.onBlur} ref={field.ref} error={fieldErrorText(firstTagError(formState.errors.tags), t, { custom: t('servers.tagsDialog.rule') })} />
          )}
        />
        <FormButtons submitLabel={t('servers.tagsDialog.submit')} pending={save.isPending} />
      </form>
    </Modal>
  );
}

/** Deleting cannot be undone: the name is typed to confirm, and the data disks and public IPs go only if chosen. */
export function DeleteServerDialog({ server, onClose }: { server: Server; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [typed, setTyped] = useState('');
  const [deleteVolumes, setDeleteVolumes] = useState(false);
  const [deletePublicIp, setDeletePublicIp] = useState(false);
  const expected = serverLabel(server);
  const dataDisks = server.disks.filter((d) => !d.system).length;
  const remove = useServerMutation(() => single(deleteServers({ ids: [server.id], deleteVolumes, deletePublicIp })), (task) => announceTask(task, t));
  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={t('servers.delete.title', { name: expected })}
      description={t('servers.delete.description')}
      confirmLabel={t('servers.actions.delete')}
      danger
      pending={remove.isPending}
      disabled={typed !== expected}
      error={remove.error ?? undefined}
      onConfirm={() => remove.mutate(undefined, { onSuccess: () => void navigate('/servers') })}
    >
      <div className="space-y-3">
        <CheckboxField
          label={t('servers.delete.dataDisks', { count: dataDisks })}
          help={deleteVolumes ? t('servers.delete.dataDisksGo') : t('servers.delete.dataDisksStay')}
          checked={deleteVolumes}
          onChange={(event) => setDeleteVolumes(event.target.checked)}
        />
        <CheckboxField
          label={t('servers.delete.publicIps', { count: server.addresses.public.length })}
          help={deletePublicIp ? t('servers.delete.publicIpsGo') : t('servers.delete.publicIpsStay')}
          checked={deletePublicIp}
          onChange={(event) => setDeletePublicIp(event.target.checked)}
        />
        <TextField label={t('servers.delete.typeName', { name: expected })} autoComplete="off" spellCheck={false} value={typed} onChange={(event) => setTyped(event.target.value)} />
      </div>
    </ConfirmDialog>
  );
}
