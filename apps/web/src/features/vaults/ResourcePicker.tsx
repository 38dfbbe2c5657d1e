import './catalogue.ts';
import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ServerPageSchema, type ProtectedType } from '@console/contract';
import { apiRequest } from '../../lib/api.ts';
import { diskListQuery, queryString } from '../disks/api.ts';
import { DiskStatus } from '../disks/DiskCells.tsx';
import { useVaults } from './api.ts';

interface Candidate {
  id: string;
  name: string;
  detail: string;
  status: string;
  /** The vault that already protects it: a resource is in one vault at most (BackupService.6103). */
  vaultName?: string | undefined;
}

/** Servers or disks of the project, from the console's own lists, with the vault each is already in. */
function useCandidates(type: ProtectedType): { items: Candidate[]; pending: boolean } {
  const { t } = useTranslation();
  const disks = useQuery({ ...diskListQuery({ limit: 1000, offset: 0 }), enabled: type === 'disk' });
  const servers = useQuery({
    queryKey: ['servers', 'list', { limit: 1000 }],
    queryFn: ({ signal }) => apiRequest(`/api/v1/servers${queryString({ limit: 1000 })}`, ServerPageSchema, { signal }),
    enabled: type === 'server',
  });
  const vaults = useVaults({ limit: 1000, offset: 0 });
  return useMemo(() => {
    const owner = new Map<string, string>();
    for (const v of vaults.data?.items ?? []) for (const r of v.resources) owner.set(r.id, v.name || v.id);
    const items: Candidate[] = type === 'disk'
      ? (disks.data?.items ?? []).map((d) => ({ id: d.id, name: d.name, detail: `${d.sizeGiB} GiB · ${d.availabilityZone}`, status: d.status, vaultName: owner.get(d.id) }))
      : (servers.data?.items ?? []).map((s) => ({ id: s.id, name: s.name, detail: t('vaults.picker.serverDetail', { flavor: s.flavor.name, count: s.diskCount }), status: s.status, vaultName: owner.get(s.id) }));
    return { items, pending: (type === 'disk' ? disks.isPending : servers.isPending) || vaults.isPending };
  }, [t, type, disks.data, disks.isPending, servers.data, servers.isPending, vaults.data, vaults.isPending]);
}

interface ResourcePickerProps {
  type: ProtectedType;
  value: string[];
  onChange: (ids: string[]) => void;
  /** Already in the vault being edited: shown as such, not offered again. */
  exclude?: readonly string[];
  error?: string | undefined;
}

/** A filterable checklist of servers or disks; those in another vault say which and cannot be picked. */
export function ResourcePicker({ type, value, onChange, exclude = [], error }: ResourcePickerProps) {
  const { t } = useTranslation();
  const { items, pending } = useCandidates(type);
  const [filter, setFilter] = useState('');
  const shown = items.filter((c) => !exclude.includes(c.id) && `${c.name} ${c.id}`.toLowerCase().includes(filter.trim().toLowerCase()));
  const toggle = (id: string, on: boolean) => onChange(on ? [...value, id] : value.filter((x) => x !== id));
  return (
    <fieldset aria-describedby={error ? 'resource-picker-error' : undefined}>
      <legend className="text-sm font-medium text-slate-700 dark:text-slate-200">{type === 'disk' ? t('vaults.picker.disks') : t('vaults.picker.servers')}</legend>
      <input type="search" className="input mt-1" placeholder={t('vaults.picker.filter')} aria-label={t('vaults.picker.filter')} value={filter} onChange={(e) => setFilter(e.target.value)} />
      <div className="mt-2 max-h-60 overflow-y-auto rounded-md border border-slate-200 dark:border-slate-700">
        {pending && <p className="p-3 text-sm">{t('common.loading')}</p>}
        {!pending && shown.length === 0 && <p className="p-3 text-sm text-slate-600 dark:text-slate-400">{t('vaults.picker.none')}</p>}
        <ul className="divide-y divide-slate-100 dark:divide-slate-800">
          {shown.map((c) => {
            const id = `pick-${c.id}`;
            return (
              <li key={c.id} className="flex items-center gap-3 px-3 py-2 text-sm">
                <input id={id} type="checkbox" className="size-4 accent-blue-600" disabled={c.vaultName !== undefined} checked={value.includes(c.id)} onChange={(e) => toggle(c.id, e.target.checked)} />
                <label htmlFor={id} className="min-w-0 flex-1">
                  <span className="block truncate font-medium text-slate-900 dark:text-slate-100">{c.name || c.id}</span>
                  <span className="block text-xs text-slate-500 dark:text-slate-400">{c.vaultName !== undefined ? t('vaults.picker.inVault', { vault: c.vaultName }) : c.detail}</span>
                </label>
                {type === 'disk' ? <DiskStatus status={c.status} /> : <span className="text-xs text-slate-600 dark:text-slate-300">{c.status}</span>}
              </li>
            );
          })}
        </ul>
      </div>
      <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">{t('vaults.picker.chosen', { count: value.length })}</p>
      {error && <p id="resource-picker-error" className="mt-1 text-xs text-red-700 dark:text-red-400">{error}</p>}
    </fieldset>
  );
}
