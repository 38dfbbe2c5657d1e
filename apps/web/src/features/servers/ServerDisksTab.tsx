import './catalogue.ts';
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Link } from 'react-router';
import { Link2, Unlink } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { AttachVolumeSchema, whyNotAttachDisk, whyNotDetachDisk, type AttachVolume, type Server, type ServerDisk } from '@console/contract';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { fieldErrorText } from '../../components/form/fieldErrors.ts';
import { MutationFormDialog } from '../../components/form/FormDialog.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { ActionButton } from '../disks/ActionButton.tsx';
import { announceTask } from '../disks/announce.ts';
import { attachDisk, detachDisk, diskListQuery } from '../disks/api.ts';
import { DiskStatus } from '../disks/DiskCells.tsx';
import { toOptionalText } from '../../components/form/fields.tsx';
import { RoleText } from '../disks/RoleText.tsx';
import { useServerMutation, useServerVolumes } from './api.ts';
import { serverLabel, serverRefusalKey } from './serverModel.ts';

const diskPath = (id: string) => `/disks/${encodeURIComponent(id)}`;
const columnKeys = ['servers.disks.columns.device', 'servers.disks.columns.name', 'servers.disks.columns.role', 'servers.disks.columns.type', 'servers.disks.columns.size', 'servers.disks.columns.status'] as const;

/** The server's disks with their devices; disks are attached and detached right here. */
export function ServerDisksTab({ server, canChange }: { server: Server; canChange: boolean }) {
  const { t } = useTranslation();
  const volumes = useServerVolumes(server.id);
  const [attaching, setAttaching] = useState(false);
  const [detaching, setDetaching] = useState<ServerDisk | undefined>();
  const attachRefusal = serverRefusalKey(whyNotAttachDisk(server), 'servers.refusal.needsRunningOrStopped');
  const items = [...(volumes.data?.items ?? [])].sort((a, b) => (a.device ?? '').localeCompare(b.device ?? ''));
  return (
    <div className="space-y-3">
      {canChange && (
        <div className="flex justify-end">
          <ActionButton label={t('servers.disks.attach')} icon={Link2} refusal={attachRefusal && t(attachRefusal)} onClick={() => setAttaching(true)} />
        </div>
      )}
      {volumes.isError && <ErrorNotice title={t('servers.disks.loadFailed')} error={volumes.error} onRetry={() => void volumes.refetch()} />}
      {volumes.isPending ? (
        <p className="text-sm">{t('common.loading')}</p>
      ) : items.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t('servers.disks.none')}</p>
      ) : (
        <div className="card overflow-x-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">{t('servers.tabs.disks')}</caption>
            <thead className="text-left text-xs text-slate-500 dark:text-slate-400">
              <tr className="border-b border-slate-200 dark:border-slate-800">
                {columnKeys.map((key) => <th key={key} scope="col" className="px-3 py-2 font-medium">{t(key)}</th>)}
                {canChange && <th scope="col" className="px-3 py-2"><span className="sr-only">{t('servers.disks.columns.actions')}</span></th>}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {items.map((d) => {
                const refusal = serverRefusalKey(whyNotDetachDisk(server, d.system === true), 'servers.refusal.needsRunningOrStopped');
                return (
                  <tr key={d.diskId}>
                    <td className="px-3 py-2 font-mono text-xs">{d.device}</td>
                    <td className="px-3 py-2"><Link to={diskPath(d.diskId)} className="text-blue-700 hover:underline dark:text-blue-300">{d.name || d.diskId}</Link></td>
                    <td className="px-3 py-2"><RoleText role={d.system ? 'system' : 'data'} /></td>
                    <td className="px-3 py-2">{d.type}</td>
                    <td className="px-3 py-2 whitespace-nowrap tabular-nums">{d.sizeGiB !== undefined ? `${d.sizeGiB} GiB` : ''}</td>
                    <td className="px-3 py-2">{d.status && <DiskStatus status={d.status} />}</td>
                    {canChange && (
                      <td className="px-3 py-2 text-right">
                        <ActionButton label={t('servers.disks.detach')} icon={Unlink} refusal={refusal && t(refusal)} onClick={() => setDetaching(d)} />
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {attaching && <AttachToServerDialog server={server} onClose={() => setAttaching(false)} />}
      {detaching && <DetachFromServerDialog server={server} disk={detaching} onClose={() => setDetaching(undefined)} />}
    </div>
  );
}

/** Disks in the server's zone that can take it now: available ones, and shared ones in use elsewhere. */
function AttachToServerDialog({ server, onClose }: { server: Server; onClose: () => void }) {
  const { t } = useTranslation();
  const disks = useQuery(diskListQuery({ availabilityZone: server.availabilityZone, limit: 100 }));
  const attach = useServerMutation((input: AttachVolume) => attachDisk(server.id, input), (task) => announceTask(task, t));
  const form = useForm<AttachVolume>({ resolver: zodResolver(AttachVolumeSchema), defaultValues: { diskId: '' } });
  const { register, formState } = form;
  const candidates = (disks.data?.items ?? []).filter(
    (d) => !d.attachments.some((a) => a.serverId === server.id) && (d.status === 'available' || (d.shared && d.status === 'in-use')),
  );
  return (
    <MutationFormDialog form={form} mutation={attach} fields={['diskId', 'device']}
      title={t('servers.disks.attachTitle', { name: serverLabel(server) })} description={t('servers.disks.attachDescription', { zone: server.availabilityZone })}
      submitLabel={t('servers.disks.attach')} className="space-y-4" onClose={onClose}>
      {disks.isError && <ErrorNotice title={t('servers.disks.candidatesFailed')} error={disks.error} onRetry={() => void disks.refetch()} />}
      <SelectField
        label={t('servers.disks.disk')}
        autoFocus
        options={[
          { value: '', label: disks.isPending ? t('common.loading') : t('servers.disks.choose') },
          ...candidates.map((d) => ({ value: d.id, label: t('servers.disks.option', { name: d.name || d.id, size: d.sizeGiB, type: d.type }) })),
        ]}
        help={disks.data && candidates.length === 0 ? t('servers.disks.noCandidates') : undefined}
        {...register('diskId')}
        error={fieldErrorText(formState.errors.diskId, t, { invalid_format: t('servers.disks.choose') })}
      />
      <TextField label={t('servers.disks.device')} placeholder={t('servers.disks.devicePlaceholder')} autoComplete="off" {...register('device', { setValueAs: toOptionalText })} error={fieldErrorText(formState.errors.device, t, { invalid_format: t('servers.disks.deviceRule') })} />
      <p className="text-xs text-slate-500 dark:text-slate-400">
        <Link to={`/disks?create=`} className="text-blue-700 hover:underline dark:text-blue-300">{t('servers.disks.createFirst')}</Link>
      </p>
    </MutationFormDialog>
  );
}

function DetachFromServerDialog({ server, disk, onClose }: { server: Server; disk: ServerDisk; onClose: () => void }) {
  const { t } = useTranslation();
  const detach = useServerMutation(() => detachDisk(server.id, disk.diskId), (task) => announceTask(task, t));
  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={t('servers.disks.detachTitle', { disk: disk.name || disk.diskId, device: disk.device ?? '' })}
      description={disk.system ? t('servers.disks.detachSystem') : t('servers.disks.detachDescription')}
      confirmLabel={t('servers.disks.detach')}
      danger
      pending={detach.isPending}
      error={detach.error ?? undefined}
      onConfirm={() => detach.mutate(undefined, { onSuccess: onClose })}
    />
  );
}
