import '../catalogue.ts';
import {
  CreateServerSchema, DISK_SIZE_GIB,
  type CreateServer, type DiskTypeInfo, type EcsQuotas, type EvsQuotas, type Flavor, type Image,
} from '@console/contract';
import { gigabytesLeft, volumesLeft } from '../../disks/diskModel.ts';
import { ecsQuotaShortfall, flavorSellable } from '../serverModel.ts';
import type { LoginMode } from '../LoginFields.tsx';

/** What the wizard's fields hold; turned into the contract's request only when checked or sent. */
export interface WizardForm {
  availabilityZone: string;
  flavorId: string;
  count: number | undefined;
  /** Narrows the image list; not sent. */
  osType: string;
  imageId: string;
  rootType: string;
  rootSize: number | undefined;
  dataDisks: { type: string; sizeGiB: number | undefined; shared: boolean }[];
  vpcId: string;
  subnetId: string;
  securityGroupIds: string[];
  loginMode: Exclude<LoginMode, 'keep'>;
  keyName: string;
  adminPass: string;
  name: string;
  description: string;
  tags: Record<string, string>;
}

export type WizardField = keyof WizardForm;

export const STEPS = [
  { id: 'basics', fields: ['availabilityZone', 'flavorId', 'count'] },
  { id: 'image', fields: ['osType', 'imageId', 'rootType', 'rootSize', 'dataDisks'] },
  { id: 'network', fields: ['vpcId', 'subnetId', 'securityGroupIds'] },
  { id: 'settings', fields: ['loginMode', 'keyName', 'adminPass', 'name', 'description', 'tags'] },
  { id: 'summary', fields: [] },
] as const satisfies readonly { id: string; fields: readonly WizardField[] }[];
export type StepId = (typeof STEPS)[number]['id'];

export function wizardDefaults(zone: string): WizardForm {
  return {
    availabilityZone: zone, flavorId: '', count: 1, osType: '', imageId: '', rootType: 'SSD', rootSize: 40, dataDisks: [],
    vpcId: '', subnetId: '', securityGroupIds: [], loginMode: 'password', keyName: '', adminPass: '', name: '', description: '', tags: {},
  };
}

/** The request as the contract takes it; the login not chosen is left out entirely. */
export function toCreateServer(v: WizardForm): unknown {
  return {
    name: v.name,
    count: v.count,
    flavorId: v.flavorId,
    imageId: v.imageId,
    availabilityZone: v.availabilityZone,
    vpcId: v.vpcId,
    nics: [{ subnetId: v.subnetId }],
    securityGroupIds: v.securityGroupIds,
    rootVolume: { type: v.rootType, sizeGiB: v.rootSize },
    dataVolumes: v.dataDisks.map((d) => ({ type: d.type, sizeGiB: d.sizeGiB, shared: d.shared })),
    ...(v.loginMode === 'password' ? { adminPass: v.adminPass } : { keyName: v.keyName || undefined }),
    ...(v.description ? { description: v.description } : {}),
    tags: v.tags,
  };
}

/** A problem found before sending: the field it belongs to, zod's issue code (or "worded") and the words. */
export interface WizardIssue {
  field: string;
  code: string;
  message: string;
}

const pathToField = (path: readonly PropertyKey[]): string => {
  const [head, index, leaf] = path.map(String);
  if (head === 'rootVolume') return index === 'type' ? 'rootType' : 'rootSize';
  if (head === 'nics') return 'subnetId';
  if (head === 'dataVolumes' && index !== undefined && leaf !== undefined) return `dataDisks.${index}.${leaf}`;
  return head ?? 'name';
};

export function schemaIssues(v: WizardForm): { issues: WizardIssue[]; request?: CreateServer } {
  const parsed = CreateServerSchema.safeParse(toCreateServer(v));
  if (parsed.success) return { issues: [], request: parsed.data };
  return { issues: parsed.error.issues.map((i) => ({ field: pathToField(i.path), code: i.code, message: i.message })) };
}

export interface WizardContext {
  flavor: Flavor | undefined;
  image: Image | undefined;
  diskTypes: readonly DiskTypeInfo[];
  ecsQuotas: EcsQuotas | undefined;
  evsQuotas: EvsQuotas | undefined;
}

/**
 * What the contract cannot know: the chosen flavor is sold in the zone, the system disk holds the
 * image, each disk type is sold there, and the quotas leave room for it all. Keys name the words.
 */
export function contextIssues(v: WizardForm, c: WizardContext): { field: string; key: string; values?: Record<string, string | number> }[] {
  const out: { field: string; key: string; values?: Record<string, string | number> }[] = [];
  const count = Math.max(1, v.count ?? 1);
  if (c.flavor && !flavorSellable(c.flavor, v.availabilityZone)) out.push({ field: 'flavorId', key: 'servers.wizard.flavorNotSold' });
  if (c.image && c.flavor && c.flavor.ramMiB < c.image.minRamMiB) out.push({ field: 'flavorId', key: 'servers.wizard.flavorTooSmall', values: { min: c.image.minRamMiB } });
  const minRoot = Math.max(DISK_SIZE_GIB.system.min, c.image?.minDiskGiB ?? 0);
  if (v.rootSize !== undefined && v.rootSize < minRoot) out.push({ field: 'rootSize', key: 'servers.wizard.rootTooSmall', values: { min: minRoot } });
  const notSold = (type: string) => {
    const info = c.diskTypes.find((d) => d.name === type);
    return info !== undefined && (!info.availabilityZones.includes(v.availabilityZone) || info.soldOutIn.includes(v.availabilityZone));
  };
  if (notSold(v.rootType)) out.push({ field: 'rootType', key: 'servers.wizard.typeNotSold' });
  v.dataDisks.forEach((d, i) => notSold(d.type) && out.push({ field: `dataDisks.${i}.type`, key: 'servers.wizard.typeNotSold' }));
  const shortfall = ecsQuotaShortfall(c.ecsQuotas, c.flavor, count);
  if (shortfall.length > 0) out.push({ field: shortfall.includes('instances') ? 'count' : 'flavorId', key: 'servers.wizard.overEcsQuota', values: { what: shortfall.join(',') } });
  const gib = count * ((v.rootSize ?? 0) + v.dataDisks.reduce((sum, d) => sum + (d.sizeGiB ?? 0), 0));
  const disks = count * (1 + v.dataDisks.length);
  if (gib > gigabytesLeft(c.evsQuotas, undefined) || disks > volumesLeft(c.evsQuotas, undefined)) out.push({ field: 'dataDisks', key: 'servers.wizard.overEvsQuota', values: { gib, disks } });
  return out;
}

export const stepOf = (field: string): StepId => STEPS.find((s) => (s.fields as readonly string[]).includes(field.split('.')[0]!))?.id ?? 'settings';
