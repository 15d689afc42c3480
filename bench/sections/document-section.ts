import fs from 'node:fs';
import type { BenchContext } from '../bench-context';
import { measure } from '../bench-harness';

/** Receipt PDF through the API (warm fonts), and its size. */
export async function documentSection(b: BenchContext): Promise<void> {
  const db = b.backend.ctx.db;
  const ids = (
    db.prepare('SELECT id FROM dossiers ORDER BY id DESC LIMIT 20').all() as Array<{ id: number }>
  ).map((r) => r.id);
  let i = 0;
  let size = 0;
  const receipt = await measure(
    async () => {
      const doc = (await b.call('documents.receipt', { dossierId: ids[i++ % ids.length], copies: 1 })) as {
        base64: string;
      };
      size = Buffer.from(doc.base64, 'base64').length;
    },
    Math.max(30, b.runs * 10),
    3,
  );
  b.report.add({
    section: 'documents',
    name: 'receipt PDF (Mẫu 01), warm, through dispatch',
    value: receipt.median,
    p95: receipt.p95,
    unit: 'ms',
  });
  b.report.add({ section: 'documents', name: 'receipt PDF size', value: size / 1024, unit: 'KB' });
  fs.mkdirSync('bench/out', { recursive: true });
}
