import type { Sql } from '../sql';

/**
 * PostgreSQL's counterpart of integrity_check and foreign_key_check. The server keeps pages consistent itself
 * (checksums, WAL), so what can go wrong underneath LicenceDesk is what someone with DDL rights did: a
 * constraint added NOT VALID or never validated, an append-only or counter trigger dropped or disabled, or
 * foreign keys bypassed (session_replication_role = replica, disabled triggers). Each is reported; the foreign
 * keys are re-checked row by row as SQLite's foreign_key_check does.
 */
export async function checkStructurePostgres(
  db: Sql,
): Promise<{ integrity: string[]; danglingReferences: number }> {
  const problems: string[] = [];
  const unvalidated = await db.all<{ name: string; table_name: string }>(
    `SELECT c.conname AS name, t.relname AS table_name FROM pg_constraint c
     JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = current_schema() AND NOT c.convalidated`,
  );
  for (const c of unvalidated) problems.push(`constraint ${c.name} on ${c.table_name} is not validated`);
  const triggers = await db.all<{ name: string; enabled: string }>(
    `SELECT g.tgname AS name, g.tgenabled AS enabled FROM pg_trigger g
     JOIN pg_class t ON t.oid = g.tgrelid JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = current_schema() AND NOT g.tgisinternal`,
  );
  const present = new Map(triggers.map((t) => [t.name, t.enabled]));
  for (const name of REQUIRED_TRIGGERS) {
    const enabled = present.get(name);
    if (enabled === undefined) problems.push(`trigger ${name} is missing`);
    else if (enabled === 'D') problems.push(`trigger ${name} is disabled`);
  }
  let dangling = 0;
  const keys = await db.all<{ child: string; column: string; parent: string; parent_column: string }>(
    `SELECT t.relname AS child, a.attname AS "column", p.relname AS parent, pa.attname AS parent_column
     FROM pg_constraint c
     JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
     JOIN pg_class p ON p.oid = c.confrelid
     JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
     JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = c.confkey[1]
     WHERE c.contype = 'f' AND n.nspname = current_schema() AND cardinality(c.conkey) = 1`,
  );
  for (const k of keys) {
    // Names come from the catalogue, not from input.
    const row = await db.get<{ n: number }>(
      `SELECT count(*) AS n FROM "${k.child}" c WHERE c."${k.column}" IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM "${k.parent}" p WHERE p."${k.parent_column}" = c."${k.column}")`,
    );
    dangling += row?.n ?? 0;
  }
  return { integrity: problems.length === 0 ? ['ok'] : problems, danglingReferences: dangling };
}

/** The triggers that keep records append-only and the counters exact (store/postgres/migrations). */
const REQUIRED_TRIGGERS = [
  'dossiers_no_delete',
  'users_no_delete',
  'audit_events_no_update',
  'audit_events_no_delete',
  'licences_no_update',
  'licences_no_delete',
  'licence_voids_no_change',
  'licence_voids_no_delete',
  'import_batches_no_update',
  'import_batches_no_delete',
  'pause_rule_versions_no_update',
  'pause_rule_versions_no_delete',
  'dossiers_before_write',
  'stats_dossiers_inserted',
  'stats_dossiers_updated',
  'stats_pauses_inserted',
  'stats_pauses_updated',
  'stats_pauses_deleted',
  'stored_files_no_update',
  'stored_files_no_delete',
  'dossier_files_no_update',
  'dossier_files_no_delete',
  'dossiers_scans_required',
  'dossier_files_scanned',
  'stats_digital_inserted',
  'stats_digital_updated',
];
