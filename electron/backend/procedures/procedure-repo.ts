import type { Sql } from '../store/sql';
import type { ProcedureView } from '../../../shared/api/schemas/procedures';

interface VersionRow {
  procedure_id: string;
  code: string | null;
  name: string;
  sector: 'bao_chi' | 'xuat_ban';
  version_id: number;
  effective_from: string;
  effective_to: string | null;
  deadline: number | null;
  deadline_unit: 'wd' | 'cd' | 'h' | null;
  pause_mode: 'pause' | 'restart';
  issuer: 'so' | 'ubnd';
  result_document: string | null;
  legal_basis: string;
  components: string;
  confidence: string;
  notes: string | null;
}

const SELECT_VERSION = `
  SELECT p.id AS procedure_id, p.code, p.name, p.sector, v.id AS version_id, v.effective_from, v.effective_to,
    v.deadline, v.deadline_unit, v.pause_mode, v.issuer, v.result_document, v.legal_basis, v.components,
    v.confidence, v.notes
  FROM procedures p
  JOIN procedure_versions v ON v.procedure_id = p.id
  WHERE v.effective_from <= @date AND (v.effective_to IS NULL OR v.effective_to > @date)`;

function toView(row: VersionRow): ProcedureView {
  return {
    id: row.procedure_id,
    code: row.code,
    name: row.name,
    sector: row.sector,
    versionId: row.version_id,
    effectiveFrom: row.effective_from,
    effectiveTo: row.effective_to,
    deadline: row.deadline,
    deadlineUnit: row.deadline_unit,
    pauseMode: row.pause_mode,
    issuer: row.issuer,
    resultDocument: row.result_document,
    legalBasis: JSON.parse(row.legal_basis) as string[],
    components: JSON.parse(row.components) as ProcedureView['components'],
    isConfigured: row.deadline !== null && row.deadline_unit !== null,
    confidence: row.confidence,
    notes: row.notes,
  };
}

/** The version of every procedure in force on `date` (office-local YYYY-MM-DD). */
export async function listProcedures(db: Sql, date: string): Promise<ProcedureView[]> {
  const rows = (await db.all(`${SELECT_VERSION} ORDER BY p.sector, p.id`, { date })) as VersionRow[];
  return rows.map(toView);
}

export async function findProcedure(
  db: Sql,
  procedureId: string,
  date: string,
): Promise<ProcedureView | null> {
  const row = (await db.get(`${SELECT_VERSION} AND p.id = @id`, { date, id: procedureId })) as
    VersionRow | undefined;
  return row ? toView(row) : null;
}

export async function procedureExists(db: Sql, procedureId: string): Promise<boolean> {
  return (await db.get('SELECT 1 FROM procedures WHERE id = ?', [procedureId])) !== undefined;
}

/**
 * Closes the version in force on `effectiveFrom` and opens a new one from that day with the new deadline,
 * copying everything else: dossiers already received keep the version they were received under.
 */
export async function addDeadlineVersion(
  db: Sql,
  procedureId: string,
  effectiveFrom: string,
  deadline: number,
  unit: 'wd' | 'cd' | 'h',
  source: string,
  nowIso: string,
): Promise<number> {
  const current = (await db.get(
    `SELECT id, effective_from FROM procedure_versions
       WHERE procedure_id = ? AND effective_from <= ? AND (effective_to IS NULL OR effective_to > ?)`,
    [procedureId, effectiveFrom, effectiveFrom],
  )) as { id: number; effective_from: string } | undefined;
  if (!current) throw new Error(`no version of ${procedureId} in force on ${effectiveFrom}`);
  if (current.effective_from === effectiveFrom) {
    await db.run('UPDATE procedure_versions SET deadline = ?, deadline_unit = ?, source = ? WHERE id = ?', [
      deadline,
      unit,
      source,
      current.id,
    ]);
    return current.id;
  }
  const later = (await db.get(
    'SELECT min(effective_from) AS next FROM procedure_versions WHERE procedure_id = ? AND effective_from > ?',
    [procedureId, effectiveFrom],
  )) as { next: string | null };
  await db.run('UPDATE procedure_versions SET effective_to = ? WHERE id = ?', [effectiveFrom, current.id]);
  const result = await db.get<{ id: number }>(
    `INSERT INTO procedure_versions (procedure_id, effective_from, effective_to, deadline, deadline_unit, pause_mode,
        issuer, result_document, result_kind, legal_basis, components, licence_fields, forms, fee, confidence, notes,
        is_silent_approval, is_event_relative, validity_max_months, source, created_at)
       SELECT procedure_id, @from, @to, @deadline, @unit, pause_mode, issuer, result_document, result_kind, legal_basis,
        components, licence_fields, forms, fee, confidence, notes, is_silent_approval, is_event_relative,
        validity_max_months, @source, @now
       FROM procedure_versions WHERE id = @id
       RETURNING id`,
    { from: effectiveFrom, to: later.next, deadline, unit, source, now: nowIso, id: current.id },
  );
  return result!.id;
}
