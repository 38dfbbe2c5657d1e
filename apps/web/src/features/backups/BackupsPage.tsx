import '../vaults/catalogue.ts';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { DataProtectionNav } from '../vaults/DataProtectionNav.tsx';
import { BackupList } from './BackupList.tsx';

export function BackupsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('backups.title'));
  return (
    <div className="mx-auto max-w-7xl">
      <DataProtectionNav />
      <h1 className="text-xl font-semibold text-slate-900 dark:text-white">{t('backups.title')}</h1>
      <p className="mt-1 mb-4 text-sm text-slate-600 dark:text-slate-400">{t('backups.intro')}</p>
      <BackupList />
    </div>
  );
}
