import './catalogue.ts';
import { useTranslation } from 'react-i18next';
import { DataList } from '../../components/list/DataList.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { AdminOnly } from './AdminOnly.tsx';
import { auditListConfig } from './auditListConfig.tsx';

export function AuditSettings() {
  const { t } = useTranslation();
  useDocumentTitle(t('settings.audit.title'));
  return (
    <AdminOnly>
      <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">{t('settings.audit.intro')}</p>
      <DataList config={auditListConfig} />
    </AdminOnly>
  );
}
