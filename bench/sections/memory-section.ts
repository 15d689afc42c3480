import { execFileSync } from 'node:child_process';
import type { BenchContext } from '../bench-context';

/**
 * Resident memory of a fresh backend process on the full store after the everyday queries (list, search,
 * dossier view): measured in a child process so the benchmark's own allocations do not count.
 */
export async function memorySection(b: BenchContext): Promise<void> {
  const args = [__filename, '--memory-probe', b.dataDir, ...(b.databaseUrl ? [b.databaseUrl] : [])];
  const out = execFileSync(process.execPath, args, { encoding: 'utf8' });
  const { rssMb } = JSON.parse(out.trim().split('\n').pop() ?? '{}') as { rssMb: number };
  b.report.add({
    section: 'memory',
    name: `backend process RSS with ${b.count.toLocaleString('en')} dossiers`,
    value: rssMb,
    unit: 'MB',
    target: '< 300 MB',
    met: rssMb < 300,
  });
}
