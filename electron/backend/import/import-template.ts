import ExcelJS from 'exceljs';
import { importColumns, type ImportColumn } from '../../../shared/api/schemas/import';

// The shipped import template (resources/templates/import-template.{csv,xlsx}, README-import.md). The
// column descriptions live here once, for the workbook's instruction sheet; README-import.md says the same.

export interface ColumnDoc {
  column: ImportColumn;
  required: string;
  vi: string;
  en: string;
  example: string;
}

export const COLUMN_DOCS: readonly ColumnDoc[] = [
  {
    column: 'ma_ho_so',
    required: 'Bắt buộc, không trùng',
    vi: 'Mã hồ sơ (số biên nhận). Chữ không dấu, số và . - _ / ; tối đa 60 ký tự. Mã đã có trong hệ thống thì dòng bị bỏ qua.',
    en: 'Dossier (receipt) code. Unique; a code already in the store is skipped, so a file can be imported twice safely.',
    example: '000.00.14.H20-240304-0001',
  },
  {
    column: 'ma_thu_tuc',
    required: 'Bắt buộc',
    vi: 'Mã thủ tục quốc gia (ví dụ 1.003868) hoặc mã danh mục của phần mềm (ví dụ XB-TLKKD). Nên định dạng ô là Văn bản (Text).',
    en: 'National procedure code (e.g. 1.003868) or the catalogue id (e.g. XB-TLKKD). Format the cell as Text.',
    example: '1.003868',
  },
  {
    column: 'ten_to_chuc_ca_nhan',
    required: 'Bắt buộc',
    vi: 'Tên tổ chức hoặc cá nhân nộp hồ sơ, gõ Unicode (không dùng phông TCVN3/VNI).',
    en: 'Applicant (organisation or person), in Unicode — never TCVN3/VNI fonts.',
    example: 'Công ty TNHH Sách Đặng Hòa',
  },
  {
    column: 'kenh_nop',
    required: 'Bắt buộc',
    vi: 'Kênh nộp: truc_tiep (trực tiếp), buu_chinh (bưu chính) hoặc truc_tuyen (trực tuyến).',
    en: 'Filing channel: truc_tiep (at the desk), buu_chinh (post) or truc_tuyen (online).',
    example: 'truc_tiep',
  },
  {
    column: 'ngay_tiep_nhan',
    required: 'Bắt buộc',
    vi: 'Ngày tiếp nhận: dd/mm/yyyy hoặc YYYY-MM-DD, có thể kèm giờ HH:mm (không có giờ: tính 07:30). Không được ở tương lai.',
    en: 'Receipt date: dd/mm/yyyy or YYYY-MM-DD, optionally HH:mm (default: start of office hours).',
    example: '04/03/2024 08:15',
  },
  {
    column: 'ngay_hen_tra',
    required: 'Nên có',
    vi: 'Ngày hẹn trả kết quả ghi trên phiếu tiếp nhận. Được giữ nguyên để xếp loại trước hạn / đúng hạn / quá hạn. Để trống: hồ sơ không được xếp loại.',
    en: 'Appointment date on the receipt, kept as is for the on-time class. Empty: the dossier is not classified.',
    example: '18/03/2024',
  },
  {
    column: 'ngay_hoan_thanh',
    required: 'Bắt buộc nếu ket_qua ≠ dang_xu_ly',
    vi: 'Ngày giải quyết xong (ký giấy phép / văn bản từ chối / rút hồ sơ). Không có giờ: tính 17:00. Không được trước ngày tiếp nhận.',
    en: 'Completion date (licence or refusal signed, or withdrawal). Default time 17:00. Not before the receipt.',
    example: '15/03/2024',
  },
  {
    column: 'ngay_tra_ket_qua',
    required: 'Không bắt buộc',
    vi: 'Ngày trả kết quả cho người nộp. Có ngày này thì hồ sơ cấp phép/từ chối ở trạng thái "Đã trả kết quả". Không được trước ngày hoàn thành.',
    en: 'Date the result was handed over; with it, a licensed or refused dossier is "returned".',
    example: '18/03/2024',
  },
  {
    column: 'ket_qua',
    required: 'Bắt buộc',
    vi: 'Kết quả: cap_phep (cấp phép), tu_choi (từ chối), rut (rút hồ sơ) hoặc dang_xu_ly (đang xử lý: để trống ngày hoàn thành và ngày trả).',
    en: 'Outcome: cap_phep (licensed), tu_choi (refused), rut (withdrawn) or dang_xu_ly (still open).',
    example: 'cap_phep',
  },
  {
    column: 'so_giay_phep',
    required: 'Không bắt buộc',
    vi: 'Số giấy phép đã cấp (khi ket_qua = cap_phep); được ghi vào ghi chú của hồ sơ, không vào sổ cấp giấy phép.',
    en: 'Licence number (with cap_phep); kept in the dossier notes, not in the licence register.',
    example: '12/GP-STTTT',
  },
  {
    column: 'ghi_chu',
    required: 'Không bắt buộc',
    vi: 'Ghi chú, tối đa 2000 ký tự; có thể xuống dòng.',
    en: 'Notes, up to 2000 characters; line breaks allowed.',
    example: 'Hồ sơ lưu tại hộp số 12',
  },
];

/** The CSV template: a UTF-8 BOM (so that Excel opens it as UTF-8), the header, CRLF. */
export const IMPORT_TEMPLATE_CSV = `\uFEFF${importColumns.join(',')}\r\n`;

export interface CatalogueEntry {
  id: string;
  code: string | null;
  name: string;
}

/**
 * The XLSX template: sheet 1 "Du_lieu" with the header (frozen), text-formatted code columns, date-formatted
 * date columns and drop-down lists for kenh_nop and ket_qua; sheet 2 the instructions; sheet 3 the procedure
 * catalogue as shipped. The importer reads the first sheet with the header and says it ignored the others.
 */
export async function buildImportTemplate(catalogue: readonly CatalogueEntry[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'LicenceDesk';
  // A fixed date keeps the committed file stable when it is regenerated.
  workbook.created = new Date(Date.UTC(2026, 0, 1));
  workbook.modified = workbook.created;

  const data = workbook.addWorksheet('Du_lieu', { views: [{ state: 'frozen', ySplit: 1 }] });
  data.addRow([...importColumns]);
  data.getRow(1).font = { bold: true };
  const widths: Record<ImportColumn, number> = {
    ma_ho_so: 28,
    ma_thu_tuc: 14,
    ten_to_chuc_ca_nhan: 40,
    kenh_nop: 12,
    ngay_tiep_nhan: 18,
    ngay_hen_tra: 14,
    ngay_hoan_thanh: 16,
    ngay_tra_ket_qua: 17,
    ket_qua: 12,
    so_giay_phep: 16,
    ghi_chu: 40,
  };
  importColumns.forEach((column, index) => {
    const col = data.getColumn(index + 1);
    col.width = widths[column];
    if (column === 'ma_ho_so' || column === 'ma_thu_tuc' || column === 'so_giay_phep') col.numFmt = '@';
    if (column.startsWith('ngay_')) col.numFmt = 'dd/mm/yyyy hh:mm';
  });
  // Range-wide validations (exceljs writes them as one sqref; its typings lack `dataValidations`).
  const validations = (
    data as unknown as {
      dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
    }
  ).dataValidations;
  const list = (column: ImportColumn, values: string[]) => {
    const letter = String.fromCharCode(65 + importColumns.indexOf(column));
    validations.add(`${letter}2:${letter}20000`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${values.join(',')}"`],
      showErrorMessage: true,
      errorTitle: column,
      error: `Chỉ nhận: ${values.join(', ')}`,
    });
  };
  list('kenh_nop', ['truc_tiep', 'buu_chinh', 'truc_tuyen']);
  list('ket_qua', ['cap_phep', 'tu_choi', 'rut', 'dang_xu_ly']);

  const guide = workbook.addWorksheet('Huong_dan');
  guide.addRow(['Cột / Column', 'Yêu cầu', 'Mô tả', 'Description', 'Ví dụ / Example']);
  guide.getRow(1).font = { bold: true };
  for (const doc of COLUMN_DOCS) guide.addRow([doc.column, doc.required, doc.vi, doc.en, doc.example]);
  guide.addRow([]);
  guide.addRow([
    'Lưu ý',
    '',
    'Ghi dữ liệu vào trang tính "Du_lieu" (dòng 1 là tiêu đề, không sửa). Không gộp ô (merge). Lưu tệp dạng .xlsx hoặc "CSV UTF-8". Chạy "Kiểm tra" (dry run) trước khi nhập.',
    'Fill the "Du_lieu" sheet (row 1 is the header). No merged cells. Save as .xlsx or "CSV UTF-8". Run a dry run first.',
    '',
  ]);
  [22, 26, 80, 60, 26].forEach((width, i) => {
    const col = guide.getColumn(i + 1);
    col.width = width;
    col.alignment = { wrapText: true, vertical: 'top' };
  });

  const procedures = workbook.addWorksheet('Thu_tuc');
  procedures.addRow(['ma_thu_tuc (mã quốc gia)', 'ma_thu_tuc (mã danh mục)', 'Tên thủ tục']);
  procedures.getRow(1).font = { bold: true };
  for (const entry of catalogue) procedures.addRow([entry.code ?? '', entry.id, entry.name]);
  [24, 24, 90].forEach((width, i) => (procedures.getColumn(i + 1).width = width));

  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
