import { ArrowLeft, RotateCw, TriangleAlert } from 'lucide-react';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { useTranslation } from 'react-i18next';
import { errorText } from '../components/errorText.ts';

/**
 * The router's error boundary. It must not depend on the session or the layout (either may be
 * what failed), and it uses plain links so that leaving it reloads a clean application.
 */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  const message = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : errorText(error, t);
  return (
    <section role="alert" className="mx-auto max-w-xl px-4 py-16">
      <div className="flex items-center gap-2 text-red-700 dark:text-red-400">
        <TriangleAlert aria-hidden className="size-5" />
        <h1 className="text-xl font-semibold">{t('routeError.title')}</h1>
      </div>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">{t('routeError.description')}</p>
      <pre className="mt-4 overflow-auto rounded-md border border-slate-200 bg-slate-50 p-3 font-mono text-xs whitespace-pre-wrap text-slate-800 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200">
        {message}
      </pre>
      <div className="mt-6 flex gap-2">
        <a href="/" className="btn-primary">
          <ArrowLeft aria-hidden className="size-4" />
          {t('common.backHome')}
        </a>
        <button type="button" className="btn-secondary" onClick={() => window.location.reload()}>
          <RotateCw aria-hidden className="size-4" />
          {t('routeError.reload')}
        </button>
      </div>
    </section>
  );
}
