import { describe, expect, it } from 'vitest';
import { Router, splitPath } from '../src/server/router.ts';
import type { Route, ServiceDef } from '../src/server/types.ts';

const service = { name: 's', prefix: '/s' } as ServiceDef;
const route = (method: Route['method'], path: string, operation: string): Route => ({ method, path, operation, handler: () => ({ status: 200 }), service });

describe('router', () => {
  const router = new Router();
  router.add(route('GET', '/v2/{project_id}/cloudvolumes/detail', 'List'));
  router.add(route('GET', '/v2/{project_id}/cloudvolumes/{volume_id}', 'Show'));
  router.add(route('DELETE', '/v2/{project_id}/cloudvolumes/{volume_id}', 'Delete'));
  router.add(route('POST', '/v2/{project_id}/cloudvolumes/{volume_id}/tags/action', 'Tags'));
  router.add(route('POST', '/v2/{project_id}/cloudvolumes/resource_instances/action', 'ByTag'));
  router.add(route('GET', '/{version}', 'Version'));
  router.add(route('GET', '/', 'Versions'));

  const find = (method: string, path: string) => {
    const m = router.find(method, path);
    return m.kind === 'found' ? [m.route.operation, m.params] : ['none'];
  };

  it('prefers static segments and captures params', () => {
    expect(find('GET', '/s/v2/p1/cloudvolumes/detail')).toEqual(['List', { project_id: 'p1' }]);
    expect(find('GET', '/s/v2/p1/cloudvolumes/abc')).toEqual(['Show', { project_id: 'p1', volume_id: 'abc' }]);
    expect(find('POST', '/s/v2/p1/cloudvolumes/resource_instances/action')).toEqual(['ByTag', { project_id: 'p1' }]);
    expect(find('POST', '/s/v2/p1/cloudvolumes/abc/tags/action')).toEqual(['Tags', { project_id: 'p1', volume_id: 'abc' }]);
  });

  it('backtracks from a dead-end static branch into a param branch', () => {
    expect(find('DELETE', '/s/v2/p1/cloudvolumes/detail')).toEqual(['Delete', { project_id: 'p1', volume_id: 'detail' }]);
    expect(find('GET', '/s/v2')).toEqual(['Version', { version: 'v2' }]);
    expect(find('GET', '/s/')).toEqual(['Versions', {}]);
  });

  it('distinguishes methods and unknown paths', () => {
    expect(find('PUT', '/s/v2/p1/cloudvolumes/abc')).toEqual(['none']);
    expect(find('GET', '/s/v2/p1/nothing/here')).toEqual(['none']);
    expect(find('GET', '/other/v2')).toEqual(['none']);
  });

  it('refuses duplicate routes and conflicting parameter names', () => {
    expect(() => router.add(route('GET', '/v2/{project_id}/cloudvolumes/detail', 'Again'))).toThrow(/duplicate/);
    expect(() => router.add(route('GET', '/v2/{tenant}/x', 'X'))).toThrow(/conflicting/);
  });

  it('splits paths ignoring empty segments', () => {
    expect(splitPath('/a//b/')).toEqual(['a', 'b']);
    expect(splitPath('/')).toEqual([]);
  });
});
