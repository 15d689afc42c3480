import type { ScorecardOutput } from '../../../shared/api/schemas/statistics';
import type { Sql } from '../store/sql';
import type { Settings } from '../../../shared/api/schemas/settings';
import type { ReportRow } from '../../../shared/domain/statistics';
import { dossierStatusLabels, type DossierStatus } from '../../../shared/domain/dossier-status';
import { COMPLETION_CLASS_LABELS } from '../../../shared/domain/deadline/on-time';
import { signatureLines } from '../documents/licence-template';

/*
 * What the printed Biểu 06 and Sổ theo dõi hồ sơ contain, independent of the file format: the XLSX and PDF
 * builders take the same data, so the two files cannot disagree.
 */

export interface DocumentAgency {
  /** Cơ quan chủ quản as written in a sentence, e.g. 'UBND tỉnh Bắc Ninh' (headings print it upper case). */
  readonly governingBody: string;
  /** e.g. 'Sở Văn hóa, Thể thao và Du lịch'. */
  readonly name: string;
  /** Địa danh for the date line. */
  readonly place: string;
}

export interface ReportSignature {
  /** 'GIÁM ĐỐC' or 'KT. GIÁM ĐỐC' / 'PHÓ GIÁM ĐỐC' (NĐ 30/2020 Điều 13). */
  readonly titleLines: readonly string[];
  /** Left blank for a handwritten name when no signer is configured. */
  readonly name: string;
}

export interface Bieu06Document {
  readonly agency: DocumentAgency;
  /** Office-local date the report is made ('YYYY-MM-DD'), printed in the date line. */
  readonly issuedOn: string;
  readonly period: { readonly from: string; readonly to: string };
  readonly rows: readonly ReportRow[];
  readonly averageProcessingDays: number | null;
  readonly signature: ReportSignature;
  /** The "Chỉ số 766" scorecard, written as an extra sheet of the workbook (issue 13). */
  readonly scorecard?: ScorecardOutput;
}

export interface RegisterRow {
  readonly stt: number;
  readonly code: string;
  readonly procedure: string;
  readonly setCount: number;
  readonly applicant: string;
  readonly addressPhone: string;
  readonly handlingBody: string;
  /** Office-local dates ('YYYY-MM-DD') or null when it has not happened (or is not recorded). */
  readonly receivedOn: string;
  readonly dueOn: string | null;
  readonly forwardedOn: string | null;
  readonly resultOn: string | null;
  readonly returnedOn: string | null;
  readonly note: string;
}

export interface RegisterDocument {
  readonly agency: DocumentAgency;
  readonly issuedOn: string;
  readonly period: { readonly from: string; readonly to: string };
  readonly rows: readonly RegisterRow[];
}

export function documentAgency(settings: Settings): DocumentAgency {
  return {
    governingBody: settings.agency.governingBody,
    name: settings.agency.name,
    place: settings.agency.placeName,
  };
}

/** The Sở's first configured signer signs the report (the director, or a deputy "KT."). */
export function reportSignature(settings: Settings): ReportSignature {
  const signer = settings.authorities.so.signers[0];
  if (signer === undefined) return { titleLines: ['THỦ TRƯỞNG CƠ QUAN'], name: '' };
  return { titleLines: signatureLines('so', signer.capacity), name: signer.name };
}

interface RegisterRecord {
  code: string;
  procedure_name: string;
  set_count: number;
  applicant_name: string;
  applicant_address: string | null;
  applicant_phone: string | null;
  receipt_date: string;
  due_date: string | null;
  due_at: string | null;
  completed_at: string | null;
  completion_class: 'early' | 'on_time' | 'late' | null;
  returned_at: string | null;
  apology_due_at: string | null;
  status: DossierStatus;
}

const REGISTER_SELECT = `
  SELECT d.code, p.name AS procedure_name, d.set_count, d.applicant_name, d.applicant_address, d.applicant_phone,
    d.receipt_date, d.due_date, d.due_at, d.completed_at, d.completion_class, d.returned_at, d.apology_due_at, d.status
  FROM dossiers d JOIN procedures p ON p.id = d.procedure_id
  WHERE d.receipt_date BETWEEN @from AND @to`;

export async function countRegisterRows(db: Sql, period: { from: string; to: string }): Promise<number> {
  return (
    (await db.get(
      'SELECT count(*) AS n FROM dossiers d WHERE d.receipt_date BETWEEN @from AND @to',
      period,
    )) as { n: number }
  ).n;
}

/**
 * The register lists the dossiers received in the period in the order they were received. "Chuyển hồ sơ đến
 * cơ quan giải quyết" stays blank: LicenceDesk has no separate hand-over record to print there yet (the desk
 * and the processing unit are the same Sở); it is filled in by hand as on the paper register.
 */
export async function registerRows(
  db: Sql,
  period: { from: string; to: string },
  handlingBody: string,
): Promise<RegisterRow[]> {
  const records = (await db.all(
    `${REGISTER_SELECT} ORDER BY d.received_ms, d.id`,
    period,
  )) as RegisterRecord[];
  return records.map((r, i) => ({
    stt: i + 1,
    code: r.code,
    procedure: r.procedure_name,
    setCount: r.set_count,
    applicant: r.applicant_name,
    addressPhone: [r.applicant_address, r.applicant_phone].filter((x) => x !== null && x !== '').join('; '),
    handlingBody,
    receivedOn: r.receipt_date,
    dueOn: r.due_date ?? r.due_at?.slice(0, 10) ?? null,
    forwardedOn: null,
    resultOn: r.completed_at?.slice(0, 10) ?? null,
    returnedOn: r.returned_at?.slice(0, 10) ?? null,
    note: registerNote(r),
  }));
}

function registerNote(r: RegisterRecord): string {
  const parts: string[] = [dossierStatusLabels[r.status]];
  if (r.completed_at !== null) parts.push(COMPLETION_CLASS_LABELS[r.completion_class ?? 'on_time']);
  if (r.apology_due_at !== null) {
    const d = r.apology_due_at.slice(0, 10);
    parts.push(`Xin lỗi, hẹn lại ${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`);
  }
  return parts.join('; ');
}
