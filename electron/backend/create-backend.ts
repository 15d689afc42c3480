import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Backend, Handlers } from './dispatch';
import type { BackendContext, Clock, Edition, Ids, Logger } from './context';
import { openStore } from './store/open-store';
import type { Store } from './store/sql';
import { createFileLogger } from './log';
import { seedCatalogue } from './procedures/seed-catalogue';
import { seedCalendar } from './calendar/seed-calendar';
import { ensurePauseRuleVersion } from './calendar/pause-rule-repo';
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
import { pauseRuleHandlers } from './calendar/pause-rule-handlers';
import { licenceSignerHandlers } from './workflow/licence-signer-handlers';
import { attachmentHandlers } from './attachments/attachment-handlers';
import { ContentStore, filesDirOf } from './files/content-store';
import { isProcessAlive } from './store/data-dir-lock';
import { LoginThrottle, SessionStore } from './auth/session-store';
import { ensureBootstrapAdmin } from './auth/bootstrap-admin';
import { InProcessEventBus, type EventBus } from './events/event-bus';
import { PgNotifyEventBus } from './events/pg-notify-event-bus';
import { requirePostgres } from './store/postgres/postgres-store';

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
  /** A PostgreSQL database (`postgres://…`) instead of the data folder's SQLite file. */
  databaseUrl?: string | undefined;
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
  ...pauseRuleHandlers,
  ...licenceSignerHandlers,
  ...attachmentHandlers,
};

export async function createBackend(options: BackendOptions): Promise<Backend> {
  const isMemory = options.databaseFile === ':memory:';
  if (!isMemory) fs.mkdirSync(options.dataDir, { recursive: true });
  const log = options.log ?? createFileLogger(options.dataDir);
  const db = await openStore(options);
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
    events: await eventBusFor(db, options, log),
    bootstrap: null,
  };
  const seedDir = path.join(options.resourcesDir, 'seed');
  const nowIso = clock.now().toISOString();
  try {
    await seedCatalogue(db, seedDir, nowIso);
    await seedCalendar(db, nowIso);
    await ensurePauseRuleVersion(db, nowIso);
    ctx.bootstrap = await ensureBootstrapAdmin(db, nowIso);
    await ctx.sessions.purgeExpired();
  } catch (error) {
    await ctx.events.close?.();
    await db.close();
    throw error;
  }
  // Uploads live in memory: staging files of a previous run (or of a dead process) can never be committed.
  const cleaned = new ContentStore(filesDirOf(options.dataDir)).cleanStaging(isProcessAlive);
  if (cleaned.length > 0) log.info('removed unfinished uploads', { count: cleaned.length });
  log.info('backend started', {
    edition: options.edition,
    database: db.description,
    version: options.appVersion,
  });
  return {
    ctx,
    handlers,
    close: async () => {
      await ctx.events.close?.();
      await db.close();
    },
  };
}

/** In-process, unless the store is PostgreSQL: then other server processes on the database must hear too. */
async function eventBusFor(db: Store, options: BackendOptions, log: Logger): Promise<EventBus> {
  if (options.events) return options.events;
  if (db.dialect === 'postgres') {
    try {
      return await PgNotifyEventBus.start(requirePostgres(db).url, log);
    } catch (error) {
      await db.close();
      throw error;
    }
  }
  return new InProcessEventBus((error) => log.error('event listener failed', { detail: String(error) }));
}

function memo<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}
