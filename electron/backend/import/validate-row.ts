import type {
  ImportColumn,
  ImportIssue,
  ImportIssueCode,
  ImportResultValue,
} from '../../../shared/api/schemas/import';
import type { WorkingCalendar } from '../../../shared/domain/calendar';
import { CalendarMissingError, parseIsoDate } from '../../../shared/domain/calendar';
import { classifyCompletion, type CompletionClass } from '../../../shared/domain/deadline';
import type { ApplicantKind, Channel, DossierStatus } from '../../../shared/domain/dossier-status';
import { findTextProblem } from '../../../shared/domain/text-rules';
import { foldVietnamese } from '../../../shared/domain/text-fold';
import { isDoubleEncodedUtf8, legacyCellMessage, legacyEncodingOfCell } from './legacy-encoding';
import { parseDateCell, type LocalDateTime } from './parse-date';
import type { CellValue, SourceRow } from './source-table';

export interface ProcedureVersionRef {
  versionId: number;
  effectiveFrom: string;
  effectiveTo: string | null;
  deadline: number | null;
  unit: 'wd' | 'cd' | 'h' | null;
}

export interface ProcedureRef {
  id: string;
  code: string | null;
  name: string;
  versions: ProcedureVersionRef[];
}

export interface ProcedureIndex {
  byId: Map<string, ProcedureRef>;
  byCode: Map<string, ProcedureRef>;
}

export interface ValidationContext {
  /** Office offset (settings.office.utcOffsetMinutes) and its '+07:00' text. */
  offsetMinutes: number;
  offsetText: string;
  /** Now, on the office clock: nothing may be received, completed or returned after it. */
  nowMs: number;
  /** Receipt time when the file gives a date only: the start of the first office session. */
  receiptDefaultTime: string;
  /** Appointment time when the file gives a date only: the end of the office day, as for live dossiers. */
  dueDefaultTime: string;
  procedures: ProcedureIndex;
  calendar: WorkingCalendar;
}

/** Completion and return times when the file gives a date only (decided for the import: 17:00). */
export const COMPLETION_DEFAULT_TIME = '17:00';
/** Receipts before this day are typing mistakes, not history (LicenceDesk's data starts long after). */
export const EARLIEST_RECEIPT = '1990-01-01';

export const MAX_CODE_LENGTH = 60;
const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._\-/]*$/;
const MAX_NAME_LENGTH = 300;
const MAX_LICENCE_NUMBER_LENGTH = 60;
const MAX_NOTE_LENGTH = 2000;

export const CHANNELS: Readonly<Record<string, Channel>> = {
  truc_tiep: 'direct',
  buu_chinh: 'post',
  truc_tuyen: 'online',
};

export const RESULTS: Readonly<Record<string, ImportResultValue>> = {
  cap_phep: 'cap_phep',
  tu_choi: 'tu_choi',
  rut: 'rut',
  rut_ho_so: 'rut',
  dang_xu_ly: 'dang_xu_ly',
};

export const RESULT_LABELS: Readonly<Record<ImportResultValue, string>> = {
  cap_phep: 'Cấp phép',
  tu_choi: 'Từ chối giải quyết',
  rut: 'Rút hồ sơ',
  dang_xu_ly: 'Đang xử lý',
};

/** One valid row, ready to be written. */
export interface ImportRecord {
  line: number;
  code: string;
  procedureId: string;
  procedureVersionId: number;
  deadlineAmount: number;
  deadlineUnit: 'wd' | 'cd' | 'h';
  applicantName: string;
  applicantFolded: string;
  applicantKind: ApplicantKind;
  channel: Channel;
  receivedAt: string;
  receivedMs: number;
  receiptDate: string;
  dueDate: string | null;
  dueAt: string | null;
  dueMs: number | null;
  result: ImportResultValue;
  status: DossierStatus;
  completedAt: string | null;
  completedMs: number | null;
  completionClass: CompletionClass | null;
  processingWorkingDays: number | null;
  returnedAt: string | null;
  /** ngay_tra_ket_qua as the file shows it (dd/mm/yyyy), for the notes of a withdrawn dossier. */
  returnedShown: string | null;
  returnMethod: 'desk' | 'post';
  licenceNumber: string | null;
  note: string | null;
  /** A fingerprint of the row's values, to tell an exact repeat from a conflicting duplicate code. */
  fingerprint: string;
}

export type RowCheck =
  | { ok: true; record: ImportRecord; warnings: ImportIssue[] }
  | { ok: false; errors: ImportIssue[]; warnings: ImportIssue[]; code: string | null };

/** Folded value of an enumerated cell: "Trực tiếp", "TRUC_TIEP" and "truc tiep" all give "truc_tiep". */
export function enumKey(text: string): string {
  return foldVietnamese(text).replace(/ /g, '_');
}

// Organisations by the first words of their name (folded compare is avoided for "Báo"/"Bảo", "Đoàn"…,
// which are also personal names). Used only to fill applicant_kind, which the template does not carry.
const ORGANISATION_PREFIXES = [
  'công ty',
  'tổng công ty',
  'cty',
  'chi nhánh',
  'văn phòng',
  'nhà xuất bản',
  'nxb',
  'nhà in',
  'xưởng in',
  'cơ sở',
  'cửa hàng',
  'doanh nghiệp',
  'dntn',
  'hợp tác xã',
  'htx',
  'trường',
  'học viện',
  'viện',
  'bệnh viện',
  'trung tâm',
  'hội',
  'liên hiệp',
  'liên đoàn',
  'câu lạc bộ',
  'báo',
  'tạp chí',
  'đài',
  'thư viện',
  'bảo tàng',
  'nhà văn hóa',
  'nhà văn hoá',
  'sở',
  'ban',
  'bộ',
  'cục',
  'chi cục',
  'phòng',
  'ủy ban',
  'uỷ ban',
  'ubnd',
  'hđnd',
  'tỉnh ủy',
  'tỉnh uỷ',
  'huyện ủy',
  'huyện uỷ',
  'thành ủy',
  'thành uỷ',
  'đảng ủy',
  'đảng uỷ',
  'công đoàn',
  'đoàn thanh niên',
  'mặt trận',
  'giáo xứ',
  'giáo hội',
  'chùa',
  'nhà thờ',
  'công an',
  'bộ chỉ huy',
  'tòa án',
  'toà án',
  'viện kiểm sát',
];
const ORGANISATION_WORDS = /\b(tnhh|jsc|ltd|co\.,? ?ltd|cổ phần|trách nhiệm hữu hạn)\b/u;

export function guessApplicantKind(name: string): ApplicantKind {
  const lower = name.toLowerCase();
  if (ORGANISATION_PREFIXES.some((p) => lower === p || lower.startsWith(`${p} `))) return 'organization';
  return ORGANISATION_WORDS.test(lower) ? 'organization' : 'individual';
}

const pad = (n: number) => String(n).padStart(2, '0');

function maxTime(a: string, b: string): string {
  return a >= b ? a : b;
}

/**
 * Checks one row and turns it into an {@link ImportRecord}. Every problem of the row is reported (not just
 * the first), so that one dry run is enough to fix the file.
 */
export function checkRow(row: SourceRow, ctx: ValidationContext): RowCheck {
  const errors: ImportIssue[] = [...row.issues];
  const warnings: ImportIssue[] = [];
  const line = row.line;
  const fail = (code: ImportIssueCode, column: ImportColumn | null, message: string) => {
    errors.push({ line, column, code, message });
  };
  const warn = (code: ImportIssueCode, column: ImportColumn | null, message: string) => {
    warnings.push({ line, column, code, message });
  };
  const cell = (column: ImportColumn): CellValue => row.cells[column] ?? null;

  /** A text cell, NFC and trimmed; null when empty. Reports control characters and legacy encodings. */
  const text = (column: ImportColumn, max: number, multiline = false): string | null => {
    const value = cell(column);
    if (value === null) return null;
    const raw =
      value instanceof Date
        ? `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`
        : String(value);
    // Line breaks inside a note arrive as CRLF from Windows files; they are stored as LF.
    const normalised = (multiline ? raw.replace(/\r\n?/g, '\n') : raw).normalize('NFC').trim();
    if (normalised === '') return null;
    const problem = findTextProblem(normalised, multiline);
    if (problem === 'control') {
      fail('CONTROL_CHARACTER', column, `${column} chứa ký tự điều khiển hoặc ký tự ẩn không được phép.`);
      return null;
    }
    if (problem === 'emoji') {
      fail('CONTROL_CHARACTER', column, `${column} không được chứa biểu tượng cảm xúc (emoji).`);
      return null;
    }
    // Double-encoded UTF-8 first: its Latin-1 look-alikes would otherwise pass for TCVN3.
    if (isDoubleEncodedUtf8(normalised)) {
      fail(
        'LEGACY_TEXT',
        column,
        `${column} «${normalised.slice(0, 60)}» bị lỗi mã hóa (UTF-8 bị đọc nhầm thành Windows-1252); hãy lưu lại tệp gốc dưới dạng CSV UTF-8.`,
      );
      return null;
    }
    const legacy = legacyEncodingOfCell(normalised);
    if (legacy) {
      fail('LEGACY_TEXT', column, legacyCellMessage(column, legacy, normalised));
      return null;
    }
    if ([...normalised].length > max) {
      fail('TOO_LONG', column, `${column} dài quá ${max} ký tự.`);
      return null;
    }
    return normalised;
  };

  const date = (column: ImportColumn): LocalDateTime | null => {
    const parsed = parseDateCell(column, cell(column));
    if (parsed === null) return null;
    if (!parsed.ok) {
      fail(parsed.code, column, parsed.message);
      return null;
    }
    return parsed.value;
  };

  const instant = (value: LocalDateTime, time: string) => {
    const iso = `${value.date}T${time}:00${ctx.offsetText}`;
    return { iso, ms: Date.parse(iso) };
  };

  // ma_ho_so
  const code = text('ma_ho_so', MAX_CODE_LENGTH);
  if (code === null) {
    if (!errors.some((e) => e.column === 'ma_ho_so')) fail('REQUIRED', 'ma_ho_so', 'ma_ho_so là bắt buộc.');
  } else if (!CODE_PATTERN.test(code)) {
    fail(
      'CODE_FORMAT',
      'ma_ho_so',
      `ma_ho_so «${code}» chỉ được gồm chữ không dấu, chữ số và các dấu . - _ / (không có khoảng trắng).`,
    );
  }

  // ma_thu_tuc: the national code (1.003868) or the catalogue id (XB-TLKKD). A code typed into a number cell
  // loses its trailing zeros (2.001740 → 2.00174), so numbers are also tried with six decimals.
  const procedureCell = cell('ma_thu_tuc');
  const procedureText = text('ma_thu_tuc', 40);
  let procedure: ProcedureRef | null = null;
  if (procedureText === null) {
    if (!errors.some((e) => e.column === 'ma_thu_tuc'))
      fail('REQUIRED', 'ma_thu_tuc', 'ma_thu_tuc là bắt buộc.');
  } else {
    procedure =
      ctx.procedures.byCode.get(procedureText) ??
      ctx.procedures.byId.get(procedureText.toUpperCase()) ??
      (typeof procedureCell === 'number' ? ctx.procedures.byCode.get(procedureCell.toFixed(6)) : undefined) ??
      null;
    if (!procedure) {
      fail(
        'UNKNOWN_PROCEDURE',
        'ma_thu_tuc',
        `ma_thu_tuc «${procedureText}» không có trong danh mục thủ tục (dùng mã quốc gia như 1.003868 hoặc mã danh mục như XB-TLKKD).`,
      );
    }
  }

  // ten_to_chuc_ca_nhan
  const rawName = text('ten_to_chuc_ca_nhan', MAX_NAME_LENGTH);
  const name = rawName === null ? null : rawName.replace(/[ \u00a0]+/g, ' ');
  if (name === null && !errors.some((e) => e.column === 'ten_to_chuc_ca_nhan')) {
    fail('REQUIRED', 'ten_to_chuc_ca_nhan', 'ten_to_chuc_ca_nhan là bắt buộc.');
  }

  // kenh_nop
  const channelText = text('kenh_nop', 40);
  let channel: Channel | null = null;
  if (channelText === null) {
    if (!errors.some((e) => e.column === 'kenh_nop')) fail('REQUIRED', 'kenh_nop', 'kenh_nop là bắt buộc.');
  } else {
    channel = CHANNELS[enumKey(channelText)] ?? null;
    if (!channel) {
      fail(
        'INVALID_CHANNEL',
        'kenh_nop',
        `kenh_nop «${channelText}» không hợp lệ: chỉ nhận truc_tiep, buu_chinh hoặc truc_tuyen.`,
      );
    }
  }

  // ket_qua
  const resultText = text('ket_qua', 40);
  let result: ImportResultValue | null = null;
  if (resultText === null) {
    if (!errors.some((e) => e.column === 'ket_qua')) fail('REQUIRED', 'ket_qua', 'ket_qua là bắt buộc.');
  } else {
    result = RESULTS[enumKey(resultText)] ?? null;
    if (!result) {
      fail(
        'INVALID_RESULT',
        'ket_qua',
        `ket_qua «${resultText}» không hợp lệ: chỉ nhận cap_phep, tu_choi, rut hoặc dang_xu_ly.`,
      );
    }
  }

  const licenceNumber = text('so_giay_phep', MAX_LICENCE_NUMBER_LENGTH);
  const note = text('ghi_chu', MAX_NOTE_LENGTH, true);

  // Dates
  const receipt = date('ngay_tiep_nhan');
  const appointment = date('ngay_hen_tra');
  const completion = date('ngay_hoan_thanh');
  const returned = date('ngay_tra_ket_qua');
  if (receipt === null && cell('ngay_tiep_nhan') === null) {
    fail('REQUIRED', 'ngay_tiep_nhan', 'ngay_tiep_nhan là bắt buộc.');
  }

  let received: { iso: string; ms: number } | null = null;
  let isReceiptInRange = false;
  if (receipt) {
    received = instant(receipt, receipt.time ?? ctx.receiptDefaultTime);
    isReceiptInRange = receipt.date >= EARLIEST_RECEIPT;
    if (!isReceiptInRange) {
      fail(
        'DATE_OUT_OF_RANGE',
        'ngay_tiep_nhan',
        `ngay_tiep_nhan ${receipt.date} quá xa trong quá khứ (trước năm 1990).`,
      );
    } else if (received.ms > ctx.nowMs && (receipt.time !== null || receipt.date > isoDay(ctx))) {
      fail('DATE_IN_FUTURE', 'ngay_tiep_nhan', `ngay_tiep_nhan ${shownDate(receipt)} ở tương lai.`);
    }
  }

  let due: { iso: string; ms: number } | null = null;
  if (appointment) {
    due = instant(appointment, appointment.time ?? ctx.dueDefaultTime);
    if (receipt && appointment.date < receipt.date) {
      fail(
        'APPOINTMENT_BEFORE_RECEIPT',
        'ngay_hen_tra',
        `ngay_hen_tra ${shownDate(appointment)} trước ngay_tiep_nhan ${shownDate(receipt)}.`,
      );
    }
  }

  const isOpen = result === 'dang_xu_ly';
  let completed: { iso: string; ms: number } | null = null;
  if (result && !isOpen && completion === null && cell('ngay_hoan_thanh') === null) {
    fail('REQUIRED', 'ngay_hoan_thanh', `ngay_hoan_thanh là bắt buộc khi ket_qua = ${result}.`);
  }
  if (isOpen && cell('ngay_hoan_thanh') !== null) {
    fail('RESULT_INCONSISTENT', 'ngay_hoan_thanh', 'ngay_hoan_thanh phải để trống khi ket_qua = dang_xu_ly.');
  }
  if (isOpen && cell('ngay_tra_ket_qua') !== null) {
    fail(
      'RESULT_INCONSISTENT',
      'ngay_tra_ket_qua',
      'ngay_tra_ket_qua phải để trống khi ket_qua = dang_xu_ly.',
    );
  }
  if (completion && !isOpen) {
    // A date-only completion on the receipt day is placed no earlier than the receipt itself.
    const sameDay = receipt !== null && completion.date === receipt.date;
    const time =
      completion.time ??
      (sameDay && received
        ? maxTime(COMPLETION_DEFAULT_TIME, received.iso.slice(11, 16))
        : COMPLETION_DEFAULT_TIME);
    completed = instant(completion, time);
    const before =
      receipt !== null &&
      received !== null &&
      (completion.date < receipt.date ||
        (completion.time !== null && receipt.time !== null && completed.ms < received.ms));
    if (before && receipt) {
      fail(
        'COMPLETION_BEFORE_RECEIPT',
        'ngay_hoan_thanh',
        `ngay_hoan_thanh ${shownDate(completion)} trước ngay_tiep_nhan ${shownDate(receipt)}.`,
      );
    }
    if (completed.ms > ctx.nowMs && (completion.time !== null || completion.date > isoDay(ctx))) {
      fail('DATE_IN_FUTURE', 'ngay_hoan_thanh', `ngay_hoan_thanh ${shownDate(completion)} ở tương lai.`);
    }
  }

  let returnedAt: { iso: string; ms: number } | null = null;
  if (returned && !isOpen) {
    const sameDay = completion !== null && returned.date === completion.date;
    const time =
      returned.time ??
      (sameDay && completed
        ? maxTime(COMPLETION_DEFAULT_TIME, completed.iso.slice(11, 16))
        : COMPLETION_DEFAULT_TIME);
    returnedAt = instant(returned, time);
    if (completion && completed && (returned.date < completion.date || returnedAt.ms < completed.ms)) {
      fail(
        'RETURN_BEFORE_COMPLETION',
        'ngay_tra_ket_qua',
        `ngay_tra_ket_qua ${shownDate(returned)} trước ngay_hoan_thanh ${shownDate(completion)}.`,
      );
    }
    if (returnedAt.ms > ctx.nowMs && (returned.time !== null || returned.date > isoDay(ctx))) {
      fail('DATE_IN_FUTURE', 'ngay_tra_ket_qua', `ngay_tra_ket_qua ${shownDate(returned)} ở tương lai.`);
    }
  }

  // The procedure version in force on the receipt day gives the legal deadline stored with the dossier.
  let version: ProcedureVersionRef | null = null;
  if (procedure && receipt && isReceiptInRange) {
    version =
      procedure.versions.find(
        (v) => v.effectiveFrom <= receipt.date && (v.effectiveTo === null || v.effectiveTo > receipt.date),
      ) ?? null;
    if (!version) {
      fail(
        'PROCEDURE_NOT_IN_FORCE',
        'ma_thu_tuc',
        `Thủ tục ${procedure.id} không có phiên bản áp dụng vào ngày ${shownDate(receipt)}.`,
      );
    } else if (version.deadline === null || version.unit === null) {
      fail(
        'PROCEDURE_NOT_CONFIGURED',
        'ma_thu_tuc',
        `Thủ tục ${procedure.id} («${procedure.name}») chưa được cấu hình thời hạn giải quyết; quản trị viên cần cấu hình trước khi nhập.`,
      );
    }
  }

  if (returned && result === 'rut') {
    warn(
      'RETURN_DATE_IGNORED',
      'ngay_tra_ket_qua',
      `Hồ sơ rút không có bước trả kết quả; ngay_tra_ket_qua ${shownDate(returned)} được ghi vào ghi chú của hồ sơ.`,
    );
  }
  if (licenceNumber !== null && result !== null && result !== 'cap_phep') {
    warn(
      'LICENCE_NUMBER_IGNORED',
      'so_giay_phep',
      `so_giay_phep chỉ dùng khi ket_qua = cap_phep; số «${licenceNumber}» vẫn được ghi vào ghi chú của hồ sơ.`,
    );
  }

  if (
    errors.length > 0 ||
    code === null ||
    procedure === null ||
    version === null ||
    version.deadline === null ||
    version.unit === null ||
    name === null ||
    channel === null ||
    result === null ||
    receipt === null ||
    received === null
  ) {
    return { ok: false, errors, warnings, code };
  }

  let completionClass: CompletionClass | null = null;
  let processingWorkingDays: number | null = null;
  if (completed && completion) {
    if (due) completionClass = classifyCompletion(completed.iso, due.iso, 'date');
    try {
      processingWorkingDays = ctx.calendar.workingDaysBetween(
        parseIsoDate(receipt.date),
        parseIsoDate(completion.date),
      );
    } catch (error) {
      if (!(error instanceof CalendarMissingError)) throw error;
      warn(
        'CALENDAR_MISSING',
        'ngay_tiep_nhan',
        `Chưa có lịch làm việc năm ${error.year}: không tính được số ngày làm việc đã xử lý.`,
      );
    }
  }
  if (!appointment) {
    warn(
      'NO_APPOINTMENT',
      'ngay_hen_tra',
      isOpen
        ? 'Không có ngay_hen_tra: hồ sơ đang xử lý sẽ không có hạn trả kết quả.'
        : 'Không có ngay_hen_tra: hồ sơ không được xếp loại trước hạn / đúng hạn / quá hạn.',
    );
  }

  const status: DossierStatus =
    result === 'cap_phep'
      ? returnedAt
        ? 'returned'
        : 'approved'
      : result === 'tu_choi'
        ? returnedAt
          ? 'returned'
          : 'refused'
        : result === 'rut'
          ? 'withdrawn'
          : 'appraising';

  const record: ImportRecord = {
    line,
    code,
    procedureId: procedure.id,
    procedureVersionId: version.versionId,
    deadlineAmount: version.deadline,
    deadlineUnit: version.unit,
    applicantName: name,
    applicantFolded: foldVietnamese(name),
    applicantKind: guessApplicantKind(name),
    channel,
    receivedAt: received.iso,
    receivedMs: received.ms,
    receiptDate: receipt.date,
    dueDate: appointment?.date ?? null,
    dueAt: due?.iso ?? null,
    dueMs: due?.ms ?? null,
    result,
    status,
    completedAt: completed?.iso ?? null,
    completedMs: completed?.ms ?? null,
    completionClass,
    processingWorkingDays,
    returnedAt: returnedAt?.iso ?? null,
    returnedShown: returned ? shownDate(returned) : null,
    returnMethod: channel === 'post' ? 'post' : 'desk',
    licenceNumber,
    note,
    fingerprint: JSON.stringify([
      procedure.id,
      name,
      channel,
      received.iso,
      due?.iso ?? null,
      completed?.iso ?? null,
      returnedAt?.iso ?? null,
      result,
      licenceNumber,
      note,
    ]),
  };
  return { ok: true, record, warnings };
}

function isoDay(ctx: ValidationContext): string {
  return new Date(ctx.nowMs + ctx.offsetMinutes * 60_000).toISOString().slice(0, 10);
}

function shownDate(value: LocalDateTime): string {
  const [y, m, d] = value.date.split('-');
  return `${d}/${m}/${y}${value.time ? ` ${value.time}` : ''}`;
}
