import './catalogue.ts';
import { VaultRefusals, BackupRefusals, type Refusal, type Vault } from '@console/contract';
import type { StatusToneMap } from '../../components/StatusBadge.tsx';
import type { TranslationKey } from '../../i18n/keys.ts';

export const TRANSITIONAL_VAULT_STATUSES = ['deleting'] as const satisfies readonly string[];
export const TRANSITIONAL_BACKUP_STATUSES = ['protecting', 'deleting', 'restoring', 'waiting_protect', 'waiting_delete', 'waiting_restore'] as const satisfies readonly string[];
export const TRANSITIONAL_PROTECT_STATUSES = ['protecting', 'restoring', 'removing'] as const satisfies readonly string[];

export const vaultStatusTones: StatusToneMap = {
  available: { tone: 'green' },
  deleting: { tone: 'blue', transitional: true },
  lock: { tone: 'amber' },
  frozen: { tone: 'amber' },
  error: { tone: 'red' },
};

export const backupStatusTones: StatusToneMap = Object.fromEntries([
  ...TRANSITIONAL_BACKUP_STATUSES.map((s) => [s, { tone: 'blue', transitional: true }] as const),
  ['available', { tone: 'green' }],
  ['error', { tone: 'red' }],
]);

export const protectStatusTones: StatusToneMap = Object.fromEntries([
  ...TRANSITIONAL_PROTECT_STATUSES.map((s) => [s, { tone: 'blue', transitional: true }] as const),
  ['available', { tone: 'green' }],
  ['error', { tone: 'red' }],
]);

const refusalKeys: Record<string, TranslationKey> = {
  [VaultRefusals.vaultStatus]: 'vaults.refusal.vaultStatus',
  [VaultRefusals.resourceBusy]: 'vaults.refusal.resourceBusy',
  [VaultRefusals.noPolicy]: 'vaults.refusal.noPolicy',
  [VaultRefusals.notInVault]: 'vaults.refusal.empty',
  [BackupRefusals.backupStatus]: 'backups.refusal.status',
  [BackupRefusals.notRestorable]: 'backups.refusal.notRestorable',
  [BackupRefusals.targetDisk]: 'backups.refusal.target',
  [BackupRefusals.notShareable]: 'backups.refusal.notShareable',
};

/** The contract's refusal in the reader's language (its code picks the wording). */
export function cbrRefusalKey(refusal: Refusal | undefined): TranslationKey | undefined {
  if (!refusal) return undefined;
  return refusalKeys[refusal.code] ?? 'vaults.refusal.vaultStatus';
}

/** Used of size, both GiB (the BFF converted the cloud's MB once), as a share for the bar. */
export function capacityShare(capacity: Vault['capacity']): { percent: number; over: boolean } {
  const percent = capacity.sizeGiB > 0 ? (capacity.usedGiB / capacity.sizeGiB) * 100 : 0;
  return { percent: Math.min(100, percent), over: percent >= 100 };
}

/** GiB with at most two decimals, so 0.5 and 120 read naturally side by side. */
export const gib = (n: number) => `${Math.round(n * 100) / 100} GiB`;

export { parseTagList, tagListLines, tagListText as tagsText } from '../../components/form/tagText.ts';

