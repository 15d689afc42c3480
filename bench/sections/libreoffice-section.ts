// Baseline (issue 7 §3): the route offices use today — a DOCX mail merge converted to PDF by
// `libreoffice --headless --convert-to pdf` — side by side with the licence PDF. Uses an installed LibreOffice;
// installs Debian's libreoffice-writer with apt-get only when asked (--with-libreoffice or
// LICENCE_DESK_BENCH_LIBREOFFICE=1), and otherwise skips with a message.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { BenchContext } from '../bench-context';
import { measure, summarize } from '../bench-harness';
import { benchLicence } from './licence-fixture';
import { docxBytes, licenceDocumentXml, mergeDocumentXml, mergeValuesOf } from './licence-docx';

const SECTION = 'libreoffice';
const TARGET = '≥ 50× faster';
/** Documents per batch conversion (one soffice call); LICENCE_DESK_BENCH_LIBREOFFICE_DOCS overrides. */
const BATCH_DOCS = Number(process.env.LICENCE_DESK_BENCH_LIBREOFFICE_DOCS ?? 40);

function findSoffice(): string | null {
  const found = spawnSync('sh', ['-c', 'command -v soffice || command -v libreoffice'], { encoding: 'utf8' });
  const bin = found.stdout.trim().split('\n')[0];
  return found.status === 0 && bin ? bin : null;
}

/** apt-get install, as root on a Debian-like system; returns a reason when it could not. */
function install(b: BenchContext): string | null {
  if (spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).status !== 0) {
    return 'apt-get is not available on this machine';
  }
  if (process.getuid?.() !== 0)
    return 'installing needs root (run apt-get install libreoffice-writer yourself)';
  const log = path.join(os.tmpdir(), 'licence-desk-bench-libreoffice-apt.log');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args: string[]) => {
    process.stdout.write(`  $ apt-get ${args.join(' ')}   (log: ${log})\n`);
    const result = spawnSync('apt-get', args, { env, encoding: 'utf8', timeout: 30 * 60_000 });
    fs.appendFileSync(log, `$ apt-get ${args.join(' ')}\n${result.stdout}\n${result.stderr}\n`);
    return result.status === 0;
  };
  const started = performance.now();
  const args = ['install', '-y', '--no-install-recommends', 'libreoffice-writer'];
  // A stale package list is the usual reason for a failed install: refresh it once and retry.
  if (!apt(args) && !(apt(['update']) && apt(args))) {
    const tail = fs.readFileSync(log, 'utf8').trim().split('\n').slice(-3).join(' | ');
    return `apt-get install libreoffice-writer failed: ${tail}`;
  }
  b.report.add({
    section: SECTION,
    name: 'one-off: apt-get install --no-install-recommends libreoffice-writer',
    value: (performance.now() - started) / 1000,
    unit: 's',
  });
  return null;
}

/** CPU milliseconds (user + system) of this process's finished children and theirs: /proc/self/stat. */
function childCpuMs(): number | null {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 16 and 17 of proc(5), cutime and cstime, counted from field 3 (state) here.
    const ticks = Number(fields[13]) + Number(fields[14]);
    const perSecond = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
    return Number.isFinite(ticks) ? (ticks * 1000) / perSecond : null;
  } catch {
    return null;
  }
}

/** One soffice call converting `files` into `outDir`; wall milliseconds. */
function convert(soffice: string, profile: string, files: string[], outDir: string): number {
  const started = performance.now();
  const result = spawnSync(
    soffice,
    [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'pdf',
      '--outdir',
      outDir,
      ...files,
    ],
    { encoding: 'utf8', timeout: 20 * 60_000 },
  );
  const ms = performance.now() - started;
  if (result.status !== 0)
    throw new Error(`soffice failed (${result.status}): ${result.stderr || result.stdout}`);
  for (const file of files) {
    const pdf = path.join(outDir, `${path.basename(file, '.docx')}.pdf`);
    if (!fs.existsSync(pdf)) throw new Error(`soffice produced no ${pdf}: ${result.stderr || result.stdout}`);
  }
  return ms;
}

export async function libreOfficeSection(b: BenchContext): Promise<void> {
  let soffice = findSoffice();
  if (!soffice) {
    if (!b.options.withLibreOffice) {
      b.report.skip(
        SECTION,
        'DOCX mail merge → PDF via LibreOffice',
        'LibreOffice is not installed; pass --with-libreoffice (or LICENCE_DESK_BENCH_LIBREOFFICE=1) to install libreoffice-writer with apt-get',
        TARGET,
      );
      return;
    }
    const failure = install(b);
    soffice = failure ? null : findSoffice();
    if (!soffice) {
      b.report.skip(
        SECTION,
        'DOCX mail merge → PDF via LibreOffice',
        failure ?? 'soffice not found after install',
        TARGET,
      );
      return;
    }
  }
  const version = spawnSync(soffice, ['--version'], { encoding: 'utf8' }).stdout.trim();
  process.stdout.write(`  ${soffice}: ${version}\n`);

  const issued = await benchLicence(b);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'licence-desk-bench-lo-'));
  try {
    // The office's template, then the mail merge of one document per licence (distinct numbers).
    const templateXml = licenceDocumentXml(issued.template, Object.keys(issued.data.fieldValues));
    const values = mergeValuesOf(issued.data);
    const docs = path.join(work, 'docs');
    fs.mkdirSync(docs);
    const mergeStarted = performance.now();
    const files: string[] = [];
    for (let i = 0; i < BATCH_DOCS; i += 1) {
      const number = `${String(i + 1).padStart(2, '0')}/${values.number?.split('/').slice(1).join('/') ?? 'GP'}`;
      const file = path.join(docs, `giay-phep-${i + 1}.docx`);
      fs.writeFileSync(file, await docxBytes(mergeDocumentXml(templateXml, { ...values, number })));
      files.push(file);
    }
    const mergeMs = (performance.now() - mergeStarted) / BATCH_DOCS;

    // Cold: the first start with a new profile, one document (what a clerk meets first in the morning).
    const coldMs = convert(
      soffice,
      path.join(work, 'profile-cold'),
      [files[0]!],
      path.join(work, 'out-cold'),
    );
    // One document per soffice call with an existing profile: the per-licence route of a desk that converts
    // as it issues.
    const profile = path.join(work, 'profile');
    convert(soffice, profile, [files[0]!], path.join(work, 'out-warmup'));
    let s = 0;
    const single = await measure(
      () => convert(soffice, profile, [files[s++ % files.length]!], path.join(work, `out-single-${s}`)),
      Math.max(3, b.runs),
      0,
    );
    // Batch: all documents in one call, per-document time = total / N (the most favourable case for it).
    const batches: number[] = [];
    const cpuBefore = childCpuMs();
    for (let i = 0; i < Math.max(3, Math.min(b.runs, 5)); i += 1) {
      batches.push(convert(soffice, profile, files, path.join(work, `out-batch-${i}`)) / files.length);
    }
    const cpuAfter = childCpuMs();
    const batch = summarize(batches);
    const batchCpuMs =
      cpuBefore === null || cpuAfter === null
        ? null
        : (cpuAfter - cpuBefore) / (batches.length * files.length);
    const pdfKb = fs.statSync(path.join(work, 'out-batch-0', 'giay-phep-1.pdf')).size / 1024;
    const docxKb = fs.statSync(files[0]!).size / 1024;

    const licenceMs =
      (b.shared.get('licenceMedianMs') as number | undefined) ??
      (await measure(() => b.call('documents.licence', { dossierId: issued.dossierId }), 20, 3)).median;
    const ratio = batch.median / licenceMs;
    const licenceCpuMs = b.shared.get('licenceCpuMs') as number | undefined;
    const cpuNote =
      batchCpuMs === null
        ? ''
        : `; CPU ${batchCpuMs.toFixed(0)} ms per document${licenceCpuMs ? ` vs ${licenceCpuMs.toFixed(0)} ms per licence PDF (${(batchCpuMs / licenceCpuMs).toFixed(1)}×)` : ''}`;
    b.report.add({
      section: SECTION,
      name: `DOCX mail merge → PDF, ${files.length} documents in one soffice call, per document`,
      value: batch.median,
      p95: batch.p95,
      unit: 'ms',
      target: TARGET,
      met: ratio >= 50,
      note: `licence PDF (${licenceMs.toFixed(1)} ms through dispatch) is ${ratio.toFixed(1)}× faster${cpuNote}; merge ${mergeMs.toFixed(1)} ms/doc; DOCX ${docxKb.toFixed(1)} KB → PDF ${pdfKb.toFixed(1)} KB; ${version}`,
    });
    b.report.add({
      section: SECTION,
      name: 'one document per soffice call (existing profile)',
      value: single.median,
      p95: single.p95,
      unit: 'ms',
      note: `licence PDF is ${(single.median / licenceMs).toFixed(0)}× faster`,
    });
    b.report.add({
      section: SECTION,
      name: 'one document, cold (first soffice start with a new profile)',
      value: coldMs,
      unit: 'ms',
      note: `licence PDF is ${(coldMs / licenceMs).toFixed(0)}× faster`,
    });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
