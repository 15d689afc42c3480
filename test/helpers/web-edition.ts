// Starts the real web edition (`licence-desk serve`) on a fresh data folder for one test worker or test, the
// way a user would start it, and reads the URL it prints. Browser end-to-end tests drive it like a clerk.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cliPath = path.join(repoRoot, 'bin', 'licence-desk.cjs');

const READY_LINE = /LicenceDesk web edition: (http:\/\/127\.0\.0\.1:(\d+)\/)#token=(\S+)/;
const TOKEN_HEADER = 'x-licence-desk-token';

export interface WebEdition {
  /** What the server printed, token fragment included: open this in the browser. */
  url: string;
  /** `http://127.0.0.1:<port>/` */
  baseUrl: string;
  token: string;
  dataDir: string;
  /** Calls one API method the way the renderer does (for test setup, never for the behaviour under test). */
  call<T = unknown>(method: string, input?: unknown): Promise<T>;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Run `licence-desk seed-demo --count N` on the fresh data folder before serving. */
  seedDemoCount?: number;
  /** How long to wait for the ready line. */
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

export async function startWebEdition(options: StartOptions = {}): Promise<WebEdition> {
  const { timeoutMs = 30_000 } = options;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'licence-desk-e2e-'));
  const env = { ...process.env, ...options.env };
  delete env.LICENCE_DESK_DATA;

  if (options.seedDemoCount) {
    execFileSync(
      process.execPath,
      [cliPath, 'seed-demo', '--data', dataDir, '--count', String(options.seedDemoCount)],
      { cwd: repoRoot, env, stdio: ['ignore', 'ignore', 'pipe'], timeout: 10 * 60_000 },
    );
  }

  const child = spawn(process.execPath, [cliPath, 'serve', '--data', dataDir, '--port', '0'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const remember = (line: string) => {
    output.push(line);
    if (output.length > 200) output.shift();
  };
  // Keep draining both pipes for the whole life of the server: a full pipe would block its writes.
  createInterface({ input: child.stderr! }).on('line', (line) => remember(`[stderr] ${line}`));
  const stdoutLines = createInterface({ input: child.stdout! });

  let ready: { url: string; baseUrl: string; token: string };
  try {
    ready = await new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`web edition did not print its URL within ${timeoutMs} ms`)),
        timeoutMs,
      );
      stdoutLines.on('line', (line) => {
        remember(line);
        const match = READY_LINE.exec(line);
        if (match) {
          clearTimeout(timer);
          resolve({ url: `${match[1]}#token=${match[3]}`, baseUrl: match[1]!, token: match[3]! });
        }
      });
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`web edition exited before it was ready (code ${code}, signal ${signal})`));
      });
    });
  } catch (error) {
    await killProcess(child);
    rmSync(dataDir, { recursive: true, force: true });
    throw new Error(`${(error as Error).message}\n--- output ---\n${output.join('\n')}`, { cause: error });
  }

  let isStopped = false;
  return {
    ...ready,
    dataDir,
    async call<T>(method: string, input: unknown = {}): Promise<T> {
      const response = await fetch(new URL(`api/${method}`, ready.baseUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: ready.token },
        body: JSON.stringify(input),
      });
      const envelope = (await response.json()) as { ok: boolean; data?: T; error?: unknown };
      if (!envelope.ok) throw new Error(`${method} failed: ${JSON.stringify(envelope.error)}`);
      return envelope.data as T;
    },
    async stop() {
      if (isStopped) return;
      isStopped = true;
      await killProcess(child);
      rmSync(dataDir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}

async function killProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** Settings a department would enter at first run; used to skip the setup screen in tests that are not about it. */
export const testAgency = {
  governingBody: 'UBND TỈNH BẮC NINH',
  name: 'SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH',
  shortSymbol: 'SVHTTDL',
  placeName: 'Bắc Ninh',
  agencyCode: '000.00.14.H20',
  deskName: 'Bộ phận Một cửa',
  address: 'Số 10 đường Lý Thái Tổ, phường Suối Hoa, thành phố Bắc Ninh',
  phone: '0222 3822 555',
  email: 'svhttdl@bacninh.gov.vn',
} as const;

/** Completes first-run setup through the API, keeping the backend's defaults for office hours. */
export async function configureViaApi(edition: WebEdition): Promise<void> {
  const current = await edition.call<Record<string, unknown> & { office: unknown }>('settings.get');
  await edition.call('settings.update', {
    agency: testAgency,
    office: current.office,
    signers: [{ name: 'Nguyễn Văn Hùng', title: 'Giám đốc', capacity: 'head' }],
    receiverName: 'Trần Thị Mai',
  });
}
