import { describe, expect, it } from 'vitest';
import { CreateDiskSchema, type Disk, type EvsQuotas } from '@console/contract';
import type { ListRequest } from '../src/components/list/types.ts';
import {
  attachRefusal, createSizeRange, detachRefusal, expandRange, gigabytesLeft, parseTagLines, qosText, quotaBar, quotaLeft, refusalKey, tagLines, tagsText,
} from '../src/features/disks/diskModel.ts';
import { toDiskParams } from '../src/features/disks/diskQuery.ts';
import { whyNotDeleteDisk } from '@console/contract';

const disk = (over: Partial<Disk> = {}): Disk => ({
  id: 'd-1', name: 'data', description: '', status: 'available', type: 'SSD', sizeGiB: 100, bootable: false, role: 'data', shared: false, encrypted: false,
  deviceType: 'VBD', chargingMode: 'postPaid', availabilityZone: 'az1', attachments: [], tags: {}, metadata: {}, snapshotId: null,
  createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', ...over,
});

const quotas = (over: Partial<EvsQuotas> = {}): EvsQuotas => ({ gigabytes: { limit: 1000, used: 300, reserved: 50 }, byType: {}, ...over });

const request = (over: Partial<ListRequest> = {}): ListRequest => ({ search: '', filters: {}, sort: undefined, offset: 0, limit: 20, cursor: undefined, ...over });

describe('disk quota math', () => {
  it('counts used and reserved capacity against the limit; no limit is no bound', () => {
    expect(quotaLeft({ limit: 1000, used: 300, reserved: 50 })).toBe(650);
    expect(quotaLeft({ limit: 100, used: 300, reserved: 0 })).toBe(0);
    expect(quotaLeft({ limit: null, used: 300, reserved: 0 })).toBe(Number.POSITIVE_INFINITY);
    expect(quotaLeft(undefined)).toBe(Number.POSITIVE_INFINITY);
  });

  it('takes the tighter of the overall and the per-type quota', () => {
    const q = quotas({ byType: { SSD: { gigabytes: { limit: 400, used: 100, reserved: 0 } } } });
    expect(gigabytesLeft(q, 'SSD')).toBe(300);
    expect(gigabytesLeft(q, 'SAS')).toBe(650);
  });

  it('narrows the create size range by what the quota leaves for all the disks requested', () => {
    const typeInfo = { name: 'SSD' as const, id: 'SSD', description: '', availabilityZones: ['az1'], soldOutIn: [], sizeGiB: { min: 10, max: 32768 }, systemSizeGiB: { min: 1, max: 1024 } };
    expect(createSizeRange(typeInfo, quotas(), 1)).toEqual({ min: 10, max: 650 });
    expect(createSizeRange(typeInfo, quotas(), 3)).toEqual({ min: 10, max: 216 });
    expect(createSizeRange(typeInfo, undefined, 1)).toEqual({ min: 10, max: 32768 });
  });

  it('lets a disk grow by at least one GiB and at most by what is left, within its kind', () => {
    expect(expandRange(disk({ sizeGiB: 100 }), quotas())).toEqual({ min: 101, max: 750 });
    expect(expandRange(disk({ sizeGiB: 40, bootable: true }), undefined)).toEqual({ min: 41, max: 1024 });
  });

  it('draws the bar with the request added, and says when it would go over', () => {
    expect(quotaBar({ limit: 1000, used: 300, reserved: 50 }, 100)).toEqual({ used: 350, adding: 100, limit: 1000, percent: 45, over: false });
    expect(quotaBar({ limit: 1000, used: 950, reserved: 0 }, 100).over).toBe(true);
    expect(quotaBar({ limit: null, used: 5, reserved: 0 }, 100)).toMatchObject({ limit: null, over: false });
  });
});

describe('disk refusals', () => {
  it('words the contract\'s refusals by their code', () => {
    expect(refusalKey(whyNotDeleteDisk(disk({ status: 'in-use', attachments: [{ serverId: 's', device: '/dev/vdb', attachedAt: '' }] })))).toBe('disks.refusal.inUse');
    expect(refusalKey(whyNotDeleteDisk(disk({ status: 'extending' })))).toBe('disks.refusal.busy');
    expect(refusalKey(whyNotDeleteDisk(disk()))).toBeUndefined();
  });

  it('lets a shared disk take more servers but not a non-shared attached one', () => {
    const attached = { attachments: [{ serverId: 's', device: '/dev/vdb', attachedAt: '' }], status: 'in-use' };
    expect(attachRefusal(disk(attached))).toBe('disks.refusal.attachedNotShared');
    expect(attachRefusal(disk({ ...attached, shared: true }))).toBeUndefined();
    expect(attachRefusal(disk({ status: 'creating' }))).toBe('disks.refusal.busy');
    expect(detachRefusal(disk())).toBe('disks.refusal.notAttached');
    expect(detachRefusal(disk(attached))).toBeUndefined();
  });
});

describe('disk list query and formatting', () => {
  it('sends the name search, known filters and the API\'s sort names, and drops unknown values', () => {
    expect(toDiskParams(request({ search: 'web', filters: { status: ['in-use'], type: ['GPSSD2'], tag: [' env=prod '], availabilityZone: [''] }, sort: { id: 'created', desc: true }, offset: 40 }))).toEqual({
      limit: 20, offset: 40, name: 'web', status: 'in-use', type: 'GPSSD2', tag: 'env=prod', sort: 'createdAt', dir: 'desc',
    });
    expect(toDiskParams(request({ filters: { status: ['melting'], type: ['FLOPPY'] }, sort: { id: 'az', desc: false } }))).toEqual({ limit: 20, offset: 0 });
  });

  it('reads tag lines into a set the contract accepts, and writes them back', () => {
    const tags = parseTagLines('env=prod\n\n  team = storage \nlegacy\n');
    expect(tags).toEqual({ env: 'prod', team: 'storage', legacy: '' });
    expect(tagLines(tags)).toBe('env=prod\nteam=storage\nlegacy');
    expect(tagsText(tags)).toBe('env=prod, team=storage, legacy');
    expect(CreateDiskSchema.safeParse({ availabilityZone: 'az1', type: 'SSD', sizeGiB: 10, tags: parseTagLines('bad key=1') }).success).toBe(false);
  });

  it('shows IOPS and throughput only where the disk has them', () => {
    expect(qosText({ iops: 3000, throughput: 125 })).toBe('3000 IOPS / 125 MiB/s');
    expect(qosText({ iops: 5000 })).toBe('5000 IOPS');
    expect(qosText({})).toBe('');
  });
});

describe('snapshot list query', () => {
  it('sends the exact name, a known status and the disk, and nothing else', async () => {
    const { toSnapshotParams } = await import('../src/features/snapshots/snapshotQuery.ts');
    expect(toSnapshotParams(request({ search: ' nightly ', filters: { status: ['available'], diskId: ['d-1'] }, offset: 20 }))).toEqual({ limit: 20, offset: 20, name: 'nightly', status: 'available', diskId: 'd-1' });
    expect(toSnapshotParams(request({ filters: { status: ['in-use'] } }))).toEqual({ limit: 20, offset: 0 });
  });
});
