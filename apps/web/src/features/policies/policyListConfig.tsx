import '../vaults/catalogue.ts';
import type { Policy, PolicyList } from '@console/contract';
import { Pencil, Power, Trash2 } from 'lucide-react';
import { Link } from 'react-router';
import type { ListConfig } from '../../components/list/types.ts';
import { policyListQuery } from './api.ts';
import { PolicyEnabled, PolicyRetention, PolicySchedule } from './PolicyCells.tsx';

export interface PolicyHandlers {
  onEdit: (policy: Policy) => void;
  onToggle: (policy: Policy) => void;
  onDelete: (policy: Policy) => void;
}

/** Backup policies: the API returns them all, so this list pages, searches and sorts here. */
export function policyListConfig(canChange: boolean, handlers: PolicyHandlers): ListConfig<Policy, PolicyList> {
  return {
    id: 'policies',
    title: 'policies.title',
    getId: (p) => p.id,
    itemLabel: (p) => p.name,
    paging: 'client',
    pageSizes: [20, 50, 100],
    defaultSort: { id: 'name', desc: false },
    search: { placeholder: 'policies.searchName', matches: (p, text) => p.name.toLowerCase().includes(text) },
    filters: [{ kind: 'select', param: 'enabled', label: 'policies.columns.enabled', options: [{ value: 'on', label: 'policies.enabled' }, { value: 'off', label: 'policies.disabled' }] }],
    clientFilter: (p, filters) => {
      const enabled = filters.enabled?.[0];
      return !enabled || (enabled === 'on') === p.enabled;
    },
    columns: [
      {
        id: 'name', header: 'policies.columns.name', alwaysVisible: true, sortable: true, sortValue: (p) => p.name,
        cell: (p) => <Link to={`/policies/${encodeURIComponent(p.id)}`} className="font-medium text-blue-700 hover:underline dark:text-blue-300">{p.name}</Link>,
        csv: (p) => p.name,
      },
      { id: 'enabled', header: 'policies.columns.enabled', sortable: true, sortValue: (p) => (p.enabled ? 1 : 0), cell: (p) => <PolicyEnabled enabled={p.enabled} />, csv: (p) => p.enabled },
      { id: 'schedule', header: 'policies.columns.schedule', cell: (p) => <PolicySchedule policy={p} />, csv: (p) => p.schedule.join(' | ') },
      { id: 'retention', header: 'policies.columns.retention', cell: (p) => <PolicyRetention policy={p} />, csv: (p) => JSON.stringify(p.retention) },
      { id: 'vaults', header: 'policies.columns.vaults', className: 'text-right tabular-nums', sortable: true, sortValue: (p) => p.vaultIds.length, cell: (p) => p.vaultIds.length, csv: (p) => p.vaultIds.length },
      { id: 'type', header: 'policies.columns.type', defaultVisible: false, cell: (p) => p.type, csv: (p) => p.type },
    ],
    query: () => policyListQuery(),
    page: (raw) => ({ items: raw.items, total: raw.total }),
    rowHref: (p) => `/policies/${encodeURIComponent(p.id)}`,
    ...(canChange
      ? {
          rowActions: [
            { id: 'edit', label: 'policies.actions.edit', icon: Pencil, onSelect: handlers.onEdit },
            { id: 'toggle', label: 'policies.actions.toggle', icon: Power, onSelect: handlers.onToggle },
            { id: 'delete', label: 'policies.actions.delete', icon: Trash2, danger: true, onSelect: handlers.onDelete },
          ],
        }
      : {}),
    emptyText: 'policies.empty',
  };
}
