import '../vaults/catalogue.ts';
import type { Backup } from '@console/contract';
import { useTranslation } from 'react-i18next';

/** "Disk · incremental · by policy": what was backed up, how, and who started it. */
export function BackupTypeText({ backup }: { backup: Pick<Backup, 'resourceType' | 'incremental' | 'autoTriggered' | 'type'> }) {
  const { t } = useTranslation();
  const parts = [
    t(`backups.resourceType.${backup.resourceType}`),
    backup.type === 'replication' ? t('backups.replica') : backup.incremental ? t('backups.incremental') : t('backups.full'),
    backup.autoTriggered ? t('backups.byPolicy') : t('backups.manual'),
  ];
  return <span className="whitespace-nowrap">{parts.join(' · ')}</span>;
}
