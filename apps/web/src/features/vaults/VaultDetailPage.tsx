import './catalogue.ts';
import './liveCbr.ts';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DetailLayout } from '../../components/detail/DetailLayout.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useTabParam } from '../../components/UrlTabs.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { ApiRequestError } from '../../lib/api.ts';
import { useSession } from '../auth/session.ts';
import { BackupList } from '../backups/BackupList.tsx';
import { useVault } from './api.ts';
import { VaultActions } from './VaultActions.tsx';
import { VaultStatus } from './VaultCells.tsx';
import { OverviewTab, PolicyTab, ResourcesTab, TagsTab, VaultTasksTab } from './VaultTabs.tsx';

const tabIds = ['overview', 'resources', 'backups', 'policy', 'tasks', 'tags'] as const;

export function VaultDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { user } = useSession();
  const vault = useVault(id);
  const [tab, setTab] = useTabParam(tabIds);
  const name = vault.data ? vault.data.name || vault.data.id : id;
  useDocumentTitle(t('vaults.detail.title', { name }));
  if (vault.isPending) return <p className="text-sm">{t('common.loading')}</p>;
  if (!vault.data) {
    const gone = vault.error instanceof ApiRequestError && vault.error.status === 404;
    return <ErrorNotice title={gone ? t('vaults.detail.gone') : t('vaults.detail.loadFailed')} error={vault.error} onRetry={() => void vault.refetch()} />;
  }
  const v = vault.data;
  const canChange = user.role !== 'viewer';
  const tabs = [
    { id: 'overview', label: t('vaults.tabs.overview') },
    { id: 'resources', label: t('vaults.tabs.resources'), count: v.resourceCount },
    { id: 'backups', label: t('vaults.tabs.backups') },
    { id: 'policy', label: t('vaults.tabs.policy') },
    { id: 'tasks', label: t('vaults.tabs.tasks') },
    { id: 'tags', label: t('vaults.tabs.tags'), count: v.tags.length },
  ];
  return (
    <DetailLayout back={{ to: '/vaults', label: t('vaults.title') }} title={name} id={v.id} status={<VaultStatus status={v.status} />}
      actions={canChange ? <VaultActions vault={v} /> : undefined} tabs={tabs} tab={tab} onTabChange={setTab}>
      {tab === 'overview' && <OverviewTab vault={v} />}
      {tab === 'resources' && <ResourcesTab vault={v} canChange={canChange} />}
      {tab === 'backups' && <BackupList scope={{ vaultId: v.id }} listId="vault-backups" />}
      {tab === 'policy' && <PolicyTab vault={v} />}
      {tab === 'tasks' && <VaultTasksTab vault={v} />}
      {tab === 'tags' && <TagsTab vault={v} />}
    </DetailLayout>
  );
}
