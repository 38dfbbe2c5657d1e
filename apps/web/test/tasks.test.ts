import { beforeAll, describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import type { RouteObject } from 'react-router';
import type { Task } from '@console/contract';
import { fieldErrorText, wordedErrorType } from '../src/components/form/fieldErrors.ts';
import { toAuditParams } from '../src/features/settings/auditQuery.ts';
import { newPasswordHints } from '../src/features/settings/userRules.ts';
import { toTaskParams } from '../src/features/tasks/taskQuery.ts';
import { qualifiedCode, shouldAnnounceFinish, sortTasks } from '../src/features/tasks/taskModel.ts';
import { taskDuration, taskTitle } from '../src/features/tasks/taskDetailsText.ts';
import { taskKindLabel } from '../src/features/tasks/taskText.ts';
import type { ListRequest } from '../src/components/list/types.ts';
import { resourcePathIn } from '../src/lib/resourcePath.ts';
import { translator } from './translator.ts';

let t: TFunction;
let zh: TFunction;
beforeAll(async () => {
  t = await translator('en');
  zh = await translator('zh');
});

const task = (id: string, status: Task['status'], createdAt: string, overrides: Partial<Task> = {}): Task => ({
  id,
  kind: 'disk.delete',
  profileId: 'emulator',
  username: 'alice',
  status,
  progress: 0,
  targets: [],
  subtasks: [],
  createdAt,
  updatedAt: createdAt,
  ...overrides,
});

describe('task order in the task center', () => {
  it('puts running tasks first, then queued, then the rest, newest first within each', () => {
    const tasks = [
      task('done-new', 'succeeded', '2024-05-03T10:05:00Z'),
      task('run-old', 'running', '2024-05-03T10:00:00Z'),
      task('queued', 'queued', '2024-05-03T10:06:00Z'),
      task('failed-old', 'failed', '2024-05-03T09:00:00Z'),
      task('run-new', 'running', '2024-05-03T10:04:00Z'),
      task('partial', 'partially_failed', '2024-05-03T10:01:00Z'),
    ];
    expect(sortTasks(tasks).map((item) => item.id)).toEqual(['run-new', 'run-old', 'queued', 'done-new', 'partial', 'failed-old']);
    expect(tasks[0]!.id).toBe('done-new');
  });
});

describe('finished-task announcements', () => {
  const now = Date.parse('2024-05-03T10:10:00Z');
  const finished = task('t', 'failed', '2024-05-03T10:00:00Z', { finishedAt: '2024-05-03T10:09:30Z' });

  it('announce the person\'s own task going from open to finished', () => {
    expect(shouldAnnounceFinish('running', finished, 'alice', now)).toBe(true);
    expect(shouldAnnounceFinish('queued', { ...finished, status: 'succeeded' }, 'alice', now)).toBe(true);
  });

  it('stay quiet for others\' tasks, tasks still open and tasks already known finished', () => {
    expect(shouldAnnounceFinish('running', finished, 'bob', now)).toBe(false);
    expect(shouldAnnounceFinish('queued', { ...finished, status: 'running' }, 'alice', now)).toBe(false);
    expect(shouldAnnounceFinish('failed', finished, 'alice', now)).toBe(false);
    expect(shouldAnnounceFinish(undefined, finished, 'alice', now + 3_600_000)).toBe(false);
    expect(shouldAnnounceFinish(undefined, finished, 'alice', now)).toBe(true);
  });
});

describe('task words', () => {
  it('names known kinds in both languages and shows unknown kinds as they are', () => {
    expect(taskKindLabel('disk.expand', t)).toBe('Expand disk');
    expect(taskKindLabel('disk.expand', zh)).toBe('扩容云硬盘');
    expect(taskKindLabel('vault.create', t)).toBe('Create vault');
    expect(taskKindLabel('cluster.create', t)).toBe('cluster.create');
  });

  it('titles a task by its first target and counts the rest', () => {
    const one = task('t', 'running', '2024-05-03T10:00:00Z', { targets: [{ type: 'disk', id: 'v1', name: 'data' }] });
    expect(taskTitle(one, t)).toBe('Delete disk: data');
    const many = { ...one, targets: [...one.targets, { type: 'disk' as const, id: 'v2' }, { type: 'disk' as const, id: 'v3' }] };
    expect(taskTitle(many, zh)).toBe('删除云硬盘（对象：data 等 2 项）');
  });

  it('says how long a task ran, or has been running', () => {
    const running = task('t', 'running', '2024-05-03T10:00:00Z');
    expect(taskDuration(running, Date.parse('2024-05-03T10:00:42Z'), t)).toBe('42 s');
    expect(taskDuration({ ...running, finishedAt: '2024-05-03T11:02:05Z' }, 0, t)).toBe('1 h 2 min');
    expect(taskDuration({ ...running, finishedAt: '2024-05-03T10:03:05Z' }, 0, zh)).toBe('3 分 5 秒');
  });

  it('prefixes the service only to codes that do not name it already', () => {
    expect(qualifiedCode({ code: 'EVS.2024', message: 'x', service: 'evs' })).toBe('EVS.2024');
    expect(qualifiedCode({ code: 'Common.0013', message: 'x', service: 'ecs' })).toBe('ECS Common.0013');
    expect(qualifiedCode({ code: 'TIMEOUT', message: 'x' })).toBe('TIMEOUT');
  });
});

describe('list views as API queries', () => {
  const request = (overrides: Partial<ListRequest>): ListRequest => ({ search: '', filters: {}, sort: undefined, offset: 0, limit: 50, cursor: undefined, ...overrides });

  it('sends only the task filters that are set, so equal views share one cache entry', () => {
    expect(toTaskParams(request({}))).toEqual({ limit: 50 });
    const params = toTaskParams(request({ search: 'vol-1', filters: { status: ['open'], kind: ['disk.create'], username: ['bob'], since: ['2024-05-01'] }, cursor: 't-9', limit: 100 }));
    expect(params).toMatchObject({ limit: 100, status: 'open', kind: 'disk.create', username: 'bob', resourceId: 'vol-1', before: 't-9' });
    expect(new Date(params.since!).getDate()).toBe(1);
    expect(toTaskParams(request({ filters: { status: ['exploded'] } }))).toEqual({ limit: 50 });
  });

  it('maps the audit view: search is the action, the days bound the period', () => {
    const params = toAuditParams(request({ search: 'user.', filters: { username: ['admin'], result: ['error'], since: ['2024-05-01'], until: ['2024-05-02'] }, cursor: '120' }));
    expect(params).toMatchObject({ limit: '50', action: 'user.', username: 'admin', result: 'error', before: '120' });
    expect(Date.parse(params.until!) - Date.parse(params.since!)).toBe(2 * 86_400_000);
  });
});

describe('links to resources', () => {
  const routes: RouteObject[] = [
    {
      path: '/',
      children: [
        { index: true },
        { path: 'disks/:id' },
        { path: 'settings', children: [{ path: 'users' }] },
        { path: '*' },
      ],
    },
  ];

  it('link only where the router has a page, never to the catch-all', () => {
    expect(resourcePathIn(routes, { type: 'disk', id: 'v 1' })).toBe('/disks/v%201');
    expect(resourcePathIn(routes, { type: 'server', id: 's1' })).toBeUndefined();
    expect(resourcePathIn(routes, { type: 'user', id: 'bob' })).toBe('/settings/users?q=bob');
    expect(resourcePathIn(routes, { type: 'profile', id: 'p' })).toBeUndefined();
  });
});

describe('form errors in words', () => {
  it('says the contract\'s password rule with its numbers, and keeps worded errors as they are', () => {
    expect(fieldErrorText({ type: 'too_small', message: 'at least 12 characters' }, zh, newPasswordHints(zh))).toBe('至少 12 个字符。');
    expect(fieldErrorText({ type: 'too_small', message: 'required' }, t)).toBe('This field is required.');
    expect(fieldErrorText({ type: 'invalid_format', message: 'bad' }, t)).toBe('This value is not valid.');
    expect(fieldErrorText({ type: wordedErrorType, message: 'Already taken.' }, t)).toBe('Already taken.');
    expect(fieldErrorText(undefined, t)).toBeUndefined();
  });
});
