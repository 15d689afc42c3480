import { randomBytes } from 'node:crypto';
import type { Role } from '../../../shared/domain/workflow/roles';

export interface SessionUser {
  id: number;
  username: string;
  fullName: string;
  roles: Role[];
  mustChangePassword: boolean;
}

interface Entry {
  user: SessionUser;
  createdMs: number;
  lastSeenMs: number;
}

/** An unattended desk PC locks itself: a session ends after 30 idle minutes and after 12 hours in any case. */
export const IDLE_TIMEOUT_MS = 30 * 60_000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60_000;

/**
 * Login sessions live in memory only: a restart of the app ends every session, and a token never reaches
 * the disk or a backup.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Entry>();

  constructor(private readonly nowMs: () => number) {}

  create(user: SessionUser): string {
    const token = randomBytes(32).toString('base64url');
    const now = this.nowMs();
    this.sessions.set(token, { user, createdMs: now, lastSeenMs: now });
    return token;
  }

  /** The user behind a token, refreshing its idle timer; null when unknown or expired. */
  touch(token: string | null | undefined): SessionUser | null {
    if (!token) return null;
    const entry = this.sessions.get(token);
    if (!entry) return null;
    const now = this.nowMs();
    if (now - entry.lastSeenMs > IDLE_TIMEOUT_MS || now - entry.createdMs > ABSOLUTE_TIMEOUT_MS) {
      this.sessions.delete(token);
      return null;
    }
    entry.lastSeenMs = now;
    return entry.user;
  }

  update(userId: number, change: (user: SessionUser) => SessionUser): void {
    for (const entry of this.sessions.values()) if (entry.user.id === userId) entry.user = change(entry.user);
  }

  end(token: string): void {
    this.sessions.delete(token);
  }

  endAllFor(userId: number, except?: string): void {
    for (const [token, entry] of this.sessions)
      if (entry.user.id === userId && token !== except) this.sessions.delete(token);
  }
}

/** Slows password guessing: 5 failures for a name lock it for a minute, doubling on each further lock. */
export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; lockedUntilMs: number; locks: number }>();

  constructor(private readonly nowMs: () => number) {}

  lockedForMs(username: string): number {
    const entry = this.failures.get(username.toLowerCase());
    return entry ? Math.max(0, entry.lockedUntilMs - this.nowMs()) : 0;
  }

  fail(username: string): void {
    const key = username.toLowerCase();
    const entry = this.failures.get(key) ?? { count: 0, lockedUntilMs: 0, locks: 0 };
    entry.count += 1;
    if (entry.count >= 5) {
      entry.locks += 1;
      entry.lockedUntilMs = this.nowMs() + 60_000 * 2 ** (entry.locks - 1);
      entry.count = 0;
    }
    this.failures.set(key, entry);
  }

  succeed(username: string): void {
    this.failures.delete(username.toLowerCase());
  }
}
