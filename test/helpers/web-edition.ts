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
const SESSION_HEADER = 'x-licence-desk-session';

export interface WebEdition {
  /** What the server printed, token fragment included: open this in the browser. */
  url: string;
  /** `http://127.0.0.1:<port>/` */
  baseUrl: string;
  token: string;
  dataDir: string;
  /** Calls one API method the way the renderer does (for test setup, never for the behaviour under test). */
  call<T = unknown>(method: string, input?: unknown, sessionToken?: string | null): Promise<T>;
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
  // If the test worker itself is torn down (timeout, Ctrl+C) before stop() runs, take the server with it:
  // a child process outlives its parent on Linux and would keep its port and temp folder.
  const killOnExit = () => {
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.once('exit', killOnExit);
  child.once('exit', () => process.removeListener('exit', killOnExit));
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
    async call<T>(method: string, input: unknown = {}, sessionToken: string | null = null): Promise<T> {
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        [TOKEN_HEADER]: ready.token,
      };
      if (sessionToken) headers[SESSION_HEADER] = sessionToken;
      const response = await fetch(new URL(`api/${method}`, ready.baseUrl), {
        method: 'POST',
        headers,
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
  governingBody: 'UBND tỉnh Bắc Ninh',
  name: 'Sở Văn hóa, Thể thao và Du lịch',
  shortSymbol: 'SVHTTDL',
  placeName: 'Bắc Ninh',
  agencyCode: '000.00.14.H20',
  deskName: 'Bộ phận Một cửa',
  address: 'Số 10 đường Lý Thái Tổ, phường Suối Hoa, thành phố Bắc Ninh',
  phone: '0222 3822 555',
  email: 'svhttdl@bacninh.gov.vn',
} as const;

export interface Account {
  username: string;
  password: string;
  fullName: string;
}

export interface PreparedOffice {
  admin: Account;
  /** Tiếp nhận, văn thư: receives dossiers, issues licence numbers, returns results. */
  clerk: Account;
  /** Lãnh đạo phòng: assigns dossiers to appraisers. */
  leader: Account;
  /** Chuyên viên thẩm định. */
  appraiser: Account;
  /** Lãnh đạo Sở: signs (approves or refuses). */
  director: Account;
}

interface FirstRunInfo {
  firstRun: { username: string; temporaryPassword: string } | null;
}

/**
 * What the setup helpers need of a running server: the web edition, or the office server (whose one-time
 * password comes from its console, since its app.info never reveals it).
 */
export interface ApiEndpoint {
  call<T = unknown>(method: string, input?: unknown, sessionToken?: string | null): Promise<T>;
  firstRun?: FirstRunInfo['firstRun'];
}

/** A session for test setup through the API (never for the behaviour under test). */
export async function apiLogin(
  edition: ApiEndpoint,
  account: Pick<Account, 'username' | 'password'>,
): Promise<string> {
  return login(edition, account.username, account.password);
}

async function login(edition: ApiEndpoint, username: string, password: string): Promise<string> {
  const { sessionToken } = await edition.call<{ sessionToken: string }>('auth.login', { username, password });
  return sessionToken;
}

/** Logs in with a temporary password, replaces it, and returns a session for the new one. */
async function loginReplacingPassword(
  edition: ApiEndpoint,
  username: string,
  temporaryPassword: string,
  password: string,
): Promise<string> {
  const first = await login(edition, username, temporaryPassword);
  await edition.call(
    'auth.changePassword',
    { currentPassword: temporaryPassword, newPassword: password },
    first,
  );
  return login(edition, username, password);
}

/**
 * What an administrator does on day one, through the API: replace the one-time admin password, enter the
 * agency's settings (keeping the backend's defaults for office hours and workflow) and create the staff: a desk
 * clerk, a unit leader, an appraiser and a director, each with only their own role and a password of their own.
 * For tests that are not about the first run; the first-run spec does all of it through the UI.
 */
export async function prepareOffice(edition: ApiEndpoint): Promise<PreparedOffice> {
  const info =
    edition.firstRun !== undefined
      ? { firstRun: edition.firstRun }
      : await edition.call<FirstRunInfo>('app.info');
  if (!info.firstRun) throw new Error('prepareOffice needs a fresh data folder (app.info has no firstRun)');
  const admin: Account = {
    username: info.firstRun.username,
    password: 'mật khẩu quản trị thử nghiệm',
    fullName: 'Quản trị hệ thống',
  };
  const adminSession = await loginReplacingPassword(
    edition,
    admin.username,
    info.firstRun.temporaryPassword,
    admin.password,
  );

  const {
    isConfigured: _isConfigured,
    needsReview: _needsReview,
    ...current
  } = await edition.call<Record<string, unknown>>('settings.get', {}, adminSession);
  await edition.call(
    'settings.update',
    {
      ...current,
      agency: testAgency,
      authorities: {
        so: { signers: [{ name: 'Nguyễn Văn Hùng', title: 'Giám đốc', capacity: 'head' }] },
        ubnd: {
          name: 'Ủy ban nhân dân tỉnh Bắc Ninh',
          signers: [
            { name: 'Nguyễn Hữu An', title: 'Chủ tịch', capacity: 'head' },
            { name: 'Lê Thị Hạnh', title: 'Phó Chủ tịch', capacity: 'deputy' },
          ],
        },
      },
      receiverName: 'Trần Thị Mai',
    },
    adminSession,
  );

  const temporaryPassword = 'tạm thời 0123456789';
  const createAccount = async (account: Account, title: string, roles: string[]): Promise<Account> => {
    await edition.call(
      'users.create',
      { username: account.username, fullName: account.fullName, title, roles, temporaryPassword },
      adminSession,
    );
    await loginReplacingPassword(edition, account.username, temporaryPassword, account.password);
    return account;
  };
  // The people of one dossier's life, each with only their own role (issue 4: three or more different users).
  const [clerk, leader, appraiser, director] = await Promise.all([
    createAccount(
      { username: 'mai.tt', password: 'một cửa Bắc Ninh 2026', fullName: 'Trần Thị Mai' },
      'Chuyên viên',
      ['clerk'],
    ),
    createAccount(
      { username: 'binh.tv', password: 'trưởng phòng Bắc Ninh 2026', fullName: 'Trần Văn Bình' },
      'Trưởng phòng Quản lý Báo chí, Xuất bản',
      ['unit_leader'],
    ),
    createAccount(
      { username: 'hoa.lt', password: 'thẩm định Bắc Ninh 2026', fullName: 'Lê Thị Hoà' },
      'Chuyên viên',
      ['appraiser'],
    ),
    createAccount(
      { username: 'hung.nv', password: 'giám đốc Bắc Ninh 2026', fullName: 'Nguyễn Văn Hùng' },
      'Giám đốc',
      ['director'],
    ),
  ]);
  return { admin, clerk, leader, appraiser, director };
}

export interface SeededDossier {
  id: number;
  code: string;
  dueDate: string;
}

interface ProcedureForSeed {
  id: string;
  isConfigured: boolean;
  deadlineUnit: string | null;
  deadline: number | null;
  components: Array<{ name: string; copies: number; original: boolean }>;
}

/**
 * Receives `count` dossiers as the clerk with a receipt time `weeksAgo` weeks in the past, through the API.
 * With a deadline of a few working days they are open and overdue today: figures for the statistics tests.
 */
export async function seedOverdueDossiers(
  edition: ApiEndpoint,
  clerk: Pick<Account, 'username' | 'password'>,
  { count = 3, weeksAgo = 8 }: { count?: number; weeksAgo?: number } = {},
): Promise<SeededDossier[]> {
  const session = await apiLogin(edition, clerk);
  const procedures = await edition.call<ProcedureForSeed[]>('procedures.list', {}, session);
  const procedure = procedures.find(
    (p) => p.isConfigured && p.deadlineUnit === 'wd' && (p.deadline ?? 99) <= 20,
  );
  if (!procedure) throw new Error('no configured procedure counted in working days');
  // A weekday morning, office time (+07:00), `weeksAgo` weeks back.
  const day = new Date(Date.now() + 7 * 3_600_000 - weeksAgo * 7 * 86_400_000);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() - 1);
  const receivedAt = `${day.toISOString().slice(0, 10)}T09:00:00+07:00`;
  const seeded: SeededDossier[] = [];
  for (let i = 0; i < count; i += 1) {
    seeded.push(
      await edition.call<SeededDossier>(
        'dossiers.receive',
        {
          requestId: crypto.randomUUID(),
          procedureId: procedure.id,
          applicant: { kind: 'organization', name: `Nhà in Quá Hạn Số ${i + 1}` },
          components: procedure.components.map((c) => ({
            name: c.name,
            copies: c.copies,
            isProvided: true,
            isOriginal: c.original,
          })),
          setCount: 1,
          channel: i % 2 === 0 ? 'direct' : 'online',
          receivedAt,
          returnMethod: 'desk',
        },
        session,
      ),
    );
  }
  return seeded;
}
