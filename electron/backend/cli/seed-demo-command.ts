import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import type { CliEnv } from './cli-context';
import { databaseUrlFrom } from '../store/open-store';
import { dataDirFrom, localSession, openBackend, reportStartupError } from './cli-context';
import { readSettings, writeSettings, defaultSettings } from '../settings/settings-repo';
import { createDeadlineService } from '../calendar/deadline-service';
import { seedDemo } from '../demo/seed-demo';

export async function seedDemoCommand(args: string[], env: CliEnv): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      data: { type: 'string' },
      database: { type: 'string' },
      count: { type: 'string' },
      seed: { type: 'string', default: '2026' },
      years: { type: 'string', default: '3' },
      quiet: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const count = Number(values.count);
  const seed = Number(values.seed);
  const years = Number(values.years);
  if (!Number.isInteger(count) || count < 1 || count > 5_000_000) {
    env.stderr('--count must be a whole number from 1 to 5,000,000\n');
    return 1;
  }
  if (!Number.isInteger(seed) || !Number.isInteger(years) || years < 1 || years > 5) {
    env.stderr('--seed must be a whole number and --years from 1 to 5\n');
    return 1;
  }
  let backend;
  try {
    backend = await openBackend(env, dataDirFrom(values.data), 'cli', databaseUrlFrom(values.database));
  } catch (error) {
    return reportStartupError(env, error);
  }
  try {
    const { db } = backend.ctx;
    let settings = await readSettings(db);
    if (!settings.isConfigured) {
      // Demo data needs an agency code; the demo agency is the first-run example, clearly editable later.
      await writeSettings(db, {
        ...defaultSettings,
        agency: { ...defaultSettings.agency, agencyCode: '000.00.00.DEMO' },
      });
      settings = await readSettings(db);
    }
    const bar = values.quiet
      ? null
      : new SingleBar(
          { format: 'Tạo hồ sơ minh họa [{bar}] {value}/{total} ({percentage}%) {eta_formatted}' },
          Presets.shades_classic,
        );
    bar?.start(count, 0);
    const started = Date.now();
    const done = await seedDemo(db, {
      count,
      seed,
      years,
      now: backend.ctx.clock.now(),
      settings,
      deadlines: await createDeadlineService(db, settings),
      actor: localSession().system,
      appVersion: backend.ctx.appVersion,
      onProgress: (n) => bar?.update(n),
    });
    bar?.stop();
    env.stdout(`Created ${done} demo dossiers in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
    return 0;
  } finally {
    await backend.close();
  }
}
