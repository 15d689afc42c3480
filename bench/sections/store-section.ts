import type { BenchContext } from '../bench-context';
import { measure } from '../bench-harness';
import { approvedBenchDossier } from './licence-fixture';

/** One intake through dispatch, as the desk does it: validation, due date, code, FTS, audit, one transaction. */
export async function storeSection(b: BenchContext): Promise<void> {
  const procedures = (await b.call('procedures.list', { includeUnconfigured: false })) as Array<{
    id: string;
    components: Array<{ name: string; copies: number; required: boolean; original: boolean }>;
  }>;
  const procedure = procedures.find((p) => p.id === 'XB-TLKKD') ?? procedures[0];
  if (!procedure) throw new Error('no configured procedure');
  let i = 0;
  const stats = await measure(
    () =>
      b.call('dossiers.receive', {
        requestId: `00000000-0000-4000-9000-${String(++i + (Date.now() % 1e6)).padStart(12, '0')}`,
        procedureId: procedure.id,
        applicant: { kind: 'individual', name: `Nguyễn Văn Bench ${i}` },
        components: procedure.components.map((c) => ({
          name: c.name,
          copies: c.copies,
          isProvided: true,
          isOriginal: c.original,
        })),
        setCount: 1,
        channel: 'direct',
        returnMethod: 'desk',
      }),
    Math.max(50, b.runs * 20),
    5,
  );
  b.report.add({
    section: 'store',
    name: 'intake round trip through dispatch (dossiers.receive)',
    value: stats.median,
    p95: stats.p95,
    unit: 'ms',
    target: '< 5 ms',
    met: stats.median < 5,
  });
  await licenceIssueMeasure(b);
}

/**
 * Issuing a licence through dispatch, as the clerk does it: the number from the gapless register, the register
 * row, the licence PDF stored as the electronic result, the event and the audit entry, in one transaction.
 */
export async function licenceIssueMeasure(b: BenchContext): Promise<void> {
  const runs = Math.max(10, b.runs * 4);
  const ready: Array<(action: string, input: unknown) => Promise<unknown>> = [];
  for (let i = 0; i < runs + 2; i += 1) ready.push((await approvedBenchDossier(b)).perform);
  const stats = await measure(() => ready.shift()!('issue', {}), runs, 2);
  b.report.add({
    section: 'store',
    name: 'licence issue through dispatch (number, register, electronic-result PDF, audit)',
    value: stats.median,
    p95: stats.p95,
    unit: 'ms',
    note: 'each sample also reads workflow.view for the version, as the dossier page has it',
  });
}
