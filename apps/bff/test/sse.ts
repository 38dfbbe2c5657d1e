import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

export interface SseMessage { id?: string; event?: string; data: string }

/** A real SSE client over a socket: collects parsed messages until closed. */
export class SseClient {
  readonly messages: SseMessage[] = [];
  private req: http.ClientRequest | undefined;
  res: http.IncomingMessage | undefined;
  closed = false;
  private buffer = '';
  private waiters: (() => void)[] = [];

  static async open(baseUrl: string, cookie: string, lastEventId?: string, pause = false): Promise<SseClient> {
    const c = new SseClient();
    await new Promise<void>((resolve, reject) => {
      c.req = http.get(`${baseUrl}/api/v1/events`, { headers: { cookie, ...(lastEventId ? { 'last-event-id': lastEventId } : {}) } }, (res) => {
        c.res = res;
        if (pause) res.pause();
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => c.feed(chunk));
        res.on('close', () => {
          c.closed = true;
          c.notify();
        });
        resolve();
      });
      c.req.on('error', (err) => (c.closed ? undefined : reject(err)));
    });
    return c;
  }

  private feed(chunk: string) {
    this.buffer += chunk;
    let idx;
    while ((idx = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, idx);
      this.buffer = this.buffer.slice(idx + 2);
      const msg: SseMessage = { data: '' };
      let hasData = false;
      for (const line of block.split('\n')) {
        if (line.startsWith('id: ')) msg.id = line.slice(4);
        else if (line.startsWith('event: ')) msg.event = line.slice(7);
        else if (line.startsWith('data: ')) {
          msg.data += line.slice(6);
          hasData = true;
        }
      }
      if (hasData) this.messages.push(msg);
    }
    this.notify();
  }

  private notify() {
    for (const w of this.waiters.splice(0)) w();
  }

  /** Resolves once `pred` holds for the messages so far, or rejects after `ms`. */
  async until(pred: (m: SseMessage[]) => boolean, ms = 10_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!pred(this.messages)) {
      if (this.closed) throw new Error('stream closed');
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out; got ${this.messages.length} messages`);
      await new Promise<void>((r) => {
        this.waiters.push(r);
        setTimeout(r, Math.min(left, 200));
      });
    }
  }

  close() {
    this.closed = true;
    this.req?.destroy();
  }
}

export async function listen(app: Express): Promise<{ url: string; server: http.Server; close(): Promise<void> }> {
  const server = http.createServer(app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    server,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}
