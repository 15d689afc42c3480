import { parseArgs } from 'node:util';
import type { CliEnv } from './cli-context';
import { databaseUrlFrom } from '../store/open-store';
import { dataDirFrom, openBackend, reportStartupError } from './cli-context';
import { filesDirOf } from '../files/content-store';
import { verifyStore } from '../store/verify-store';

export async function verifyCommand(args: string[], env: CliEnv): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { data: { type: 'string' }, database: { type: 'string' } },
    strict: true,
  });
  let backend;
  try {
    backend = await openBackend(env, dataDirFrom(values.data), 'cli', databaseUrlFrom(values.database));
  } catch (error) {
    return reportStartupError(env, error);
  }
  try {
    const report = await verifyStore(backend.ctx.db, { filesDir: filesDirOf(backend.ctx.dataDir) });
    for (const line of report.lines) env.stdout(`${line}\n`);
    env.stdout(report.ok ? 'RESULT: OK\n' : 'RESULT: FAILED\n');
    return report.ok ? 0 : 3;
  } finally {
    await backend.close();
  }
}
