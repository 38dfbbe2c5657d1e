import type { Backup } from '@console/contract';
import { DeleteBackupDialog } from './BackupDialogs.tsx';
import { RestoreDialog } from './RestoreDialog.tsx';

export function BackupDialogs({ open, onClose, back = false }: { open: { kind: 'restore' | 'delete'; backup: Backup }; onClose: () => void; back?: boolean }) {
  return open.kind === 'restore' ? <RestoreDialog backup={open.backup} onClose={onClose} /> : <DeleteBackupDialog backup={open.backup} onClose={onClose} back={back} />;
}
