// The writer killed by the crash-loop test: it receives dossiers and takes each through to an issued licence,
// printing "ACK <code> <licence number>" only after the issuing transaction has committed.
import path from 'node:path';
import { createBackend } from '../../electron/backend/create-backend';
import { dispatch } from '../../electron/backend/dispatch';
import { createMemoryLogger } from '../../electron/backend/log';
import type { Caller } from '../../electron/backend/context';

const [dataDir, resourcesDir, appraiserId, startIndex] = process.argv.slice(2);
if (!dataDir || !resourcesDir || !appraiserId || !startIndex)
  throw new Error('usage: crash-child DATA RESOURCES APPRAISER START');

// A trusted in-process caller holding the desk and leader roles; the appraiser is a real account.
const caller: Caller = {
  system: { id: 'system:crash', name: 'Crash loop', roles: ['clerk', 'unit_leader', 'director'] },
};
const opening = createBackend({
  dataDir,
  resourcesDir: path.resolve(resourcesDir),
  edition: 'cli',
  appVersion: 'crash',
  log: createMemoryLogger(),
  // The PostgreSQL leg runs the same writer against a database shared by several such processes.
  databaseUrl: process.env.LICENCE_DESK_DATABASE_URL,
});

async function call(method: string, input: unknown): Promise<Record<string, unknown>> {
  const reply = await dispatch(await opening, method, input, caller);
  if (!reply.ok) throw new Error(`${method}: ${reply.error.code} ${reply.error.message}`);
  return reply.data as Record<string, unknown>;
}

async function version(id: number): Promise<number> {
  return (await call('workflow.view', { dossierId: id })).version as number;
}

async function main(): Promise<void> {
  const procedures = (await call('procedures.list', { includeUnconfigured: false })) as unknown as Array<{
    id: string;
    components: Array<{ name: string; copies: number; required: boolean; original: boolean }>;
  }>;
  const procedure = procedures.find((p) => p.id === 'PH-DK') ?? procedures[0];
  if (!procedure) throw new Error('no procedure');
  // Each cycle receives on its own past day (startIndex counts cycles in thousands): the daily code sequence
  // stops at 9999, and a long crash loop would otherwise exhaust one day.
  const day = new Date(Date.now() - Math.floor(Number(startIndex) / 1000) * 86_400_000);
  const receivedAt = `${day.toISOString().slice(0, 10)}T09:00:00+07:00`;
  for (let i = Number(startIndex); ; i += 1) {
    const d = await call('dossiers.receive', {
      receivedAt,
      requestId: `00000000-0000-4000-a000-${String(i).padStart(12, '0')}`,
      procedureId: procedure.id,
      applicant: { kind: 'organization', name: `Nhà sách Đặng Hòa số ${i}` },
      components: procedure.components.map((c) => ({
        name: c.name,
        copies: c.copies,
        isProvided: true,
        isOriginal: c.original,
      })),
      setCount: 1,
      channel: 'direct',
      returnMethod: 'desk',
    });
    const id = d.id as number;
    process.stdout.write(`RECEIVED ${String(d.code)}\n`);
    await call('workflow.perform', {
      dossierId: id,
      version: await version(id),
      action: 'assign',
      input: { assigneeId: appraiserId },
    });
    const spec = (await call('workflow.view', { dossierId: id })).licenceFieldSpec as Array<{ key: string }>;
    const fields = Object.fromEntries(
      spec
        .filter((f) => f.key !== 'number' && f.key !== 'issueDate')
        .map((f) => [f.key, `Nội dung ${f.key} ${i}`]),
    );
    await call('workflow.setLicenceFields', { dossierId: id, version: await version(id), fields });
    await call('workflow.perform', {
      dossierId: id,
      version: await version(id),
      action: 'propose',
      input: { proposal: 'approve', opinion: 'Đủ điều kiện' },
    });
    await call('workflow.perform', {
      dossierId: id,
      version: await version(id),
      action: 'approve',
      input: {},
    });
    await call('workflow.perform', { dossierId: id, version: await version(id), action: 'issue', input: {} });
    const licence = (await call('workflow.view', { dossierId: id })).licence as { number: string };
    process.stdout.write(`ACK ${String(d.code)} ${licence.number}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
