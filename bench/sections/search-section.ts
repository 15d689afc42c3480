import type { BenchContext } from '../bench-context';
import { measure } from '../bench-harness';

const QUERIES = [
  'nguyen van',
  'tran thi hoa',
  'dang',
  'cong ty in',
  'le duc dung',
  'hoa',
  'phuong',
  'kinh bac',
];

export async function searchSection(b: BenchContext): Promise<void> {
  const db = b.backend.ctx.db;
  let q = 0;
  const folded = await measure(
    () => b.call('dossiers.list', { query: QUERIES[q++ % QUERIES.length], limit: 50 }),
    Math.max(40, b.runs * 10),
    3,
  );
  // The same calls per query, so a miss points at the words that cause it.
  const perQuery: string[] = [];
  for (const query of QUERIES) {
    const one = await measure(() => b.call('dossiers.list', { query, limit: 50 }), Math.max(3, b.runs), 1);
    const page = (await b.call('dossiers.list', { query, limit: 50 })) as {
      total: number;
      totalIsCapped: boolean;
    };
    perQuery.push(
      `"${query}" ${one.median.toFixed(1)} ms (${page.totalIsCapped ? '>' : ''}${page.total.toLocaleString('en')} hits)`,
    );
  }
  b.report.add({
    section: 'search',
    name: 'folded-name search, first page + total (dossiers.list)',
    value: folded.median,
    p95: folded.p95,
    unit: 'ms',
    target: 'p95 < 20 ms',
    met: folded.p95 < 20,
    note: `median per query: ${perQuery.join('; ')}`,
  });
  const someCode = ((await db.get('SELECT code FROM dossiers ORDER BY id DESC LIMIT 1')) as { code: string })
    .code;
  const code = await measure(
    () => b.call('dossiers.list', { query: someCode, limit: 50 }),
    Math.max(40, b.runs * 10),
    3,
  );
  b.report.add({
    section: 'search',
    name: 'dossier-code search',
    value: code.median,
    p95: code.p95,
    unit: 'ms',
  });
  // Baseline: what a naive implementation does — a LIKE scan over the stored names (and it still misses
  // "Đặng" for "dang", because LIKE does not fold diacritics).
  let l = 0;
  const scan = await measure(
    async () => {
      const term = `%${QUERIES[l++ % QUERIES.length]}%`;
      await db.all(
        'SELECT id, code, applicant_name FROM dossiers WHERE applicant_name LIKE ? ORDER BY received_ms DESC LIMIT 50',
        [term],
      );
      await db.get('SELECT count(*) AS n FROM dossiers WHERE applicant_name LIKE ?', [term]);
    },
    Math.max(5, b.runs * 2),
    1,
  );
  b.report.add({
    section: 'search',
    name: "baseline: LIKE '%…%' scan, first page + total",
    value: scan.median,
    p95: scan.p95,
    unit: 'ms',
    note: `folded search is ${(scan.median / folded.median).toFixed(0)}× faster`,
  });
}
