import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verify, type VerifyResult } from '@console/signer';
import { SERVICE_NAMES, type CloudProfile, type RetryOptions, type ServiceName } from '../../src/index.ts';

export const AK = 'AKTESTFAKECLOUD00001';
export const SK = 'SKtestSecretKeyThatMustNeverLeak0000000000';
export const SECURITY_TOKEN = 'STStokenThatMustNeverLeakEither-9f8e7d6c5b4a';
export const PROJECT_ID = '0123456789abcdef0123456789abcdef';

export interface RecordedRequest {
  method: string;
  /** Path + query exactly as received. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The signature checked against the request as received. */
  verification: VerifyResult;
}

export type Handler = (req: RecordedRequest, res: ServerResponse, index: number) => void | Promise<void>;

export interface FakeCloud {
  url: string;
  port: number;
  requests: RecordedRequest[];
  setHandler(handler: Handler): void;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(text);
}

/** A local server standing in for every service; it records each request and checks its signature. */
export async function startFakeCloud(handler: Handler = (_r, res) => json(res, 200, {}), port = 0): Promise<FakeCloud> {
  let current = handler;
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body,
        verification: verify(
          { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body },
          (ak) => (ak === AK ? SK : undefined),
        ),
      };
      requests.push(recorded);
      await current(recorded, res, requests.length - 1);
    })();
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actualPort = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actualPort}`,
    port: actualPort,
    requests,
    setHandler(next) {
      current = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Every service under its own path prefix of one base URL, like the emulator. */
export function profileFor(baseUrl: string, overrides: Partial<CloudProfile> = {}): CloudProfile {
  const endpoints = {} as Record<ServiceName, string>;
  for (const service of SERVICE_NAMES) endpoints[service] = `${baseUrl}/${service}`;
  return { region: 'cn-north-4', projectId: PROJECT_ID, credentials: { ak: AK, sk: SK }, endpoints, ...overrides };
}

/** Records the delays asked for instead of waiting. */
export function recordingRetry(options: RetryOptions = {}): RetryOptions & { delays: number[] } {
  const delays: number[] = [];
  return {
    random: () => 0.5,
    ...options,
    delays,
    sleep: async (ms: number, signal?: AbortSignal) => {
      delays.push(ms);
      if (signal?.aborted) throw signal.reason;
    },
  };
}

/** A port nothing listens on (taken and released again). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
