import '../disks/catalogue.ts';
import '../disks/liveDisks.ts';
import { useMemo, useState } from 'react';
import { Camera } from 'lucide-react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Snapshot } from '@console/contract';
import { DataList } from '../../components/list/DataList.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useSession } from '../auth/session.ts';
import { CreateSnapshotDialog, DeleteSnapshotDialog, RenameSnapshotDialog, RollbackDialog } from './SnapshotDialogs.tsx';
import { snapshotListConfig } from './snapshotListConfig.tsx';

type Open = { kind: 'rename' | 'rollback' | 'delete'; snapshot: Snapshot } | { kind: 'create' } | undefined;

export function SnapshotsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('snapshots.title'));
  const navigate = useNavigate();
  const { user } = useSession();
  const canChange = user.role !== 'viewer';
  const [open, setOpen] = useState<Open>();
  const config = useMemo(
    () =>
      snapshotListConfig(canChange, {
        onRename: (snapshot) => setOpen({ kind: 'rename', snapshot }),
        onRollback: (snapshot) => setOpen({ kind: 'rollback', snapshot }),
        onDelete: (snapshot) => setOpen({ kind: 'delete', snapshot }),
        // The disk form, with this snapshot chosen (it brings the type, zone and minimum size).
        onCreateDisk: (snapshot) => void navigate(`/disks?create=${encodeURIComponent(snapshot.id)}`),
      }),
    [canChange, navigate],
  );
  const close = () => setOpen(undefined);
  return (
    <div className="mx-auto max-w-7xl">
      <h1 className="text-xl font-semibold text-slate-900 dark:text-white">{t('snapshots.title')}</h1>
      <p className="mt-1 mb-4 text-sm text-slate-600 dark:text-slate-400">{t('snapshots.intro')}</p>
      <DataList
        config={config}
        actions={
          canChange && (
            <button type="button" className="btn-primary mr-1" onClick={() => setOpen({ kind: 'create' })}>
              <Camera aria-hidden className="size-4" />
              {t('snapshots.create.open')}
            </button>
          )
        }
      />
      {open?.kind === 'create' && <CreateSnapshotDialog onClose={close} />}
      {open?.kind === 'rename' && <RenameSnapshotDialog snapshot={open.snapshot} onClose={close} />}
      {open?.kind === 'rollback' && <RollbackDialog snapshot={open.snapshot} onClose={close} />}
      {open?.kind === 'delete' && <DeleteSnapshotDialog snapshot={open.snapshot} onClose={close} />}
    </div>
  );
}
