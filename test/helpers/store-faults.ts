import { byDialect, type Sql } from '../../electron/backend/store/sql';

/*
 * Faults and tampering that tests inject behind the application's back, written for each engine: what an
 * attacker with write access to the store, or a disk failing mid-transaction, would do.
 */

/** Removes the append-only guard of a table, as someone editing the store directly could. */
export function dropAppendOnlyGuard(
  db: Sql,
  table: string,
  operation: 'update' | 'delete',
): Promise<unknown> {
  const trigger = `${table}_no_${operation}`;
  return byDialect<() => Promise<unknown>>(db, {
    sqlite: () => db.run(`DROP TRIGGER ${trigger}`),
    postgres: () => db.run(`DROP TRIGGER ${trigger} ON ${table}`),
  })();
}

/** Makes every insert into `dossiers` of the dossier with `code` fail with `message` (a disk that gives out). */
export function failDossierInsert(db: Sql, code: string, message: string): Promise<unknown> {
  const quoted = code.replaceAll("'", "''");
  return byDialect<() => Promise<unknown>>(db, {
    sqlite: () =>
      db.run(`CREATE TRIGGER test_boom BEFORE INSERT ON dossiers WHEN new.code = '${quoted}'
        BEGIN SELECT RAISE(ABORT, '${message}'); END`),
    postgres: async () => {
      await db.run(`CREATE FUNCTION test_boom() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.code = '${quoted}' THEN RAISE EXCEPTION '${message}'; END IF; RETURN NEW; END $$`);
      await db.run(
        'CREATE TRIGGER test_boom BEFORE INSERT ON dossiers FOR EACH ROW EXECUTE FUNCTION test_boom()',
      );
    },
  })();
}

export function removeDossierInsertFault(db: Sql): Promise<unknown> {
  return byDialect<() => Promise<unknown>>(db, {
    sqlite: () => db.run('DROP TRIGGER test_boom'),
    postgres: async () => {
      await db.run('DROP TRIGGER test_boom ON dossiers');
      await db.run('DROP FUNCTION test_boom()');
    },
  })();
}
