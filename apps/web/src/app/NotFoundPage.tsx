import { ArrowLeft } from 'lucide-react';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';

export function NotFoundPage() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  useDocumentTitle(t('notFound.title'));
  return (
    <section className="mx-auto max-w-lg py-16 text-center">
      <p className="font-mono text-sm font-semibold text-blue-600 dark:text-blue-400">404</p>
      <h1 className="mt-2 text-2xl font-semibold text-slate-900 dark:text-white">{t('notFound.title')}</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">
        {t('notFound.description')} <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-xs break-all dark:bg-slate-800">{pathname}</code>
      </p>
      <Link to="/" className="btn-primary mt-6">
        <ArrowLeft aria-hidden className="size-4" />
        {t('common.backHome')}
      </Link>
    </section>
  );
}
