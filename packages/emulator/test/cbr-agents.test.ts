import { describe, expect, it } from 'vitest';
import { control, useTestEmulator } from './helpers.ts';
import { cbr } from './cbr-helpers.ts';

const client = useTestEmulator();

const AGENT = '489654f2-363b-4ebf-966a-bdf079d97114';
const register = (agent: Record<string, unknown>) => cbr(client, 'POST', '/v3/{pid}/agents', { body: { agent } });

describe('CBR file-backup clients (agents)', () => {
  it('registers a client, manages its paths, lists, marks it uninstalled and removes it', async () => {
    const r = await register({ agent_id: AGENT, host_name: 'ecs-00002', host_ip: '10.10.0.2', host_os: 'linux', agent_version: '1.0.0', agent_type: 'native' });
    expect(r.status).toBe(200);
    expect(r.body.agent).toMatchObject({ agent_id: AGENT, host_name: 'ecs-00002', host_ip: '10.10.0.2', host_os: 'linux', agent_version: '1.0.0', agent_type: 'native', host_nickname: '', status: 'normal', paths: [] });
    expect(r.body.agent.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/);

    const added = await cbr(client, 'POST', `/v3/{pid}/agents/${AGENT}/add-path`, { body: { add_path: ['/home/hcp', '/opt/workspace/'] } });
    expect(added.body).toEqual({ added: ['/home/hcp', '/opt/workspace/'], existed: [] });
    const again = await cbr(client, 'POST', `/v3/{pid}/agents/${AGENT}/add-path`, { body: { add_path: ['/home/hcp', '/var/log'] } });
    expect(again.body).toEqual({ added: ['/var/log'], existed: ['/home/hcp'] });
    const removed = await cbr(client, 'POST', `/v3/{pid}/agents/${AGENT}/remove-path`, { body: { remove_path: ['/var/log', '/tmp'] } });
    expect(removed.body).toEqual({ removed: ['/var/log'], not_existed: ['/tmp'] });
    const shown = (await cbr(client, 'GET', `/v3/{pid}/agents/${AGENT}`)).body.agent;
    expect(shown.paths.map((p: { dir_path: string; status: string; agent_id: string }) => [p.dir_path, p.status, p.agent_id])).toEqual([
      ['/home/hcp', 'available', AGENT], ['/opt/workspace/', 'available', AGENT],
    ]);

    await register({ agent_id: 'fb711278-e872-4224-b442-8dafc36a543d', host_name: 'ecs-00001', host_ip: '10.10.0.1', host_os: 'windows' });
    const list = await cbr(client, 'GET', '/v3/{pid}/agents');
    expect(list.body).toMatchObject({ count: 2, limit: 1000, offset: 0 });
    expect(list.body.agents.map((a: { agent_id: string }) => a.agent_id)).toEqual(['fb711278-e872-4224-b442-8dafc36a543d', AGENT]);
    expect((await cbr(client, 'GET', '/v3/{pid}/agents', { query: { agent_id: AGENT } })).body.count).toBe(1);
    expect((await cbr(client, 'GET', '/v3/{pid}/agents', { query: { limit: '1', offset: '1' } })).body.agents.map((a: { agent_id: string }) => a.agent_id)).toEqual([AGENT]);

    const updated = await cbr(client, 'PUT', `/v3/{pid}/agents/${AGENT}`, { body: { agent: { status: 'uninstall' } } });
    expect(updated.body.agent).toMatchObject({ status: 'uninstall', paths: [{ status: 'remove' }, { status: 'remove' }] });
    expect((await cbr(client, 'GET', '/v3/{pid}/agents', { query: { status: 'uninstall' } })).body.agents.map((a: { agent_id: string }) => a.agent_id)).toEqual([AGENT]);
    // Reinstalling registers the same client again: it is normal again and keeps its paths.
    const back = await register({ agent_id: AGENT, host_name: 'ecs-00002', host_ip: '10.10.0.2', host_os: 'linux' });
    expect(back.body.agent).toMatchObject({ status: 'normal', created_at: r.body.agent.created_at, paths: [{ status: 'available' }, { status: 'available' }] });

    const del = await cbr(client, 'DELETE', `/v3/{pid}/agents/${AGENT}`);
    expect([del.status, del.text]).toEqual([200, '']);
    const gone = await cbr(client, 'GET', `/v3/{pid}/agents/${AGENT}`);
    expect([gone.status, gone.body.error_code]).toEqual([404, 'BackupService.6302']);
    expect((await control(client, 'GET', '/state/cbr_agent_paths')).body.rows).toEqual([]);
  });

  it('refuses malformed registrations, updates and path lists with 9900, unknown clients with 6302', async () => {
    const base = { agent_id: AGENT, host_name: 'h', host_ip: '10.0.0.1', host_os: 'linux' };
    for (const bad of [{ ...base, host_ip: '10.0.0.300' }, { ...base, host_name: undefined }, { ...base, agent_type: 'vmware' }, { ...base, agent_id: '' }]) {
      const r = await register(bad);
      expect([r.status, r.body.error_code], JSON.stringify(bad)).toEqual([400, 'BackupService.9900']);
    }
    expect((await cbr(client, 'POST', '/v3/{pid}/agents', { body: { host_name: 'x' } })).body.error_code).toBe('BackupService.9900');
    await register(base);
    expect((await cbr(client, 'PUT', `/v3/{pid}/agents/${AGENT}`, { body: { agent: { status: 'normal' } } })).body.error_code).toBe('BackupService.9900');
    expect((await cbr(client, 'POST', `/v3/{pid}/agents/${AGENT}/add-path`, { body: { add_path: [] } })).body.error_code).toBe('BackupService.9900');
    expect((await cbr(client, 'POST', `/v3/{pid}/agents/${AGENT}/remove-path`, { body: { remove_path: 'x' } })).body.error_code).toBe('BackupService.9900');
    expect((await cbr(client, 'GET', '/v3/{pid}/agents', { query: { limit: '0' } })).body.error_code).toBe('BackupService.9900');
    expect((await cbr(client, 'GET', '/v3/{pid}/agents', { query: { status: 'gone' } })).body.error_code).toBe('BackupService.9900');
    const other = '00000000-0000-4000-8000-000000000001';
    for (const [method, path, body] of [
      ['GET', `/v3/{pid}/agents/${other}`, undefined], ['PUT', `/v3/{pid}/agents/${other}`, { agent: { status: 'uninstall' } }],
      ['DELETE', `/v3/{pid}/agents/${other}`, undefined], ['POST', `/v3/{pid}/agents/${other}/add-path`, { add_path: ['/a'] }],
    ] as const) {
      const r = await cbr(client, method, path, body ? { body } : {});
      expect([r.status, r.body.error_code], `${method} ${path}`).toEqual([404, 'BackupService.6302']);
    }
  });

  it('checks whether servers run a client: by host name, per server, unknown servers answered in the list', async () => {
    await control(client, 'POST', '/reset?seed=demo');
    const servers = (await client.call('GET', `/ecs/v2.1/${client.projectId}/servers`)).body.servers as { id: string; name: string }[];
    const web = servers.find((s) => s.name === 'web-01')!;
    const db = servers.find((s) => s.name === 'db-01')!;
    await register({ agent_id: AGENT, host_name: 'web-01', host_ip: '192.168.0.10', host_os: 'linux', agent_version: '2.1.0', agent_type: 'cloud' });
    const missing = '00000000-0000-4000-8000-00000000abcd';
    const r = await cbr(client, 'POST', '/v3/{pid}/agent/check', {
      body: { agent_status: [web, db, { id: missing }].map((s) => ({ resource_id: s.id, resource_type: 'OS::Nova::Server' })) },
    });
    expect(r.status).toBe(200);
    expect(r.body.agent_status).toEqual([
      { code: 0, installed: true, is_old: false, message: '', resource_id: web.id, version: '2.1.0' },
      { code: 0, installed: false, is_old: false, message: '', resource_id: db.id, version: '' },
      { code: 7100, installed: false, is_old: false, message: 'The server does not exist.', resource_id: missing, version: '' },
    ]);
    const bad = await cbr(client, 'POST', '/v3/{pid}/agent/check', { body: { agent_status: [{ resource_id: web.id, resource_type: 'OS::Cinder::Volume' }] } });
    expect(bad.body.error_code).toBe('BackupService.9900');
    expect((await cbr(client, 'POST', '/v3/{pid}/agent/check', { body: { agent_status: [] } })).body.error_code).toBe('BackupService.9900');
  });
});
