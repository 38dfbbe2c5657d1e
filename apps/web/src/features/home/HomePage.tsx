import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useSession } from '../auth/session.ts';

// Home is in the first download, but only its title: the overview, its charts and the cards come
// in chunks of their own, so signing in stays light.
const HomeBody = lazy(() => import('./HomeBody.tsx').then((m) => ({ default: m.HomeBody })));

function HomeLoading() {
  return (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-6" aria-hidden>
      {Array.from({ length: 6 }, (_, index) => (
        <div key={index} className="card h-24 animate-pulse" />
      ))}
    </div>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const { user } = useSession();
  useDocumentTitle(t('nav.home'));
  return (
    <div className="mx-auto max-w-7xl">
      <h1 className="text-xl font-semibold text-slate-900 dark:text-white">{t('home.welcome', { name: user.username })}</h1>
      <div className="mt-4">
        <Suspense fallback={<HomeLoading />}>
          <HomeBody />
        </Suspense>
      </div>
    </div>
  );
}
