import './catalogue.ts';
import type { TFunction } from 'i18next';
import { DISK_STATUSES, DISK_TYPES, SNAPSHOT_STATUSES } from '@console/contract';

/** A status the catalogue knows is translated; one the cloud adds later is shown as it comes. */
export function diskStatusLabel(status: string, t: TFunction): string {
  return (DISK_STATUSES as readonly string[]).includes(status) ? t(`disks.status.${status as (typeof DISK_STATUSES)[number]}`) : status;
}

export function snapshotStatusLabel(status: string, t: TFunction): string {
  return (SNAPSHOT_STATUSES as readonly string[]).includes(status) ? t(`snapshots.status.${status as (typeof SNAPSHOT_STATUSES)[number]}`) : status;
}

export function diskTypeLabel(type: string, t: TFunction): string {
  return (DISK_TYPES as readonly string[]).includes(type) ? t(`disks.types.${type as (typeof DISK_TYPES)[number]}`) : type;
}
