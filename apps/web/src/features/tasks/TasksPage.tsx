import './catalogue.ts';
import { useTranslation } from 'react-i18next';
import { DataList } from '../../components/list/DataList.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { taskListConfig } from './taskListConfig.tsx';

export function TasksPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('tasks.title'));
  return (
    <div className="mx-auto max-w-7xl">
      <h1 className="text-xl font-semibold text-slate-900 dark:text-white">{t('tasks.title')}</h1>
      <p className="mt-1 mb-4 text-sm text-slate-600 dark:text-slate-400">{t('tasks.intro')}</p>
      <DataList config={taskListConfig} />
    </div>
  );
}
