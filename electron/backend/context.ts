import type { Db } from './db/open-database';
import type { FontSet } from './documents/font-set';

export type Edition = 'electron' | 'web' | 'cli';

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
  db: Db;
  clock: Clock;
  ids: Ids;
  resources: Resources;
  log: Logger;
  edition: Edition;
  dataDir: string;
  appVersion: string;
}

export interface Actor {
  id: string;
  name: string;
}

/** Who is calling: every audit entry names them. */
export interface CallSession {
  actor: Actor;
}
