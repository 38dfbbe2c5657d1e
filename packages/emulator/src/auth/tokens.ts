import { createHmac, timingSafeEqual } from 'node:crypto';
import type { VirtualClock } from '../clock/clock.ts';

export const TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000;

export interface TokenClaims {
  userId: string;
  domainId: string;
  /** null for a domain-scoped token. */
  projectId: string | null;
  issuedAt: number;
  expiresAt: number;
}

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: 'malformed' | 'expired' };

/**
 * Self-contained tokens: claims plus an HMAC under a secret kept in the store, so a token stays
 * valid across restarts without a lookup. Lifetimes follow the emulator clock, so advancing the
 * clock by a day expires tokens as the real IAM would.
 */
export class TokenService {
  private readonly cache = new Map<string, TokenClaims>();

  constructor(
    private readonly secret: Buffer,
    private readonly clock: VirtualClock,
  ) {}

  issue(claims: Omit<TokenClaims, 'issuedAt' | 'expiresAt'>): { token: string; claims: TokenClaims } {
    const issuedAt = this.clock.now();
    const full: TokenClaims = { ...claims, issuedAt, expiresAt: issuedAt + TOKEN_LIFETIME_MS };
    // Real IAM tokens are PKI blobs starting with "MII"; keep the look.
    const payload = 'MII' + Buffer.from(JSON.stringify(full)).toString('base64url');
    return { token: `${payload}.${this.mac(payload)}`, claims: full };
  }

  check(token: string): TokenCheck {
    let claims = this.cache.get(token);
    if (!claims) {
      const parsed = this.parse(token);
      if (!parsed) return { ok: false, reason: 'malformed' };
      claims = parsed;
      if (this.cache.size > 10_000) this.cache.clear();
      this.cache.set(token, claims);
    }
    if (this.clock.now() >= claims.expiresAt) return { ok: false, reason: 'expired' };
    return { ok: true, claims };
  }

  private parse(token: string): TokenClaims | undefined {
    const dot = token.lastIndexOf('.');
    if (dot < 0 || !token.startsWith('MII')) return undefined;
    const payload = token.slice(0, dot);
    const given = Buffer.from(token.slice(dot + 1));
    const expected = Buffer.from(this.mac(payload));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    try {
      return JSON.parse(Buffer.from(payload.slice(3), 'base64url').toString('utf8')) as TokenClaims;
    } catch {
      return undefined;
    }
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
}
