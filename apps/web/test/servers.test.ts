import { describe, expect, it } from 'vitest';
import { whyNotDeleteServer, whyNotStartServer, type DiskTypeInfo, type EcsQuotas, type Flavor, type Image, type Server } from '@console/contract';
import type { ListRequest } from '../src/components/list/types.ts';
import { ecsQuotaShortfall, flavorSellable, serverRefusalKey, serversLeft } from '../src/features/servers/serverModel.ts';
import { toServerParams } from '../src/features/servers/serverQuery.ts';
import { contextIssues, schemaIssues, stepOf, toCreateServer, wizardDefaults, type WizardContext, type WizardForm } from '../src/features/servers/wizard/wizardModel.ts';

const server = (over: Partial<Server> = {}): Server => ({
  id: 's-1', name: 'web', description: '', status: 'ACTIVE', taskState: null, statusText: 'running', flavor: { id: 's3.large.2', name: 's3.large.2', vcpus: 2, ramMiB: 4096 },
  image: null, addresses: { private: [], public: [] }, availabilityZone: 'az1', disks: [], diskCount: 0, tags: {}, metadata: {}, locked: false, keyName: null,
  createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', ...over,
});
const flavor = (over: Partial<Flavor> = {}): Flavor => ({ id: 's3.large.2', name: 's3.large.2', vcpus: 2, ramMiB: 4096, status: 'normal', statusByZone: {}, ...over });
const quotas = (over: Partial<EcsQuotas> = {}): EcsQuotas => ({ instances: { limit: 10, used: 8 }, cores: { limit: 20, used: 14 }, ramMiB: { limit: 40960, used: 8192 }, ...over });
const image: Image = { id: 'img-1', name: 'Ubuntu', osType: 'Linux', platform: 'Ubuntu', osVersion: 'Ubuntu 22.04', visibility: 'public', status: 'active', minDiskGiB: 40, minRamMiB: 1024, createdAt: '2026-01-01T00:00:00Z' };
const ssd: DiskTypeInfo = { name: 'SSD', id: 'ssd', description: '', availabilityZones: ['az1'], soldOutIn: [], sizeGiB: { min: 10, max: 32768 }, systemSizeGiB: { min: 1, max: 1024 } };
const request = (over: Partial<ListRequest> = {}): ListRequest => ({ search: '', filters: {}, sort: undefined, offset: 0, limit: 20, cursor: undefined, ...over });

const filled = (over: Partial<WizardForm> = {}): WizardForm => ({
  ...wizardDefaults('az1'), flavorId: 's3.large.2', imageId: 'img-1', vpcId: 'vpc-1', subnetId: 'subnet-1', adminPass: 'Str0ng-Pass', name: 'web', ...over,
});
const context = (over: Partial<WizardContext> = {}): WizardContext => ({ flavor: flavor(), image, diskTypes: [ssd], ecsQuotas: quotas(), evsQuotas: undefined, ...over });

describe('server refusals in words', () => {
  it('names the lock and the operation under way before the status the action needs', () => {
    expect(serverRefusalKey(whyNotStartServer(server()), 'servers.refusal.needsStopped')).toBe('servers.refusal.needsStopped');
    expect(serverRefusalKey(whyNotStartServer(server({ status: 'SHUTOFF', locked: true })), 'servers.refusal.needsStopped')).toBe('servers.refusal.locked');
    expect(serverRefusalKey(whyNotDeleteServer(server({ taskState: 'powering-off', statusText: 'stopping' })), 'servers.refusal.busy')).toBe('servers.refusal.busy');
    expect(serverRefusalKey(whyNotStartServer(server({ status: 'SHUTOFF', statusText: 'stopped' })), 'servers.refusal.needsStopped')).toBeUndefined();
  });
});

describe('flavors and quotas', () => {
  it('judges a flavor by its zone\'s own sale status first', () => {
    const f = flavor({ statusByZone: { az2: 'sellout' } });
    expect(flavorSellable(f, 'az1')).toBe(true);
    expect(flavorSellable(f, 'az2')).toBe(false);
    expect(flavorSellable(flavor({ status: 'obt_sellout' }), 'az1')).toBe(false);
  });

  it('says which quota is short, and how many servers still fit', () => {
    expect(ecsQuotaShortfall(quotas(), flavor(), 2)).toEqual([]);
    expect(ecsQuotaShortfall(quotas(), flavor(), 3)).toEqual(['instances']);
    expect(ecsQuotaShortfall(quotas(), flavor(), 4)).toEqual(['instances', 'cores']);
    expect(serversLeft(quotas(), flavor())).toBe(2);
    expect(serversLeft(quotas({ instances: { limit: null, used: 0 } }), flavor({ vcpus: 1 }))).toBe(6);
    expect(serversLeft(undefined, flavor())).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('the server list query', () => {
  it('sends the filters the API takes and continues after the marker', () => {
    expect(toServerParams(request({ search: 'web', filters: { status: ['SHUTOFF'], ip: ['10.0.'], tag: ['env=prod'] }, cursor: 'abc' }))).toEqual({
      limit: 20, name: 'web', status: 'SHUTOFF', ip: '10.0.', tag: 'env=prod', marker: 'abc',
    });
  });

  it('leaves out values the API would refuse rather than failing the page', () => {
    expect(toServerParams(request({ filters: { status: ['DELETED'], ip: ['ten'] } }))).toEqual({ limit: 20 });
  });
});

describe('the create wizard', () => {
  it('sends the chosen login only, never both', () => {
    expect(toCreateServer(filled())).toMatchObject({ adminPass: 'Str0ng-Pass' });
    expect(toCreateServer(filled())).not.toHaveProperty('keyName');
    expect(toCreateServer(filled({ loginMode: 'keypair', keyName: 'ops' }))).toMatchObject({ keyName: 'ops' });
    expect(toCreateServer(filled({ loginMode: 'keypair', keyName: 'ops' }))).not.toHaveProperty('adminPass');
  });

  it('maps the contract\'s complaints to the wizard\'s fields and steps', () => {
    const { issues } = schemaIssues(filled({ name: 'bad name', adminPass: 'short', rootSize: 5000, subnetId: '' }));
    const fields = issues.map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'adminPass', 'rootSize', 'subnetId']));
    expect([...new Set(fields.map(stepOf))].sort()).toEqual(['image', 'network', 'settings']);
    expect(schemaIssues(filled()).request).toMatchObject({ name: 'web', nics: [{ subnetId: 'subnet-1' }], rootVolume: { type: 'SSD', sizeGiB: 40 } });
  });

  it('keeps the system disk at least as big as the image and the flavor on sale where it goes', () => {
    expect(contextIssues(filled(), context())).toEqual([]);
    expect(contextIssues(filled({ rootSize: 20 }), context())).toEqual([{ field: 'rootSize', key: 'servers.wizard.rootTooSmall', values: { min: 40 } }]);
    expect(contextIssues(filled(), context({ flavor: flavor({ statusByZone: { az1: 'sellout' } }) })).map((i) => i.key)).toEqual(['servers.wizard.flavorNotSold']);
    expect(contextIssues(filled({ count: 5 }), context()).map((i) => i.field)).toEqual(['count']);
  });
});
