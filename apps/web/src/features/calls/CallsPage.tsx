import './catalogue.ts';
import { ShieldAlert } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { DataList } from '../../components/list/DataList.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useSession } from '../auth/session.ts';
import { callListConfig } from './callListConfig.tsx';

/** The API-call inspector: every call the console made to the cloud, newest first. */
export function CallsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('calls.title'));
  const { user } = useSession();
  return (
    <div className="mx-auto max-w-7xl">
      <h1 className="text-xl font-semibold text-slate-900 dark:text-white">{t('calls.title')}</h1>
      <p className="mt-1 mb-4 text-sm text-slate-600 dark:text-slate-400">{t('calls.intro')}</p>
      {user.role === 'viewer' ? (
        <div role="alert" className="flex gap-3 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100">
          <ShieldAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
          <p>{t('calls.notForRole')}</p>
        </div>
      ) : (
        <DataList config={callListConfig} />
      )}
    </div>
  );
}
