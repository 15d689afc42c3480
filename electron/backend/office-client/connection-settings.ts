import fs from 'node:fs';
import path from 'node:path';
import { connectionSettingsSchema, type ConnectionSettings } from '../../../shared/api/schemas/connection';

export const CONNECTION_FILE = 'connection.json';

/** The desktop app's saved choice (local store or office server), or null before the first-run screen. */
export function readConnectionSettings(dir: string): ConnectionSettings | null {
  let raw: string;
  try {
    raw = fs.readFileSync(path.join(dir, CONNECTION_FILE), 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = connectionSettingsSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Written beside and renamed over, so a crash never leaves half a choice. */
export function writeConnectionSettings(dir: string, settings: ConnectionSettings): void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, CONNECTION_FILE);
  const temp = `${file}.partial-${process.pid}`;
  fs.writeFileSync(temp, `${JSON.stringify(connectionSettingsSchema.parse(settings), null, 2)}\n`, {
    mode: 0o600,
  });
  fs.renameSync(temp, file);
}
