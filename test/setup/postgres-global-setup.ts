import pg from 'pg';
import { startPostgresCluster, type PostgresCluster } from '../helpers/postgres-cluster';
import { openPostgresStore } from '../../electron/backend/store/postgres/open-postgres-store';
import { TEMPLATE_DATABASE } from '../helpers/test-postgres';

/*
 * The PostgreSQL leg of the store matrix: one throwaway cluster for the whole run, and a template database
 * holding the migrated schema, from which every test backend gets a fresh database of its own in milliseconds.
 */
let cluster: PostgresCluster | undefined;

export async function setup(): Promise<void> {
  cluster = await startPostgresCluster();
  const admin = new pg.Client({ connectionString: cluster.url('postgres') });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  const store = await openPostgresStore(cluster.url(TEMPLATE_DATABASE), { poolSize: 1 });
  await store.close();
  process.env.LICENCE_DESK_TEST_PG = cluster.url('postgres');
}

export function teardown(): void {
  cluster?.stop();
}
