import { performance } from 'node:perf_hooks';
import type { BenchContext } from '../bench-context';
import { measure } from '../bench-harness';
import { buildLicencePdf } from '../../electron/backend/documents/licence-pdf';
import { benchLicence } from './licence-fixture';

const pdfBytes = (doc: unknown) => Buffer.from((doc as { base64: string }).base64, 'base64').length;

/**
 * Licence PDF (issue 4: < 30 ms warm, < 150 KB) and receipt PDF through the API, and their sizes. The licence
 * is issued through the workflow first; its first print is the original, every later one a 'BẢN SAO'.
 */
export async function documentSection(b: BenchContext): Promise<void> {
  await licence(b);
  await receipt(b);
}

async function licence(b: BenchContext): Promise<void> {
  const issued = await benchLicence(b);
  const started = performance.now();
  const original = pdfBytes(await b.call('documents.licence', { dossierId: issued.dossierId }));
  const firstMs = performance.now() - started;
  let copy = 0;
  const runs = Math.max(30, b.runs * 10);
  const cpu = process.cpuUsage();
  const warm = await measure(
    async () => {
      copy = pdfBytes(await b.call('documents.licence', { dossierId: issued.dossierId }));
    },
    runs,
    3,
  );
  // CPU time per print (user + system of this process, GC threads included): less sensitive to a busy
  // machine than the wall time.
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000 / (runs + 3);
  b.shared.set('licenceMedianMs', warm.median);
  b.shared.set('licenceCpuMs', cpuMs);
  b.report.add({
    section: 'documents',
    name: 'licence PDF (XB-TLKKD, 14 fields, QR), warm, through dispatch (build + print log + audit)',
    value: warm.median,
    p95: warm.p95,
    unit: 'ms',
    target: '< 30 ms',
    met: warm.median < 30,
    note: `CPU ${cpuMs.toFixed(1)} ms per print; licence ${issued.number}; its first print (the original) took ${firstMs.toFixed(0)} ms`,
  });
  const fonts = b.backend.ctx.resources.fonts();
  const qr = await payloadOf(b, issued);
  const build = await measure(
    () => buildLicencePdf(issued.template, { ...issued.data, isCopy: false, qr }, fonts),
    Math.max(30, b.runs * 10),
    3,
  );
  b.report.add({
    section: 'documents',
    name: 'licence PDF, build only (buildLicencePdf, no database)',
    value: build.median,
    p95: build.p95,
    unit: 'ms',
  });
  const largest = Math.max(original, copy) / 1024;
  b.report.add({
    section: 'documents',
    name: 'licence PDF size (original / BẢN SAO reprint)',
    value: largest,
    unit: 'KB',
    target: '< 150 KB',
    met: largest < 150,
    note: `original ${(original / 1024).toFixed(1)} KB, reprint ${(copy / 1024).toFixed(1)} KB (subset fonts embedded)`,
  });
}

async function payloadOf(b: BenchContext, issued: { dossierId: number }): Promise<{ payloadText: string }> {
  const row = (await b.backend.ctx.db.get(
    'SELECT payload FROM licences WHERE dossier_id = ? ORDER BY id DESC LIMIT 1',
    [issued.dossierId],
  )) as { payload: string };
  return { payloadText: row.payload };
}

async function receipt(b: BenchContext): Promise<void> {
  const db = b.backend.ctx.db;
  const ids = (
    (await db.all('SELECT id FROM dossiers ORDER BY id DESC LIMIT 20')) as Array<{ id: number }>
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
}
