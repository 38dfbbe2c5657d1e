import '../vaults/catalogue.ts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useVaults } from '../vaults/api.ts';
import { BackupList } from './BackupList.tsx';

/**
 * A disk's or server's own backups tab: the vault protecting it (if any), then its backups across
 * vaults, with restore and delete as on the backups page.
 */
export function ResourceBackupsTab({ resourceId, kind }: { resourceId: string; kind: 'disk' | 'server' }) {
  const { t } = useTranslation();
  const vaults = useVaults({ limit: 1000, offset: 0, protectedType: kind });
  const vault = vaults.data?.items.find((v) => v.resources.some((r) => r.id === resourceId));
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {vaults.isPending ? t('common.loading') : vault ? (
          <>
            {t('backups.resourceTab.protectedBy')}{' '}
            <Link to={`/vaults/${encodeURIComponent(vault.id)}`} className="text-blue-700 hover:underline dark:text-blue-300">{vault.name}</Link>
          </>
        ) : (
          <>
            {t(kind === 'disk' ? 'backups.resourceTab.unprotectedDisk' : 'backups.resourceTab.unprotectedServer')}{' '}
            <Link to="/vaults?create" className="text-blue-700 hover:underline dark:text-blue-300">{t('vaults.create.open')}</Link>
          </>
        )}
      </p>
      <BackupList scope={{ resourceId }} listId={`${kind}-backups`} />
    </div>
  );
}
