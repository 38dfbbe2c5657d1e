import { ErrorCodes } from '@console/contract';
import { HttpError } from '../http/errors.ts';
import type { Db } from '../store/db.ts';
import type { User } from '../auth/users.ts';
import type { CloudProfile } from './types.ts';

/** The profiles this console knows, and which one each user is working in. */
export class ProfileRegistry {
  private readonly byId = new Map<string, CloudProfile>();

  constructor(private readonly db: Db, profiles: CloudProfile[]) {
    if (profiles.length === 0) throw new Error('no cloud profile configured');
    for (const p of profiles) {
      if (this.byId.has(p.id)) throw new Error(`two cloud profiles have the id "${p.id}"`);
      this.byId.set(p.id, p);
    }
  }

  all(): CloudProfile[] {
    return [...this.byId.values()];
  }

  visibleTo(user: User): CloudProfile[] {
    return this.all().filter((p) => mayUse(user, p));
  }

  get(id: string): CloudProfile | undefined {
    return this.byId.get(id);
  }

  /** The user's chosen profile when still usable, else the first one they may use. */
  activeFor(user: User): CloudProfile {
    const row = this.db.prepare('SELECT active_profile FROM users WHERE username = ?').get(user.username) as
      | { active_profile: string | null }
      | undefined;
    const chosen = row?.active_profile ? this.byId.get(row.active_profile) : undefined;
    if (chosen && mayUse(user, chosen)) return chosen;
    const first = this.visibleTo(user)[0];
    if (!first) throw new HttpError(403, ErrorCodes.forbidden, `No cloud profile is open to user ${user.username}; ask an admin`);
    return first;
  }

  setActive(user: User, id: string): CloudProfile | undefined {
    const p = this.byId.get(id);
    if (!p || !mayUse(user, p)) return undefined;
    this.db.prepare('UPDATE users SET active_profile = ? WHERE username = ?').run(id, user.username);
    return p;
  }
}

function mayUse(user: User, p: CloudProfile): boolean {
  return user.role === 'admin' || !p.allowedUsers || p.allowedUsers.includes(user.username);
}
