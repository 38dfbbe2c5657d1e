import './catalogue.ts';
import { useState } from 'react';
import { Camera, Expand, Gauge, Link2, Pencil, Tags, Trash2, Unlink } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { whyNotChangeQos, whyNotDeleteDisk, whyNotExpandDisk, whyNotSnapshotDisk, type Disk } from '@console/contract';
import { ActionButton } from './ActionButton.tsx';
import { AttachDiskDialog, DetachDiskDialog } from './AttachDialogs.tsx';
import { DeleteDiskDialog } from './DeleteDiskDialog.tsx';
import { attachRefusal, detachRefusal, refusalKey } from './diskModel.ts';
import { EditDiskDialog, EditTagsDialog } from './EditDialogs.tsx';
import { ExpandDiskDialog, QosDialog } from './SizeDialogs.tsx';
import { SnapshotDiskDialog } from './SnapshotDiskDialog.tsx';

type Open = 'expand' | 'qos' | 'attach' | 'detach' | 'snapshot' | 'edit' | 'tags' | 'delete' | undefined;

/** What can be done to the disk now; each refused action says why instead of vanishing. */
export function DiskActions({ disk }: { disk: Disk }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Open>();
  const reason = (key: ReturnType<typeof refusalKey>) => (key ? t(key) : undefined);
  const close = () => setOpen(undefined);
  return (
    <>
      <ActionButton label={t('disks.actions.expand')} icon={Expand} refusal={reason(refusalKey(whyNotExpandDisk(disk)))} onClick={() => setOpen('expand')} />
      <ActionButton label={t('disks.actions.qos')} icon={Gauge} refusal={reason(refusalKey(whyNotChangeQos(disk)))} onClick={() => setOpen('qos')} />
      <ActionButton label={t('disks.actions.attach')} icon={Link2} refusal={reason(attachRefusal(disk))} onClick={() => setOpen('attach')} />
      <ActionButton label={t('disks.actions.detach')} icon={Unlink} refusal={reason(detachRefusal(disk))} onClick={() => setOpen('detach')} />
      <ActionButton label={t('disks.actions.snapshot')} icon={Camera} refusal={reason(refusalKey(whyNotSnapshotDisk(disk, false)))} onClick={() => setOpen('snapshot')} />
      <ActionButton label={t('disks.actions.edit')} icon={Pencil} onClick={() => setOpen('edit')} />
      <ActionButton label={t('disks.actions.tags')} icon={Tags} onClick={() => setOpen('tags')} />
      <ActionButton label={t('disks.actions.delete')} icon={Trash2} danger refusal={reason(refusalKey(whyNotDeleteDisk(disk)))} onClick={() => setOpen('delete')} />
      {open === 'expand' && <ExpandDiskDialog disk={disk} onClose={close} />}
      {open === 'qos' && <QosDialog disk={disk} onClose={close} />}
      {open === 'attach' && <AttachDiskDialog disk={disk} onClose={close} />}
      {open === 'detach' && <DetachDiskDialog disk={disk} onClose={close} />}
      {open === 'snapshot' && <SnapshotDiskDialog disk={disk} onClose={close} />}
      {open === 'edit' && <EditDiskDialog disk={disk} onClose={close} />}
      {open === 'tags' && <EditTagsDialog disk={disk} onClose={close} />}
      {open === 'delete' && <DeleteDiskDialog disk={disk} onClose={close} />}
    </>
  );
}
