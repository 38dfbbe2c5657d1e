import './catalogue.ts';
import './liveCbr.ts';
import { useMemo } from 'react';
import { Plus } from 'lucide-react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DataList } from '../../components/list/DataList.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useSession } from '../auth/session.ts';
import { CreateVaultDialog } from './CreateVaultDialog.tsx';
import { DataProtectionNav } from './DataProtectionNav.tsx';
import { vaultListConfig } from './vaultListConfig.tsx';

/** `?create` opens the wizard, so a link can start it. */
const createParam = 'create';

export function VaultsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('vaults.title'));
  const { user } = useSession();
  const canChange = user.role !== 'viewer';
  const config = useMemo(() => vaultListConfig(canChange), [canChange]);
  const [params, setParams] = useSearchParams();
  const setCreating = (open: boolean) =>
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      if (open) next.set(createParam, '');
      else next.delete(createParam);
      return next;
    });
  return (
    <div className="mx-auto max-w-7xl">
      <DataProtectionNav />
      <h1 className="text-xl font-semibold text-slate-900 dark:text-white">{t('vaults.title')}</h1>
      <p className="mt-1 mb-4 text-sm text-slate-600 dark:text-slate-400">{t('vaults.intro')}</p>
      <DataList
        config={config}
        actions={canChange && (
          <button type="button" className="btn-primary mr-1" onClick={() => setCreating(true)}>
            <Plus aria-hidden className="size-4" />
            {t('vaults.create.open')}
          </button>
        )}
      />
      {canChange && params.get(createParam) !== null && <CreateVaultDialog onClose={() => setCreating(false)} />}
    </div>
  );
}
