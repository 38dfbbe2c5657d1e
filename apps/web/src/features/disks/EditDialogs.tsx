import './catalogue.ts';
import { zodResolver } from '@hookform/resolvers/zod';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { DESCRIPTION_MAX_CHARS, NAME_MAX_CHARS, SetDiskTagsSchema, UpdateDiskSchema, type Disk, type SetDiskTags, type UpdateDisk } from '@console/contract';
import { RenameDialog, type RenameDialogText } from '../../components/form/RenameDialog.tsx';
import { TagsDialog } from '../../components/form/TagsDialog.tsx';
import { announceTask } from './announce.ts';
import { setDiskTags, updateDisk, useTaskMutation } from './api.ts';

/** Disks and their snapshots are renamed in the same words; only the title and the name rule differ. */
export function evsRenameText(t: TFunction, title: string, nameRule: string): RenameDialogText {
  return {
    title,
    nameLabel: t('disks.form.name'),
    descriptionLabel: t('disks.form.description'),
    nameRule,
    descriptionRule: t('disks.form.nameRule', { max: DESCRIPTION_MAX_CHARS }),
    submit: t('disks.edit.submit'),
  };
}

export function EditDiskDialog({ disk, onClose }: { disk: Disk; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useTaskMutation((change: UpdateDisk) => updateDisk(disk.id, change), (task) => announceTask(task, t));
  const text = evsRenameText(t, t('disks.edit.title'), t('disks.form.nameRule', { max: NAME_MAX_CHARS }));
  return <RenameDialog resolver={zodResolver(UpdateDiskSchema)} current={disk} mutation={update} text={text} onClose={onClose} />;
}

export function EditTagsDialog({ disk, onClose }: { disk: Disk; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useTaskMutation((input: SetDiskTags) => setDiskTags(disk.id, input), (task) => announceTask(task, t));
  const text = {
    title: t('disks.tagsDialog.title'),
    description: t('disks.tagsDialog.description'),
    label: t('disks.form.tags'),
    help: t('disks.form.tagsHelp'),
    rule: t('disks.form.tagsRule'),
    submit: t('disks.tagsDialog.submit'),
  };
  return <TagsDialog resolver={zodResolver(SetDiskTagsSchema)} current={disk.tags} mutation={save} text={text} onClose={onClose} />;
}
