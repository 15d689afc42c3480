import { byDialect, type Sql } from './sql';
import { checkStructureSqlite } from './sqlite/structure-check.sqlite';
import { checkStructurePostgres } from './postgres/structure-check.postgres';

export interface StructureCheck {
  /** ['ok'] when the engine finds nothing wrong, its messages otherwise. */
  integrity: string[];
  danglingReferences: number;
}

/** The engine's own consistency checks, below the rules LicenceDesk checks itself (chain, register). */
export function checkStructure(db: Sql): Promise<StructureCheck> {
  return byDialect(db, { sqlite: checkStructureSqlite, postgres: checkStructurePostgres })(db);
}
