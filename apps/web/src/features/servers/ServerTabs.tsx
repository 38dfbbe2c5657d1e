import './catalogue.ts';
import { useState } from 'react';
import { RotateCw } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { Server, Task, TaskPage } from '@console/contract';
import { Detail, DetailList } from '../../components/DetailList.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { DataList } from '../../components/list/DataList.tsx';
import type { ListConfig } from '../../components/list/types.ts';
import { DateTime } from '../../components/DateTime.tsx';
import { taskListQuery } from '../tasks/api.ts';
import { taskListConfig } from '../tasks/taskListConfig.tsx';
import { toTaskParams } from '../tasks/taskQuery.ts';
import { useConsoleLog, useServerNics, useServerOperations, useServerSecurityGroups } from './api.ts';
import { AddressesCell, ServerStatus } from './ServerCells.tsx';
import { flavorSpec } from './serverModel.ts';

const muted = 'text-sm text-slate-600 dark:text-slate-400';

export function OverviewTab({ server }: { server: Server }) {
  const { t } = useTranslation();
  return (
    <DetailList>
      <Detail term={t('servers.columns.status')}>
        <span className="flex flex-wrap items-center gap-2">
          <ServerStatus server={server} />
          <code className="font-mono text-xs text-slate-500 dark:text-slate-400">{server.taskState ? `${server.status} / ${server.taskState}` : server.status}</code>
        </span>
      </Detail>
      {server.fault && <Detail term={t('servers.fault')}><span className="text-red-700 dark:text-red-300">{server.fault.message}</span></Detail>}
      <Detail term={t('servers.columns.flavor')}>{`${server.flavor.name} ${flavorSpec(server.flavor, t) ? `(${flavorSpec(server.flavor, t)})` : ''}`}</Detail>
      <Detail term={t('servers.columns.image')}>{server.image ? (server.image.name ?? <code className="font-mono text-xs">{server.image.id}</code>) : t('common.none')}</Detail>
      <Detail term={t('servers.columns.ips')}><AddressesCell addresses={server.addresses} /></Detail>
      <Detail term={t('servers.columns.az')}>{server.availabilityZone}</Detail>
      <Detail term={t('servers.columns.disks')}>{server.diskCount}</Detail>
      <Detail term={t('servers.keyPair')}>{server.keyName ?? t('common.none')}</Detail>
      <Detail term={t('servers.lockState')}>{server.locked ? t('servers.locked') : t('servers.unlocked')}</Detail>
      <Detail term={t('servers.edit.description')}>{server.description || t('common.none')}</Detail>
      <Detail term={t('servers.columns.created')}><DateTime iso={server.createdAt} /></Detail>
      <Detail term={t('servers.updated')}><DateTime iso={server.updatedAt} /></Detail>
    </DetailList>
  );
}

export function NicsTab({ server }: { server: Server }) {
  const { t } = useTranslation();
  const nics = useServerNics(server.id);
  if (nics.isError) return <ErrorNotice title={t('servers.nics.loadFailed')} error={nics.error} onRetry={() => void nics.refetch()} />;
  if (nics.isPending) return <p className="text-sm">{t('common.loading')}</p>;
  if (nics.data.items.length === 0) return <p className={muted}>{t('servers.nics.none')}</p>;
  return (
    <div className="card overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">{t('servers.tabs.nics')}</caption>
        <thead className="text-left text-xs text-slate-500 dark:text-slate-400">
          <tr className="border-b border-slate-200 dark:border-slate-800">
            <th scope="col" className="px-3 py-2 font-medium">{t('servers.nics.ip')}</th>
            <th scope="col" className="px-3 py-2 font-medium">{t('servers.nics.subnet')}</th>
            <th scope="col" className="px-3 py-2 font-medium">{t('servers.nics.mac')}</th>
            <th scope="col" className="px-3 py-2 font-medium">{t('servers.nics.port')}</th>
            <th scope="col" className="px-3 py-2 font-medium">{t('servers.nics.state')}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {nics.data.items.map((n) => (
            <tr key={n.portId}>
              <td className="px-3 py-2 font-mono text-xs">{n.ipAddress}</td>
              <td className="px-3 py-2 font-mono text-xs">{n.subnetId ?? n.networkId}</td>
              <td className="px-3 py-2 font-mono text-xs">{n.mac}</td>
              <td className="px-3 py-2 font-mono text-xs">{n.portId}</td>
              <td className="px-3 py-2">{n.state}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function SecurityGroupsTab({ server }: { server: Server }) {
  const { t } = useTranslation();
  const groups = useServerSecurityGroups(server.id);
  if (groups.isError) return <ErrorNotice title={t('servers.groups.loadFailed')} error={groups.error} onRetry={() => void groups.refetch()} />;
  if (groups.isPending) return <p className="text-sm">{t('common.loading')}</p>;
  if (groups.data.items.length === 0) return <p className={muted}>{t('servers.groups.none')}</p>;
  return (
    <div className="space-y-3">
      {groups.data.items.map((g) => (
        <section key={g.id} className="card p-4" aria-label={g.name}>
          <h3 className="font-medium text-slate-900 dark:text-white">{g.name}</h3>
          <p className={muted}>{g.description}</p>
          <ul className="mt-2 space-y-1 text-sm">
            {g.rules.map((r) => (
              <li key={r.id} className="font-mono text-xs text-slate-700 dark:text-slate-300">
                {t('servers.groups.rule', {
                  direction: r.direction === 'ingress' ? t('servers.groups.ingress') : t('servers.groups.egress'),
                  protocol: r.protocol ?? t('servers.groups.any'),
                  ports: r.portRangeMin === undefined ? t('servers.groups.any') : r.portRangeMin === r.portRangeMax ? String(r.portRangeMin) : `${r.portRangeMin}-${r.portRangeMax ?? ''}`,
                  from: r.remoteIpPrefix ?? t('servers.groups.sameGroup'),
                })}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

const LOG_LENGTHS = [50, 200, 1000] as const;

export function ConsoleLogTab({ server }: { server: Server }) {
  const { t } = useTranslation();
  const [lines, setLines] = useState<number>(200);
  const log = useConsoleLog(server.id, lines);
  return (
    <div className="space-y-2">
      <div className="flex items-center gap-2">
        <label className="text-sm" htmlFor="console-lines">{t('servers.console.lines')}</label>
        <select id="console-lines" className="input w-28" value={lines} onChange={(e) => setLines(Number(e.target.value))}>
          {LOG_LENGTHS.map((n) => <option key={n} value={n}>{n}</option>)}
        </select>
        <button type="button" className="btn-secondary" onClick={() => void log.refetch()} disabled={log.isFetching}>
          <RotateCw aria-hidden className={`size-4 ${log.isFetching ? 'motion-safe:animate-spin' : ''}`} />
          {t('common.refresh')}
        </button>
      </div>
      {log.isError && <ErrorNotice title={t('servers.console.loadFailed')} error={log.error} onRetry={() => void log.refetch()} />}
      <pre className="max-h-[28rem] overflow-auto rounded-md bg-slate-950 p-3 font-mono text-xs whitespace-pre-wrap text-slate-100" aria-label={t('servers.tabs.console')} tabIndex={0}>
        {log.isPending ? t('common.loading') : log.data?.output || t('servers.console.empty')}
      </pre>
    </div>
  );
}

export function OperationsTab({ server }: { server: Server }) {
  const { t } = useTranslation();
  const ops = useServerOperations(server.id);
  if (ops.isError) return <ErrorNotice title={t('servers.operations.loadFailed')} error={ops.error} onRetry={() => void ops.refetch()} />;
  if (ops.isPending) return <p className="text-sm">{t('common.loading')}</p>;
  if (ops.data.items.length === 0) return <p className={muted}>{t('servers.operations.none')}</p>;
  return (
    <div className="card px-4 py-1">
      <DetailList>
        {ops.data.items.map((op) => (
          <Detail key={`${op.requestId}-${op.action}`} term={op.action}>
            <span className="flex flex-wrap items-center gap-3">
              <DateTime iso={op.startedAt} />
              <code className="font-mono text-xs text-slate-500 dark:text-slate-400" title={t('servers.operations.requestId')}>{op.requestId}</code>
              {op.message && <span className="text-red-700 dark:text-red-300">{op.message}</span>}
            </span>
          </Detail>
        ))}
      </DetailList>
    </div>
  );
}

/** The task list, narrowed to this server; its own filters (status, kind…) still apply. */
function serverTaskListConfig(serverId: string): ListConfig<Task, TaskPage> {
  const { search: _search, ...rest } = taskListConfig;
  return { ...rest, id: 'server-tasks', query: (request) => taskListQuery({ ...toTaskParams(request), resourceId: serverId }) };
}

export function TasksTab({ server }: { server: Server }) {
  return <DataList config={serverTaskListConfig(server.id)} />;
}
