import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { findPostgresBinDir } from './postgres-bin';

/*
 * A throwaway PostgreSQL cluster for tests and benchmarks: initdb in a temporary folder, listening on 127.0.0.1
 * only, trust authentication for its own superuser. initdb refuses to run as root, so as root it runs as the
 * unprivileged `postgres` account that Debian's package creates.
 */

export interface PostgresCluster {
  dir: string;
  port: number;
  /** URL of database `name` as the cluster's superuser. */
  url(name: string): string;
  stop(): void;
}

const SUPERUSER = 'licence';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs a PostgreSQL tool, as the `postgres` account when we are root. */
function runTool(bin: string, tool: string, args: string[]): void {
  const command = path.join(bin, tool);
  const result = isRoot()
    ? spawnSync('runuser', ['-u', 'postgres', '--', command, ...args], { encoding: 'utf8' })
    : spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(
      `${tool} failed (${result.status}): ${result.stderr || result.stdout || String(result.error)}`,
    );
  }
}

export async function startPostgresCluster(options: { durable?: boolean } = {}): Promise<PostgresCluster> {
  const bin = findPostgresBinDir();
  if (!bin) {
    throw new Error(
      'PostgreSQL server programs not found: run `npm run test:prerequisites` (installs Debian package "postgresql"), or set LICENCE_DESK_PG_BIN',
    );
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-pg-'));
  if (isRoot()) execFileSync('chown', ['postgres:postgres', dir]);
  const data = path.join(dir, 'data');
  runTool(bin, 'initdb', ['-D', data, '-U', SUPERUSER, '-A', 'trust', '-E', 'UTF8', '--no-sync']);
  const port = await freePort();
  // Tests: throwaway data, no fsync (they kill LicenceDesk processes, never this server). Benchmarks: a real
  // server's durability, so that write figures are honest.
  const settings = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c max_connections=300',
    ...(options.durable
      ? ['-c shared_buffers=512MB']
      : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
  ].join(' ');
  runTool(bin, 'pg_ctl', ['-D', data, '-o', settings, '-l', path.join(dir, 'server.log'), '-w', 'start']);
  return {
    dir,
    port,
    url: (name) => `postgres://${SUPERUSER}@127.0.0.1:${port}/${name}`,
    stop() {
      try {
        runTool(bin, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
