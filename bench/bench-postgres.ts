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
