import '../catalogue.ts';
import type { TFunction } from 'i18next';
import type { BadgeTone } from '../../../components/Badge.tsx';
import type { StatusToneMap } from '../../../components/StatusBadge.tsx';

const serverStatuses = [
  'ACTIVE', 'BUILD', 'DELETED', 'ERROR', 'HARD_REBOOT', 'MIGRATING', 'PAUSED', 'REBOOT', 'REBUILD', 'RESIZE', 'REVERT_RESIZE', 'SHUTOFF',
  'SHELVED', 'SHELVED_OFFLOADED', 'SOFT_DELETED', 'SUSPENDED', 'VERIFY_RESIZE', 'UNKNOWN',
] as const;

export function serverStatusLabel(status: string, t: TFunction): string {
  return (serverStatuses as readonly string[]).includes(status) ? t(`overview.serverStatus.${status as (typeof serverStatuses)[number]}`) : status;
}

export const serverStatusTones: StatusToneMap = {
  ACTIVE: { tone: 'green' },
  SHUTOFF: { tone: 'neutral' },
  ERROR: { tone: 'red' },
  UNKNOWN: { tone: 'amber' },
  VERIFY_RESIZE: { tone: 'amber' },
  ...Object.fromEntries(['BUILD', 'HARD_REBOOT', 'MIGRATING', 'REBOOT', 'REBUILD', 'RESIZE', 'REVERT_RESIZE'].map((s) => [s, { tone: 'blue', transitional: true }])),
};

/** Chart fills per tone, readable on white and on slate-900; the legend's text and icon carry the meaning. */
export const toneFill: Record<BadgeTone, string> = {
  green: '#059669',
  red: '#dc2626',
  amber: '#d97706',
  blue: '#2563eb',
  neutral: '#64748b',
};

/**
 * A slice per disk status: settled statuses each get their own colour (available and in use are
 * both "fine" but must not look like one slice); busy ones share blue, failed ones share red.
 */
export function diskStatusFill(status: string, tone: BadgeTone): string {
  if (status === 'available') return '#059669';
  if (status === 'in-use') return '#0891b2';
  return toneFill[tone];
}

/** Counts per status, most common first; ties by name so the order is stable. */
export function statusEntries(byStatus: Readonly<Record<string, number>>): [string, number][] {
  return Object.entries(byStatus).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
