import { describe, expect, it } from 'vitest';
import type { EvsTypes } from '@console/cloud';
import {
  CreateDiskSchema, DiskTagsSchema, SnapshotNameSchema, UpdateDiskSchema, expandSizeIssue, qosIssues, qosRange, whyNotChangeQos,
  whyNotDeleteDisk, whyNotExpandDisk, whyNotRollback, type Disk, type Snapshot,
} from '@console/contract';
import { toDisk, toQuotas, toSnapshot, utcIso } from '../src/routes/evs-map.ts';
import { openApiDocument } from '../src/routes/openapi.ts';

const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (r.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

const disk = (over: Partial<Disk> = {}): Disk => ({
  id: 'd1', name: 'data', description: '', status: 'available', type: 'SSD', sizeGiB: 100, bootable: false, role: 'data', shared: false,
  encrypted: false, deviceType: 'VBD', chargingMode: 'postPaid', availabilityZone: 'az1', attachments: [], tags: {}, metadata: {},
  snapshotId: null, createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z', ...over,
});

describe('QoS rules', () => {
  it('scales the IOPS ceiling with size and throughput with IOPS', () => {
    expect(qosRange('GPSSD2', 10)).toEqual({ iops: [3000, 5000], throughput: [125, 1000] });
    expect(qosRange('GPSSD2', 1000, 3000)).toEqual({ iops: [3000, 128_000], throughput: [125, 750] });
    expect(qosRange('GPSSD2', 1000, 8000)!.throughput).toEqual([125, 1000]);
    expect(qosRange('ESSD2', 4000)).toEqual({ iops: [100, 1_000_000] });
    expect(qosRange('SSD', 100)).toBeUndefined();
  });

  it('checks a change against the throughput the disk keeps', () => {
    expect(qosIssues({ type: 'GPSSD2', sizeGiB: 1000, iops: 3000, currentThroughput: 900 }, 'modify')).toEqual([
      { path: 'throughput', message: 'the current 900 MiB/s does not fit 3000 IOPS; set a throughput of 125 to 750 MiB/s' },
    ]);
    expect(qosIssues({ type: 'GPSSD2', sizeGiB: 1000, iops: 4000, currentThroughput: 900 }, 'modify')).toEqual([]);
    expect(qosIssues({ type: 'ESSD2', sizeGiB: 100 }, 'create')).toEqual([{ path: 'iops', message: 'required for ESSD2 disks: 100 to 50000 IOPS at 100 GiB' }]);
    expect(qosIssues({ type: 'SAS', sizeGiB: 100, iops: 4000 }, 'create')).toEqual([{ path: 'iops', message: 'only GPSSD2 and ESSD2 disks take an IOPS setting, not SAS' }]);
  });
});

describe('request schemas', () => {
  const valid = { availabilityZone: 'az1', type: 'SSD', sizeGiB: 10 };

  it('fills defaults and accepts what the cloud accepts', () => {
    expect(CreateDiskSchema.parse(valid)).toEqual({ ...valid, count: 1, shared: false, tags: {}, scsi: false });
    // 64 characters, counted as characters rather than UTF-16 units
    expect(CreateDiskSchema.safeParse({ ...valid, name: '数'.repeat(63) + '😀' }).success).toBe(true);
    expect(CreateDiskSchema.safeParse({ ...valid, type: 'ESSD2', iops: 5000 }).success).toBe(true);
    expect(DiskTagsSchema.safeParse({ empty: '' }).success).toBe(true);
  });

  it('names the field and says what to do', () => {
    expect(issues(CreateDiskSchema.safeParse({ ...valid, name: 'two\nlines', sizeGiB: 10.5 }))).toEqual([
      'name: no line breaks or other control characters',
      'sizeGiB: a whole number of GiB',
    ]);
    expect(issues(CreateDiskSchema.safeParse({ ...valid, snapshotId: 's-1', kmsKeyId: 'k'.repeat(36), scsi: true }))).toEqual([
      "kmsKeyId: a disk created from a snapshot takes the snapshot's encryption; leave it empty",
      "scsi: a disk created from a snapshot takes the snapshot's device type",
    ]);
    expect(issues(CreateDiskSchema.safeParse({ ...valid, type: 'ESSD2', iops: 50, throughput: 200 }))).toEqual([
      'throughput: ESSD2 disks have no throughput setting; leave it empty',
      'iops: a 10 GiB ESSD2 disk takes 100 to 5000 IOPS',
    ]);
    expect(issues(DiskTagsSchema.safeParse({ ok: 'has space' }))).toEqual(['ok: a tag value is up to 64 letters, digits, "_", "-" or "."']);
    expect(issues(UpdateDiskSchema.safeParse({}))).toEqual([': give a name or a description to change']);
    expect(SnapshotNameSchema.safeParse('autobk_snapshot_1').success).toBe(false);
  });
});

describe('what the cloud would refuse', () => {
  it('deletes only disks at rest and detached', () => {
    expect(whyNotDeleteDisk(disk({ status: 'error' }))).toBeUndefined();
    expect(whyNotDeleteDisk(disk({ status: 'extending' }))).toEqual({ code: 'DISK_BUSY', message: 'The disk is extending; try again once that has finished' });
    expect(whyNotDeleteDisk(disk({ status: 'in-use', attachments: [{ serverId: 's1', serverName: 'web', device: '/dev/vdb', attachedAt: '' }] }))!.message)
      .toBe('The disk is attached to web as /dev/vdb; detach it first');
    expect(whyNotDeleteDisk(disk({ status: 'error_deleting' }))!.code).toBe('DISK_STATUS');
  });

  it('expands online unless shared, within the system or data limit', () => {
    expect(whyNotExpandDisk(disk({ status: 'in-use' }))).toBeUndefined();
    expect(whyNotExpandDisk(disk({ status: 'in-use', shared: true }))!.code).toBe('DISK_IN_USE');
    expect(whyNotExpandDisk(disk({ status: 'error_extending' }))!.code).toBe('DISK_STATUS');
    expect(expandSizeIssue(disk({ bootable: true, sizeGiB: 40 }), 1025)).toBe('a system disk is at most 1024 GiB');
    expect(expandSizeIssue(disk(), 32_768)).toBeUndefined();
    expect(whyNotChangeQos(disk({ type: 'GPSSD2', status: 'rollbacking' }))!.code).toBe('DISK_BUSY');
  });

  it('rolls back available snapshots that no backup owns', () => {
    const snap: Snapshot = { id: 's', name: 'n', description: '', status: 'available', diskId: 'd1', sizeGiB: 100, createdByBackup: false, createdAt: '', updatedAt: '' };
    expect(whyNotRollback(snap, disk({ status: 'error_rollbacking' }))).toBeUndefined();
    expect(whyNotRollback({ ...snap, createdByBackup: true }, disk())!.code).toBe('SNAPSHOT_FROM_BACKUP');
    expect(whyNotRollback(snap, disk({ status: 'awaiting-transfer' }))!.code).toBe('DISK_STATUS');
  });
});

describe('mapping the cloud shapes', () => {
  const volume = (over: Partial<EvsTypes.VolumeDetail> = {}): EvsTypes.VolumeDetail => ({
    id: 'v1', links: [], name: 'boot', status: 'in-use', availability_zone: 'az1', created_at: '2016-02-03T02:19:11.723797', volume_type: 'SSD',
    size: 40, bootable: 'true', multiattach: false, metadata: { __system__encrypted: '1', __system_cmkid: 'k', orderID: 'CS1', team: 'a' },
    attachments: [{ attached_at: '2016-02-03T02:20:00.000000', attachment_id: 'a', device: '/dev/sda', host_name: 'h', id: 'v1', server_id: 's1', volume_id: 'v1' }],
    iops: { frozened: false, id: 'q', total_val: 3000 },
    ...over,
  });

  it('derives role, encryption, billing and times', () => {
    const d = toDisk(volume());
    expect(d).toMatchObject({ role: 'system', encrypted: true, chargingMode: 'prePaid', metadata: { team: 'a' }, createdAt: '2016-02-03T02:19:11.723Z', updatedAt: '2016-02-03T02:19:11.723Z' });
    // IOPS is shown only for the types that have a setting for it
    expect(d.iops).toBeUndefined();
    expect(toDisk(volume({ volume_type: 'ESSD2' })).iops).toBe(3000);
    expect(toDisk(volume({ attachments: [] })).role).toBe('data');
    expect(toDisk(volume({ bootable: 'false' })).role).toBe('data');
    expect(utcIso('2024-05-01T10:00:00+08:00')).toBe('2024-05-01T02:00:00.000Z');
  });

  it('reads per-type quotas, unlimited as null', () => {
    const q = toQuotas({ id: 'p', volumes: { in_use: 3, limit: 10, reserved: 1 }, 'gigabytes_GP SSD': { in_use: 40, limit: -1, reserved: 0 }, per_volume_gigabytes: { in_use: 0, limit: 32768, reserved: 0 } });
    expect(q).toEqual({
      volumes: { limit: 10, used: 3, reserved: 1 },
      perVolumeGigabytes: { limit: 32768, used: 0, reserved: 0 },
      byType: { GPSSD: { gigabytes: { limit: null, used: 40, reserved: 0 } } },
    });
  });

  it('marks snapshots taken by backups', () => {
    const s = { id: 's', status: 'available', name: 'autobk_snapshot_2024', description: null, created_at: '2024-01-01T00:00:00.000000', updated_at: null, metadata: {}, volume_id: 'v', size: 10 } as const;
    expect(toSnapshot({ ...s }, 'disk')).toMatchObject({ createdByBackup: true, description: '', diskName: 'disk', updatedAt: '2024-01-01T00:00:00.000Z' });
  });

  it('documents every disk and snapshot route in OpenAPI', () => {
    const doc = openApiDocument('test');
    expect(Object.keys(doc.paths).filter((p) => /disk|snapshot|quota|zone/.test(p) && !/\/servers|\/quotas\/ecs|\/emulator\//.test(p)).sort()).toEqual([
      '/api/v1/availability-zones', '/api/v1/disk-types', '/api/v1/disks', '/api/v1/disks/batch-delete', '/api/v1/disks/{id}',
      '/api/v1/disks/{id}/expand', '/api/v1/disks/{id}/qos', '/api/v1/disks/{id}/tags', '/api/v1/quotas/evs', '/api/v1/snapshots',
      '/api/v1/snapshots/batch-delete', '/api/v1/snapshots/{id}', '/api/v1/snapshots/{id}/rollback',
    ]);
    expect(doc.paths['/api/v1/disks']!.post).toMatchObject({ 'x-required-role': 'operator' });
  });
});
