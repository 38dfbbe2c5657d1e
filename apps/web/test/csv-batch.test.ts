import { beforeAll, describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import type { Task, User } from '@console/contract';
import { partitionBatch, runBatch, runBatchTask, type BatchItemError } from '../src/components/list/batch.ts';
import { csvField, csvFileName, toCsv } from '../src/components/list/csv.ts';
import { describeUserConflict, whyNotChangeRole, whyNotDelete } from '../src/features/settings/userRules.ts';
import { ApiRequestError } from '../src/lib/api.ts';
import { translator } from './translator.ts';

let t: TFunction;
let zh: TFunction;
beforeAll(async () => {
  t = await translator('en');
  zh = await translator('zh');
});

describe('CSV export', () => {
  it('leaves plain values alone and empties null and undefined', () => {
    expect([csvField('disk-01'), csvField(42), csvField(-3.5), csvField(true), csvField(null), csvField(undefined)]).toEqual(['disk-01', '42', '-3.5', 'true', '', '']);
  });

  it('quotes fields with commas, quotes, line breaks or edge spaces, doubling the quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField(' padded')).toBe('" padded"');
  });

  it('defuses text a spreadsheet would run as a formula, but not numbers', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-10')).toBe("'-10");
    expect(csvField(-10)).toBe('-10');
  });

  it('writes a document with a byte-order mark and CRLF lines that keeps Chinese intact', () => {
    expect(toCsv(['名称', 'size'], [['数据盘, 一', 10], ['b', null]])).toBe('\uFEFF名称,size\r\n"数据盘, 一",10\r\nb,\r\n');
  });

  it('names the file after the list and the day', () => {
    expect(csvFileName('tasks', new Date(2024, 4, 3, 23, 59))).toBe('tasks-2024-05-03.csv');
    expect(csvFileName('a/b c', new Date(2024, 0, 9))).toBe('a-b-c-2024-01-09.csv');
  });
});

describe('batch actions', () => {
  const user = (username: string, role: User['role']): User => ({ username, role, createdAt: '2024-01-01T00:00:00Z', updatedAt: '2024-01-01T00:00:00Z' });
  const users = [user('admin', 'admin'), user('bob', 'operator'), user('carol', 'viewer')];
  const context = { self: 'admin', users };

  it('says per item why it cannot be deleted, before anything is sent', () => {
    const { allowed, refused } = partitionBatch(users, (item) => whyNotDelete(item, context));
    expect(allowed.map((item) => item.username)).toEqual(['bob', 'carol']);
    expect(refused).toEqual([{ item: users[0], reason: 'settings.users.reasons.self' }]);
    expect(t(refused[0]!.reason)).toBe('You cannot delete your own account.');
  });

  it('protects the last administrator, and only the last one', () => {
    expect(whyNotDelete(user('eve', 'admin'), { self: 'bob', users: [user('eve', 'admin'), user('bob', 'viewer')] })).toBe('settings.users.reasons.lastAdmin');
    expect(whyNotDelete(user('eve', 'admin'), { self: 'bob', users: [user('eve', 'admin'), user('bob', 'admin')] })).toBeUndefined();
    expect(whyNotChangeRole(users[0]!, 'viewer', context)).toBe('settings.users.reasons.lastAdmin');
    expect(whyNotChangeRole(users[0]!, 'admin', context)).toBeUndefined();
    expect(whyNotChangeRole(users[1]!, 'viewer', context)).toBeUndefined();
  });

  it('runs every allowed item even when some fail, reporting each result as it comes', async () => {
    const seen: string[] = [];
    const results = await runBatch(
      ['a', 'b', 'c'],
      async (item) => {
        if (item === 'b') throw new ApiRequestError({ status: 409, code: 'CONFLICT', message: 'busy' });
        return item;
      },
      (result, done) => seen.push(`${done}:${result.item}:${result.ok}`),
    );
    expect(seen).toEqual(['1:a:true', '2:b:false', '3:c:true']);
    expect(results[1]).toMatchObject({ item: 'b', ok: false, error: { code: 'CONFLICT' } });
  });

  it('a batch route answers per item through its task\'s subtasks', async () => {
    const task = {
      id: 't1', kind: 'disk.delete', profileId: 'default', status: 'running', user: 'ann', progress: 0, targets: [],
      createdAt: '2026-11-25T00:00:00Z', updatedAt: '2026-11-25T00:00:00Z',
      subtasks: [
        { id: 's1', target: { type: 'disk', id: 'a' }, status: 'running', progress: 0 },
        { id: 's2', target: { type: 'disk', id: 'b' }, status: 'failed', progress: 0, error: { code: 'EVS.2024', service: 'evs', message: 'attached' } },
      ],
    } as unknown as Task;
    let sent: readonly string[] = [];
    const { task: answered, results } = await runBatchTask(['a', 'b', 'c'], async (ids) => ((sent = ids), { task }), (id) => id);
    expect(sent).toEqual(['a', 'b', 'c']);
    expect(answered?.id).toBe('t1');
    expect(results.map((r) => r.ok)).toEqual([true, false, false]);
    expect((results[1] as { error: BatchItemError }).error.message).toBe('attached (EVS.2024)');
    expect((results[2] as { error: BatchItemError }).error.taskError.code).toBe('NO_ANSWER');

    const refused = new ApiRequestError({ status: 400, code: 'VALIDATION', message: 'too many' });
    const failed = await runBatchTask(['a'], () => Promise.reject(refused), (id) => id);
    expect(failed.task).toBeUndefined();
    expect(failed.results).toEqual([{ item: 'a', ok: false, error: refused }]);
  });

  it('says the BFF\'s 409 refusals in words, in the reader\'s language', () => {
    const conflict = new ApiRequestError({ status: 409, code: 'CONFLICT', message: 'A user named "bob" already exists' });
    expect(describeUserConflict(conflict, 'create', 'bob', context, t)).toBe('A user named bob already exists.');
    expect(describeUserConflict(conflict, 'create', 'bob', context, zh)).toBe('已存在名为 bob 的用户。');
    expect(describeUserConflict(conflict, 'delete', 'admin', context, t)).toBe('You cannot delete your own account.');
    expect(describeUserConflict(conflict, 'update', 'eve', context, t)).toMatch(/last administrator/);
    expect(describeUserConflict(new ApiRequestError({ status: 403, code: 'FORBIDDEN', message: 'no' }), 'delete', 'bob', context, t)).toBeUndefined();
  });
});
