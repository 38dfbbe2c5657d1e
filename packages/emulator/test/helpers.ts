import { request as httpRequest, Agent } from 'node:http';
import { stringify } from 'node:querystring';
import { sign } from '@console/signer';
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js';
import { BasicCredentials } from '@huaweicloud/huaweicloud-sdk-core/auth/BasicCredentials.js';
import { HttpRequestBuilder } from '@huaweicloud/huaweicloud-sdk-core/http/IHttpRequestBuilder.js';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { emulatorDefaults, startEmulator, type EmulatorOptions, type RunningEmulator } from '../src/index.ts';

export type Auth = 'aksk' | 'sdk' | 'token' | 'none';

/**
 * A decoded JSON answer. Tests read deep fields and let the assertions check their shape, so
 * answers are deliberately untyped here (and only here).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface CallOptions {
  body?: unknown;
  /** Sent as is (for malformed bodies); overrides body. */
  raw?: string | Buffer;
  query?: Record<string, string | string[]>;
  auth?: Auth;
  headers?: Record<string, string>;
}

export interface Reply<T = Json> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: T;
  text: string;
}

const agent = new Agent({ keepAlive: true });

/** Sends one request over real HTTP, signed with our signer, the official SDK signer, or a token. */
export class Client {
  private tokenValue: string | undefined;
  private target: RunningEmulator | undefined;

  constructor(
    /** Left out by useTestEmulator, which attaches the file's emulator once it has started. */
    emulator?: RunningEmulator,
    readonly creds = { ak: emulatorDefaults.ak, sk: emulatorDefaults.sk },
    /** How calls authenticate unless they say otherwise. */
    readonly defaultAuth: Auth = 'aksk',
  ) {
    this.target = emulator;
  }

  get emulator(): RunningEmulator {
    if (!this.target) throw new Error('the test emulator has not started yet: use the client inside tests and hooks');
    return this.target;
  }

  get projectId(): string {
    return this.emulator.info.projectId;
  }

  /** Points the client at an emulator; a token issued by a previous one is forgotten. */
  attach(emulator: RunningEmulator): void {
    this.target = emulator;
    this.tokenValue = undefined;
  }

  /** `{pid}` in a path is replaced by the project id. */
  path(p: string): string {
    return p.replaceAll('{pid}', this.projectId);
  }

  async token(): Promise<string> {
    if (this.tokenValue) return this.tokenValue;
    const r = await this.call('POST', '/iam/v3/auth/tokens', { auth: 'none', body: passwordAuth() });
    if (r.status !== 201) throw new Error(`token: ${r.status} ${r.text}`);
    this.tokenValue = r.headers['x-subject-token'] as string;
    return this.tokenValue;
  }

  evs<T = Json>(method: string, p: string, opts: CallOptions = {}): Promise<Reply<T>> {
    return this.call(method, `/evs${this.path(p)}`, opts);
  }

  async call<T = Json>(method: string, p: string, opts: CallOptions = {}): Promise<Reply<T>> {
    const qs = opts.query ? stringify(opts.query) : '';
    const wirePath = qs ? `${p}?${qs}` : p;
    const url = `${this.emulator.url}${wirePath}`;
    const payload = opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
    let headers: Record<string, string> = { ...(payload !== undefined ? { 'Content-Type': 'application/json' } : {}), ...opts.headers };
    const auth = opts.auth ?? this.defaultAuth;
    if (auth === 'aksk') {
      headers = sign({ method, url, headers, body: payload }, { ...this.creds, projectId: this.projectId });
    } else if (auth === 'sdk') {
      headers = officialSign(method, `${this.emulator.url}${p}`, opts.query ?? {}, headers, opts.body, this.creds, this.projectId);
    } else if (auth === 'token') {
      headers['X-Auth-Token'] = await this.token();
    }
    return send(method, url, headers, payload);
  }
}

export function passwordAuth(overrides: { password?: string; scope?: unknown } = {}): unknown {
  return {
    auth: {
      identity: {
        methods: ['password'],
        password: {
          user: { name: emulatorDefaults.userName, password: overrides.password ?? emulatorDefaults.password, domain: { name: emulatorDefaults.domainName } },
        },
      },
      scope: overrides.scope ?? { project: { name: emulatorDefaults.region } },
    },
  };
}

/** The official Node SDK's signer, driven as its HcClient drives it. */
function officialSign(
  method: string,
  endpoint: string,
  query: Record<string, string | string[]>,
  headers: Record<string, string>,
  data: unknown,
  creds: { ak: string; sk: string },
  projectId: string,
): Record<string, string> {
  const credentials = new BasicCredentials().withAk(creds.ak).withSk(creds.sk);
  const request = new HttpRequestBuilder()
    .withEndpoint(endpoint)
    .withMethod(method)
    .withHeaders({ ...headers, 'X-Project-Id': projectId })
    .withQueryParams({ ...query })
    .withData(data as object)
    .build();
  return AKSKSigner.sign(request, credentials) as Record<string, string>;
}

function send(method: string, url: string, headers: Record<string, string>, payload: string | Buffer | undefined): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown;
        try {
          body = text ? JSON.parse(text) : undefined;
        } catch {
          body = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    if (payload !== undefined) req.end(payload);
    else req.end();
  });
}

export async function startTestEmulator(opts: EmulatorOptions = {}, auth: Auth = 'aksk'): Promise<{ emulator: RunningEmulator; client: Client }> {
  const emulator = await startEmulator({ port: 0, dbPath: ':memory:', speed: 'instant', quiet: true, ...opts });
  return { emulator, client: new Client(emulator, undefined, auth) };
}

/** Control API shorthand. */
export function control(client: Client, method: string, p: string, body?: unknown): Promise<Reply> {
  return client.call(method, `/__emulator${p}`, { auth: 'none', ...(body === undefined ? {} : { body }) });
}

/**
 * What the clock does after a reset: `frozen` stands still so the test moves time itself;
 * `instant` puts back the instant speed a previous test may have changed.
 */
export type ResetClock = 'frozen' | 'instant';

/** Empties the emulator (no seed) and sets its clock. */
export async function reset(client: Client, clock?: ResetClock): Promise<void> {
  await control(client, 'POST', '/reset');
  if (clock === 'frozen') await control(client, 'POST', '/clock/freeze');
  if (clock === 'instant') await control(client, 'PUT', '/clock', { speed: 'instant' });
}

export interface TestEmulatorSetup {
  /** How the client's calls authenticate unless they say otherwise. */
  auth?: Auth;
  /** Empty the emulator before each test (on unless the file builds its state once). */
  resetEachTest?: boolean;
  /** The clock after each reset. */
  clock?: ResetClock;
}

/**
 * One emulator for the test file: started before its tests, closed after them and, unless told
 * otherwise, reset before each test. The client is returned at once so that tests and helpers can
 * close over it; it reaches the emulator from the file's first hook on.
 */
export function useTestEmulator(options: EmulatorOptions = {}, setup: TestEmulatorSetup = {}): Client {
  const client = new Client(undefined, undefined, setup.auth);
  let emulator: RunningEmulator | undefined;
  beforeAll(async () => {
    ({ emulator } = await startTestEmulator(options));
    client.attach(emulator);
  });
  afterAll(() => emulator?.close());
  if (setup.resetEachTest ?? true) beforeEach(() => reset(client, setup.clock));
  return client;
}

export const AZ = { a: 'cn-north-4a', b: 'cn-north-4b', c: 'cn-north-4c' };

/** Creates disks through the custom API and returns their ids (instant speed: done by the next call). */
export async function createDisks(client: Client, volume: Record<string, unknown>, extra: Record<string, unknown> = {}): Promise<{ jobId: string; ids: string[] }> {
  const r = await client.evs('POST', '/v2.1/{pid}/cloudvolumes', { body: { volume: { availability_zone: AZ.a, volume_type: 'SSD', size: 10, ...volume }, ...extra } });
  if (r.status !== 202) throw new Error(`create: ${r.status} ${r.text}`);
  return { jobId: r.body.job_id, ids: r.body.volume_ids };
}
