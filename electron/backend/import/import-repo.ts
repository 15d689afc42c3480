import type { Sql } from '../store/sql';
import type { ProcedureIndex, ProcedureRef } from './validate-row';

/** Every procedure with all its versions, loaded once per import (a row is checked against its receipt day). */
export async function loadProcedureIndex(db: Sql): Promise<ProcedureIndex> {
  const rows =
    (await db.all(`SELECT p.id, p.code, p.name, v.id AS version_id, v.effective_from, v.effective_to, v.deadline, v.deadline_unit
       FROM procedures p JOIN procedure_versions v ON v.procedure_id = p.id
       ORDER BY p.id, v.effective_from`)) as Array<{
      id: string;
      code: string | null;
      name: string;
      version_id: number;
      effective_from: string;
      effective_to: string | null;
      deadline: number | null;
      deadline_unit: 'wd' | 'cd' | 'h' | null;
    }>;
  const byId = new Map<string, ProcedureRef>();
  const byCode = new Map<string, ProcedureRef>();
  for (const row of rows) {
    const key = row.id.toUpperCase();
    let procedure = byId.get(key);
    if (!procedure) {
      procedure = { id: row.id, code: row.code, name: row.name, versions: [] };
      byId.set(key, procedure);
      if (row.code) byCode.set(row.code, procedure);
    }
    procedure.versions.push({
      versionId: row.version_id,
      effectiveFrom: row.effective_from,
      effectiveTo: row.effective_to,
      deadline: row.deadline,
      unit: row.deadline_unit,
    });
  }
  return { byId, byCode };
}

/** Which of `codes` are already dossier codes in the store (chunked to stay under SQLite's parameter cap). */
export async function existingCodes(db: Sql, codes: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  const chunk = 500;
  for (let i = 0; i < codes.length; i += chunk) {
    const part = codes.slice(i, i + chunk);
    const rows = (await db.all(
      `SELECT code FROM dossiers WHERE code IN (${part.map(() => '?').join(', ')})`,
      [...part],
    )) as Array<{ code: string }>;
    for (const row of rows) found.add(row.code);
  }
  return found;
}

export interface PreviousBatch {
  id: number;
  imported_at: string;
  imported: number;
}

export async function batchesWithSha256(db: Sql, sha256: string): Promise<PreviousBatch[]> {
  return (await db.all('SELECT id, imported_at, imported FROM import_batches WHERE sha256 = ? ORDER BY id', [
    sha256,
  ])) as PreviousBatch[];
}

export interface NewBatch {
  fileName: string;
  sha256: string;
  format: 'csv' | 'xlsx';
  sheetName: string | null;
  totalRows: number;
  validRows: number;
  invalidRows: number;
  imported: number;
  skippedDuplicates: number;
  skipInvalid: boolean;
  importedAt: string;
  actorId: string;
  actorName: string;
  appVersion: string;
}

export async function insertBatch(db: Sql, batch: NewBatch): Promise<number> {
  const result = await db.get<{ id: number }>(
    `INSERT INTO import_batches (file_name, sha256, format, sheet_name, total_rows, valid_rows, invalid_rows, imported,
        skipped_duplicates, skip_invalid, imported_at, actor_id, actor_name, app_version)
       VALUES (@fileName, @sha256, @format, @sheetName, @totalRows, @validRows, @invalidRows, @imported,
        @skippedDuplicates, @skipInvalid, @importedAt, @actorId, @actorName, @appVersion)
       RETURNING id`,
    { ...batch, skipInvalid: batch.skipInvalid ? 1 : 0 },
  );
  return result!.id;
}

export interface ImportedDossierRow {
  code: string;
  procedure_id: string;
  procedure_version_id: number;
  applicant_kind: 'organization' | 'individual';
  applicant_name: string;
  applicant_folded: string;
  channel: 'direct' | 'post' | 'online';
  received_at: string;
  received_ms: number;
  receipt_date: string;
  deadline_amount: number;
  deadline_unit: 'wd' | 'cd' | 'h';
  due_date: string | null;
  due_at: string | null;
  due_ms: number | null;
  status: string;
  completed_at: string | null;
  completed_ms: number | null;
  completion_class: 'early' | 'on_time' | 'late' | null;
  processing_working_days: number | null;
  returned_at: string | null;
  return_channel: 'desk' | 'post' | null;
  return_method: 'desk' | 'post';
  notes: string;
  receiver_name: string;
  register_entry_no: number;
  import_batch_id: number;
  created_at: string;
}

export interface EventRow {
  dossier_id: number;
  at: string;
  actor_id: string;
  actor_name: string;
  kind: string;
  from_status: string | null;
  to_status: string;
  note: string | null;
  data: string;
}

/**
 * The statements of one import, prepared once: 100,000 rows are written with the same three statements.
 * The dossier row is complete on insert (status, completion and return columns included) rather than
 * inserted and then updated; count_from stays null — the historic appointment date is kept, not recomputed.
 */
export function prepareImportWriter(db: Sql) {
  return {
    /** Moves a counter on by `n` (inside the transaction that uses the numbers). */
    advanceCounter: async (counter: string, n: number) => {
      const result = await db.run('UPDATE counters SET last = last + ? WHERE name = ?', [n, counter]);
      if (result.changes !== 1) throw new Error(`counter ${counter} does not exist`);
    },
    insertDossier: async (row: ImportedDossierRow) =>
      (await db.get<{ id: number }>(
        `INSERT INTO dossiers (code, request_id, procedure_id, procedure_version_id, applicant_kind, applicant_name,
          applicant_folded, channel, received_at, received_ms, receipt_date, count_from, deadline_amount, deadline_unit,
          due_date, due_at, due_ms, status, completed_at, completed_ms, completion_class, processing_working_days,
          returned_at, return_channel, set_count, components, return_method, notes, receiver_name, register_entry_no,
          import_batch_id, created_at, updated_at, scans_required)
         VALUES (@code, NULL, @procedure_id, @procedure_version_id, @applicant_kind, @applicant_name, @applicant_folded,
          @channel, @received_at, @received_ms, @receipt_date, NULL, @deadline_amount, @deadline_unit, @due_date, @due_at,
          @due_ms, @status, @completed_at, @completed_ms, @completion_class, @processing_working_days, @returned_at,
          @return_channel, 1, '[]', @return_method, @notes, @receiver_name, @register_entry_no, @import_batch_id,
          @created_at, @created_at, 0)
         RETURNING id`,
        row,
      ))!.id,
    insertEvent: (row: EventRow) =>
      db.run(
        `INSERT INTO dossier_events (dossier_id, at, actor_id, actor_name, kind, from_status, to_status, note, data)
         VALUES (@dossier_id, @at, @actor_id, @actor_name, @kind, @from_status, @to_status, @note, @data)`,
        row,
      ),
    codeExists: async (code: string) =>
      (await db.get('SELECT 1 AS found FROM dossiers WHERE code = ?', [code])) !== undefined,
    // A code in the office's own format (agency-yymmdd-nnnn) reserves its daily number, so that a dossier
    // received later on that day in LicenceDesk cannot be given the same code.
    reserveDailyNumber: (counter: string, sequence: number) =>
      db.run(
        `INSERT INTO counters (name, last) VALUES (?, ?)
         ON CONFLICT (name) DO UPDATE SET last = CASE WHEN excluded.last > counters.last THEN excluded.last ELSE counters.last END`,
        [counter, sequence],
      ),
  };
}
