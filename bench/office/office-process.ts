// The office server as a child process of the bench (`licence-desk serve --office`), with its CPU time and
// resident memory sampled from /proc while the desks work.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';

export interface OfficeProcess {
  child: ChildProcess;
  port: number;
  fingerprint: string;
  ca: string;
  firstRun: { username: string; temporaryPassword: string } | null;
  stop(): Promise<void>;
}

const URL_LINE = /^LicenceDesk office server: https:\/\/127\.0\.0\.1:(\d+)\/$/;
const FINGERPRINT_LINE = /^Certificate SHA-256: (\S+)$/;
const PASSWORD_LINE = /^First start: log in as "([^"]+)" with the one-time password (\S+) /;

export async function startOfficeProcess(
  appRoot: string,
  dataDir: string,
  databaseUrl?: string,
): Promise<OfficeProcess> {
  const env = { ...process.env };
  delete env.LICENCE_DESK_DATA;
  const child = spawn(
    process.execPath,
    [
      path.join(appRoot, 'bin', 'licence-desk.cjs'),
      'serve',
      '--office',
      '--listen',
      '127.0.0.1:0',
      '--data',
      dataDir,
      ...(databaseUrl ? ['--database', databaseUrl] : []),
    ],
    { cwd: appRoot, stdio: ['ignore', 'pipe', 'pipe'], env },
  );
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.removeListener('exit', killOnExit));
  const output: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => output.push(`[stderr] ${line}`));
  const lines = createInterface({ input: child.stdout! });
  let port = 0;
  let firstRun: OfficeProcess['firstRun'] = null;
  const fingerprint = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`office server not ready:\n${output.join('\n')}`)),
      5 * 60_000,
    );
    lines.on('line', (line) => {
      output.push(line);
      const url = URL_LINE.exec(line);
      if (url) port = Number(url[1]);
      const password = PASSWORD_LINE.exec(line);
      if (password) firstRun = { username: password[1]!, temporaryPassword: password[2]! };
      const fp = FINGERPRINT_LINE.exec(line);
      if (fp) {
        clearTimeout(timer);
        setTimeout(() => resolve(fp[1]!), 100);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`office server exited (${code}):\n${output.join('\n')}`));
    });
  });
  return {
    child,
    port,
    fingerprint,
    firstRun,
    ca: fs.readFileSync(path.join(dataDir, 'tls', 'office-cert.pem'), 'utf8'),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** CPU seconds (user + system) and resident memory of a process, from /proc (Linux). */
export function sampleProcess(pid: number): { cpuSeconds: number; rssMb: number } | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return { cpuSeconds: ticks / 100, rssMb: rssKb / 1024 };
  } catch {
    return null;
  }
}
