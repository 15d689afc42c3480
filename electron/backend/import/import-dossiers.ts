import { createHash } from 'node:crypto';
import type { BackendContext } from '../context';
import {
  MAX_IMPORT_BYTES,
  MAX_LISTED_ISSUES,
  type ImportIssue,
  type ImportIssueCode,
  type ImportReport,
} from '../../../shared/api/schemas/import';
import { formatOffset, toOfficeIso } from '../../../shared/domain/office-time';
import { normalizeOfficeHours } from '../../../shared/domain/deadline';
import { readSettings } from '../settings/settings-repo';
import { createDeadlineService, officeHoursOf } from '../calendar/deadline-service';
import { takeNext } from '../store/counters';
import { appendAudit } from '../audit/audit-chain';
import { readCsv } from './read-csv';
import { isOle2, isZip, readXlsx } from './read-xlsx';
import { issue, type ReadResult, type SourceTable } from './source-table';
import { isDoubleEncodedUtf8, LegacyEncodingTally, legacyEncodingMessage } from './legacy-encoding';
import { checkRow, RESULT_LABELS, type ImportRecord, type ValidationContext } from './validate-row';
import {
  batchesWithSha256,
  existingCodes,
  insertBatch,
  loadProcedureIndex,
  prepareImportWriter,
  type EventRow,
} from './import-repo';

export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}

export interface ImportProgress {
  /** read: the file was parsed; check: rows checked; write: rows written (inside the one transaction). */
  phase: 'read' | 'check' | 'write';
  done: number;
  total: number;
}

export interface ImportOptions {
  dryRun: boolean;
  /** Write the valid rows of a file that also has bad rows (otherwise such a file is refused). */
  skipInvalid?: boolean;
  /** Who imports: named in the batch, the audit entry and the dossiers' history. */
  actor: { id: string; name: string };
  /** Called every `progressEvery` rows of each phase, and at the end of each phase. */
  onProgress?: (progress: ImportProgress) => void;
  progressEvery?: number;
}

/** Who received a legacy dossier is not in the template; the register shows this instead of a name. */
export const LEGACY_RECEIVER = 'Không rõ (nhập từ dữ liệu cũ)';

const AGGREGATED: ReadonlySet<ImportIssueCode> = new Set([
  'NO_APPOINTMENT',
  'CALENDAR_MISSING',
  'DUPLICATE_IN_STORE',
  'DUPLICATE_IN_FILE',
]);
const AGGREGATE_LINES_SHOWN = 20;

/** Errors are listed one by one (capped); frequent warnings are folded into one line per kind. */
class IssueCollector {
  readonly errors: ImportIssue[] = [];
  readonly warnings: ImportIssue[] = [];
  errorCount = 0;
  warningCount = 0;
  isTruncated = false;
  private readonly groups = new Map<
    ImportIssueCode,
    { lines: number[]; count: number; detail: Set<string> }
  >();

  error(item: ImportIssue): void {
    this.errorCount += 1;
    if (this.errors.length < MAX_LISTED_ISSUES) this.errors.push(item);
    else this.isTruncated = true;
  }

  warning(item: ImportIssue): void {
    if (item.line !== null && AGGREGATED.has(item.code)) {
      const group = this.groups.get(item.code) ?? { lines: [], count: 0, detail: new Set<string>() };
      group.count += 1;
      if (group.lines.length < AGGREGATE_LINES_SHOWN) group.lines.push(item.line);
      const year = /năm (\d{4})/.exec(item.message)?.[1];
      if (year) group.detail.add(year);
      this.groups.set(item.code, group);
      return;
    }
    this.warningCount += 1;
    if (this.warnings.length < MAX_LISTED_ISSUES) this.warnings.push(item);
    else this.isTruncated = true;
  }

  /** Folds the grouped warnings into the list (call once, at the end). */
  finish(): void {
    const messages: Partial<Record<ImportIssueCode, (detail: string[]) => string>> = {
      NO_APPOINTMENT: () =>
        'Không có ngay_hen_tra: hồ sơ đã giải quyết không được xếp loại trước hạn / đúng hạn / quá hạn, hồ sơ đang xử lý không có hạn trả kết quả',
      CALENDAR_MISSING: (years) =>
        `Chưa có lịch làm việc năm ${years.sort().join(', ')}: không tính được số ngày làm việc đã xử lý`,
      DUPLICATE_IN_STORE: () => 'Mã hồ sơ đã có trong hệ thống (đã nhập trước đây), bỏ qua',
      DUPLICATE_IN_FILE: () => 'Lặp lại y hệt một dòng trước đó trong tệp, bỏ qua',
    };
    for (const [code, group] of this.groups) {
      const lines = `${group.lines.join(', ')}${group.count > group.lines.length ? ', …' : '.'}`;
      const base = messages[code]?.([...group.detail]) ?? code;
      this.warningCount += 1;
      this.warnings.push({
        line: null,
        column: null,
        code,
        message: `${base} — ${group.count} dòng: ${lines}`,
      });
    }
    this.groups.clear();
  }
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function readFile(file: ImportFile): Promise<ReadResult> {
  if (isZip(file.bytes)) return readXlsx(file.bytes);
  if (isOle2(file.bytes)) {
    return {
      ok: false,
      issues: [
        issue(
          'FILE_FORMAT',
          'Tệp Excel 97–2003 (.xls) không được hỗ trợ. Hãy mở bằng Excel và lưu lại dưới dạng .xlsx hoặc "CSV UTF-8".',
        ),
      ],
      meta: { format: null, ignoredSheets: [] },
    };
  }
  if (/\.(xlsx|xlsm)$/i.test(file.name)) {
    return {
      ok: false,
      issues: [
        issue('FILE_UNREADABLE', 'Tệp có đuôi .xlsx nhưng không phải bảng tính Excel hợp lệ (tệp hỏng).'),
      ],
      meta: { format: 'xlsx', ignoredSheets: [] },
    };
  }
  return readCsv(file.bytes);
}

/** Whole-file encoding checks over every text cell: a file in TCVN3/VNI (or read twice as UTF-8) is refused. */
function fileEncodingIssue(table: SourceTable): ImportIssue | null {
  const tally = new LegacyEncodingTally();
  let nonAscii = 0;
  let doubleEncoded = 0;
  let example: { line: number; text: string } | null = null;
  for (const row of table.rows) {
    for (const value of Object.values(row.cells)) {
      if (typeof value !== 'string' || !/[\u0080-\uffff]/.test(value)) continue;
      nonAscii += 1;
      tally.add(value, row.line);
      if (isDoubleEncodedUtf8(value)) {
        doubleEncoded += 1;
        example ??= { line: row.line, text: value.slice(0, 60) };
      }
    }
  }
  // Double-encoded UTF-8 is checked first: its Latin-1 look-alikes ("Ä‘", "á»") would pass for TCVN3.
  if (doubleEncoded >= 3 && doubleEncoded * 2 >= nonAscii && example) {
    return issue(
      'ENCODING_DOUBLE_UTF8',
      `Tệp bị lỗi mã hóa: chữ tiếng Việt đã bị đọc nhầm (UTF-8 đọc thành Windows-1252 rồi lưu lại) — ví dụ dòng ${example.line}: «${example.text}». Hãy lấy lại tệp gốc và lưu dưới dạng "CSV UTF-8" hoặc .xlsx.`,
    );
  }
  const legacy = tally.verdict();
  if (legacy) {
    return issue(
      legacy === 'tcvn3' ? 'ENCODING_TCVN3' : 'ENCODING_VNI',
      legacyEncodingMessage(legacy, tally.example),
    );
  }
  return null;
}

/**
 * Register entry numbers (sổ theo dõi, one gapless series per receipt year) for records sorted by receipt
 * time. The first number of each year comes from takeNext, which creates the series if needed; the rest of
 * the year's block is taken by moving the same counter on in one statement — the same numbers takeNext would
 * give one by one, in the same transaction, without 100,000 round trips.
 */
async function registerNumbersFor(
  db: BackendContext['db'],
  records: readonly ImportRecord[],
  writer: ReturnType<typeof prepareImportWriter>,
): Promise<number[]> {
  const perYear = new Map<string, number>();
  for (const record of records) {
    const year = record.receiptDate.slice(0, 4);
    perYear.set(year, (perYear.get(year) ?? 0) + 1);
  }
  const next = new Map<string, number>();
  for (const [year, count] of perYear) {
    const counter = `register:${year}`;
    const first = await takeNext(db, counter);
    if (count > 1) await writer.advanceCounter(counter, count - 1);
    next.set(year, first);
  }
  return records.map((record) => {
    const year = record.receiptDate.slice(0, 4);
    const number = next.get(year) as number;
    next.set(year, number + 1);
    return number;
  });
}

/** An office-format code (agency-yymmdd-nnnn) of this agency: the counter it must reserve a number in. */
function dailyCounterOf(code: string, agencyCode: string): { counter: string; sequence: number } | null {
  if (!code.startsWith(`${agencyCode}-`)) return null;
  const match = /^(\d{2})(\d{2})(\d{2})-(\d{4})$/.exec(code.slice(agencyCode.length + 1));
  if (!match) return null;
  const [, yy, mm, dd, seq] = match;
  return { counter: `dossier-code:20${yy}-${mm}-${dd}`, sequence: Number(seq) };
}

function notesOf(record: ImportRecord, fileName: string): string {
  const lines = [`Nhập từ dữ liệu cũ: tệp «${fileName}», dòng ${record.line}.`];
  // A refused dossier whose answer was handed over has status 'returned': the refusal stays visible here
  // and in the history (a 'refuse' event before the 'returnResult' one).
  lines.push(`Kết quả: ${RESULT_LABELS[record.result]}.`);
  if (record.licenceNumber) lines.push(`Số giấy phép: ${record.licenceNumber}.`);
  if (record.result === 'rut' && record.returnedShown)
    lines.push(`Ngày trả lại hồ sơ: ${record.returnedShown}.`);
  if (record.note) lines.push(record.note);
  return lines.join('\n');
}

const RESULT_EVENTS = {
  cap_phep: { kind: 'approve', to: 'approved' },
  tu_choi: { kind: 'refuse', to: 'refused' },
  rut: { kind: 'withdraw', to: 'withdrawn' },
} as const;

/** The status history of one imported dossier: receipt, result, hand-over — at their historic times. */
function eventsOf(
  record: ImportRecord,
  dossierId: number,
  actor: { id: string; name: string },
  batchId: number,
  nowIso: string,
): EventRow[] {
  const base = {
    dossier_id: dossierId,
    actor_id: actor.id,
    actor_name: `${actor.name} (nhập dữ liệu cũ)`,
    data: `{"importBatchId":${batchId},"line":${record.line}}`,
  };
  const events: EventRow[] = [
    {
      ...base,
      at: record.receivedAt,
      kind: 'received',
      from_status: null,
      to_status: 'received',
      note: null,
    },
  ];
  if (record.result === 'dang_xu_ly') {
    events.push({
      ...base,
      at: nowIso,
      kind: 'import',
      from_status: 'received',
      to_status: 'appraising',
      note: 'Nhập từ dữ liệu cũ: hồ sơ đang xử lý.',
    });
    return events;
  }
  const result = RESULT_EVENTS[record.result];
  events.push({
    ...base,
    at: record.completedAt ?? nowIso,
    kind: result.kind,
    from_status: 'received',
    to_status: result.to,
    note: record.licenceNumber ? `Số giấy phép: ${record.licenceNumber}` : null,
  });
  if (record.status === 'returned' && record.returnedAt) {
    events.push({
      ...base,
      at: record.returnedAt,
      kind: 'returnResult',
      from_status: result.to,
      to_status: 'returned',
      note: null,
    });
  }
  return events;
}

function emptyReport(file: ImportFile, sha256: string, options: ImportOptions): ImportReport {
  return {
    fileName: file.name,
    sha256,
    format: null,
    delimiter: null,
    hasBom: false,
    sheetName: null,
    ignoredSheets: [],
    dryRun: options.dryRun,
    skipInvalid: options.skipInvalid ?? false,
    outcome: 'refused',
    summary: '',
    batchId: null,
    totalRows: 0,
    validRows: 0,
    invalidRows: 0,
    imported: 0,
    skippedDuplicates: 0,
    byStatus: { appraising: 0, approved: 0, refused: 0, returned: 0, withdrawn: 0 },
    errors: [],
    warnings: [],
    errorCount: 0,
    warningCount: 0,
    isTruncated: false,
    durationMs: 0,
  };
}

/**
 * Imports past dossiers from a CSV or XLSX file (issue 5 §5).
 *
 * - Dry run: reads and checks every row, reports every bad row with its line and reason, writes nothing.
 * - Real import: all new valid rows are written in ONE transaction, together with one import batch row and
 *   one audit entry — or nothing is written. A file with any bad row is refused unless `skipInvalid`.
 * - Rows whose ma_ho_so is already in the store are skipped, so importing the same file twice adds nothing.
 * - Imported dossiers keep their historic appointment date (ngay_hen_tra); on-time classes compare the
 *   completion date with it. Nothing is recomputed from today's calendar except the processing working days.
 */
export async function importDossiers(
  ctx: BackendContext,
  file: ImportFile,
  options: ImportOptions,
): Promise<ImportReport> {
  const started = Date.now();
  const every = Math.max(1, options.progressEvery ?? 1000);
  const sha256 = sha256Of(file.bytes);
  const report = emptyReport(file, sha256, options);
  const issues = new IssueCollector();
  const finish = (outcome: ImportReport['outcome'], summary: string): ImportReport => {
    issues.finish();
    return {
      ...report,
      outcome,
      summary,
      errors: issues.errors,
      warnings: issues.warnings,
      errorCount: issues.errorCount,
      warningCount: issues.warningCount,
      isTruncated: issues.isTruncated,
      durationMs: Date.now() - started,
    };
  };
  const refuseFile = (problems: ImportIssue[]) => {
    for (const problem of problems) issues.error(problem);
    return finish('refused', `Chưa nhập gì: ${problems[0]?.message ?? 'tệp không hợp lệ.'}`);
  };

  if (file.bytes.length > MAX_IMPORT_BYTES) {
    return refuseFile([
      issue(
        'FILE_TOO_LARGE',
        `Tệp quá lớn (${(file.bytes.length / 1024 / 1024).toFixed(1)} MB): tối đa ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Hãy chia tệp thành nhiều phần (ví dụ theo năm).`,
      ),
    ]);
  }
  const settings = await readSettings(ctx.db);
  if (!settings.isConfigured) {
    return refuseFile([
      issue(
        'SETTINGS_NOT_CONFIGURED',
        'Chưa thiết lập thông tin cơ quan (Cài đặt): cần mã cơ quan và giờ làm việc trước khi nhập dữ liệu cũ.',
      ),
    ]);
  }

  const read = await readFile(file);
  if (!read.ok) {
    Object.assign(report, {
      format: read.meta.format ?? null,
      delimiter: read.meta.delimiter ?? null,
      hasBom: read.meta.hasBom ?? false,
      sheetName: read.meta.sheetName ?? null,
      ignoredSheets: read.meta.ignoredSheets ?? [],
    });
    return refuseFile(read.issues);
  }
  const table = read.table;
  Object.assign(report, {
    format: table.format,
    delimiter: table.delimiter,
    hasBom: table.hasBom,
    sheetName: table.sheetName,
    ignoredSheets: table.ignoredSheets,
    totalRows: table.rows.length,
  });
  for (const warning of table.warnings) issues.warning(warning);
  options.onProgress?.({ phase: 'read', done: table.rows.length, total: table.rows.length });
  if (table.rows.length === 0) {
    return refuseFile([issue('NO_DATA_ROWS', 'Tệp chỉ có dòng tiêu đề, không có dòng dữ liệu nào.')]);
  }
  const encodingProblem = fileEncodingIssue(table);
  if (encodingProblem) return refuseFile([encodingProblem]);

  // Check every row.
  const offset = settings.office.utcOffsetMinutes;
  const hours = normalizeOfficeHours(officeHoursOf(settings));
  const deadlines = await createDeadlineService(ctx.db, settings);
  const validation: ValidationContext = {
    offsetMinutes: offset,
    offsetText: formatOffset(offset),
    nowMs: ctx.clock.now().getTime(),
    receiptDefaultTime: settings.office.sessions[0]?.start ?? '07:30',
    dueDefaultTime: hours.closeText,
    procedures: await loadProcedureIndex(ctx.db),
    calendar: deadlines.calendar,
  };
  const total = table.rows.length;
  const valid: ImportRecord[] = [];
  const rowErrors = new Map<number, ImportIssue[]>();
  const codeLines = new Map<string, Array<{ line: number; fingerprint: string | null }>>();
  const rowWarnings: ImportIssue[] = [];
  for (let i = 0; i < total; i += 1) {
    const row = table.rows[i] as (typeof table.rows)[number];
    const check = checkRow(row, validation);
    rowWarnings.push(...check.warnings);
    const code = check.ok ? check.record.code : check.code;
    if (code !== null) {
      const seen = codeLines.get(code) ?? [];
      seen.push({ line: row.line, fingerprint: check.ok ? check.record.fingerprint : null });
      codeLines.set(code, seen);
    }
    if (check.ok) valid.push(check.record);
    else rowErrors.set(row.line, check.errors);
    if ((i + 1) % every === 0 || i + 1 === total) {
      options.onProgress?.({ phase: 'check', done: i + 1, total });
      await yieldToEventLoop();
    }
  }

  table.rows.length = 0; // the records hold what is needed from here on; let the cells go

  // The same ma_ho_so twice in the file: an exact repeat is skipped; different contents are both refused,
  // since nothing says which one is right.
  const repeated = new Set<number>();
  for (const [code, seen] of codeLines) {
    if (seen.length < 2) continue;
    const first = seen[0] as { line: number; fingerprint: string | null };
    const isExactRepeat = seen.every((s) => s.fingerprint !== null && s.fingerprint === first.fingerprint);
    if (isExactRepeat) {
      for (const s of seen.slice(1)) repeated.add(s.line);
      continue;
    }
    for (const s of seen) {
      const others = seen.filter((o) => o.line !== s.line).map((o) => o.line);
      const list = rowErrors.get(s.line) ?? [];
      list.push(
        issue(
          'DUPLICATE_IN_FILE',
          `ma_ho_so «${code}» trùng với dòng ${others.join(', ')} (nội dung khác nhau).`,
          s.line,
          'ma_ho_so',
        ),
      );
      rowErrors.set(s.line, list);
    }
  }
  const checked = valid.filter((record) => !rowErrors.has(record.line));
  for (const line of [...rowErrors.keys()].sort((a, b) => a - b)) {
    for (const error of rowErrors.get(line) ?? []) issues.error(error);
  }

  const inStore = await existingCodes(
    ctx.db,
    checked.map((r) => r.code),
  );
  const toWrite: ImportRecord[] = [];
  for (const record of checked) {
    if (repeated.has(record.line)) {
      issues.warning(issue('DUPLICATE_IN_FILE', 'repeat', record.line, 'ma_ho_so'));
    } else if (inStore.has(record.code)) {
      issues.warning(issue('DUPLICATE_IN_STORE', 'in store', record.line, 'ma_ho_so'));
    } else {
      toWrite.push(record);
    }
  }
  // Row warnings matter only for rows that will be written.
  const writtenLines = new Set(toWrite.map((record) => record.line));
  for (const warning of rowWarnings) if (writtenLines.has(warning.line ?? 0)) issues.warning(warning);
  const previous = await batchesWithSha256(ctx.db, sha256);
  if (previous.length > 0) {
    const last = previous[previous.length - 1] as (typeof previous)[number];
    issues.warning(
      issue(
        'ALREADY_IMPORTED_FILE',
        `Tệp này (cùng nội dung) đã được nhập lúc ${last.imported_at} (lô #${last.id}, ${last.imported} hồ sơ); các hồ sơ đã có sẽ được bỏ qua.`,
      ),
    );
  }
  const countStatuses = (records: readonly ImportRecord[]) => {
    const byStatus = { appraising: 0, approved: 0, refused: 0, returned: 0, withdrawn: 0 };
    for (const r of records) byStatus[r.status as keyof typeof byStatus] += 1;
    return byStatus;
  };
  Object.assign(report, {
    validRows: checked.length,
    invalidRows: total - checked.length,
    skippedDuplicates: checked.length - toWrite.length,
    byStatus: countStatuses(toWrite),
  });
  const invalidRows = total - checked.length;

  if (options.dryRun) {
    const summary =
      invalidRows === 0
        ? `Kiểm tra xong: ${total} dòng đều hợp lệ; khi nhập sẽ thêm ${toWrite.length} hồ sơ (bỏ qua ${report.skippedDuplicates} dòng trùng).`
        : `Kiểm tra xong: ${invalidRows}/${total} dòng có lỗi. Hãy sửa tệp rồi kiểm tra lại, hoặc nhập với tùy chọn bỏ qua dòng lỗi (chỉ nhập ${toWrite.length} hồ sơ hợp lệ).`;
    return finish('checked', summary);
  }
  if (invalidRows > 0 && !options.skipInvalid) {
    return finish(
      'refused',
      `Chưa nhập gì: tệp có ${invalidRows}/${total} dòng lỗi. Hãy sửa tệp, hoặc nhập lại với tùy chọn bỏ qua dòng lỗi.`,
    );
  }
  if (toWrite.length === 0) {
    return finish(
      'imported',
      `Không có hồ sơ mới để nhập (bỏ qua ${report.skippedDuplicates} dòng trùng, ${invalidRows} dòng lỗi).`,
    );
  }

  // Write: one IMMEDIATE transaction for the batch, every dossier and its history, and the audit entry.
  // Register numbers follow the receipt time, as if the dossiers had been received in that order.
  toWrite.sort((a, b) => a.receivedMs - b.receivedMs || a.line - b.line);
  const now = ctx.clock.now();
  const nowIso = toOfficeIso(now, offset);
  const writer = prepareImportWriter(ctx.db);
  const written = await ctx.db.transaction(async () => {
    // Another writer may have added some of these codes since the check.
    const fresh: ImportRecord[] = [];
    for (const record of toWrite) if (!(await writer.codeExists(record.code))) fresh.push(record);
    const skipped = report.skippedDuplicates + (toWrite.length - fresh.length);
    const batchId = await insertBatch(ctx.db, {
      fileName: file.name,
      sha256,
      format: table.format,
      sheetName: table.sheetName,
      totalRows: total,
      validRows: checked.length,
      invalidRows,
      imported: fresh.length,
      skippedDuplicates: skipped,
      skipInvalid: options.skipInvalid ?? false,
      importedAt: nowIso,
      actorId: options.actor.id,
      actorName: options.actor.name,
      appVersion: ctx.appVersion,
    });
    const reserved = new Map<string, number>();
    const registerNumbers = await registerNumbersFor(ctx.db, fresh, writer);
    for (const [index, record] of fresh.entries()) {
      const daily = dailyCounterOf(record.code, settings.agency.agencyCode);
      if (daily) reserved.set(daily.counter, Math.max(reserved.get(daily.counter) ?? 0, daily.sequence));
      const dossierId = await writer.insertDossier({
        code: record.code,
        procedure_id: record.procedureId,
        procedure_version_id: record.procedureVersionId,
        applicant_kind: record.applicantKind,
        applicant_name: record.applicantName,
        applicant_folded: record.applicantFolded,
        channel: record.channel,
        received_at: record.receivedAt,
        received_ms: record.receivedMs,
        receipt_date: record.receiptDate,
        deadline_amount: record.deadlineAmount,
        deadline_unit: record.deadlineUnit,
        due_date: record.dueDate,
        due_at: record.dueAt,
        due_ms: record.dueMs,
        status: record.status,
        completed_at: record.completedAt,
        completed_ms: record.completedMs,
        completion_class: record.completionClass,
        processing_working_days: record.processingWorkingDays,
        returned_at: record.status === 'returned' ? record.returnedAt : null,
        return_channel: record.status === 'returned' ? record.returnMethod : null,
        return_method: record.returnMethod,
        notes: notesOf(record, file.name),
        receiver_name: LEGACY_RECEIVER,
        register_entry_no: registerNumbers[index] as number,
        import_batch_id: batchId,
        created_at: nowIso,
      });
      for (const event of eventsOf(record, dossierId, options.actor, batchId, nowIso))
        await writer.insertEvent(event);
      if ((index + 1) % every === 0 || index + 1 === fresh.length) {
        options.onProgress?.({ phase: 'write', done: index + 1, total: fresh.length });
      }
    }
    for (const [counter, sequence] of reserved) await writer.reserveDailyNumber(counter, sequence);
    await appendAudit(ctx.db, {
      at: nowIso,
      actorId: options.actor.id,
      actorName: options.actor.name,
      action: 'import.dossiers',
      entityType: 'import_batch',
      entityId: String(batchId),
      payload: {
        fileName: file.name,
        sha256,
        format: table.format,
        sheetName: table.sheetName,
        totalRows: total,
        validRows: checked.length,
        invalidRows,
        imported: fresh.length,
        skippedDuplicates: skipped,
        skipInvalid: options.skipInvalid ?? false,
        firstCode: fresh[0]?.code ?? null,
        lastCode: fresh[fresh.length - 1]?.code ?? null,
      },
      appVersion: ctx.appVersion,
    });
    return { batchId, imported: fresh.length, skipped, byStatus: countStatuses(fresh) };
  });
  Object.assign(report, {
    batchId: written.batchId,
    imported: written.imported,
    skippedDuplicates: written.skipped,
    byStatus: written.byStatus,
  });
  ctx.log.info('legacy import', {
    file: file.name,
    sha256,
    batchId: written.batchId,
    imported: written.imported,
    skipped: written.skipped,
    invalid: invalidRows,
  });
  return finish(
    'imported',
    `Đã nhập ${written.imported} hồ sơ (lô #${written.batchId}); bỏ qua ${written.skipped} dòng trùng và ${invalidRows} dòng lỗi.`,
  );
}
