import path from 'node:path';
import type { Store } from './sql';
import { openSqliteStore } from '../db/open-database';
import { DATABASE_FILE } from '../data-dir';
import { openPostgresStore } from './postgres/open-postgres-store';

export interface StoreLocation {
  /** The data folder: the SQLite file lives here unless a PostgreSQL URL is given. */
  dataDir: string;
  /** `postgres://…` to use a PostgreSQL database instead of the folder's SQLite file. */
  databaseUrl?: string | undefined;
  /** SQLite file name inside dataDir, or ':memory:' for tests. */
  databaseFile?: string | undefined;
}

/** The store an office uses: PostgreSQL when a URL is given, otherwise the data folder's SQLite file. */
export async function openStore(location: StoreLocation): Promise<Store> {
  if (location.databaseUrl) return openPostgresStore(location.databaseUrl);
  const file =
    location.databaseFile === ':memory:'
      ? ':memory:'
      : path.join(location.dataDir, location.databaseFile ?? DATABASE_FILE);
  return openSqliteStore(file);
}

/** `--database URL` wins over LICENCE_DESK_DATABASE_URL; neither means the data folder's SQLite file. */
export function databaseUrlFrom(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const value = flag ?? env.LICENCE_DESK_DATABASE_URL;
  return value && value.trim() !== '' ? value.trim() : undefined;
}
