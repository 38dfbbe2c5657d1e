import './catalogue.ts';
import './liveServers.ts';
import { useMemo } from 'react';
import { Plus } from 'lucide-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DataList } from '../../components/list/DataList.tsx';
import { listStateShape, parseListState, toListRequest } from '../../components/list/urlState.ts';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useSession } from '../auth/session.ts';
import { serverListQuery } from './api.ts';
import { serverListConfig } from './serverListConfig.tsx';
import { toServerParams } from './serverQuery.ts';

/** Filters the cloud cannot apply were applied by the console, reading further: said, not hidden. */
function UnsupportedNote({ config }: { config: ReturnType<typeof serverListConfig> }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const request = toListRequest(parseListState(params, listStateShape(config)), listStateShape(config));
  const page = useQuery(serverListQuery(toServerParams(request)));
  if (!page.data?.unsupported?.length) return null;
  return (
    <p role="note" className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950/40 dark:text-amber-100">
      {t('servers.unsupported')}
    </p>
  );
}

export function ServersPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('servers.title'));
  const { user } = useSession();
  const canChange = user.role !== 'viewer';
  const config = useMemo(() => serverListConfig(canChange), [canChange]);

  return (
    <div className="mx-auto max-w-7xl">
      <h1 className="text-xl font-semibold text-slate-900 dark:text-white">{t('servers.title')}</h1>
      <p className="mt-1 mb-4 text-sm text-slate-600 dark:text-slate-400">{t('servers.intro')}</p>
      <UnsupportedNote config={config} />
      <DataList
        config={config}
        actions={
          canChange && (
            <Link to="/servers/create" className="btn-primary mr-1">
              <Plus aria-hidden className="size-4" />
              {t('servers.create.open')}
            </Link>
          )
        }
      />
    </div>
  );
}
