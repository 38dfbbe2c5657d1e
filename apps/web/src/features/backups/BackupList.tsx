import '../vaults/catalogue.ts';
import '../vaults/liveCbr.ts';
import { useMemo, useState } from 'react';
import type { Backup } from '@console/contract';
import { DataList } from '../../components/list/DataList.tsx';
import { useSession } from '../auth/session.ts';
import { BackupDialogs } from './BackupDialogSwitch.tsx';
import { backupListConfig, type BackupScope } from './backupListConfig.tsx';

/** The backup list with its restore and delete dialogs: for all backups, one vault's, or one resource's. */
export function BackupList({ scope, listId }: { scope?: BackupScope; listId?: string }) {
  const { user } = useSession();
  const canChange = user.role !== 'viewer';
  const [open, setOpen] = useState<{ kind: 'restore' | 'delete'; backup: Backup }>();
  const vaultId = scope?.vaultId;
  const resourceId = scope?.resourceId;
  const config = useMemo(
    () => backupListConfig(canChange, { onRestore: (backup) => setOpen({ kind: 'restore', backup }), onDelete: (backup) => setOpen({ kind: 'delete', backup }) }, { ...(vaultId ? { vaultId } : {}), ...(resourceId ? { resourceId } : {}) }, listId),
    [canChange, vaultId, resourceId, listId],
  );
  return (
    <>
      <DataList config={config} />
      {open && <BackupDialogs open={open} onClose={() => setOpen(undefined)} />}
    </>
  );
}
