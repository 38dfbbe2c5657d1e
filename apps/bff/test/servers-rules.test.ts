import { describe, expect, it } from 'vitest';
import {
  adminPassIssues, CreateServerSchema, serverStatusText, whyNotDetachDisk, whyNotStartServer, whyNotStopServer, type Server,
} from '@console/contract';
import { tagsOf, toFlavor, flavorStatusIn } from '../src/routes/ecs-map.ts';

const state = (status: string, taskState: string | null = null, locked = false): Pick<Server, 'name' | 'status' | 'taskState' | 'locked' | 'statusText'> => ({
  name: 'vm', status, taskState, locked, statusText: serverStatusText(status, taskState),
});

describe('server rules the SPA shares', () => {
  it('labels the operation in progress rather than the stable status', () => {
    expect(serverStatusText('ACTIVE', 'powering-off')).toBe('stopping');
    expect(serverStatusText('SHUTOFF', 'powering-on')).toBe('starting');
    expect(serverStatusText('ACTIVE', 'rebooting_hard')).toBe('hardRebooting');
    expect(serverStatusText('ACTIVE', 'reboot_pending')).toBe('rebooting');
    expect(serverStatusText('RESIZE', 'resize_migrating')).toBe('resizing');
    expect(serverStatusText('REVERT_RESIZE', 'resize_reverting')).toBe('revertingResize');
    expect(serverStatusText('VERIFY_RESIZE', null)).toBe('verifyResize');
    expect(serverStatusText('SHUTOFF', null)).toBe('stopped');
    expect(serverStatusText('SOMETHING_NEW', null)).toBe('unknown');
  });

  it('says per server why an action is refused', () => {
    expect(whyNotStartServer(state('SHUTOFF'))).toBeUndefined();
    expect(whyNotStartServer(state('ACTIVE'))?.code).toBe('SERVER_STATUS');
    expect(whyNotStopServer(state('ACTIVE', 'powering-off'))).toEqual({ code: 'SERVER_BUSY', message: 'vm is stopping; try again once that has finished' });
    expect(whyNotStopServer(state('ACTIVE', null, true))?.code).toBe('SERVER_LOCKED');
    expect(whyNotDetachDisk(state('ACTIVE'), true)?.code).toBe('SYSTEM_DISK_ATTACHED');
    expect(whyNotDetachDisk(state('ACTIVE'), false)).toBeUndefined();
    expect(whyNotDetachDisk(state('SHUTOFF'), true)).toBeUndefined();
  });

  it('checks administrator passwords as the cloud does', () => {
    expect(adminPassIssues('Cloud-Console-9')).toEqual([]);
    expect(adminPassIssues('short1A')).toEqual(['8 to 26 characters']);
    expect(adminPassIssues('alllowercase')).toHaveLength(1);
    expect(adminPassIssues('Toor-Secret-1')).toEqual(['must not contain the user name "root" or its reverse']);
    expect(adminPassIssues('Space In-Pass1')).toEqual([expect.stringContaining('only letters, digits')]);
  });

  it('limits names by count: a suffix is added to each of several servers', () => {
    const base = { flavorId: 'f', imageId: 'img', vpcId: 'vpc', nics: [{ subnetId: 'sn' }], rootVolume: { type: 'SSD' } };
    expect(CreateServerSchema.safeParse({ ...base, name: 'a'.repeat(128) }).success).toBe(true);
    const many = CreateServerSchema.safeParse({ ...base, name: 'a'.repeat(60), count: 2 });
    expect(many.error?.issues[0]).toMatchObject({ path: ['name'], message: 'at most 59 characters (a suffix -0000… is added per server)' });
    expect(CreateServerSchema.safeParse({ ...base, name: 'web 01' }).error?.issues[0]?.path).toEqual(['name']);
  });

  it('reads 1D tags and per-zone flavor sale status', () => {
    expect(tagsOf(['env=prod', 'blue', 'a=b=c'])).toEqual({ env: 'prod', blue: '', a: 'b=c' });
    const f = toFlavor({
      id: 'c3.large.2', name: 'c3.large.2', vcpus: '2', ram: 4096, disk: '0', swap: '', 'OS-FLV-EXT-DATA:ephemeral': 0, 'OS-FLV-DISABLED:disabled': false,
      rxtx_factor: 1, rxtx_quota: null, rxtx_cap: null, 'os-flavor-access:is_public': true, links: [],
      os_extra_specs: { 'cond:operation:status': 'normal', 'cond:operation:az': 'az0(sellout), az1(obt), az2()' },
    });
    expect(f).toMatchObject({ vcpus: 2, ramMiB: 4096, status: 'normal', statusByZone: { az0: 'sellout', az1: 'obt' } });
    expect(flavorStatusIn(f, 'az0')).toBe('sellout');
    expect(flavorStatusIn(f, 'az2')).toBe('normal');
  });
});
