import type { Sql } from '../store/sql';
import type { DossierStatus } from '../../../shared/domain/dossier-status';

/*
 * Test support (not imported by production code): dossier histories written straight to SQL, so fixtures of any
 * shape are built in microseconds — including states the workflow reaches only after many steps (apologised,
 * paused, reassigned). The summary triggers see these writes exactly as they see the workflow's.
 */

export const OFFSET = '+07:00';

export interface FixtureDossier {
  procedureId?: string;
  channel?: 'direct' | 'post' | 'online';
  receiptDate: string;
  /** null: no appointment (e.g. the clock is paused). */
  dueDate?: string | null;
  completedDate?: string | null;
  completionClass?: 'early' | 'on_time' | 'late' | null;
  processingDays?: number | null;
  assigneeId?: number | null;
  status?: DossierStatus;
  apologyDueDate?: string | null;
  pauses?: ReadonlyArray<{ from: string; to: string | null }>;
  /** Components as received (isProvided per component); default none. */
  provided?: readonly boolean[];
  /** 1-based numbers of the components that get a scan. */
  scanned?: readonly number[];
  /** An electronic result file is stored. */
  eResult?: boolean;
  supplementRequests?: number;
}

let sequence = 0;

export function instant(date: string, time = '09:00:00'): string {
  return `${date}T${time}${OFFSET}`;
}

async function versionOf(db: Sql, procedureId: string): Promise<number> {
  const row = (await db.get(
    'SELECT id FROM procedure_versions WHERE procedure_id = ? ORDER BY effective_from DESC LIMIT 1',
    [procedureId],
  )) as { id: number } | undefined;
  if (row === undefined) throw new Error(`no version for procedure ${procedureId}`);
  return row.id;
}

/** Inserts a dossier as received, then applies its later history with UPDATEs (as the workflow does). */
export async function insertFixture(db: Sql, f: FixtureDossier): Promise<number> {
  sequence += 1;
  const procedureId = f.procedureId ?? 'XB-TLKKD';
  const receivedAt = instant(f.receiptDate);
  const dueDate = f.dueDate === undefined ? addDays(f.receiptDate, 14) : f.dueDate;
  const inserted = await db.get<{ id: number }>(
    `INSERT INTO dossiers (code, procedure_id, procedure_version_id, applicant_kind, applicant_name, applicant_folded,
          applicant_address, applicant_phone, channel, received_at, received_ms, receipt_date, deadline_amount,
          deadline_unit, due_date, due_at, due_ms, status, set_count, components, return_method, receiver_name,
          register_entry_no, created_at, updated_at)
         VALUES (@code, @procedureId, @versionId, 'organization', @name, @folded, 'Số 1 Lý Thái Tổ', '0912345678',
          @channel, @receivedAt, @receivedMs, @receiptDate, 10, 'wd', @dueDate, @dueAt, @dueMs, 'received', 1, @components,
          'desk', 'Nguyễn Thị Lan', @sequence, @receivedAt, @receivedAt)
         RETURNING id`,
    {
      code: `TEST-${f.receiptDate}-${String(sequence).padStart(6, '0')}`,
      procedureId,
      versionId: await versionOf(db, procedureId),
      name: `Công ty Thử nghiệm ${sequence}`,
      folded: `cong ty thu nghiem ${sequence}`,
      channel: f.channel ?? 'direct',
      receivedAt,
      receivedMs: Date.parse(receivedAt),
      receiptDate: f.receiptDate,
      dueDate,
      dueAt: dueDate === null ? null : instant(dueDate, '17:00:00'),
      dueMs: dueDate === null ? null : Date.parse(instant(dueDate, '17:00:00')),
      sequence,
      components: JSON.stringify(
        (f.provided ?? []).map((isProvided, i) => ({
          name: `Thành phần ${i + 1}`,
          copies: 1,
          isProvided,
          isOriginal: false,
        })),
      ),
    },
  );
  const id = inserted!.id;
  if (f.assigneeId !== undefined && f.assigneeId !== null) {
    await db.run("UPDATE dossiers SET assignee_id = ?, status = 'appraising' WHERE id = ?", [
      f.assigneeId,
      id,
    ]);
  }
  for (const pause of f.pauses ?? []) {
    await db.run(
      `INSERT INTO dossier_pauses (dossier_id, requested_at, resumed_at, reason, requested_by)
       VALUES (?, ?, ?, 'Thiếu bản sao giấy phép', 'user:test')`,
      [id, instant(pause.from, '10:00:00'), pause.to === null ? null : instant(pause.to, '10:00:00')],
    );
  }
  if (f.apologyDueDate !== undefined && f.apologyDueDate !== null) {
    await db.run('UPDATE dossiers SET apology_due_at = ? WHERE id = ?', [
      instant(f.apologyDueDate, '17:00:00'),
      id,
    ]);
  }
  const completed = f.completedDate ?? null;
  if (completed !== null) {
    const completedAt = instant(completed, '15:00:00');
    await db.run(
      `UPDATE dossiers SET completed_at = ?, completed_ms = ?, completion_class = ?, processing_working_days = ?,
        status = ? WHERE id = ?`,
      [
        completedAt,
        Date.parse(completedAt),
        f.completionClass === undefined ? classify(completed, dueDate) : f.completionClass,
        f.processingDays ?? null,
        f.status ?? 'approved',
        id,
      ],
    );
  } else if (f.status !== undefined) {
    await db.run('UPDATE dossiers SET status = ? WHERE id = ?', [f.status, id]);
  }
  if (f.supplementRequests !== undefined) {
    await db.run('UPDATE dossiers SET supplement_requests = ? WHERE id = ?', [f.supplementRequests, id]);
  }
  const files = [
    ...(f.scanned ?? []).map((no) => ({ role: 'component', no, kind: null as string | null })),
    ...(f.eResult ? [{ role: 'result', no: null as number | null, kind: 'licence' }] : []),
  ];
  for (const [i, file] of files.entries()) {
    // Rows only: the summaries read the database, never the files.
    const sha = `${String(id).padStart(8, '0')}${String(i).padStart(4, '0')}`.padEnd(64, 'a');
    await db.run(
      `INSERT INTO stored_files (sha256, size_bytes, media_type, first_stored_at) VALUES (?, 1000, 'application/pdf', ?)`,
      [sha, receivedAt],
    );
    await db.run(
      `INSERT INTO dossier_files (dossier_id, role, component_no, result_kind, sha256, file_name, version, source,
          added_at, added_by, added_by_name)
         VALUES (?, ?, ?, ?, ?, 'tep.pdf', 1, ?, ?, 'user:test', 'Người thử')`,
      [id, file.role, file.no, file.kind, sha, file.role === 'result' ? 'issue' : 'upload', receivedAt],
    );
  }
  return id;
}

/** Date-granularity classification (domain.md §2.4), as the workflow computes it. */
export function classify(completed: string, due: string | null): 'early' | 'on_time' | 'late' | null {
  if (due === null) return null;
  return completed < due ? 'early' : completed === due ? 'on_time' : 'late';
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** An account to assign dossiers to (direct SQL: the summary only needs the id). */
export async function insertAppraiser(db: Sql, username: string, fullName: string): Promise<number> {
  const row = await db.get<{ id: number }>(
    `INSERT INTO users (username, full_name, roles, password_hash, must_change_password, created_at, updated_at)
     VALUES (?, ?, '["appraiser"]', 'x', 0, '2026-01-01T00:00:00+07:00', '2026-01-01T00:00:00+07:00')
     RETURNING id`,
    [username, fullName],
  );
  return row!.id;
}
