import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchResultSchema, type Disk, type SearchResult, type Server, type Vault } from '@console/contract';
import { startConsoleOnEmulator, type ConsoleOnEmulator } from './emulator.ts';

let c: ConsoleOnEmulator;
beforeAll(async () => {
  c = await startConsoleOnEmulator();
});
afterAll(() => c.close());

const search = async (q: string, extra = ''): Promise<SearchResult> => {
  const res = await c.viewer.get(`/api/v1/search?q=${encodeURIComponent(q)}${extra}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return SearchResultSchema.parse(res.body);
};

describe('search', () => {
  it('finds a disk, a server and a vault by name, each with its kind', async () => {
    const disk = ((await c.viewer.get('/api/v1/disks?limit=1')).body.items as Disk[])[0]!;
    const found = await search(disk.name);
    expect(found.failed).toEqual([]);
    expect(found.items).toContainEqual({ type: 'disk', id: disk.id, name: disk.name, status: disk.status });

    const server = ((await c.viewer.get('/api/v1/servers?limit=1')).body.items as Server[])[0]!;
    expect((await search(server.name)).items).toContainEqual(expect.objectContaining({ type: 'server', id: server.id, name: server.name }));

    const vault = ((await c.viewer.get('/api/v1/vaults?limit=1')).body.items as Vault[])[0]!;
    expect((await search(vault.name)).items).toContainEqual(expect.objectContaining({ type: 'vault', id: vault.id, name: vault.name }));
  });

  it('finds a resource by its full ID, listed first and once', async () => {
    const disk = ((await c.viewer.get('/api/v1/disks?limit=1')).body.items as Disk[])[0]!;
    const found = await search(disk.id);
    expect(found.items[0]).toMatchObject({ type: 'disk', id: disk.id });
    expect(found.items.filter((h) => h.id === disk.id)).toHaveLength(1);
  });

  it('keeps to the limit per kind and finds nothing for a name nothing has', async () => {
    const many = await search('a', '&limit=1');
    for (const kind of ['disk', 'server', 'snapshot', 'vault', 'backup']) expect(many.items.filter((h) => h.type === kind).length).toBeLessThanOrEqual(1);
    expect((await search('no-such-resource-anywhere')).items).toEqual([]);
  });

  it('names the kinds whose service failed and still answers the others', async () => {
    await c.control('POST', '/faults', { kind: 'error', service: 'cbr', operation: 'ListVault', status: 500, code: 'BackupService.9999', message: 'down' });
    try {
      const disk = ((await c.viewer.get('/api/v1/disks?limit=1')).body.items as Disk[])[0]!;
      const found = await search(disk.name);
      expect(found.failed).toEqual(['vault']);
      expect(found.items.some((h) => h.id === disk.id)).toBe(true);
    } finally {
      await c.control('DELETE', '/faults');
    }
  });

  it('refuses an empty or over-long query, naming the field', async () => {
    const empty = await c.viewer.get('/api/v1/search?q=%20');
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields).toEqual([{ path: 'q', message: 'type at least 1 character' }]);
    expect((await c.viewer.get(`/api/v1/search?q=${'x'.repeat(65)}`)).status).toBe(400);
    expect((await c.viewer.get('/api/v1/search?q=x&limit=50')).body.error.fields[0].path).toBe('limit');
  });
});
