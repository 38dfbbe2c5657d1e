import type { Express } from 'express';
import { emulatorDefaults, startEmulator, type RunningEmulator } from '@console/emulator';
import type { Disk, Task } from '@console/contract';
import type { ConsoleContext } from '../src/context.ts';
import { emulatorProfile } from '../src/profiles/index.ts';
import { loginAs, makeApp, withUser, type LoggedIn } from './helpers.ts';

/** A console in front of a real emulator (instant speed, demo data), with a user of each role. */
export interface ConsoleOnEmulator {
  emulator: RunningEmulator;
  app: Express;
  ctx: ConsoleContext;
  admin: LoggedIn;
  operator: LoggedIn;
  viewer: LoggedIn;
  /** The emulator's control API (`/__emulator/...`), which needs no credentials. */
  control(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
  /** Wipes the emulator, seeds the demo set again, removes every fault and makes transitions instant. */
  reset(): Promise<void>;
  /** Polls the task through the console API until it stops running. */
  settled(taskId: string, as?: LoggedIn): Promise<Task>;
  /** The disk with exactly this name, read through the console API; throws when there is none. */
  diskNamed(name: string): Promise<Disk>;
  close(): Promise<void>;
}

const terminal = new Set(['succeeded', 'failed', 'partially_failed']);

export async function startConsoleOnEmulator(): Promise<ConsoleOnEmulator> {
  const emulator = await startEmulator({ port: 0, dbPath: ':memory:', speed: 'instant', seed: 'demo', quiet: true });
  const { region, projectId, ak } = emulator.info;
  const profile = emulatorProfile({ url: emulator.url, region, projectId, ak, sk: emulatorDefaults.sk });
  const { app, ctx, users } = await makeApp({ profiles: [profile] });
  ctx.tracker.start();
  await withUser(users, 'operator', 'operator');
  await withUser(users, 'viewer', 'viewer');
  const [admin, operator, viewer] = await Promise.all([
    loginAs(app),
    loginAs(app, 'operator', 'operator-password-123'),
    loginAs(app, 'viewer', 'viewer-password-123'),
  ]);

  const control = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${emulator.url}/__emulator${path}`, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  };

  const settled = async (taskId: string, as: LoggedIn = operator): Promise<Task> => {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const res = await as.get(`/api/v1/tasks/${taskId}`);
      if (res.status !== 200) throw new Error(`task ${taskId}: ${res.status} ${JSON.stringify(res.body)}`);
      const task = res.body as Task;
      if (terminal.has(task.status)) return task;
      if (Date.now() > deadline) throw new Error(`task ${taskId} still ${task.status}: ${JSON.stringify(task)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  const diskNamed = async (name: string): Promise<Disk> => {
    const found = ((await viewer.get(`/api/v1/disks?name=${encodeURIComponent(name)}`)).body.items as Disk[]).find((d) => d.name === name);
    if (!found) throw new Error(`no disk named ${name}`);
    return found;
  };

  return {
    emulator,
    app,
    ctx,
    admin,
    operator,
    viewer,
    control,
    settled,
    diskNamed,
    reset: async () => {
      const r = await control('POST', '/reset?seed=demo');
      if (r.status !== 200) throw new Error(`emulator reset: ${r.status} ${JSON.stringify(r.body)}`);
      // a test may have slowed the clock down
      await control('PUT', '/clock', { speed: 'instant' });
    },
    close: async () => {
      await ctx.tracker.stop();
      await emulator.close();
      ctx.db.close();
    },
  };
}
