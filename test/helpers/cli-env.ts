import type { CliEnv } from '../../electron/backend/cli/cli-context';
import { repoRoot } from './test-backend';

/** A command-line environment that keeps what a command prints, one array entry per write. */
export function captureEnv(): CliEnv & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    appRoot: repoRoot,
    version: '0.0.0-test',
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    out,
    err,
  };
}
