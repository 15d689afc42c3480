import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Name of the migrated, empty database each test database is copied from (test/setup). */
export const TEMPLATE_DATABASE = 'ld_template';

/** True in the PostgreSQL leg of the store matrix (`npm run test:postgres`). */
export const isPostgresRun = (): boolean => process.env.LICENCE_DESK_TEST_PG !== undefined;

function adminUrl(): string {
  const url = process.env.LICENCE_DESK_TEST_PG;
  if (!url) throw new Error('not in the PostgreSQL leg of the store matrix');
  return url;
}

async function asAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh database with the current schema and no rows; returns its URL. */
export async function createTestDatabase(): Promise<string> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  await asAdmin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`));
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** An empty database without any schema (for move-store and restore targets). */
export async function createEmptyDatabase(): Promise<string> {
  const name = `e_${randomBytes(6).toString('hex')}`;
  await asAdmin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropTestDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  await asAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}
