import fs from 'node:fs';
import path from 'node:path';

/**
 * Finds the folder holding LicenceDesk's package.json by walking up from `start`. Works for the sources under
 * vitest, the esbuild bundles in dist/, and the packaged app (where resources sit beside the asar).
 */
export function findAppRoot(start: string): string {
  let dir = path.resolve(start);
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      try {
        const pkg = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string };
        if (pkg.name === 'licence-desk') return dir;
      } catch {
        // Not ours; keep walking.
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`LicenceDesk's package.json not found above ${start}`);
    dir = parent;
  }
}

export function readAppVersion(root: string): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}
