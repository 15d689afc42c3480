import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { repoRoot } from './test-backend';

/**
 * Bundles test/helpers/office-child.ts and lays out an app root (stub renderer, the real resources) for it.
 * Returns what startOfficeServer needs to run it instead of bin/licence-desk.cjs.
 */
export function bundleOfficeChild(): { entry: string; env: NodeJS.ProcessEnv } {
  const dir = path.join(repoRoot, '.tmp', 'office-child');
  const entry = path.join(dir, 'office-child.cjs');
  buildSync({
    entryPoints: [path.join(repoRoot, 'test/helpers/office-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3'],
    outfile: entry,
    logLevel: 'warning',
  });
  const appRoot = path.join(dir, 'app');
  fs.mkdirSync(path.join(appRoot, 'dist', 'renderer'), { recursive: true });
  fs.writeFileSync(
    path.join(appRoot, 'dist', 'renderer', 'index.html'),
    '<!doctype html><title>LicenceDesk</title>',
  );
  fs.writeFileSync(
    path.join(appRoot, 'package.json'),
    JSON.stringify({ name: 'licence-desk', version: '0.0.0-test' }),
  );
  const resources = path.join(appRoot, 'resources');
  if (!fs.existsSync(resources)) fs.symlinkSync(path.join(repoRoot, 'resources'), resources);
  return { entry, env: { LICENCE_DESK_TEST_APP_ROOT: appRoot } };
}
