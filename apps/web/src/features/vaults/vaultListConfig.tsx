import './catalogue.ts';
import { VAULT_STATUSES, whyNotDeleteVault, type Vault, type VaultPage } from '@console/contract';
import { Trash2 } from 'lucide-react';
import type { ListConfig, ListRequest } from '../../components/list/types.ts';
import { firstValue } from '../../components/list/urlState.ts';
import { DateTime } from '../../components/DateTime.tsx';
import { deleteVault, vaultListQuery, type VaultListParams } from './api.ts';
import { CapacityBar, PolicyLink, VaultNameCell, VaultStatus } from './VaultCells.tsx';
import { cbrRefusalKey, tagsText } from './vaultModel.ts';
import { ProtectedTypeText, ProtectTypeText } from './VaultText.tsx';

export function toVaultParams(request: ListRequest): VaultListParams {
  const params: VaultListParams = { limit: request.limit, offset: request.offset };
  if (request.search) params.name = request.search;
  const type = firstValue(request.filters, 'protectedType');
  if (type === 'server' || type === 'disk') params.protectedType = type;
  const status = firstValue(request.filters, 'status');
  if (status && (VAULT_STATUSES as readonly string[]).includes(status)) params.status = status as VaultListParams['status'];
  return params;
}

/** Vaults: paged and filtered by the API; deletion checks each vault before anything is sent. */
export function vaultListConfig(canChange: boolean): ListConfig<Vault, VaultPage> {
  return {
    id: 'vaults',
    title: 'vaults.title',
    getId: (v) => v.id,
    itemLabel: (v) => v.name || v.id,
    paging: 'offset',
    pageSizes: [20, 50, 100],
    search: { placeholder: 'vaults.searchName' },
    filters: [
      { kind: 'select', param: 'protectedType', label: 'vaults.columns.protectedType', options: [{ value: 'server', label: 'vaults.protectedType.server' }, { value: 'disk', label: 'vaults.protectedType.disk' }] },
      { kind: 'select', param: 'status', label: 'vaults.columns.status', options: VAULT_STATUSES.map((s) => ({ value: s, label: `vaults.status.${s}` as const })) },
    ],
    columns: [
      { id: 'name', header: 'vaults.columns.name', alwaysVisible: true, cell: (v) => <VaultNameCell vault={v} />, csv: (v) => v.name },
      { id: 'id', header: 'vaults.columns.id', defaultVisible: false, cell: (v) => <code className="font-mono text-xs">{v.id}</code>, csv: (v) => v.id },
      { id: 'protectedType', header: 'vaults.columns.protectedType', cell: (v) => <ProtectedTypeText type={v.protectedType} />, csv: (v) => v.protectedType },
      { id: 'protectType', header: 'vaults.columns.protectType', cell: (v) => <ProtectTypeText type={v.protectType} />, csv: (v) => v.protectType },
      { id: 'capacity', header: 'vaults.columns.capacity', cell: (v) => <CapacityBar capacity={v.capacity} />, csv: (v) => `${v.capacity.usedGiB}/${v.capacity.sizeGiB}` },
      { id: 'resources', header: 'vaults.columns.resources', className: 'text-right tabular-nums', cell: (v) => v.resourceCount, csv: (v) => v.resourceCount },
      { id: 'policy', header: 'vaults.columns.policy', cell: (v) => <PolicyLink policy={v.policy} />, csv: (v) => v.policy?.name ?? '' },
      { id: 'status', header: 'vaults.columns.status', cell: (v) => <VaultStatus status={v.status} />, csv: (v) => v.status },
      { id: 'tags', header: 'vaults.columns.tags', cell: (v) => <span className="block max-w-48 truncate" title={tagsText(v.tags)}>{tagsText(v.tags)}</span>, csv: (v) => tagsText(v.tags) },
      { id: 'created', header: 'vaults.columns.created', defaultVisible: false, cell: (v) => <DateTime iso={v.createdAt} />, csv: (v) => v.createdAt },
    ],
    query: (request) => vaultListQuery(toVaultParams(request)),
    page: (raw) => ({ items: raw.items, total: raw.total }),
    rowHref: (v) => `/vaults/${encodeURIComponent(v.id)}`,
    ...(canChange
      ? { batchActions: [{ id: 'delete', label: 'vaults.actions.delete', icon: Trash2, danger: true, check: (v: Vault) => cbrRefusalKey(whyNotDeleteVault(v)), run: (v: Vault) => deleteVault(v.id) }] }
      : {}),
    emptyText: 'vaults.empty',
  };
}
