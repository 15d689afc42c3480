import { PDFDocument } from 'pdf-lib';
import { expect } from 'vitest';
import type { FormAgency, FormApplicant, FormProcedure } from './one-stop-form';
import { pdfToFlatText } from './pdf-test-support';

/* Fixtures shared by the one-stop form tests. Not imported by production code. */

export const AGENCY: FormAgency = {
  governingBody: 'UBND tỉnh Bắc Ninh',
  name: 'Sở Văn hóa, Thể thao và Du lịch',
  deskName: 'Bộ phận tiếp nhận và trả kết quả',
  place: 'Bắc Ninh',
  address: 'Số 10 đường Lý Thái Tổ, phường Kinh Bắc, tỉnh Bắc Ninh',
  phone: '0222 3822 123',
};

export const APPLICANT_NAME = 'Công ty TNHH In ấn Mỹ Thuật Nguyễn Ngọc Ánh';

export const APPLICANT: FormApplicant = {
  kind: 'organization',
  // Decomposed on purpose (as typed on macOS / pasted from some web forms): must print as NFC.
  name: APPLICANT_NAME.normalize('NFD'),
  address: 'Lô 5, khu công nghiệp Quế Võ, phường Phương Liễu, tỉnh Bắc Ninh',
  phone: '0912 345 678',
  email: 'lienhe@inmythuat.vn',
};

export const PROCEDURE: FormProcedure = {
  code: '2.001594',
  name: 'Cấp giấy phép hoạt động in xuất bản phẩm',
};

export const DOSSIER_CODE = '000.00.14.H04-261126-0007';

/** The parts every form shares: Quốc hiệu, Tiêu ngữ, agency header. */
export const COMMON_HEADER = [
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'UBND TỈNH BẮC NINH',
  'SỞ VĂN HÓA, THỂ THAO',
  'VÀ DU LỊCH',
];

/** The agency, dossier, applicant and procedure every one-stop form's data starts from. */
export const FORM_DOSSIER = {
  agency: AGENCY,
  dossierCode: DOSSIER_CODE,
  applicant: APPLICANT,
  procedure: PROCEDURE,
} as const;

/**
 * Checks a form prints on one page and stays small, then returns its extracted text and the same text with
 * line breaks folded (`sentences`, for sentences the layout wraps).
 */
export async function onePageFormText(pdf: Uint8Array): Promise<{ text: string; sentences: string }> {
  expect((await PDFDocument.load(pdf)).getPageCount()).toBe(1);
  expect(pdf.length).toBeLessThan(150_000);
  const text = pdfToFlatText(pdf);
  return { text, sentences: text.replace(/\s+/g, ' ') };
}
