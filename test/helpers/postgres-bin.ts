// Where the PostgreSQL server programs are, for tests that start throwaway clusters. `npm test` checks (and,
// where it can, installs) them first: scripts/test-prerequisites.mjs, whose finder this is.
import path from 'node:path';
import { findPostgresBinDir } from '../../scripts/test-prerequisites.mjs';

export { findPostgresBinDir };

/** The full path of one PostgreSQL server program (initdb, pg_ctl, postgres), or null when none is found. */
export function postgresProgram(name: 'initdb' | 'pg_ctl' | 'postgres'): string | null {
  const dir = findPostgresBinDir();
  return dir ? path.join(dir, name) : null;
}
