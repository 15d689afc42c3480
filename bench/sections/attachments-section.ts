// Digitised dossiers (issue 13): attach throughput for 10 MB files through the real chunked API, `verify`
// time per GB of stored files, backup time with 5 GB of scans (first and incremental), and the "Chỉ số 766"
// scorecard for a year (< 200 ms on 1,000,000 dossiers).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createHash, randomBytes } from 'node:crypto';
import type { BenchContext } from '../bench-context';
import { measure } from '../bench-harness';
import { ContentStore, filesDirOf } from '../../electron/backend/files/content-store';
import { verifyFiles } from '../../electron/backend/files/verify-files';
import { runBackup } from '../../electron/backend/backup/backup-service';
import { officeNow } from '../../electron/backend/office-clock';
import { calendarPeriod, currentPeriod } from '../../shared/domain/statistics';

const MB = 1024 * 1024;
const SCAN_BYTES = 10 * MB;

/** A 10 MB "scan": PDF framing around pseudo-random bytes (incompressible, like a scanned image stream). */
function scanBytes(block: Buffer, seed: number): Buffer {
  const out = Buffer.alloc(SCAN_BYTES);
  for (let at = 0; at < SCAN_BYTES; at += block.length) block.copy(out, at);
  Buffer.from(`%PDF-1.7\n% bench scan ${seed} ${'-'.repeat(20)}\n`).copy(out, 0);
  Buffer.from('\n%%EOF\n').copy(out, SCAN_BYTES - 7);
  return out;
}

export async function attachmentsSection(b: BenchContext): Promise<void> {
  const block = randomBytes(MB);
  await attachThroughput(b, block);
  await scorecard(b);
  await filesAtScale(b, block);
}

async function attachThroughput(b: BenchContext, block: Buffer): Promise<void> {
  const ids = (
    await b.backend.ctx.db.all<{ id: number }>('SELECT id FROM dossiers ORDER BY id LIMIT 12')
  ).map((r) => r.id);
  let n = 0;
  const seedBase = Date.now();
  const stats = await measure(
    async () => {
      const dossierId = ids[n % ids.length]!;
      const bytes = scanBytes(block, seedBase + n);
      n += 1;
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const begin = (await b.call('attachments.begin', {
        dossierId,
        componentNo: 1,
        fileName: `quet-${n}.pdf`,
        sizeBytes: bytes.length,
        sha256,
      })) as { uploadId: string; chunkBytes: number };
      let index = 0;
      for (let at = 0; at < bytes.length; at += begin.chunkBytes) {
        const base64 = bytes.subarray(at, at + begin.chunkBytes).toString('base64');
        await b.call('attachments.chunk', { uploadId: begin.uploadId, index, base64 });
        index += 1;
      }
      await b.call('attachments.commit', { uploadId: begin.uploadId });
    },
    Math.max(5, b.runs * 2),
    1,
  );
  b.report.add({
    section: 'attachments',
    name: 'attach a 10 MB scan through the API (begin, 10 × 1 MiB base64 chunks, commit: sniff, hash, fsync, audit)',
    value: SCAN_BYTES / MB / (stats.median / 1000),
    unit: 'MB/s',
    note: `median ${stats.median.toFixed(0)} ms per file (p95 ${stats.p95.toFixed(0)} ms)`,
  });
}

async function scorecard(b: BenchContext): Promise<void> {
  const today = (await officeNow(b.backend.ctx)).date;
  const reportYear = currentPeriod('year', today, 'report');
  const lastYear = calendarPeriod('year', Number(today.slice(0, 4)) - 1);
  const runs = Math.max(10, b.runs * 4);
  for (const [label, period] of [
    ['report year to date', { from: reportYear.from, to: reportYear.to }],
    [`calendar year ${lastYear.from.slice(0, 4)}`, { from: lastYear.from, to: lastYear.to }],
  ] as const) {
    const stats = await measure(() => b.call('stats.scorecard', period), runs, 2);
    b.report.add({
      section: 'attachments',
      name: `Chỉ số 766 scorecard (stats.scorecard), ${label}, ${b.count.toLocaleString('en')} dossiers`,
      value: stats.median,
      p95: stats.p95,
      unit: 'ms',
      target: '< 200 ms',
      met: stats.median < 200,
    });
  }
}

/**
 * Puts N GB of 10 MB scans in the store (once per bench store: files and rows stay for later runs), then
 * times a full re-hash (`verify`) and a first and a second (incremental) backup into a fresh folder.
 */
async function filesAtScale(b: BenchContext, block: Buffer): Promise<void> {
  const wantedGb = Number(process.env.LICENCE_DESK_BENCH_SCAN_GB ?? '5');
  if (wantedGb === 0) {
    b.report.skip('attachments', 'verify and backup with scans', 'LICENCE_DESK_BENCH_SCAN_GB=0');
    return;
  }
  const freeBytes = (() => {
    const s = fs.statfsSync(os.tmpdir());
    return s.bavail * s.bsize;
  })();
  // The scans, their backup pool and headroom: three times the size must be free.
  const gb = Math.max(0.25, Math.min(wantedGb, Math.floor(freeBytes / (3 * 1024 * MB) / 0.25) * 0.25));
  const scaleNote =
    gb < wantedGb
      ? `scaled down from ${wantedGb} GB: ${(freeBytes / 1024 / MB).toFixed(1)} GB free in ${os.tmpdir()}`
      : '';
  const files = Math.round((gb * 1024 * MB) / SCAN_BYTES);
  const marker = path.join(b.dataDir, `bench-scans-${files}`);
  const db = b.backend.ctx.db;
  if (!fs.existsSync(marker)) {
    const started = performance.now();
    const store = new ContentStore(filesDirOf(b.dataDir));
    const ids = (
      await db.all<{ id: number }>('SELECT id FROM dossiers ORDER BY id DESC LIMIT ?', [files])
    ).map((r) => r.id);
    for (let i = 0; i < files; i += 1) {
      const bytes = scanBytes(block, 1_000_000 + i);
      const stored = await store.putBytes(bytes);
      await db.transaction(async () => {
        await db.run(
          `INSERT INTO stored_files (sha256, size_bytes, media_type, first_stored_at) VALUES (?, ?, 'application/pdf', ?)
             ON CONFLICT (sha256) DO NOTHING`,
          [stored.sha256, stored.sizeBytes, '2026-01-01T00:00:00+07:00'],
        );
        await db.run(
          `INSERT INTO dossier_files (dossier_id, role, component_no, sha256, file_name, version, source, added_at,
              added_by, added_by_name)
             VALUES (?, 'component', 2, ?, ?, 1, 'bulk', '2026-01-01T00:00:00+07:00', 'system:bench', 'Bench')`,
          [ids[i % ids.length], stored.sha256, `luu-tru-${i}.pdf`],
        );
      });
    }
    fs.writeFileSync(marker, `${files}\n`);
    process.stdout.write(
      `  (generated ${files} scans of 10 MB in ${((performance.now() - started) / 1000).toFixed(1)} s)\n`,
    );
  }

  const verify = await verifyFiles(db, filesDirOf(b.dataDir));
  const gbChecked = verify.bytes / (1024 * MB);
  b.report.add({
    section: 'attachments',
    name: `verify: re-hash every stored file (${verify.checked} files, ${gbChecked.toFixed(2)} GB)`,
    value: verify.durationMs / 1000 / gbChecked,
    unit: 's/GB',
    note: `${(verify.durationMs / 1000).toFixed(1)} s in all${verify.ok ? '' : ' — VERIFY FAILED'}${scaleNote ? `; ${scaleNote}` : ''}`,
  });

  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'licence-desk-bench-backup-'));
  try {
    const first = await runBackup(b.backend.ctx, 'manual', { destDir: folder });
    b.report.add({
      section: 'attachments',
      name: `backup with ${gbChecked.toFixed(2)} GB of scans (first: database + every file copied and verified)`,
      value: first.result.durationMs / 1000,
      unit: 's',
      note: `database ${(first.result.manifest.sizeBytes / MB).toFixed(0)} MB, ${first.result.manifest.files?.count ?? 0} files in the manifest${scaleNote ? `; ${scaleNote}` : ''}`,
    });
    b.backend.ctx.clock = { now: () => new Date(Date.now() + 2000) };
    const second = await runBackup(b.backend.ctx, 'manual', { destDir: folder });
    b.report.add({
      section: 'attachments',
      name: 'next backup into the same folder (files already in the pool are not copied again)',
      value: second.result.durationMs / 1000,
      unit: 's',
    });
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
