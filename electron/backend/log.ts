import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from './context';

/** JSON-lines log in English; user-facing text never depends on it. */
export function createFileLogger(dataDir: string, alsoStderr = false): Logger {
  const dir = path.join(dataDir, 'logs');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'licence-desk.log');
  const write = (level: string, message: string, data?: Record<string, unknown>) => {
    const line = JSON.stringify({ at: new Date().toISOString(), level, message, ...data });
    try {
      fs.appendFileSync(file, `${line}\n`);
    } catch {
      // A full disk must not turn a logged refusal into a crash; stderr still gets it below.
    }
    if (alsoStderr || level === 'error') process.stderr.write(`${line}\n`);
  };
  return {
    info: (m, d) => write('info', m, d),
    warn: (m, d) => write('warn', m, d),
    error: (m, d) => write('error', m, d),
  };
}

export interface LogLine {
  level: string;
  message: string;
  data?: Record<string, unknown>;
}

export function createMemoryLogger(): Logger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  // LICENCE_DESK_TEST_LOG=1 echoes errors to stderr while a test is being debugged.
  const echo = process.env.LICENCE_DESK_TEST_LOG === '1';
  const push = (level: string) => (message: string, data?: Record<string, unknown>) => {
    lines.push(data ? { level, message, data } : { level, message });
    if (echo && level === 'error') process.stderr.write(`[${level}] ${message} ${JSON.stringify(data)}\n`);
  };
  return { lines, info: push('info'), warn: push('warn'), error: push('error') };
}
