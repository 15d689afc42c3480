import { byDialect, type Sql } from '../store/sql';
import { COUNT_CAP, whereClause, type ListFilter } from './dossier-list-filter';
import { searchByNameSqlite } from './dossier-search.sqlite';
import { searchByNamePostgres } from './dossier-search.postgres';

export { COUNT_CAP, type ListFilter } from './dossier-list-filter';
import type { ApplicantKind, Channel, DossierStatus } from '../../../shared/domain/dossier-status';
import type { PauseRuleId } from '../../../shared/domain/deadline';

export interface DossierRecord {
  id: number;
  code: string;
  request_id: string | null;
  procedure_id: string;
  procedure_version_id: number;
  procedure_code: string | null;
  procedure_name: string;
  pause_mode: 'pause' | 'restart';
  applicant_kind: ApplicantKind;
  applicant_name: string;
  applicant_folded: string;
  applicant_id_number: string | null;
  applicant_address: string | null;
  applicant_phone: string | null;
  applicant_email: string | null;
  channel: Channel;
  received_at: string;
  received_ms: number;
  receipt_date: string;
  count_from: string | null;
  deadline_amount: number;
  deadline_unit: 'wd' | 'cd' | 'h';
  due_date: string | null;
  due_at: string | null;
  due_ms: number | null;
  status: DossierStatus;
  completed_at: string | null;
  completion_class: 'early' | 'on_time' | 'late' | null;
  set_count: number;
  components: string;
  return_method: 'desk' | 'post';
  notes: string | null;
  receiver_name: string;
  register_entry_no: number;
  /** Null while the dossier follows the pause rule in force (migration 0007). */
  pause_rule: PauseRuleId | null;
  version: number;
  /** Provided components, and how many of them have a scan (migration 0008 triggers). */
  scans_required: number | null;
  scans_attached: number;
  /** Hash of the electronic result file, when one was stored. */
  e_result_sha256: string | null;
}

export type NewDossier = Omit<
  DossierRecord,
  | 'id'
  | 'procedure_code'
  | 'procedure_name'
  | 'pause_mode'
  | 'completed_at'
  | 'completion_class'
  | 'pause_rule'
  | 'version'
  | 'scans_required'
  | 'scans_attached'
  | 'e_result_sha256'
> & { created_at: string };

export const SELECT_DOSSIER = `
  SELECT d.*, p.code AS procedure_code, p.name AS procedure_name, v.pause_mode
  FROM dossiers d
  JOIN procedures p ON p.id = d.procedure_id
  JOIN procedure_versions v ON v.id = d.procedure_version_id`;

export async function insertDossier(db: Sql, row: NewDossier): Promise<number> {
  const result = await db.get<{ id: number }>(
    `INSERT INTO dossiers (code, request_id, procedure_id, procedure_version_id, applicant_kind, applicant_name,
        applicant_folded, applicant_id_number, applicant_address, applicant_phone, applicant_email, channel,
        received_at, received_ms, receipt_date, count_from, deadline_amount, deadline_unit, due_date, due_at, due_ms,
        status, set_count, components, return_method, notes, receiver_name, register_entry_no, created_at, updated_at,
        scans_required)
       VALUES (@code, @request_id, @procedure_id, @procedure_version_id, @applicant_kind, @applicant_name,
        @applicant_folded, @applicant_id_number, @applicant_address, @applicant_phone, @applicant_email, @channel,
        @received_at, @received_ms, @receipt_date, @count_from, @deadline_amount, @deadline_unit, @due_date, @due_at,
        @due_ms, @status, @set_count, @components, @return_method, @notes, @receiver_name, @register_entry_no,
        @created_at, @created_at, @scans_required)
       RETURNING id`,
    { ...row, scans_required: providedCount(row.components) },
  );
  return result!.id;
}

/** Components the applicant provided (what "every component scanned" is measured against). */
function providedCount(components: string): number {
  return (JSON.parse(components) as Array<{ isProvided?: boolean }>).filter((c) => c.isProvided === true)
    .length;
}

export async function getDossier(db: Sql, id: number): Promise<DossierRecord | null> {
  return ((await db.get(`${SELECT_DOSSIER} WHERE d.id = ?`, [id])) as DossierRecord | undefined) ?? null;
}

export async function findByRequestId(db: Sql, requestId: string): Promise<DossierRecord | null> {
  return (
    ((await db.get(`${SELECT_DOSSIER} WHERE d.request_id = ?`, [requestId])) as DossierRecord | undefined) ??
    null
  );
}

export async function listDossiers(
  db: Sql,
  filter: ListFilter,
): Promise<{ rows: DossierRecord[]; total: number; totalIsCapped: boolean }> {
  if (!filter.codePrefix && filter.terms.length > 0) {
    return byDialect(db, { sqlite: searchByNameSqlite, postgres: searchByNamePostgres })(db, filter);
  }
  const where = whereClause(filter);
  const pageParts = [where.sql];
  const params: Record<string, unknown> = { ...where.params, limit: filter.limit };
  if (filter.cursor) {
    pageParts.push(`${where.sql ? 'AND' : 'WHERE'} (d.received_ms, d.id) < (@cursorMs, @cursorId)`);
    params.cursorMs = filter.cursor.receivedMs;
    params.cursorId = filter.cursor.id;
  }
  const rows = (await db.all(
    `${SELECT_DOSSIER} ${pageParts.join(' ')} ORDER BY d.received_ms DESC, d.id DESC LIMIT @limit`,
    params,
  )) as DossierRecord[];
  if (!where.sql) {
    // Dossiers are never deleted (trigger) and rowids are taken as max + 1, so the highest id is the exact count,
    // read from the primary key in O(log n) instead of scanning a million rows on every page.
    const total = ((await db.get('SELECT coalesce(max(id), 0) AS n FROM dossiers')) as { n: number }).n;
    return { rows, total, totalIsCapped: false };
  }
  const counted = (
    (await db.get(
      `SELECT count(*) AS n FROM (SELECT 1 FROM dossiers d ${where.sql} LIMIT ${COUNT_CAP + 1}) AS capped`,
      where.params,
    )) as { n: number }
  ).n;
  return { rows, total: Math.min(counted, COUNT_CAP), totalIsCapped: counted > COUNT_CAP };
}

/** Earlier dossiers of what looks like the same applicant (same folded name or same ID number). */
export async function findPossibleDuplicates(
  db: Sql,
  excludeId: number,
  folded: string,
  idNumber: string | null,
): Promise<Array<{ id: number; code: string; applicant_name: string }>> {
  return (await db.all(
    `SELECT id, code, applicant_name FROM dossiers
       WHERE id <> @excludeId AND (applicant_folded = @folded OR (CAST(@idNumber AS TEXT) IS NOT NULL AND applicant_id_number = @idNumber))
       ORDER BY received_ms DESC LIMIT 5`,
    { excludeId, folded, idNumber },
  )) as Array<{ id: number; code: string; applicant_name: string }>;
}
