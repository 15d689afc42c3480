import type { Sql } from '../store/sql';
import type { DossierFileView } from '../../../shared/api/schemas/attachments';
import type { MediaType } from '../../../shared/domain/attachments/file-content';

interface FileRow {
  id: number;
  dossier_id: number;
  role: 'component' | 'result';
  component_no: number | null;
  result_kind: DossierFileView['resultKind'];
  version: number;
  superseded_by: number | null;
  file_name: string;
  sha256: string;
  size_bytes: number;
  media_type: MediaType;
  source: DossierFileView['source'];
  added_at: string;
  added_by_name: string;
}

const SELECT = `SELECT f.id, f.dossier_id, f.role, f.component_no, f.result_kind, f.version,
    (SELECT s.id FROM dossier_files s WHERE s.supersedes_id = f.id) AS superseded_by,
    f.file_name, f.sha256, sf.size_bytes, sf.media_type, f.source, f.added_at, f.added_by_name
  FROM dossier_files f JOIN stored_files sf ON sf.sha256 = f.sha256`;

function toView(row: FileRow): DossierFileView {
  return {
    id: row.id,
    dossierId: row.dossier_id,
    role: row.role,
    componentNo: row.component_no,
    resultKind: row.result_kind,
    version: row.version,
    supersededById: row.superseded_by,
    fileName: row.file_name,
    sha256: row.sha256,
    sizeBytes: row.size_bytes,
    mediaType: row.media_type,
    source: row.source,
    addedAt: row.added_at,
    addedByName: row.added_by_name,
  };
}

export async function filesOfDossier(db: Sql, dossierId: number): Promise<DossierFileView[]> {
  const rows = await db.all<FileRow>(
    `${SELECT} WHERE f.dossier_id = ? ORDER BY f.role, f.component_no, f.id`,
    [dossierId],
  );
  return rows.map(toView);
}

export async function fileById(db: Sql, id: number): Promise<DossierFileView | null> {
  const row = await db.get<FileRow>(`${SELECT} WHERE f.id = ?`, [id]);
  return row ? toView(row) : null;
}

/** Bytes the dossier's distinct contents take (the per-dossier limit counts each content once). */
export async function dossierUsedBytes(db: Sql, dossierId: number): Promise<number> {
  const row = await db.get<{ n: number | null }>(
    `SELECT sum(size_bytes) AS n FROM stored_files WHERE sha256 IN (SELECT sha256 FROM dossier_files WHERE dossier_id = ?)`,
    [dossierId],
  );
  return row?.n ?? 0;
}

/** The current file of this dossier with this content, if any (attaching it again adds nothing). */
export async function currentFileWithHash(
  db: Sql,
  dossierId: number,
  sha256: string,
): Promise<{ id: number; component_no: number | null; role: string } | undefined> {
  return db.get(
    `SELECT f.id, f.component_no, f.role FROM dossier_files f
      WHERE f.dossier_id = ? AND f.sha256 = ? AND NOT EXISTS (SELECT 1 FROM dossier_files s WHERE s.supersedes_id = f.id)`,
    [dossierId, sha256],
  );
}

export interface NewDossierFile {
  dossierId: number;
  role: 'component' | 'result';
  componentNo: number | null;
  resultKind: DossierFileView['resultKind'];
  licenceId: number | null;
  sha256: string;
  sizeBytes: number;
  mediaType: MediaType;
  fileName: string;
  supersedesId: number | null;
  source: DossierFileView['source'];
  at: string;
  actorId: string;
  actorName: string;
}

/** Records a stored content and the dossier's file row; call inside the transaction that audits it. */
export async function insertDossierFile(
  db: Sql,
  file: NewDossierFile,
): Promise<{ id: number; version: number }> {
  await db.run(
    `INSERT INTO stored_files (sha256, size_bytes, media_type, first_stored_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (sha256) DO NOTHING`,
    [file.sha256, file.sizeBytes, file.mediaType, file.at],
  );
  let version = 1;
  if (file.supersedesId !== null) {
    const previous = await db.get<{ version: number }>('SELECT version FROM dossier_files WHERE id = ?', [
      file.supersedesId,
    ]);
    version = (previous?.version ?? 0) + 1;
  }
  const row = await db.get<{ id: number }>(
    `INSERT INTO dossier_files (dossier_id, role, component_no, result_kind, licence_id, sha256, file_name, version,
        supersedes_id, source, added_at, added_by, added_by_name)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    [
      file.dossierId,
      file.role,
      file.componentNo,
      file.resultKind,
      file.licenceId,
      file.sha256,
      file.fileName,
      version,
      file.supersedesId,
      file.source,
      file.at,
      file.actorId,
      file.actorName,
    ],
  );
  return { id: row!.id, version };
}
