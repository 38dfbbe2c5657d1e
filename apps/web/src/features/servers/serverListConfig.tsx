import './catalogue.ts';
import {
  SERVER_FILTER_STATUSES, whyNotDeleteServer, whyNotRebootServer, whyNotStartServer, whyNotStopServer,
  type Server, type ServerPage,
} from '@console/contract';
import { Play, Power, PowerOff, RotateCw, Trash2 } from 'lucide-react';
import type { BatchAction, ListConfig } from '../../components/list/types.ts';
import type { TranslationKey } from '../../i18n/keys.ts';
import { DateTime } from '../../components/DateTime.tsx';
import { tagsText } from '../disks/diskModel.ts';
import { deleteServers, serverBatchAction, serverListQuery, single } from './api.ts';
import { AddressesCell, FlavorCell, ServerNameCell, ServerStatus, serverPath } from './ServerCells.tsx';
import { serverLabel, serverRefusalKey } from './serverModel.ts';
import { toServerParams } from './serverQuery.ts';

export const serverStatusOptions = SERVER_FILTER_STATUSES.map((status) => ({ value: status, label: `servers.filterStatus.${status}` as const }));

type Check = (s: Server) => ReturnType<typeof whyNotStartServer>;

function powerAction(id: string, label: TranslationKey, icon: BatchAction<Server>['icon'], check: Check, statusKey: TranslationKey, body: { action: 'start' | 'stop' | 'reboot'; type?: 'SOFT' | 'HARD' }): BatchAction<Server> {
  return {
    id,
    label,
    ...(icon ? { icon } : {}),
    check: (s) => serverRefusalKey(check(s), statusKey),
    run: (s) => single(serverBatchAction({ ...body, ids: [s.id] })),
    runMany: (all) => serverBatchAction({ ...body, ids: all.map((s) => s.id) }),
  };
}

function deleteAction(id: string, label: TranslationKey, withDisks: boolean): BatchAction<Server> {
  const body = { deleteVolumes: withDisks, deletePublicIp: withDisks };
  return {
    id,
    label,
    icon: Trash2,
    danger: true,
    check: (s) => serverRefusalKey(whyNotDeleteServer(s), 'servers.refusal.busy'),
    run: (s) => single(deleteServers({ ...body, ids: [s.id] })),
    runMany: (all) => deleteServers({ ...body, ids: all.map((s) => s.id) }),
  };
}

/**
 * Servers: paged by marker (the cloud gives no total), filtered by the API. Each batch action
 * checks every selected server first and is sent as one request whose task answers per server.
 */
export function serverListConfig(canChange: boolean): ListConfig<Server, ServerPage> {
  return {
    id: 'servers',
    title: 'servers.title',
    getId: (server) => server.id,
    itemLabel: serverLabel,
    paging: 'cursor',
    pageSizes: [20, 50, 100],
    search: { placeholder: 'servers.searchName' },
    filters: [
      { kind: 'select', param: 'status', label: 'servers.columns.status', options: serverStatusOptions },
      { kind: 'text', param: 'flavor', label: 'servers.columns.flavor' },
      { kind: 'text', param: 'availabilityZone', label: 'servers.columns.az' },
      { kind: 'text', param: 'ip', label: 'servers.filterIp' },
      { kind: 'text', param: 'tag', label: 'servers.filterTag' },
    ],
    columns: [
      { id: 'name', header: 'servers.columns.name', alwaysVisible: true, cell: (s) => <ServerNameCell server={s} />, csv: (s) => s.name },
      { id: 'id', header: 'servers.columns.id', defaultVisible: false, cell: (s) => <code className="font-mono text-xs">{s.id}</code>, csv: (s) => s.id },
      { id: 'status', header: 'servers.columns.status', cell: (s) => <ServerStatus server={s} />, csv: (s) => (s.taskState ? `${s.status}/${s.taskState}` : s.status) },
      { id: 'flavor', header: 'servers.columns.flavor', cell: (s) => <FlavorCell flavor={s.flavor} />, csv: (s) => s.flavor.id },
      { id: 'ips', header: 'servers.columns.ips', cell: (s) => <AddressesCell addresses={s.addresses} />, csv: (s) => [...s.addresses.private, ...s.addresses.public].join(' ') },
      { id: 'az', header: 'servers.columns.az', cell: (s) => <span className="whitespace-nowrap">{s.availabilityZone}</span>, csv: (s) => s.availabilityZone },
      { id: 'image', header: 'servers.columns.image', cell: (s) => <span className="block max-w-48 truncate" title={s.image?.id}>{s.image?.name ?? s.image?.id ?? ''}</span>, csv: (s) => s.image?.name ?? s.image?.id ?? '' },
      { id: 'disks', header: 'servers.columns.disks', className: 'text-right tabular-nums', cell: (s) => s.diskCount, csv: (s) => s.diskCount },
      { id: 'tags', header: 'servers.columns.tags', cell: (s) => <span className="block max-w-48 truncate" title={tagsText(s.tags)}>{tagsText(s.tags)}</span>, csv: (s) => tagsText(s.tags) },
      { id: 'created', header: 'servers.columns.created', cell: (s) => <DateTime iso={s.createdAt} />, csv: (s) => s.createdAt },
    ],
    query: (request) => serverListQuery(toServerParams(request)),
    page: (raw) => ({ items: raw.items, nextCursor: raw.nextMarker }),
    rowHref: (server) => serverPath(server.id),
    ...(canChange
      ? {
          batchActions: [
            powerAction('start', 'servers.actions.start', Play, whyNotStartServer, 'servers.refusal.needsStopped', { action: 'start' }),
            powerAction('stop', 'servers.actions.stop', PowerOff, whyNotStopServer, 'servers.refusal.needsRunning', { action: 'stop', type: 'SOFT' }),
            powerAction('forceStop', 'servers.actions.forceStop', Power, whyNotStopServer, 'servers.refusal.needsRunning', { action: 'stop', type: 'HARD' }),
            powerAction('reboot', 'servers.actions.reboot', RotateCw, whyNotRebootServer, 'servers.refusal.needsRunning', { action: 'reboot', type: 'SOFT' }),
            deleteAction('delete', 'servers.actions.deleteKeepDisks', false),
            deleteAction('deleteAll', 'servers.actions.deleteWithDisks', true),
          ],
        }
      : {}),
    emptyText: 'servers.empty',
  };
}
