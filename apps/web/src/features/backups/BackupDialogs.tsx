import '../vaults/catalogue.ts';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Backup } from '@console/contract';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { announceTask } from '../disks/announce.ts';
import { useCbrMutation } from '../vaults/api.ts';
import { deleteBackup } from './api.ts';

export function DeleteBackupDialog({ backup, onClose, back = false }: { backup: Backup; onClose: () => void; back?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const remove = useCbrMutation(() => deleteBackup(backup.id), (task) => announceTask(task, t));
  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={t('backups.delete.title', { name: backup.name || backup.id })}
      description={backup.incremental ? t('backups.delete.incremental') : t('backups.delete.text')}
      confirmLabel={t('backups.actions.delete')}
      danger
      pending={remove.isPending}
      error={remove.error ?? undefined}
      onConfirm={() => remove.mutate(undefined, { onSuccess: () => { onClose(); if (back) void navigate('/backups'); } })}
    />
  );
}
