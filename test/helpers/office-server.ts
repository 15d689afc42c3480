// Starts the real office server (`licence-desk serve --office`) as a child process on 127.0.0.1, the way an
// administrator would, and reads the address, fingerprint and one-time password it prints. Used by the browser
// tests, the security and transport tests, the crash test and the bench.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { httpsRequest } from './https-request';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cliPath = path.join(repoRoot, 'bin', 'licence-desk.cjs');

const URL_LINE = /^LicenceDesk office server: (https:\/\/127\.0\.0\.1:(\d+)\/)$/;
const FINGERPRINT_LINE = /^Certificate SHA-256: ([0-9A-F:]{95})$/;
const PASSWORD_LINE = /^First start: log in as "([^"]+)" with the one-time password (\S+) /;
const SESSION_HEADER = 'x-licence-desk-session';

export interface OfficeServer {
  /** https://127.0.0.1:<port>/ */
  url: string;
  baseUrl: string;
  port: number;
  fingerprint: string;
  /** The server's certificate (PEM), the trust anchor for Node-side calls. */
  ca: string;
  dataDir: string;
  /** Printed on the console at a start while the first administrator has no password of their own. */
  firstRun: { username: string; temporaryPassword: string } | null;
  /** Every line the server printed (stdout and stderr), newest last. */
  output: string[];
  child: ChildProcess;
  call<T = unknown>(method: string, input?: unknown, sessionToken?: string | null): Promise<T>;
  /** The envelope as it came back, for tests about refusals. */
  envelope(
    method: string,
    input?: unknown,
    sessionToken?: string | null,
    headers?: Record<string, string>,
  ): Promise<{ ok: boolean; data?: unknown; error?: { code: string; message: string } }>;
  /** SIGTERM and wait; keeps the data folder when `keepData`. */
  stop(options?: { keepData?: boolean }): Promise<void>;
  /** SIGKILL, mid-whatever, keeping the data folder (crash tests). */
  kill(): Promise<void>;
}

export interface OfficeStartOptions {
  /** Reuse a data folder (a restart); a fresh temp folder otherwise. */
  dataDir?: string;
  /** Extra arguments, e.g. ['--host-name', 'licence.local']. */
  args?: string[];
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
  /** Node options for the child (e.g. a smaller heap). */
  execArgv?: string[];
  /** The port to listen on (a restart on the same address); any free one by default. */
  port?: number;
  /** Another entry than bin/licence-desk.cjs (vitest: bundleOfficeChild(), since dist/ may not be built). */
  entry?: string;
}

export async function startOfficeServer(options: OfficeStartOptions = {}): Promise<OfficeServer> {
  const { timeoutMs = 30_000 } = options;
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'licence-desk-office-'));
  const env = { ...process.env, ...options.env };
  delete env.LICENCE_DESK_DATA;
  const args = [
    'serve',
    '--office',
    '--listen',
    `127.0.0.1:${options.port ?? 0}`,
    '--data',
    dataDir,
    ...(options.args ?? []),
  ];
  const child = spawn(process.execPath, [...(options.execArgv ?? []), options.entry ?? cliPath, ...args], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.removeListener('exit', killOnExit));
  const output: string[] = [];
  const remember = (line: string) => {
    output.push(line);
    if (output.length > 300) output.shift();
  };
  createInterface({ input: child.stderr! }).on('line', (line) => remember(`[stderr] ${line}`));
  const stdoutLines = createInterface({ input: child.stdout! });

  let firstRun: OfficeServer['firstRun'] = null;
  let ready: { url: string; port: number; fingerprint: string };
  try {
    ready = await new Promise((resolve, reject) => {
      let url: string | null = null;
      let port = 0;
      const timer = setTimeout(
        () => reject(new Error(`office server not ready within ${timeoutMs} ms`)),
        timeoutMs,
      );
      stdoutLines.on('line', (line) => {
        remember(line);
        const urlMatch = URL_LINE.exec(line);
        if (urlMatch) {
          url = urlMatch[1]!;
          port = Number(urlMatch[2]);
        }
        const password = PASSWORD_LINE.exec(line);
        if (password) firstRun = { username: password[1]!, temporaryPassword: password[2]! };
        const fingerprint = FINGERPRINT_LINE.exec(line);
        if (fingerprint && url) {
          // The password line follows the fingerprint: give it a moment to arrive.
          setTimeout(() => {
            clearTimeout(timer);
            resolve({ url: url!, port, fingerprint: fingerprint[1]! });
          }, 50);
        }
      });
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`office server exited before it was ready (code ${code}, signal ${signal})`));
      });
    });
  } catch (error) {
    child.kill('SIGKILL');
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    throw new Error(`${(error as Error).message}\n--- output ---\n${output.join('\n')}`, { cause: error });
  }

  const ca = readFileSync(path.join(dataDir, 'tls', 'office-cert.pem'), 'utf8');
  const envelope: OfficeServer['envelope'] = async (
    method,
    input = {},
    sessionToken = null,
    headers = {},
  ) => {
    const response = await httpsRequest({
      port: ready.port,
      ca,
      path: `/api/${method}`,
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(sessionToken ? { [SESSION_HEADER]: sessionToken } : {}),
        ...headers,
      },
      body: JSON.stringify(input),
    });
    return JSON.parse(response.body) as {
      ok: boolean;
      data?: unknown;
      error?: { code: string; message: string };
    };
  };
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  return {
    ...ready,
    baseUrl: ready.url,
    ca,
    dataDir,
    firstRun,
    output,
    child,
    envelope,
    async call<T>(method: string, input: unknown = {}, sessionToken: string | null = null): Promise<T> {
      const reply = await envelope(method, input, sessionToken);
      if (!reply.ok) throw new Error(`${method} failed: ${JSON.stringify(reply.error)}`);
      return reply.data as T;
    },
    async stop({ keepData = false } = {}) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      if (!keepData && !options.dataDir) rmSync(dataDir, { recursive: true, force: true, maxRetries: 3 });
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
