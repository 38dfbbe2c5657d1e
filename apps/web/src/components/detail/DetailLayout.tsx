import '../catalogue.ts';
import type { ReactNode } from 'react';
import { ChevronLeft } from 'lucide-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../CopyButton.tsx';
import { UrlTabs, type TabSpec } from '../UrlTabs.tsx';

interface DetailLayoutProps {
  /** The list this resource belongs to. */
  back: { to: string; label: string };
  title: string;
  id: string;
  status?: ReactNode;
  /** Buttons acting on this resource. */
  actions?: ReactNode;
  tabs: readonly TabSpec[];
  tab: string;
  onTabChange: (tab: string) => void;
  children: ReactNode;
}

/** Every resource page: who it is (name, ID, status) and what can be done, then tabs of detail. */
export function DetailLayout({ back, title, id, status, actions, tabs, tab, onTabChange, children }: DetailLayoutProps) {
  const { t } = useTranslation();
  return (
    <article className="mx-auto max-w-6xl">
      <Link to={back.to} className="inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white">
        <ChevronLeft aria-hidden className="size-4" />
        {back.label}
      </Link>
      <header className="mt-2 flex flex-wrap items-start gap-3">
        {/* A floor on the title's width: with many actions they wrap below it rather than squeeze it. */}
        <div className="min-w-72 flex-1">
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="text-xl font-semibold break-words text-slate-900 dark:text-white">{title}</h1>
            {status}
          </div>
          <p className="mt-1 flex items-center gap-1 text-xs text-slate-500 dark:text-slate-400">
            <span>{t('detail.id')}</span>
            <code className="font-mono break-all">{id}</code>
            <CopyButton value={id} label={t('detail.copyId')} />
          </p>
        </div>
        {actions && <div className="flex max-w-full flex-wrap gap-2">{actions}</div>}
      </header>
      <div className="mt-4">
        <UrlTabs tabs={tabs} value={tab} onValueChange={onTabChange} label={t('detail.sections', { name: title })}>
          {children}
        </UrlTabs>
      </div>
    </article>
  );
}
