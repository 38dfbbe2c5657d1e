import './catalogue.ts';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { AttachVolumeSchema, whyNotAttachDisk, type Disk } from '@console/contract';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { fieldErrorText } from '../../components/form/fieldErrors.ts';
import { MutationFormDialog } from '../../components/form/FormDialog.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { announceTask } from './announce.ts';
import { attachDisk, detachDisk, useServersIn, useTaskMutation } from './api.ts';
import { toOptionalText } from '../../components/form/fields.tsx';

// The server goes in the path, the rest is the contract's body: its rules check both.
const AttachFormSchema = AttachVolumeSchema.omit({ diskId: true }).extend({ serverId: AttachVolumeSchema.shape.diskId });
interface AttachForm { serverId: string; device?: string | undefined }

/** Servers in the disk's zone that can take a disk now; the others are listed with why not. */
export function AttachDiskDialog({ disk, onClose }: { disk: Disk; onClose: () => void }) {
  const { t } = useTranslation();
  const servers = useServersIn(disk.availabilityZone);
  const attach = useTaskMutation((input: AttachForm) => attachDisk(input.serverId, { diskId: disk.id, ...(input.device ? { device: input.device } : {}) }), (task) => announceTask(task, t));
  const form = useForm<AttachForm>({ resolver: zodResolver(AttachFormSchema), defaultValues: { serverId: '' } });
  const { register, formState } = form;
  const attachedIds = new Set(disk.attachments.map((a) => a.serverId));
  const candidates = (servers.data?.items ?? []).filter((server) => !attachedIds.has(server.id) && !whyNotAttachDisk(server));
  return (
    <MutationFormDialog form={form} mutation={attach} fields={['serverId', 'device']}
      title={t('disks.attach.title', { name: disk.name || disk.id })} description={t('disks.attach.description', { zone: disk.availabilityZone })}
      submitLabel={t('disks.actions.attach')} className="space-y-4" onClose={onClose}>
      {servers.isError && <ErrorNotice title={t('disks.attach.serversFailed')} error={servers.error} onRetry={() => void servers.refetch()} />}
      <SelectField
        label={t('disks.attach.server')}
        autoFocus
        options={[{ value: '', label: servers.isPending ? t('common.loading') : t('disks.attach.choose') }, ...candidates.map((server) => ({ value: server.id, label: `${server.name} (${server.status})` }))]}
        help={servers.data && candidates.length === 0 ? t('disks.attach.noServers') : undefined}
        {...register('serverId')}
        error={fieldErrorText(formState.errors.serverId, t, { invalid_format: t('disks.attach.choose') })}
      />
      <TextField label={t('disks.attach.device')} placeholder={t('disks.attach.devicePlaceholder')} autoComplete="off" {...register('device', { setValueAs: toOptionalText })} error={fieldErrorText(formState.errors.device, t, { invalid_format: t('disks.attach.deviceRule') })} />
    </MutationFormDialog>
  );
}

export function DetachDiskDialog({ disk, onClose }: { disk: Disk; onClose: () => void }) {
  const { t } = useTranslation();
  const [serverId, setServerId] = useState(disk.attachments[0]?.serverId ?? '');
  const detach = useTaskMutation((id: string) => detachDisk(id, disk.id), (task) => announceTask(task, t));
  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={t('disks.detach.title', { name: disk.name || disk.id })}
      description={disk.role === 'system' ? t('disks.detach.systemWarning') : t('disks.detach.description')}
      confirmLabel={t('disks.actions.detach')}
      danger
      pending={detach.isPending}
      disabled={!serverId}
      error={detach.error ?? undefined}
      onConfirm={() => detach.mutate(serverId, { onSuccess: onClose })}
    >
      <SelectField
        label={t('disks.detach.from')}
        value={serverId}
        onChange={(event) => setServerId(event.target.value)}
        options={disk.attachments.map((a) => ({ value: a.serverId, label: `${a.serverName ?? a.serverId} (${a.device})` }))}
      />
    </ConfirmDialog>
  );
}
