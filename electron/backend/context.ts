import type { Store } from './store/sql';
import type { FontSet } from './documents/font-set';
import type { Role } from '../../shared/domain/workflow/roles';
import type { LoginThrottle, SessionStore } from './auth/session-store';
import type { EventBus } from './events/event-bus';

/** 'office': the HTTPS server every desk of the office connects to (`serve --office`). */
export type Edition = 'electron' | 'web' | 'office' | 'cli';

export interface Clock {
  now(): Date;
}

export interface Ids {
  uuid(): string;
}

export interface Logger {
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

export interface Resources {
  /** Folder holding fonts/, seed/ and templates/. */
  dir: string;
  /** The document fonts, read and parsed once on first use (start-up stays fast). */
  fonts(): FontSet;
}

/** Everything a handler may touch: no module singletons (architecture.md §3). */
export interface BackendContext {
  db: Store;
  clock: Clock;
  ids: Ids;
  resources: Resources;
  log: Logger;
  edition: Edition;
  dataDir: string;
  appVersion: string;
  sessions: SessionStore;
  loginThrottle: LoginThrottle;
  /** Changes and job progress for the transports to push to their clients; publish only after commit. */
  events: EventBus;
  /**
   * The first administrator's one-time password, kept in memory only. The single-PC editions show it on the
   * first-run screen; the office server prints it on its console only and app.info never reveals it.
   */
  bootstrap: { username: string; temporaryPassword: string } | null;
}

export interface Actor {
  /** 'user:<id>' for a signed-in account, 'system:<name>' for the CLI, 'anonymous' before login. */
  id: string;
  name: string;
  roles: readonly Role[];
}

/** Who is calling: every audit entry names them. */
export interface CallSession {
  actor: Actor;
  /** The account behind the call, or null for the CLI and public methods called before login. */
  userId: number | null;
  sessionToken: string | null;
  /** The network address the call came from (office server), for login throttling and the audit trail. */
  clientAddress: string | null;
}

/** What a transport knows about its caller: a login session token, or (CLI, tests) a trusted local actor. */
export type Caller = { sessionToken: string | null; clientAddress?: string | null } | { system: Actor };
