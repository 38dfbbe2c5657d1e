import type { User } from '../auth/users.ts';

/** Who has an event stream open right now: what the console watches upstream is what they look at. */
export class Viewers {
  private readonly open = new Map<string, { user: User; streams: number }>();
  private readonly arrivals = new Set<(user: User) => void>();

  /** Told whenever a stream opens, so a watcher can take its first look now instead of a period later. */
  onArrive(listener: (user: User) => void): () => void {
    this.arrivals.add(listener);
    return () => this.arrivals.delete(listener);
  }

  /** One more stream of this user; the returned function closes it. */
  add(user: User): () => void {
    const entry = this.open.get(user.username) ?? { user, streams: 0 };
    entry.user = user;
    entry.streams++;
    this.open.set(user.username, entry);
    for (const listener of this.arrivals) listener(user);
    let closed = false;
    return () => {
      if (closed) return;
      closed = true;
      if (--entry.streams === 0 && this.open.get(user.username) === entry) this.open.delete(user.username);
    };
  }

  users(): User[] {
    return [...this.open.values()].map((e) => e.user);
  }
}
