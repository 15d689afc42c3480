import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Backend, Handlers } from './dispatch';
import type { BackendContext, Clock, Edition, Ids, Logger } from './context';
import { openSqliteStore } from './db/open-database';
import { DATABASE_FILE } from './data-dir';
import { createFileLogger } from './log';
import { seedCatalogue } from './procedures/seed-catalogue';
import { seedCalendar } from './calendar/seed-calendar';
import { appHandlers } from './app-handlers';
import { settingsHandlers } from './settings/settings-handlers';
import { procedureHandlers } from './procedures/procedure-handlers';
import { dossierHandlers } from './dossiers/dossier-handlers';
import { documentHandlers } from './documents/document-handlers';
import { calendarHandlers } from './calendar/calendar-handlers';
import { loadFontSet } from './documents/load-font-set';
import { authHandlers } from './auth/auth-handlers';
import { userHandlers } from './auth/user-handlers';
import { backupHandlers } from './backup/backup-handlers';
import { workflowHandlers } from './workflow/workflow-handlers';
import { licenceRegisterHandlers } from './workflow/licence-register-handlers';
import { importHandlers } from './import/import-handlers';
import { statisticsHandlers } from './statistics/statistics-handlers';
import { LoginThrottle, SessionStore } from './auth/session-store';
import { ensureBootstrapAdmin } from './auth/bootstrap-admin';
import { InProcessEventBus, type EventBus } from './events/event-bus';

export interface BackendOptions {
  dataDir: string;
  resourcesDir: string;
  edition: Edition;
  appVersion: string;
  log?: Logger;
  clock?: Clock;
  ids?: Ids;
  /** Database file name inside dataDir, or ':memory:' for tests. */
  databaseFile?: string;
  /** The event bus; an in-process one by default (see events/event-bus.ts for the cross-process hook). */
  events?: EventBus;
}

/** Spreading every domain's handlers into one typed map: a missing or extra method is a type error. */
export const handlers: Handlers = {
  ...appHandlers,
  ...settingsHandlers,
  ...procedureHandlers,
  ...dossierHandlers,
  ...documentHandlers,
  ...calendarHandlers,
  ...authHandlers,
  ...userHandlers,
  ...backupHandlers,
  ...workflowHandlers,
  ...licenceRegisterHandlers,
  ...importHandlers,
  ...statisticsHandlers,
};

export async function createBackend(options: BackendOptions): Promise<Backend> {
  const isMemory = options.databaseFile === ':memory:';
  if (!isMemory) fs.mkdirSync(options.dataDir, { recursive: true });
  const log = options.log ?? createFileLogger(options.dataDir);
  const dbFile = isMemory ? ':memory:' : path.join(options.dataDir, options.databaseFile ?? DATABASE_FILE);
  const db = openSqliteStore(dbFile);
  const clock = options.clock ?? { now: () => new Date() };
  const ctx: BackendContext = {
    db,
    clock,
    ids: options.ids ?? { uuid: randomUUID },
    resources: {
      dir: options.resourcesDir,
      fonts: memo(() => loadFontSet(path.join(options.resourcesDir, 'fonts'))),
    },
    log,
    edition: options.edition,
    dataDir: options.dataDir,
    appVersion: options.appVersion,
    sessions: new SessionStore(
      db,
      () => clock.now().getTime(),
      (error) => log.warn('session last-seen update failed', { detail: String(error) }),
    ),
    loginThrottle: new LoginThrottle(() => clock.now().getTime()),
    events:
      options.events ??
      new InProcessEventBus((error) => log.error('event listener failed', { detail: String(error) })),
    bootstrap: null,
  };
  const seedDir = path.join(options.resourcesDir, 'seed');
  const nowIso = clock.now().toISOString();
  await seedCatalogue(db, seedDir, nowIso);
  await seedCalendar(db, nowIso);
  ctx.bootstrap = await ensureBootstrapAdmin(db, nowIso);
  await ctx.sessions.purgeExpired();
  log.info('backend started', { edition: options.edition, database: dbFile, version: options.appVersion });
  return {
    ctx,
    handlers,
    close: () => db.close(),
  };
}

function memo<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}
