import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend, type BackendOptions } from '../../electron/backend/create-backend';
import { dispatch, type Backend } from '../../electron/backend/dispatch';
import type { Caller } from '../../electron/backend/context';
import type { Store } from '../../electron/backend/store/sql';
import { openStore } from '../../electron/backend/store/open-store';
import { createMemoryLogger } from '../../electron/backend/log';
import { createTestDatabase, dropTestDatabase, isPostgresRun } from './test-postgres';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/errors';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const resourcesDir = path.join(repoRoot, 'resources');

export interface FakeClock {
  now(): Date;
  set(iso: string): void;
}

export function makeClock(iso: string): FakeClock {
  let current = new Date(iso);
  return { now: () => new Date(current.getTime()), set: (next) => (current = new Date(next)) };
}

/** A trusted in-process caller, as the CLI is; role checks are tested through real logins (asUser). */
export const testSession: Caller = { system: { id: 'test:clerk', name: 'Nguyễn Thị Lan', roles: ['admin'] } };

export interface TestBackend {
  backend: Backend;
  clock: FakeClock;
  dataDir: string;
  /** The PostgreSQL database of this backend in the PostgreSQL leg of the store matrix. */
  databaseUrl: string | undefined;
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  raw(method: string, input: unknown, caller?: Caller): Promise<Envelope<unknown>>;
  close(): Promise<void>;
}

const databaseOfFolder = new Map<string, string>();

/**
 * `--data DIR` for a command-line test, plus `--database URL` when the folder's backend lives on PostgreSQL
 * (the PostgreSQL leg of the store matrix): the command then opens the same store the test wrote.
 */
export function dataArgs(dataDir: string): string[] {
  const url = databaseOfFolder.get(dataDir);
  return url ? ['--data', dataDir, '--database', url] : ['--data', dataDir];
}

/** The store a command-line test's folder uses (its PostgreSQL database on that leg), opened without a backend. */
export async function openFolderStore(dataDir: string): Promise<Store> {
  return openStore({ dataDir, databaseUrl: databaseOfFolder.get(dataDir) });
}

/** A real backend on a real SQLite file in a fresh temp folder, with a fake clock. */
export async function makeTestBackend(
  overrides: Partial<BackendOptions> & { now?: string } = {},
): Promise<TestBackend> {
  const dataDir = overrides.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'licence-desk-test-'));
  const clock = makeClock(overrides.now ?? '2026-11-26T09:30:00+07:00');
  // The PostgreSQL leg of the store matrix gives every new backend a database of its own. A backend reopened
  // on an existing folder uses that folder's store: its database if a test backend made one, else its file.
  const reopened = overrides.dataDir !== undefined;
  const databaseUrl =
    overrides.databaseUrl ??
    (reopened
      ? databaseOfFolder.get(overrides.dataDir as string)
      : isPostgresRun() && overrides.databaseFile === undefined
        ? await createTestDatabase()
        : undefined);
  const ownsDatabase = databaseUrl !== undefined && overrides.databaseUrl === undefined && !reopened;
  if (databaseUrl) databaseOfFolder.set(dataDir, databaseUrl);
  const backend = await createBackend({
    dataDir,
    resourcesDir,
    edition: 'cli',
    appVersion: '0.0.0-test',
    log: createMemoryLogger(),
    clock,
    ...overrides,
    databaseUrl,
  });
  const raw = (method: string, input: unknown, caller: Caller = testSession) =>
    dispatch(backend, method, input, caller);
  return {
    backend,
    clock,
    dataDir,
    databaseUrl,
    raw,
    async call(method, input) {
      const envelope = await raw(method, input);
      if (!envelope.ok) {
        throw Object.assign(new Error(`${method} failed: ${envelope.error.code} ${envelope.error.message}`), {
          payload: envelope.error,
        });
      }
      return envelope.data as never;
    },
    async close() {
      await backend.close();
      if (databaseUrl && ownsDatabase) await dropTestDatabase(databaseUrl);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const sampleSettings: MethodInput<'settings.update'> = {
  agency: {
    governingBody: 'UBND tỉnh Bắc Ninh',
    name: 'Sở Văn hóa, Thể thao và Du lịch',
    shortSymbol: 'SVHTTDL',
    placeName: 'Bắc Ninh',
    agencyCode: '000.00.14.H20',
    deskName: 'Bộ phận Một cửa',
    address: 'Số 10 đường Lý Thái Tổ, phường Kinh Bắc, tỉnh Bắc Ninh',
    phone: '0222 3822 123',
    email: 'svhttdl@bacninh.gov.vn',
  },
  office: {
    utcOffsetMinutes: 420,
    sessions: [
      { start: '07:30', end: '11:30' },
      { start: '13:30', end: '17:00' },
    ],
    cutoff: '15:00',
    dueSoonWorkingDays: 2,
    classificationGranularity: 'date',
  },
  authorities: {
    so: { signers: [{ name: 'Trần Văn Bình', title: 'Phó Giám đốc', capacity: 'deputy' }] },
    ubnd: {
      name: 'Ủy ban nhân dân tỉnh Bắc Ninh',
      signers: [
        { name: 'Nguyễn Hữu An', title: 'Chủ tịch', capacity: 'head' },
        { name: 'Lê Thị Hạnh', title: 'Phó Chủ tịch', capacity: 'deputy' },
      ],
    },
  },
  receiverName: 'Nguyễn Thị Lan',
};

let requestCounter = 0;

/** A complete, valid intake for XB-TLKKD (10 working days), with every required component ticked. */
export async function makeReceiveInput(
  t: TestBackend,
  overrides: Partial<MethodInput<'dossiers.receive'>> = {},
): Promise<MethodInput<'dossiers.receive'>> {
  const procedureId = overrides.procedureId ?? 'XB-TLKKD';
  const procedures = await t.call('procedures.list', { includeUnconfigured: true });
  const procedure = procedures.find((p) => p.id === procedureId);
  requestCounter += 1;
  return {
    requestId: `00000000-0000-4000-8000-${String(requestCounter).padStart(12, '0')}`,
    procedureId,
    applicant: {
      kind: 'organization',
      name: 'Công ty TNHH Sách Đặng Hòa',
      idNumber: '2300123456',
      address: 'Số 5 đường Nguyễn Trãi, phường Võ Cường, tỉnh Bắc Ninh',
      phone: '0912345678',
      email: 'sach.danghoa@example.vn',
    },
    components: (procedure?.components ?? []).map((c) => ({
      name: c.name,
      copies: c.copies,
      isProvided: c.required,
      isOriginal: c.original,
    })),
    setCount: 1,
    channel: 'direct',
    receivedAt: null,
    returnMethod: 'desk',
    notes: null,
    ...overrides,
  };
}
