import './catalogue.ts';
import './liveDisks.ts';
import { useMemo } from 'react';
import { Plus } from 'lucide-react';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DataList } from '../../components/list/DataList.tsx';
import { listStateShape, parseListState, toListRequest } from '../../components/list/urlState.ts';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useSession } from '../auth/session.ts';
import { diskListQuery } from './api.ts';
import { CreateDiskDialog } from './CreateDiskDialog.tsx';
import { diskListConfig } from './diskListConfig.tsx';
import { toDiskParams } from './diskQuery.ts';

/** `?create` opens the create form; `?create=<snapshot id>` with that snapshot chosen. */
const createParam = 'create';

/** The BFF applied some filters itself (the cloud cannot combine them with a tag): said, not hidden. */
function UnsupportedNote({ config }: { config: ReturnType<typeof diskListConfig> }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const request = toListRequest(parseListState(params, listStateShape(config)), listStateShape(config));
  const page = useQuery(diskListQuery(toDiskParams(request)));
  const unsupported = page.data?.unsupported;
  if (!unsupported?.length) return null;
  return (
    <p role="note" className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950/40 dark:text-amber-100">
      {t('disks.unsupported', { params: unsupported.join(', ') })}
    </p>
  );
}

export function DisksPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('disks.title'));
  const { user } = useSession();
  const canChange = user.role !== 'viewer';
  const config = useMemo(() => diskListConfig(canChange), [canChange]);
  const [params, setParams] = useSearchParams();
  const creating = params.get(createParam);
  const setCreating = (open: boolean, snapshotId?: string) =>
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      if (open) next.set(createParam, snapshotId ?? '');
      else next.delete(createParam);
      return next;
    });

  return (
    <div className="mx-auto max-w-7xl">
      <h1 className="text-xl font-semibold text-slate-900 dark:text-white">{t('disks.title')}</h1>
      <p className="mt-1 mb-4 text-sm text-slate-600 dark:text-slate-400">{t('disks.intro')}</p>
      <UnsupportedNote config={config} />
      <DataList
        config={config}
        actions={
          canChange && (
            <button type="button" className="btn-primary mr-1" onClick={() => setCreating(true)}>
              <Plus aria-hidden className="size-4" />
              {t('disks.create.open')}
            </button>
          )
        }
      />
      {canChange && creating !== null && (
        <CreateDiskDialog open onOpenChange={(open) => setCreating(open)} snapshotId={creating || undefined} />
      )}
    </div>
  );
}
