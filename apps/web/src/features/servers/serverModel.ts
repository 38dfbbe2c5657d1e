import './catalogue.ts';
import type { TFunction } from 'i18next';
import {
  ServerRefusalCodes, SERVER_STATUS_TEXTS,
  type EcsQuotas, type Flavor, type Refusal, type Server, type ServerStatusText,
} from '@console/contract';
import type { StatusToneMap } from '../../components/StatusBadge.tsx';
import type { TranslationKey } from '../../i18n/keys.ts';

/** Labels that name an operation under way: shown with a spinner, they change by themselves. */
export const TRANSITIONAL_SERVER_TEXTS: readonly ServerStatusText[] = [
  'building', 'stopping', 'starting', 'deleting', 'rebooting', 'hardRebooting', 'resizing', 'revertingResize', 'rebuilding', 'migrating', 'shelving', 'unshelving',
];

/** Keyed by the contract's status text, which already folds the task state into the status. */
export const serverStatusTones: StatusToneMap = Object.fromEntries([
  ...TRANSITIONAL_SERVER_TEXTS.map((text) => [text, { tone: 'blue', transitional: true }] as const),
  ['running', { tone: 'green' }],
  ['stopped', { tone: 'neutral' }],
  ['verifyResize', { tone: 'amber' }],
  ['error', { tone: 'red' }],
  ['paused', { tone: 'amber' }],
  ['suspended', { tone: 'amber' }],
]);

export function serverStatusLabel(text: string, t: TFunction): string {
  return (SERVER_STATUS_TEXTS as readonly string[]).includes(text) ? t(`servers.status.${text as ServerStatusText}`) : text;
}

export const isTransitional = (server: Pick<Server, 'statusText'>) => TRANSITIONAL_SERVER_TEXTS.includes(server.statusText);

/**
 * The contract's refusal in the reader's language. A lock or an operation under way says so;
 * a status refusal gets the caller's words, which name what the action needs.
 */
export function serverRefusalKey(refusal: Refusal | undefined, statusKey: TranslationKey): TranslationKey | undefined {
  if (!refusal) return undefined;
  switch (refusal.code) {
    case ServerRefusalCodes.locked:
      return 'servers.refusal.locked';
    case ServerRefusalCodes.busy:
      return 'servers.refusal.busy';
    case ServerRefusalCodes.systemDisk:
      return 'servers.refusal.systemDisk';
    default:
      return statusKey;
  }
}

/** "2 vCPUs · 4 GiB", or the flavor id alone where the catalog did not say. */
export function flavorSpec(flavor: { vcpus?: number | undefined; ramMiB?: number | undefined }, t: TFunction): string {
  if (flavor.vcpus === undefined || flavor.ramMiB === undefined) return '';
  return t('servers.flavorSpec', { vcpus: flavor.vcpus, ram: formatGiB(flavor.ramMiB) });
}

export const formatGiB = (mib: number) => String(Math.round((mib / 1024) * 10) / 10);

/** Sale status in a zone: the zone's own, else the region's (the BFF's rule, for the picker). */
export function flavorStatusIn(flavor: Flavor, zone: string | undefined): string {
  return (zone && flavor.statusByZone[zone]) || flavor.status;
}

const SELLABLE = new Set(['normal', 'obt', 'promotion']);
export const flavorSellable = (flavor: Flavor, zone: string | undefined) => SELLABLE.has(flavorStatusIn(flavor, zone));

/** What the quotas leave for `count` more servers of a flavor; each missing resource by name. */
export function ecsQuotaShortfall(quotas: EcsQuotas | undefined, flavor: Pick<Flavor, 'vcpus' | 'ramMiB'> | undefined, count: number): ('instances' | 'cores' | 'ram')[] {
  if (!quotas) return [];
  const over = (usage: { limit: number | null; used: number }, adding: number) => usage.limit !== null && usage.used + adding > usage.limit;
  const out: ('instances' | 'cores' | 'ram')[] = [];
  if (over(quotas.instances, count)) out.push('instances');
  if (flavor && over(quotas.cores, flavor.vcpus * count)) out.push('cores');
  if (flavor && over(quotas.ramMiB, flavor.ramMiB * count)) out.push('ram');
  return out;
}

/** How many servers of this flavor the quotas still allow (unlimited: Infinity). */
export function serversLeft(quotas: EcsQuotas | undefined, flavor: Pick<Flavor, 'vcpus' | 'ramMiB'> | undefined): number {
  if (!quotas) return Number.POSITIVE_INFINITY;
  const left = (usage: { limit: number | null; used: number }, each: number) => (usage.limit === null || each <= 0 ? Number.POSITIVE_INFINITY : Math.floor(Math.max(0, usage.limit - usage.used) / each));
  return Math.min(left(quotas.instances, 1), flavor ? left(quotas.cores, flavor.vcpus) : Number.POSITIVE_INFINITY, flavor ? left(quotas.ramMiB, flavor.ramMiB) : Number.POSITIVE_INFINITY);
}

export const serverLabel = (server: Pick<Server, 'name' | 'id'>) => server.name || server.id;
