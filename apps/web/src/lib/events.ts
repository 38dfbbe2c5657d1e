import { ConsoleEventSchema, type ConsoleEvent } from '@console/contract';

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting';

/** What the stream reports upwards. */
export type StreamMessage =
  | { kind: 'event'; event: ConsoleEvent }
  /** The server no longer has what we missed: everything shown may be out of date. */
  | { kind: 'reset' }
  /** Connected; `resumed` when the server replays from our last event, so nothing was missed. */
  | { kind: 'open'; resumed: boolean };

/** The part of the browser's EventSource the stream uses, so tests can hand in a fake. */
export interface EventSourceLike {
  onopen: ((event: Event) => void) | null;
  onerror: ((event: Event) => void) | null;
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  close(): void;
}

export interface LiveStreamOptions {
  url: string;
  create: (url: string) => EventSourceLike;
  /** Runs `run` after `ms`; returns a cancel function. */
  schedule: (run: () => void, ms: number) => () => void;
  onMessage: (message: StreamMessage) => void;
  onStatus: (status: ConnectionStatus) => void;
  random?: () => number;
}

/** SSE event names carrying a ConsoleEvent; `reset` (history expired, or the data behind it replaced) is handled apart. */
const dataEventTypes = ['task', 'resource', 'emulator'] as const;

const firstRetryMs = 1000;
const maxRetryMs = 30_000;

/**
 * Waiting time before reconnect attempt `attempt` (0-based): doubling from a second up to half a
 * minute, with jitter so that many tabs cut off together by a restart do not return together.
 */
export function backoffDelay(attempt: number, random: number): number {
  const ceiling = Math.min(maxRetryMs, firstRetryMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling * (0.5 + random / 2));
}

/** The events URL, resuming after `lastEventId` when one is known. */
export function streamUrl(base: string, lastEventId: string | undefined): string {
  if (!lastEventId) return base;
  return `${base}${base.includes('?') ? '&' : '?'}lastEventId=${encodeURIComponent(lastEventId)}`;
}

/**
 * One Server-Sent Events connection with our own reconnect policy. The browser's built-in retry
 * runs at a fixed pace and gives up for good on an HTTP error; closing on every error and
 * reconnecting here, with the last event id in the URL, gives backoff and resumes without gaps.
 */
export class LiveEventStream {
  private source: EventSourceLike | undefined;
  private cancelRetry: (() => void) | undefined;
  private attempt = 0;
  private lastEventId: string | undefined;
  private stopped = true;

  constructor(private readonly options: LiveStreamOptions) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.open();
  }

  stop(): void {
    this.stopped = true;
    this.cancelRetry?.();
    this.cancelRetry = undefined;
    this.source?.close();
    this.source = undefined;
  }

  /** Skips the remaining wait (the browser came back online). */
  reconnectNow(): void {
    if (this.stopped || !this.cancelRetry) return;
    this.cancelRetry();
    this.cancelRetry = undefined;
    this.open();
  }

  private open(): void {
    const resumed = this.lastEventId !== undefined;
    const source = this.options.create(streamUrl(this.options.url, this.lastEventId));
    this.source = source;
    source.onopen = () => {
      if (this.source !== source) return;
      this.attempt = 0;
      this.options.onStatus('connected');
      this.options.onMessage({ kind: 'open', resumed });
    };
    source.onerror = () => {
      if (this.source !== source) return;
      source.close();
      this.source = undefined;
      this.options.onStatus('reconnecting');
      const delay = backoffDelay(this.attempt++, (this.options.random ?? Math.random)());
      this.cancelRetry = this.options.schedule(() => {
        this.cancelRetry = undefined;
        if (!this.stopped) this.open();
      }, delay);
    };
    const onEvent = (message: MessageEvent<string>) => {
      if (this.source !== source) return;
      if (message.lastEventId) this.lastEventId = message.lastEventId;
      const event = parseEvent(message.data);
      if (event) this.options.onMessage({ kind: 'event', event });
    };
    for (const type of dataEventTypes) source.addEventListener(type, onEvent);
    source.addEventListener('reset', (message) => {
      if (this.source !== source) return;
      if (message.lastEventId) this.lastEventId = message.lastEventId;
      this.options.onMessage({ kind: 'reset' });
    });
  }
}

/** An event the contract does not describe is dropped rather than let into the caches. */
export function parseEvent(data: string): ConsoleEvent | undefined {
  try {
    const parsed = ConsoleEventSchema.safeParse(JSON.parse(data));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
