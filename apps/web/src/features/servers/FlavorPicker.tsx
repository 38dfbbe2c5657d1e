import './catalogue.ts';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Flavor } from '@console/contract';
import { Badge } from '../../components/Badge.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useFlavors } from './api.ts';
import { flavorSellable, flavorStatusIn, formatGiB } from './serverModel.ts';

interface FlavorPickerProps {
  /** Availability is judged in this zone (a flavor may be sold out in one zone only). */
  zone: string | undefined;
  value: string | undefined;
  onChange: (flavor: Flavor) => void;
  /** The server's own flavor, listed but not choosable when resizing. */
  current?: string | undefined;
  error?: string | undefined;
}

/** Text, vCPUs and memory narrow the table; every flavor says whether it can be bought in the zone. */
export function FlavorPicker({ zone, value, onChange, current, error }: FlavorPickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const flavors = useFlavors();
  const [text, setText] = useState('');
  const [vcpus, setVcpus] = useState('');
  const [ram, setRam] = useState('');
  const items = useMemo(() => [...(flavors.data?.items ?? [])].sort((a, b) => a.vcpus - b.vcpus || a.ramMiB - b.ramMiB || a.id.localeCompare(b.id)), [flavors.data]);
  const cpuChoices = [...new Set(items.map((f) => f.vcpus))];
  const ramChoices = [...new Set(items.map((f) => f.ramMiB))].sort((a, b) => a - b);
  const shown = items.filter(
    (f) => (!text || f.id.toLowerCase().includes(text.trim().toLowerCase())) && (!vcpus || f.vcpus === Number(vcpus)) && (!ram || f.ramMiB === Number(ram)),
  );

  if (flavors.isError) return <ErrorNotice title={t('servers.flavors.loadFailed')} error={flavors.error} onRetry={() => void flavors.refetch()} />;
  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="text-sm font-medium text-slate-700 dark:text-slate-200">{t('servers.flavors.legend')}</legend>
      <div className="mt-1 grid gap-2 sm:grid-cols-3">
        <input className="input" type="search" aria-label={t('servers.flavors.search')} placeholder={t('servers.flavors.search')} value={text} onChange={(e) => setText(e.target.value)} />
        <select className="input" aria-label={t('servers.flavors.vcpus')} value={vcpus} onChange={(e) => setVcpus(e.target.value)}>
          <option value="">{t('servers.flavors.anyVcpus')}</option>
          {cpuChoices.map((n) => <option key={n} value={n}>{t('servers.flavors.vcpuCount', { count: n })}</option>)}
        </select>
        <select className="input" aria-label={t('servers.flavors.memory')} value={ram} onChange={(e) => setRam(e.target.value)}>
          <option value="">{t('servers.flavors.anyMemory')}</option>
          {ramChoices.map((n) => <option key={n} value={n}>{`${formatGiB(n)} GiB`}</option>)}
        </select>
      </div>
      <div className="mt-2 max-h-64 overflow-y-auto rounded-md border border-slate-200 dark:border-slate-700">
        <table className="w-full text-sm">
          <caption className="sr-only">{t('servers.flavors.legend')}</caption>
          <thead className="sticky top-0 bg-slate-50 text-left text-xs text-slate-500 dark:bg-slate-800 dark:text-slate-400">
            <tr>
              <th scope="col" className="w-8 px-2 py-1.5"><span className="sr-only">{t('servers.flavors.choose')}</span></th>
              <th scope="col" className="px-2 py-1.5">{t('servers.flavors.name')}</th>
              <th scope="col" className="px-2 py-1.5 text-right">{t('servers.flavors.vcpus')}</th>
              <th scope="col" className="px-2 py-1.5 text-right">{t('servers.flavors.memory')}</th>
              <th scope="col" className="px-2 py-1.5">{t('servers.flavors.type')}</th>
              <th scope="col" className="px-2 py-1.5">{t('servers.flavors.availability', { zone: zone ?? '' })}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {flavors.isPending && <tr><td colSpan={6} className="px-2 py-3">{t('common.loading')}</td></tr>}
            {!flavors.isPending && shown.length === 0 && <tr><td colSpan={6} className="px-2 py-3 text-slate-500">{t('servers.flavors.none')}</td></tr>}
            {shown.map((f) => {
              const sellable = flavorSellable(f, zone);
              const own = f.id === current;
              const disabled = !sellable || own;
              return (
                <tr key={f.id} className={`${disabled ? 'opacity-60' : 'cursor-pointer hover:bg-slate-50 dark:hover:bg-slate-800/60'} ${value === f.id ? 'bg-blue-50 dark:bg-blue-950/40' : ''}`} onClick={() => !disabled && onChange(f)}>
                  <td className="px-2 py-1.5">
                    <input type="radio" name={id} className="size-4 accent-blue-600" aria-label={f.id} checked={value === f.id} disabled={disabled} onChange={() => onChange(f)} />
                  </td>
                  <td className="px-2 py-1.5 font-mono text-xs">{f.id}</td>
                  <td className="px-2 py-1.5 text-right tabular-nums">{f.vcpus}</td>
                  <td className="px-2 py-1.5 text-right whitespace-nowrap tabular-nums">{`${formatGiB(f.ramMiB)} GiB`}</td>
                  <td className="px-2 py-1.5 text-xs">{[f.generation, f.performanceType].filter(Boolean).join(' · ')}</td>
                  <td className="px-2 py-1.5"><Availability flavor={f} zone={zone} own={own} /></td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {error && <p id={`${id}-error`} className="mt-1 text-xs text-red-700 dark:text-red-400">{error}</p>}
    </fieldset>
  );
}

function Availability({ flavor, zone, own }: { flavor: Flavor; zone: string | undefined; own: boolean }) {
  const { t } = useTranslation();
  if (own) return <Badge tone="neutral">{t('servers.flavors.current')}</Badge>;
  const status = flavorStatusIn(flavor, zone);
  if (status === 'sellout' || status === 'obt_sellout') return <Badge tone="red">{t('servers.flavors.soldOut')}</Badge>;
  if (status === 'abandon') return <Badge tone="red">{t('servers.flavors.withdrawn')}</Badge>;
  if (status === 'obt') return <Badge tone="amber">{t('servers.flavors.beta')}</Badge>;
  if (status === 'promotion') return <Badge tone="blue">{t('servers.flavors.promotion')}</Badge>;
  return <Badge tone="green">{t('servers.flavors.available')}</Badge>;
}
