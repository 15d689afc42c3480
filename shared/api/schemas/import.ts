import { z } from '../zod-vi';
import { requiredText } from './common';

// Legacy import (issue 5 §5): a CSV or XLSX file of past dossiers, checked row by row (dry run) and written
// in one transaction. The file travels as base64 because every transport carries JSON.

/** The largest file accepted (bytes). A five-year register of a provincial desk is a few MB. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** Base64 length of MAX_IMPORT_BYTES (4 characters per 3 bytes, padded). */
export const MAX_IMPORT_BASE64_LENGTH = Math.ceil(MAX_IMPORT_BYTES / 3) * 4;
/** At most this many errors and this many warnings are listed; the counts stay exact. */
export const MAX_LISTED_ISSUES = 10_000;

/** The template's columns, in order (resources/templates/README-import.md). */
export const importColumns = [
  'ma_ho_so',
  'ma_thu_tuc',
  'ten_to_chuc_ca_nhan',
  'kenh_nop',
  'ngay_tiep_nhan',
  'ngay_hen_tra',
  'ngay_hoan_thanh',
  'ngay_tra_ket_qua',
  'ket_qua',
  'so_giay_phep',
  'ghi_chu',
] as const;
export type ImportColumn = (typeof importColumns)[number];

export const importChannelValues = ['truc_tiep', 'buu_chinh', 'truc_tuyen'] as const;
export const importResultValues = ['cap_phep', 'tu_choi', 'rut', 'dang_xu_ly'] as const;
export type ImportResultValue = (typeof importResultValues)[number];

/** What can be wrong with a file or a row. `line` is null when the problem is the whole file. */
export const importIssueCodes = [
  // The file as a whole
  'FILE_EMPTY',
  'FILE_TOO_LARGE',
  'FILE_FORMAT',
  'FILE_UNREADABLE',
  'ENCODING_TCVN3',
  'ENCODING_VNI',
  'ENCODING_DOUBLE_UTF8',
  'ENCODING_NOT_UTF8',
  'ENCODING_UTF16',
  'CSV_MALFORMED',
  'CSV_DELIMITER',
  'HEADER_NOT_FOUND',
  'HEADER_MISSING_COLUMNS',
  'HEADER_DUPLICATE_COLUMN',
  'HEADER_UNKNOWN_COLUMN',
  'NO_DATA_ROWS',
  'TOO_MANY_ROWS',
  'SETTINGS_NOT_CONFIGURED',
  'EXTRA_SHEETS',
  'ALREADY_IMPORTED_FILE',
  // One row
  'REQUIRED',
  'TOO_LONG',
  'CONTROL_CHARACTER',
  'LEGACY_TEXT',
  'MERGED_CELL',
  'CELL_ERROR',
  'CODE_FORMAT',
  'DUPLICATE_IN_FILE',
  'DUPLICATE_IN_STORE',
  'UNKNOWN_PROCEDURE',
  'PROCEDURE_NOT_IN_FORCE',
  'PROCEDURE_NOT_CONFIGURED',
  'INVALID_CHANNEL',
  'INVALID_RESULT',
  'DATE_FORMAT',
  'DATE_IMPOSSIBLE',
  'DATE_OUT_OF_RANGE',
  'DATE_IN_FUTURE',
  'APPOINTMENT_BEFORE_RECEIPT',
  'COMPLETION_BEFORE_RECEIPT',
  'RETURN_BEFORE_COMPLETION',
  'RESULT_INCONSISTENT',
  'NO_APPOINTMENT',
  'CALENDAR_MISSING',
  'LICENCE_NUMBER_IGNORED',
  'RETURN_DATE_IGNORED',
] as const;
export type ImportIssueCode = (typeof importIssueCodes)[number];

export const importIssueSchema = z.object({
  /** The line of the file as a spreadsheet shows it (the header is line 1), or null for the whole file. */
  line: z.number().int().positive().nullable(),
  column: z.string().nullable(),
  code: z.enum(importIssueCodes),
  /** Vietnamese, without the line number (the UI and the CLI prefix "dòng N: "). */
  message: z.string(),
});
export type ImportIssue = z.infer<typeof importIssueSchema>;

const count = z.number().int().nonnegative();

export const importReportSchema = z.object({
  fileName: z.string(),
  sha256: z.string(),
  format: z.enum(['csv', 'xlsx']).nullable(),
  /** CSV only: the delimiter found in the header and whether the file began with a UTF-8 BOM. */
  delimiter: z.enum([',', ';']).nullable(),
  hasBom: z.boolean(),
  /** XLSX only: the sheet read, and the other sheets, which are ignored. */
  sheetName: z.string().nullable(),
  ignoredSheets: z.array(z.string()),
  dryRun: z.boolean(),
  skipInvalid: z.boolean(),
  /** checked: dry run; imported: written (possibly 0 new rows); refused: nothing written. */
  outcome: z.enum(['checked', 'imported', 'refused']),
  /** One Vietnamese sentence saying what happened and what to do next. */
  summary: z.string(),
  batchId: z.number().int().positive().nullable(),
  totalRows: count,
  validRows: count,
  invalidRows: count,
  /** Rows written (0 in a dry run); `validRows - skippedDuplicates` would be written by a real import. */
  imported: count,
  /** Rows whose ma_ho_so is already in the store (or repeats an identical earlier row of the file). */
  skippedDuplicates: count,
  /** Valid new rows by the status they get (what a real import writes). */
  byStatus: z.object({
    appraising: count,
    approved: count,
    refused: count,
    returned: count,
    withdrawn: count,
  }),
  errors: z.array(importIssueSchema),
  warnings: z.array(importIssueSchema),
  errorCount: count,
  warningCount: count,
  /** True when more than MAX_LISTED_ISSUES errors or warnings were found (the counts stay exact). */
  isTruncated: z.boolean(),
  durationMs: count,
});
export type ImportReport = z.infer<typeof importReportSchema>;

export const importDossiersInput = z
  .object({
    fileName: requiredText('Tên tệp', { max: 255 }),
    base64: z.string().max(MAX_IMPORT_BASE64_LENGTH, {
      error: `Tệp quá lớn: tối đa ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Hãy chia tệp thành nhiều phần (ví dụ theo năm).`,
    }),
    /** Check only: report every bad row, write nothing. */
    dryRun: z.boolean(),
    /**
     * A real import of a file with bad rows is refused unless this is true; then the valid rows are written
     * (still in one transaction) and the bad rows are listed in the report.
     */
    skipInvalid: z.boolean().default(false),
  })
  .strict();
export type ImportDossiersInput = z.input<typeof importDossiersInput>;
export type ImportDossiersParsed = z.output<typeof importDossiersInput>;
