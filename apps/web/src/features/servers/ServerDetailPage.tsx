import './catalogue.ts';
import './liveServers.ts';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Server } from '@console/contract';
import { DetailLayout } from '../../components/detail/DetailLayout.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useTabParam } from '../../components/UrlTabs.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { ApiRequestError } from '../../lib/api.ts';
import { useSession } from '../auth/session.ts';
import { ResourceBackupsTab } from '../backups/ResourceBackupsTab.tsx';
import { KeyValueTab } from '../disks/DiskTabs.tsx';
import { useServer } from './api.ts';
import { ResizeEndDialog } from './PowerDialogs.tsx';
import { ServerActions } from './ServerActions.tsx';
import { ServerStatus } from './ServerCells.tsx';
import { ServerDisksTab } from './ServerDisksTab.tsx';
import { ConsoleLogTab, NicsTab, OperationsTab, OverviewTab, SecurityGroupsTab, TasksTab } from './ServerTabs.tsx';

const tabIds = ['overview', 'disks', 'nics', 'security-groups', 'backups', 'tags', 'metadata', 'console', 'operations', 'tasks'] as const;

/** A resized server waits for a decision; it is asked for on every tab until it is made. */
function VerifyResizeBanner({ server, canChange }: { server: Server; canChange: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'keep' | 'revert' | undefined>();
  if (server.statusText !== 'verifyResize') return null;
  return (
    <div role="status" className="mb-4 flex flex-wrap items-center gap-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100">
      <span className="flex-1">{t('servers.resize.waiting', { flavor: server.flavor.name })}</span>
      {canChange && (
        <>
          <button type="button" className="btn-primary" onClick={() => setOpen('keep')}>{t('servers.actions.confirmResize')}</button>
          <button type="button" className="btn-secondary" onClick={() => setOpen('revert')}>{t('servers.actions.revertResize')}</button>
        </>
      )}
      {open && <ResizeEndDialog server={server} keep={open === 'keep'} onClose={() => setOpen(undefined)} />}
    </div>
  );
}

export function ServerDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { user } = useSession();
  const canChange = user.role !== 'viewer';
  const server = useServer(id);
  const [tab, setTab] = useTabParam(tabIds);
  const name = server.data ? server.data.name || server.data.id : id;
  useDocumentTitle(t('servers.detail.title', { name }));

  if (server.isPending) return <p className="text-sm">{t('common.loading')}</p>;
  if (!server.data) {
    const gone = server.error instanceof ApiRequestError && server.error.status === 404;
    return <ErrorNotice title={gone ? t('servers.detail.gone') : t('servers.detail.loadFailed')} error={server.error} onRetry={() => void server.refetch()} />;
  }
  const s = server.data;
  const tabs = [
    { id: 'overview', label: t('servers.tabs.overview') },
    { id: 'disks', label: t('servers.tabs.disks'), count: s.diskCount },
    { id: 'nics', label: t('servers.tabs.nics') },
    { id: 'security-groups', label: t('servers.tabs.securityGroups') },
    { id: 'backups', label: t('servers.tabs.backups') },
    { id: 'tags', label: t('servers.tabs.tags'), count: Object.keys(s.tags).length },
    { id: 'metadata', label: t('servers.tabs.metadata') },
    { id: 'console', label: t('servers.tabs.console') },
    { id: 'operations', label: t('servers.tabs.operations') },
    { id: 'tasks', label: t('servers.tabs.tasks') },
  ];
  return (
    <DetailLayout
      back={{ to: '/servers', label: t('servers.title') }}
      title={name}
      id={s.id}
      status={<ServerStatus server={s} />}
      actions={canChange ? <ServerActions server={s} /> : undefined}
      tabs={tabs}
      tab={tab}
      onTabChange={setTab}
    >
      <VerifyResizeBanner server={s} canChange={canChange} />
      {tab === 'overview' && <OverviewTab server={s} />}
      {tab === 'disks' && <ServerDisksTab server={s} canChange={canChange} />}
      {tab === 'nics' && <NicsTab server={s} />}
      {tab === 'security-groups' && <SecurityGroupsTab server={s} />}
      {tab === 'backups' && <ResourceBackupsTab resourceId={s.id} kind="server" />}
      {tab === 'tags' && <KeyValueTab values={s.tags} empty={t('servers.noTags')} />}
      {tab === 'metadata' && <KeyValueTab values={s.metadata} empty={t('servers.noMetadata')} />}
      {tab === 'console' && <ConsoleLogTab server={s} />}
      {tab === 'operations' && <OperationsTab server={s} />}
      {tab === 'tasks' && <TasksTab server={s} />}
    </DetailLayout>
  );
}
