import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CliEnv } from './cli-context';
import { dataDirFrom, localSession, openBackend, reportStartupError } from './cli-context';
import { databaseUrlFrom } from '../store/open-store';
import type { BackendContext, CallSession } from '../context';
import { AppError } from '../../../shared/api/errors';
import { attachStagedFile, contentStoreOf } from '../attachments/attach-file';

/**
 * `licence-desk attach`: bulk digitisation of old paper dossiers (issue 13 §4).
 *
 *   attach --dossier CODE --component N FILE…   the files are scans of component N of dossier CODE
 *   attach --folder DIR                          DIR/<dossier code>/<N>-<anything>.<ext>: one sub-folder per
 *                                                dossier, each file's leading number is its component
 *
 * With --dry-run every file goes through every check (type from content, truncation, PDF password, limits,
 * duplicates) and nothing is written. Each file is its own transaction: a refused file never stops the others,
 * and is listed with the reason. Exit 0 when every file passed, 2 when some were refused.
 */
export async function attachCommand(args: string[], env: CliEnv): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      data: { type: 'string' },
      database: { type: 'string' },
      dossier: { type: 'string' },
      component: { type: 'string' },
      folder: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  let jobs: Job[];
  try {
    jobs = planJobs(values, positionals);
  } catch (error) {
    env.stderr(`${(error as Error).message}\n`);
    return 1;
  }
  let backend;
  try {
    backend = await openBackend(env, dataDirFrom(values.data), 'cli', databaseUrlFrom(values.database));
  } catch (error) {
    return reportStartupError(env, error);
  }
  const caller = localSession().system;
  const session: CallSession = { actor: caller, userId: null, sessionToken: null, clientAddress: null };
  const results: Outcome[] = [];
  try {
    for (const job of jobs) results.push(await runJob(backend.ctx, session, job, values['dry-run']));
  } finally {
    await backend.close();
  }
  const refused = results.filter((r) => r.status === 'refused').length;
  if (values.json) {
    env.stdout(`${JSON.stringify({ dryRun: values['dry-run'], results }, null, 2)}\n`);
  } else {
    for (const r of results) {
      const where = `${r.dossier} #${r.component ?? '?'} ${r.file}`;
      env.stdout(
        r.status === 'refused'
          ? `REFUSED  ${where}: ${r.message}\n`
          : `${values['dry-run'] ? 'WOULD ATTACH' : 'ATTACHED'}  ${where}  ${r.sha256}\n`,
      );
    }
    env.stdout(
      `${values['dry-run'] ? 'Dry run: ' : ''}${results.length - refused} of ${results.length} file(s) ${values['dry-run'] ? 'would be attached' : 'attached'}, ${refused} refused.\n`,
    );
  }
  return refused > 0 ? 2 : 0;
}

interface Job {
  dossier: string;
  component: number | null;
  file: string;
}

interface Outcome {
  dossier: string;
  component: number | null;
  file: string;
  status: 'attached' | 'checked' | 'refused';
  sha256?: string;
  message?: string;
}

function planJobs(
  values: { dossier?: string | undefined; component?: string | undefined; folder?: string | undefined },
  files: string[],
): Job[] {
  if (values.folder !== undefined) {
    if (values.dossier !== undefined || files.length > 0)
      throw new Error('--folder cannot be combined with --dossier or files');
    const root = path.resolve(values.folder);
    const jobs: Job[] = [];
    for (const entry of fs
      .readdirSync(root, { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (!entry.isDirectory()) continue;
      for (const name of fs.readdirSync(path.join(root, entry.name)).sort()) {
        const file = path.join(root, entry.name, name);
        if (!fs.statSync(file).isFile() || name.startsWith('.')) continue;
        const match = /^(\d{1,2})(?:[-_. ]|$)/.exec(name);
        jobs.push({ dossier: entry.name, component: match ? Number(match[1]) : null, file });
      }
    }
    return jobs;
  }
  if (values.dossier === undefined || values.component === undefined || files.length === 0) {
    throw new Error(
      'usage: licence-desk attach --dossier CODE --component N FILE… | --folder DIR  [--dry-run]',
    );
  }
  const component = Number(values.component);
  if (!Number.isInteger(component) || component < 1)
    throw new Error(`--component must be a number ≥ 1, got ${values.component}`);
  return files.map((file) => ({ dossier: values.dossier as string, component, file: path.resolve(file) }));
}

async function runJob(
  ctx: BackendContext,
  session: CallSession,
  job: Job,
  dryRun: boolean,
): Promise<Outcome> {
  const base = { dossier: job.dossier, component: job.component, file: job.file };
  if (job.component === null) {
    return {
      ...base,
      status: 'refused',
      message: 'tên tệp phải bắt đầu bằng số thứ tự thành phần hồ sơ (ví dụ 1-don.pdf)',
    };
  }
  const row = await ctx.db.get<{ id: number }>('SELECT id FROM dossiers WHERE code = ?', [job.dossier]);
  if (!row) return { ...base, status: 'refused', message: `không có hồ sơ mã ${job.dossier}` };
  const staging = contentStoreOf(ctx).stagingFile('bulk');
  try {
    fs.copyFileSync(job.file, staging, fs.constants.COPYFILE_EXCL);
    const outcome = await attachStagedFile(ctx, session, {
      dossierId: row.id,
      componentNo: job.component,
      fileName: path.basename(job.file),
      stagingFile: staging,
      source: 'bulk',
      dryRun,
    });
    return { ...base, status: dryRun ? 'checked' : 'attached', sha256: outcome.sha256 };
  } catch (error) {
    fs.rmSync(staging, { force: true });
    if (error instanceof AppError) return { ...base, status: 'refused', message: error.userMessage };
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT' || code === 'EISDIR')
      return { ...base, status: 'refused', message: 'không đọc được tệp' };
    throw error;
  }
}
