import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../../shared/api/errors';

/**
 * pg_dump and pg_restore for backups of the PostgreSQL store. A dump needs a client at least as new as the
 * server, so the newest installed major wins: LICENCE_DESK_PG_BIN, then Debian's /usr/lib/postgresql/<major>/bin,
 * then the PATH.
 */
export function findPgTool(tool: 'pg_dump' | 'pg_restore', env: NodeJS.ProcessEnv = process.env): string {
  const candidates: string[] = [];
  if (env.LICENCE_DESK_PG_BIN) candidates.push(path.join(env.LICENCE_DESK_PG_BIN, tool));
  const root = '/usr/lib/postgresql';
  if (fs.existsSync(root)) {
    for (const major of fs.readdirSync(root).sort((a, b) => Number(b) - Number(a))) {
      candidates.push(path.join(root, major, 'bin', tool));
    }
  }
  for (const dir of (env.PATH ?? '').split(path.delimiter)) if (dir) candidates.push(path.join(dir, tool));
  const found = candidates.find((c) => fs.existsSync(c));
  if (!found) {
    throw new AppError(
      'INTERNAL',
      `Không tìm thấy chương trình ${tool} của PostgreSQL trên máy chủ này nên không sao lưu/khôi phục được. Hãy cài gói postgresql-client (cùng phiên bản hoặc mới hơn máy chủ cơ sở dữ liệu) hoặc đặt LICENCE_DESK_PG_BIN.`,
      { logMessage: `${tool} not found (LICENCE_DESK_PG_BIN, /usr/lib/postgresql/*/bin, PATH)` },
    );
  }
  return found;
}

/**
 * The connection for a PostgreSQL tool: the URL without its password (which would show in the process list)
 * and the password in PGPASSWORD.
 */
export function toolConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (password) env.PGPASSWORD = password;
  return { dbname: parsed.toString(), env };
}

/** Runs a tool to completion; stderr is returned for the log. */
export function runPgTool(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; stderr: string; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.once('error', reject);
    child.once('close', (code) =>
      resolve({
        code: code ?? 1,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    );
  });
}
