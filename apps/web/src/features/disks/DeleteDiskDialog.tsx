import './catalogue.ts';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Disk } from '@console/contract';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { TextField } from '../../components/TextField.tsx';
import { announceTask } from './announce.ts';
import { deleteDisk, useTaskMutation } from './api.ts';

/** Deleting cannot be undone: the disk's name (or id, when it has none) is typed to confirm. */
export function DeleteDiskDialog({ disk, onClose }: { disk: Disk; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [typed, setTyped] = useState('');
  const expected = disk.name || disk.id;
  const remove = useTaskMutation(() => deleteDisk(disk.id), (task) => announceTask(task, t));
  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={t('disks.delete.title', { name: expected })}
      description={t('disks.delete.description')}
      confirmLabel={t('disks.actions.delete')}
      danger
      pending={remove.isPending}
      disabled={typed !== expected}
      error={remove.error ?? undefined}
      onConfirm={() => remove.mutate(undefined, { onSuccess: () => void navigate('/disks') })}
    >
      <TextField label={t('disks.delete.typeName', { name: expected })} autoFocus autoComplete="off" spellCheck={false} value={typed} onChange={(event) => setTyped(event.target.value)} />
    </ConfirmDialog>
  );
}
