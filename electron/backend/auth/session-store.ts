import { createHash, randomBytes } from 'node:crypto';
import type { Sql } from '../store/sql';
import type { Role } from '../../../shared/domain/workflow/roles';

export interface SessionUser {
  id: number;
  username: string;
  fullName: string;
  roles: Role[];
  mustChangePassword: boolean;
}

/** An unattended desk PC locks itself: a session ends after 30 idle minutes and after 12 hours in any case. */
export const IDLE_TIMEOUT_MS = 30 * 60_000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60_000;
/**
 * How stale the stored last-seen time may get. Writing it on every call would put every read of every desk
 * behind the single writer; once a minute is plenty against a 30-minute idle limit.
 */
export const TOUCH_INTERVAL_MS = 60_000;

/** Why a token did not resolve to a user; each gets its own Vietnamese message. */
export type SessionRefusal = 'missing' | 'unknown' | 'expired' | 'revoked';

export type ResolvedSession = { ok: true; user: SessionUser } | { ok: false; reason: SessionRefusal };

interface SessionRow {
  created_ms: number;
  last_seen_ms: number;
  id: number;
  username: string;
  full_name: string;
  roles: string;
  must_change_password: number;
  is_active: number;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Login sessions, kept in the store (table login_sessions) so that they survive a restart of the office
 * server. Only the SHA-256 of each token is stored. Every call re-reads the account with the session (one
 * indexed join on the read connection), so a deactivated account is cut off and changed roles apply at the
 * very next call, on whichever server process answers it.
 */
export class SessionStore {
  /** token hash -> when its last_seen_ms was last written, to write it at most once per TOUCH_INTERVAL_MS. */
  private readonly touchedMs = new Map<string, number>();

  constructor(
    private readonly db: Sql,
    private readonly nowMs: () => number,
    private readonly onTouchError: (error: unknown) => void = () => undefined,
  ) {}

  /** Opens a session; call inside the login's transaction so the session and its audit row land together. */
  async create(userId: number, clientAddress: string | null): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const now = this.nowMs();
    await this.db.run(
      `INSERT INTO login_sessions (token_hash, user_id, created_ms, last_seen_ms, client_address)
       VALUES (?, ?, ?, ?, ?)`,
      [hashToken(token), userId, now, now, clientAddress],
    );
    return token;
  }

  /**
   * The user behind a token, as the account stands now. A call counts as activity and refreshes the idle
   * timer; an event stream's periodic check does not (`isActivity: false`), so an idle desk still times out.
   */
  async resolve(
    token: string | null | undefined,
    { isActivity = true }: { isActivity?: boolean } = {},
  ): Promise<ResolvedSession> {
    if (!token) return { ok: false, reason: 'missing' };
    const hash = hashToken(token);
    const row = await this.db.get<SessionRow>(
      `SELECT s.created_ms, s.last_seen_ms, u.id, u.username, u.full_name, u.roles, u.must_change_password,
              u.is_active
         FROM login_sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = ?`,
      [hash],
    );
    if (!row) return { ok: false, reason: 'unknown' };
    const now = this.nowMs();
    const lastSeen = Math.max(row.last_seen_ms, this.touchedMs.get(hash) ?? 0);
    if (now - lastSeen > IDLE_TIMEOUT_MS || now - row.created_ms > ABSOLUTE_TIMEOUT_MS) {
      await this.endHash(hash);
      return { ok: false, reason: 'expired' };
    }
    // The rows of a deactivated account stay until they expire, so each of its desks is told why.
    if (row.is_active !== 1) return { ok: false, reason: 'revoked' };
    if (isActivity && now - lastSeen >= TOUCH_INTERVAL_MS) this.touch(hash, now);
    return {
      ok: true,
      user: {
        id: row.id,
        username: row.username,
        fullName: row.full_name,
        roles: JSON.parse(row.roles) as Role[],
        mustChangePassword: row.must_change_password === 1,
      },
    };
  }

  async end(token: string): Promise<void> {
    await this.endHash(hashToken(token));
  }

  async endAllFor(userId: number, except?: string): Promise<void> {
    await this.db.run('DELETE FROM login_sessions WHERE user_id = ? AND token_hash <> ?', [
      userId,
      except === undefined ? '' : hashToken(except),
    ]);
  }

  /** Drops sessions that can no longer be used (start-up, daily upkeep). */
  async purgeExpired(): Promise<number> {
    const now = this.nowMs();
    this.touchedMs.clear();
    const result = await this.db.run('DELETE FROM login_sessions WHERE last_seen_ms < ? OR created_ms < ?', [
      now - IDLE_TIMEOUT_MS,
      now - ABSOLUTE_TIMEOUT_MS,
    ]);
    return result.changes;
  }

  private async endHash(hash: string): Promise<void> {
    this.touchedMs.delete(hash);
    await this.db.run('DELETE FROM login_sessions WHERE token_hash = ?', [hash]);
  }

  /**
   * Not awaited by the call being served: a read must not wait behind a long import's write transaction
   * just to move a timestamp. The in-memory mark keeps the session alive meanwhile.
   */
  private touch(hash: string, now: number): void {
    this.touchedMs.set(hash, now);
    this.db
      .run('UPDATE login_sessions SET last_seen_ms = ? WHERE token_hash = ? AND last_seen_ms < ?', [
        now,
        hash,
        now,
      ])
      .catch(this.onTouchError);
  }
}

interface ThrottleEntry {
  count: number;
  lockedUntilMs: number;
  locks: number;
}

/**
 * Slows password guessing, per account and per client address: 5 failures for a name lock that name for a
 * minute, 20 failures from one address (any names) lock that address for a minute; each further lock doubles.
 * The address limit stops one PC from trying a few passwords on every account of the office.
 */
export class LoginThrottle {
  static readonly PER_ACCOUNT = 5;
  static readonly PER_ADDRESS = 20;
  private readonly failures = new Map<string, ThrottleEntry>();

  constructor(private readonly nowMs: () => number) {}

  /** How long this attempt must wait, the longer of its account's and its address's lock. */
  lockedForMs(username: string, address: string | null = null): number {
    const keys = [accountKey(username), ...(address ? [addressKey(address)] : [])];
    return Math.max(0, ...keys.map((key) => (this.failures.get(key)?.lockedUntilMs ?? 0) - this.nowMs()));
  }

  fail(username: string, address: string | null = null): void {
    this.count(accountKey(username), LoginThrottle.PER_ACCOUNT);
    if (address) this.count(addressKey(address), LoginThrottle.PER_ADDRESS);
  }

  succeed(username: string): void {
    this.failures.delete(accountKey(username));
  }

  private count(key: string, limit: number): void {
    const entry = this.failures.get(key) ?? { count: 0, lockedUntilMs: 0, locks: 0 };
    entry.count += 1;
    if (entry.count >= limit) {
      entry.locks += 1;
      entry.lockedUntilMs = this.nowMs() + 60_000 * 2 ** Math.min(entry.locks - 1, 10);
      entry.count = 0;
    }
    this.failures.set(key, entry);
  }
}

function accountKey(username: string): string {
  return `user:${username.toLowerCase()}`;
}

function addressKey(address: string): string {
  return `addr:${address}`;
}
