import { Navigate, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { loginPath } from '../../lib/api.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { SessionContext, useMe } from './session.ts';

/** Lets only signed-in users through; anyone else goes to the login page and comes back after. */
export function RequireAuth() {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();

  if (me.data) {
    return (
      <SessionContext value={me.data}>
        <Outlet />
      </SessionContext>
    );
  }
  if (me.data === null) {
    return <Navigate to={loginPath(`${location.pathname}${location.search}${location.hash}`)} replace />;
  }
  if (me.isError) {
    return (
      <main className="mx-auto mt-24 max-w-md px-4">
        <ErrorNotice
          title={t('auth.checkFailed')}
          error={me.error}
          onRetry={() => void me.refetch()}
        />
      </main>
    );
  }
  return (
    <main className="flex min-h-screen items-center justify-center">
      <Spinner label={t('auth.checking')} />
    </main>
  );
}
