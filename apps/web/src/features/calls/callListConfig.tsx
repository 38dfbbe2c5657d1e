import './catalogue.ts';
import type { CallEntry, CallPage } from '@console/contract';
import type { ListConfig } from '../../components/list/types.ts';
import { callListQuery } from './api.ts';
import { CallRequestCell, CallStatus, CallUser, callPath, queryText, RequestIdCell, TaskCell } from './CallCells.tsx';
import { toCallParams } from './callQuery.ts';
import { DateTime } from '../../components/DateTime.tsx';

const services = ['evs', 'ecs', 'cbr', 'vbs', 'iam', 'ims', 'vpc'] as const;

export const callListConfig: ListConfig<CallEntry, CallPage> = {
  id: 'calls',
  title: 'calls.title',
  getId: (call) => String(call.id),
  itemLabel: (call) => `${call.method} ${call.path}`,
  paging: 'cursor',
  pageSizes: [50, 100, 200, 500],
  search: { placeholder: 'calls.search' },
  filters: [
    { kind: 'select', param: 'service', label: 'calls.columns.service', options: services.map((service) => ({ value: service, label: `calls.services.${service}` as const })) },
    {
      kind: 'select',
      param: 'statusClass',
      label: 'calls.columns.status',
      options: (['2xx', '3xx', '4xx', '5xx', 'none'] as const).map((value) => ({ value, label: `calls.statusClass.${value}` as const })),
    },
    { kind: 'select', param: 'origin', label: 'calls.origin.label', options: (['user', 'background'] as const).map((value) => ({ value, label: `calls.origin.${value}` as const })) },
    { kind: 'text', param: 'username', label: 'calls.columns.user' },
    { kind: 'text', param: 'taskId', label: 'calls.columns.task' },
    { kind: 'text', param: 'requestId', label: 'calls.columns.requestId' },
    { kind: 'date-range', label: 'calls.since', sinceParam: 'since' },
  ],
  columns: [
    { id: 'at', header: 'calls.columns.at', cell: (call) => <DateTime iso={call.at} stacked />, csv: (call) => call.at },
    { id: 'service', header: 'calls.columns.service', cell: (call) => call.service.toUpperCase(), csv: (call) => call.service },
    { id: 'request', header: 'calls.columns.request', alwaysVisible: true, cell: (call) => <CallRequestCell call={call} />, csv: (call) => `${call.method} ${call.path}${Object.keys(call.query).length ? `?${queryText(call.query)}` : ''}` },
    { id: 'status', header: 'calls.columns.status', cell: (call) => <CallStatus call={call} />, csv: (call) => `${call.status}${call.errorCode ? ` ${call.errorCode}` : ''}` },
    { id: 'latency', header: 'calls.columns.latency', className: 'whitespace-nowrap text-right tabular-nums', cell: (call) => `${Math.round(call.durationMs)} ms`, csv: (call) => call.durationMs },
    { id: 'user', header: 'calls.columns.user', cell: (call) => <CallUser username={call.username} />, csv: (call) => call.username ?? '' },
    { id: 'attempts', header: 'calls.columns.attempts', className: 'text-right tabular-nums', cell: (call) => call.attempts, csv: (call) => call.attempts },
    { id: 'requestId', header: 'calls.columns.requestId', cell: (call) => <RequestIdCell requestId={call.requestId} />, csv: (call) => call.requestId },
    { id: 'task', header: 'calls.columns.task', cell: (call) => <TaskCell taskId={call.taskId} />, csv: (call) => call.taskId },
    { id: 'operation', header: 'calls.columns.operation', defaultVisible: false, cell: (call) => <code className="font-mono text-xs">{call.route}</code>, csv: (call) => call.route },
    { id: 'error', header: 'calls.columns.error', defaultVisible: false, cell: (call) => call.errorMessage, csv: (call) => call.errorMessage },
    { id: 'profile', header: 'calls.columns.profile', defaultVisible: false, cell: (call) => call.profileId, csv: (call) => call.profileId },
  ],
  query: (request) => callListQuery(toCallParams(request)),
  page: (raw) => ({ items: raw.items, nextCursor: raw.nextBefore === null ? null : String(raw.nextBefore) }),
  rowHref: callPath,
  emptyText: 'calls.empty',
};
