import pg from 'pg';
import { startPostgresCluster } from '../test/helpers/postgres-cluster';

/**
 * `--database auto`: a throwaway PostgreSQL cluster for this run (Debian's server programs, 127.0.0.1, a free
 * port) with an empty database for the bench store. Durable settings stay on (fsync) so the figures are those
 * of a real server; shared_buffers is raised to a quarter of a small office server's memory.
 */
export async function startBenchCluster(count: number): Promise<{ url: string; stop(): void }> {
  const cluster = await startPostgresCluster({ durable: true });
  const admin = new pg.Client({ connectionString: cluster.url('postgres') });
  await admin.connect();
  const name = `licence_desk_bench_${count}`;
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return { url: cluster.url(name), stop: () => cluster.stop() };
}

/**
 * A copy of the bench database (CREATE DATABASE … TEMPLATE) for a section whose writes must not change the store
 * the other sections measure; the template must have no other connection meanwhile. Returns its URL and a drop.
 */
export async function copyBenchDatabase(
  url: string,
  suffix: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const source = new URL(url);
  const name = `${source.pathname.slice(1)}_${suffix}`;
  const adminUrl = new URL(url);
  adminUrl.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${source.pathname.slice(1)}"`);
  } finally {
    await admin.end();
  }
  const copy = new URL(url);
  copy.pathname = `/${name}`;
  return {
    url: copy.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl.toString() });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
