import './catalogue.ts';
import { useState } from 'react';
import { zodResolver } from '@hookform/resolvers/zod';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SetServerTagsSchema, UpdateServerSchema, type Server, type SetServerTags, type UpdateServer } from '@console/contract';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { RenameDialog } from '../../components/form/RenameDialog.tsx';
import { TagsDialog } from '../../components/form/TagsDialog.tsx';
import { TextField } from '../../components/TextField.tsx';
import { announceTask } from '../disks/announce.ts';
import { CheckboxField } from '../../components/form/fields.tsx';
import { deleteServers, setServerTags, single, updateServer, useServerMutation } from './api.ts';
import { serverLabel } from './serverModel.ts';

export function EditServerDialog({ server, onClose }: { server: Server; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useServerMutation((change: UpdateServer) => updateServer(server.id, change), (task) => announceTask(task, t));
  const rule = t('servers.edit.rule', { max: 255 });
  const text = {
    title: t('servers.edit.title', { name: serverLabel(server) }),
    nameLabel: t('servers.edit.name'),
    descriptionLabel: t('servers.edit.description'),
    nameRule: rule,
    descriptionRule: rule,
    submit: t('servers.edit.submit'),
  };
  return <RenameDialog resolver={zodResolver(UpdateServerSchema)} current={server} mutation={update} text={text} onClose={onClose} />;
}

export function ServerTagsDialog({ server, onClose }: { server: Server; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useServerMutation((input: SetServerTags) => setServerTags(server.id, input), (task) => announceTask(task, t));
  const text = {
    title: t('servers.tagsDialog.title', { name: serverLabel(server) }),
    description: t('servers.tagsDialog.description'),
    label: t('servers.tagsDialog.label'),
    help: t('servers.tagsDialog.help'),
    rule: t('servers.tagsDialog.rule'),
    submit: t('servers.tagsDialog.submit'),
  };
  return <TagsDialog resolver={zodResolver(SetServerTagsSchema)} current={server.tags} mutation={save} text={text} onClose={onClose} />;
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
