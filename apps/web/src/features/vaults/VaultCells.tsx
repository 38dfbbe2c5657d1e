import './catalogue.ts';
import type { Vault } from '@console/contract';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { resourcePath } from '../../app/resourceLinks.ts';
import { CopyButton } from '../../components/CopyButton.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { shortenId } from '../../lib/format.ts';
import { backupStatusTones, capacityShare, gib, protectStatusTones, vaultStatusTones } from './vaultModel.ts';

export function VaultStatus({ status }: { status: string }) {
  const { t } = useTranslation();
  return <StatusBadge status={status} label={t(`vaults.status.${status}`, { defaultValue: status })} map={vaultStatusTones} />;
}

export function BackupStatus({ status, progress }: { status: string; progress?: number | undefined }) {
  const { t } = useTranslation();
  const label = t(`backups.status.${status}`, { defaultValue: status });
  return <StatusBadge status={status} label={progress !== undefined && status === 'protecting' ? `${label} ${progress}%` : label} map={backupStatusTones} />;
}

export function ProtectStatus({ status }: { status: string }) {
  const { t } = useTranslation();
  return <StatusBadge status={status} label={t(`vaults.protectStatus.${status}`, { defaultValue: status })} map={protectStatusTones} />;
}

/** Used of size in one unit (GiB), as a bar with the numbers beside it. */
export function CapacityBar({ capacity }: { capacity: Vault['capacity'] }) {
  const { t } = useTranslation();
  const { percent, over } = capacityShare(capacity);
  const text = t('vaults.capacityText', { used: gib(capacity.usedGiB), size: gib(capacity.sizeGiB) });
  return (
    <span className="flex min-w-36 flex-col gap-1">
      <span
        role="meter"
        aria-label={t('vaults.columns.capacity')}
        aria-valuemin={0}
        aria-valuemax={capacity.sizeGiB}
        aria-valuenow={capacity.usedGiB}
        aria-valuetext={text}
        className="h-1.5 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
      >
        <span className={`block h-full rounded-full ${over ? 'bg-red-600 dark:bg-red-400' : percent >= 80 ? 'bg-amber-500' : 'bg-blue-600 dark:bg-blue-400'}`} style={{ width: `${Math.max(percent, capacity.usedGiB > 0 ? 2 : 0)}%` }} />
      </span>
      <span className="text-xs whitespace-nowrap text-slate-600 tabular-nums dark:text-slate-300">{text}</span>
    </span>
  );
}

export function VaultNameCell({ vault }: { vault: Pick<Vault, 'id' | 'name'> }) {
  const { t } = useTranslation();
  return (
    <span className="flex min-w-0 flex-col">
      <Link to={`/vaults/${encodeURIComponent(vault.id)}`} className="font-medium whitespace-nowrap text-blue-700 hover:underline dark:text-blue-300">
        {vault.name || shortenId(vault.id)}
      </Link>
      <span className="inline-flex items-center gap-1 text-xs text-slate-500 dark:text-slate-400">
        <code className="font-mono" title={vault.id}>{shortenId(vault.id)}</code>
        <CopyButton value={vault.id} label={t('vaults.copyId')} />
      </span>
    </span>
  );
}

export function PolicyLink({ policy }: { policy: Vault['policy'] }) {
  const { t } = useTranslation();
  if (!policy) return <span className="text-slate-500 dark:text-slate-400">{t('vaults.noPolicy')}</span>;
  return (
    <span className="inline-flex items-center gap-1 whitespace-nowrap">
      <Link to={`/policies/${encodeURIComponent(policy.id)}`} className="text-blue-700 hover:underline dark:text-blue-300">{policy.name}</Link>
      {!policy.enabled && <span className="text-xs text-amber-700 dark:text-amber-300">{t('policies.disabled')}</span>}
    </span>
  );
}

/** A protected server or disk, linked to its page where the console has one. */
export function ProtectedLink({ type, id, name }: { type: 'server' | 'disk'; id: string; name?: string | undefined }) {
  const path = resourcePath({ type, id });
  const label = name || shortenId(id);
  if (!path) return <span className="whitespace-nowrap" title={id}>{label}</span>;
  return <Link to={path} className="whitespace-nowrap text-blue-700 hover:underline dark:text-blue-300" title={id}>{label}</Link>;
}
