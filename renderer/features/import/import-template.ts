import { importColumns, type ImportColumn } from '../../../shared/api/schemas/import';

/*
 * The import template's columns as resources/templates/README-import.md explains them. There is no API to
 * download the shipped template files yet, so the page explains the columns and builds the CSV template (a
 * UTF-8 BOM and the header row: exactly resources/templates/import-template.csv) in the browser.
 */

export interface TemplateColumn {
  name: ImportColumn;
  requirement: string;
  description: string;
  example: string;
}

export const TEMPLATE_COLUMNS: readonly TemplateColumn[] = [
  {
    name: 'ma_ho_so',
    requirement: 'Bắt buộc, không trùng',
    description:
      'Mã hồ sơ (số biên nhận): chữ không dấu, số và . - _ /, tối đa 60 ký tự. Mã đã có trong hệ thống thì dòng được bỏ qua.',
    example: '000.00.14.H20-240304-0001',
  },
  {
    name: 'ma_thu_tuc',
    requirement: 'Bắt buộc',
    description: 'Mã thủ tục quốc gia hoặc mã danh mục của phần mềm (xem màn hình Thủ tục hành chính).',
    example: '1.003868 hoặc XB-TLKKD',
  },
  {
    name: 'ten_to_chuc_ca_nhan',
    requirement: 'Bắt buộc',
    description: 'Tên tổ chức/cá nhân nộp hồ sơ, gõ Unicode, tối đa 300 ký tự.',
    example: 'Công ty TNHH Sách Đặng Hòa',
  },
  {
    name: 'kenh_nop',
    requirement: 'Bắt buộc',
    description: 'truc_tiep, buu_chinh hoặc truc_tuyen ("Trực tiếp", "Bưu chính", "Trực tuyến" cũng được).',
    example: 'truc_tiep',
  },
  {
    name: 'ngay_tiep_nhan',
    requirement: 'Bắt buộc',
    description: 'Ngày tiếp nhận; không ở tương lai, không trước năm 1990.',
    example: '04/03/2024 08:15',
  },
  {
    name: 'ngay_hen_tra',
    requirement: 'Nên có',
    description:
      'Ngày hẹn trả trên phiếu tiếp nhận, giữ nguyên để xếp loại trước hạn/đúng hạn/quá hạn. Để trống: hồ sơ không được xếp loại.',
    example: '18/03/2024',
  },
  {
    name: 'ngay_hoan_thanh',
    requirement: 'Bắt buộc trừ khi dang_xu_ly',
    description:
      'Ngày giải quyết xong (ký giấy phép, văn bản từ chối, hoặc ngày rút); phải trống khi dang_xu_ly.',
    example: '15/03/2024',
  },
  {
    name: 'ngay_tra_ket_qua',
    requirement: 'Không bắt buộc',
    description: 'Ngày trả kết quả cho người nộp; không trước ngày hoàn thành; phải trống khi dang_xu_ly.',
    example: '18/03/2024',
  },
  {
    name: 'ket_qua',
    requirement: 'Bắt buộc',
    description: 'cap_phep, tu_choi, rut hoặc dang_xu_ly.',
    example: 'cap_phep',
  },
  {
    name: 'so_giay_phep',
    requirement: 'Không bắt buộc',
    description:
      'Số giấy phép (khi cap_phep), ghi vào ghi chú của hồ sơ; sổ cấp giấy phép không bị thay đổi.',
    example: '12/GP-STTTT',
  },
  {
    name: 'ghi_chu',
    requirement: 'Không bắt buộc',
    description: 'Ghi chú, tối đa 2000 ký tự.',
    example: '',
  },
];

/** The CSV template: UTF-8 with a BOM (so Excel reads the Vietnamese right) and the header row. */
export function templateCsvBase64(): string {
  const text = `\uFEFF${importColumns.join(',')}\r\n`;
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}
