import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { ND30_MARGINS } from './document-layout';
import { pdfInfo, pdfToFlatText, pdfToText, pdfWords, testFonts } from './pdf-test-support';
import { buildReceiptPdf } from './receipt-pdf';
import type { ReceiptData } from './receipt-pdf';

const APPLICANT = 'Công ty TNHH In ấn Mỹ Thuật Nguyễn Ngọc Ánh';
const SUBMITTER = 'Đặng Thị Hữu Ngọc';

function makeReceiptData(overrides: Partial<ReceiptData> = {}): ReceiptData {
  return {
    agency: {
      governingBody: 'UBND tỉnh Bắc Ninh',
      name: 'Sở Văn hóa, Thể thao và Du lịch',
      deskName: 'Bộ phận tiếp nhận và trả kết quả',
      place: 'Bắc Ninh',
      address: 'Số 10 đường Lý Thái Tổ, phường Kinh Bắc, tỉnh Bắc Ninh',
      phone: '0222 3822 123',
    },
    formRef: 'Mẫu số 01 – Thông tư 01/2018/TT-VPCP',
    dossierCode: '000.00.14.H04-261126-0007',
    issuedAt: '2026-11-26T09:30:00+07:00',
    applicant: {
      kind: 'organization',
      // Decomposed on purpose (as typed on macOS / pasted from some web forms): must print and extract as NFC.
      name: APPLICANT.normalize('NFD'),
      idNumber: '2300123456',
      address: 'Lô 5, khu công nghiệp Quế Võ, phường Phương Liễu, tỉnh Bắc Ninh',
      phone: '0912 345 678',
      email: 'lienhe@inmythuat.vn',
    },
    submitter: { name: SUBMITTER },
    procedure: { code: '1.003868', name: 'Cấp giấy phép hoạt động in xuất bản phẩm' },
    components: [
      { name: 'Đơn đề nghị cấp giấy phép hoạt động in (Mẫu số 01)', copies: 1, original: true },
      { name: 'Bản sao có chứng thực giấy chứng nhận đăng ký doanh nghiệp', copies: 1, original: false },
      { name: 'Danh sách thiết bị in; hợp đồng thuê mặt bằng sản xuất (nếu có)', copies: 2, original: false },
    ],
    setCount: 1,
    deadline: { amount: 10, unitLabel: 'ngày làm việc' },
    receivedAt: '2026-11-26T09:30:00+07:00',
    dueAt: '2026-12-10T17:00:00+07:00',
    returnMethod: 'Bộ phận tiếp nhận và trả kết quả',
    register: { book: '03', entryNo: 7 },
    receiver: { name: 'Phạm Thị Mỹ Duyên' },
    notes: 'Chữ khó: ỹ ữ ặ ẩ ợ Đ ơ ư.',
    ...overrides,
  };
}

async function pageCount(pdf: Uint8Array): Promise<number> {
  return (await PDFDocument.load(pdf)).getPageCount();
}

describe('buildReceiptPdf', () => {
  it('prints Mẫu 01 with the header, code, applicant and times in extractable Vietnamese', async () => {
    const pdf = await buildReceiptPdf(makeReceiptData(), testFonts());
    expect(await pageCount(pdf)).toBe(1);
    const text = pdfToFlatText(pdf);
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'UBND TỈNH BẮC NINH',
      'SỞ VĂN HÓA, THỂ THAO',
      'Bắc Ninh, ngày 26 tháng 11 năm 2026',
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      'Mẫu số 01 – Thông tư 01/2018/TT-VPCP',
      'Mã hồ sơ: 000.00.14.H04-261126-0007',
      `Tiếp nhận hồ sơ của: ${APPLICANT}`,
      'Mã số thuế: 2300123456',
      'Số điện thoại: 0912 345 678',
      'Email: lienhe@inmythuat.vn',
      'Nội dung yêu cầu giải quyết: Cấp giấy phép hoạt động in xuất bản phẩm',
      '1. Thành phần hồ sơ nộp gồm:',
      'Bản sao có chứng thực giấy chứng nhận đăng ký doanh nghiệp',
      '2. Số lượng hồ sơ: 01 (bộ)',
      '3. Thời gian giải quyết hồ sơ theo quy định là: 10 ngày làm việc',
      '4. Thời gian nhận hồ sơ: 09 giờ 30 phút, ngày 26 tháng 11 năm 2026',
      '5. Thời gian trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 10 tháng 12 năm 2026',
      '6. Đăng ký nhận kết quả tại: Bộ phận tiếp nhận và trả kết quả',
      'Vào Sổ theo dõi hồ sơ, Quyển số: 03, Số thứ tự: 07',
      'ỹ ữ ặ ẩ ợ Đ ơ ư',
      'NGƯỜI NỘP HỒ SƠ',
      'NGƯỜI TIẾP NHẬN HỒ SƠ',
      '(Ký và ghi rõ họ tên)',
      SUBMITTER,
      'Phạm Thị Mỹ Duyên',
    ]) {
      expect(text).toContain(expected);
    }
    // The NFD input came out composed: no combining marks anywhere in the extracted text.
    expect(text).not.toMatch(/[\u0300-\u036f]/);
    expect(text.normalize('NFC')).toBe(text);
  });

  it('keeps the header columns level and everything inside the NĐ 30 margins', async () => {
    const pdf = await buildReceiptPdf(makeReceiptData(), testFonts());
    const words = pdfWords(pdf, 1);
    const find = (t: string) => words.find((word) => word.text === t);
    expect(find('UBND')?.yMax).toBeCloseTo(find('CỘNG')?.yMax ?? 0, 0);
    expect(find('UBND')?.xMax ?? 0).toBeLessThan(find('CỘNG')?.xMin ?? 0);
    const width = 595.28;
    const height = 841.89;
    for (const word of words) {
      expect(word.xMin).toBeGreaterThanOrEqual(ND30_MARGINS.left - 0.5);
      expect(word.xMax).toBeLessThanOrEqual(width - ND30_MARGINS.right + 0.5);
      expect(word.yMax).toBeLessThanOrEqual(height - ND30_MARGINS.bottom + 0.5);
    }
  });

  it('prints two liên on two pages when asked', async () => {
    const pdf = await buildReceiptPdf(makeReceiptData(), testFonts(), { copies: 2 });
    expect(await pageCount(pdf)).toBe(2);
    expect(pdfInfo(pdf).Pages).toBe('2');
    const first = pdfToFlatText(pdf, { firstPage: 1, lastPage: 1 });
    const second = pdfToFlatText(pdf, { firstPage: 2, lastPage: 2 });
    expect(first).toContain('Liên 1: Lưu tại Bộ phận tiếp nhận và trả kết quả');
    expect(second).toContain('Liên 2: Giao người nộp hồ sơ');
    for (const page of [first, second]) {
      expect(page).toContain('Mã hồ sơ: 000.00.14.H04-261126-0007');
      expect(page).toContain(APPLICANT);
    }
    // A single copy carries no liên mark.
    expect(pdfToFlatText(await buildReceiptPdf(makeReceiptData(), testFonts()))).not.toContain('Liên');
  });

  it('flows a long component list and long notes onto a numbered second page', async () => {
    const components = Array.from({ length: 28 }, (_, i) => ({
      name: `Giấy tờ số ${i + 1}: bản sao có chứng thực văn bằng, chứng chỉ chuyên môn của người đứng đầu`,
      copies: (i % 3) + 1,
    }));
    const notes = 'Người nộp hồ sơ cam kết bổ sung bản chính để đối chiếu khi nhận kết quả. '.repeat(12);
    const pdf = await buildReceiptPdf(makeReceiptData({ components, notes }), testFonts());
    const pages = await pageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(2);

    // NĐ 30 Phụ lục I: no number on page 1; from page 2 the number sits in the top margin.
    expect(pdfWords(pdf, 1).some((word) => word.yMax < ND30_MARGINS.top)).toBe(false);
    for (let page = 2; page <= pages; page++) {
      const number = pdfWords(pdf, page).find((word) => word.yMax < ND30_MARGINS.top);
      expect(number?.text).toBe(String(page));
    }

    const text = pdfToFlatText(pdf);
    expect(text).toContain('Giấy tờ số 28: bản sao có chứng thực');
    // The table header repeats on the continuation page; the signature block stays whole on the last page.
    expect(pdfToFlatText(pdf, { firstPage: 2, lastPage: 2 })).toContain('Tên giấy tờ');
    const lastPage = pdfToFlatText(pdf, { firstPage: pages, lastPage: pages });
    expect(lastPage).toContain('NGƯỜI TIẾP NHẬN HỒ SƠ');
    expect(lastPage).toContain('Phạm Thị Mỹ Duyên');

    // Each liên numbers its own pages.
    const both = await buildReceiptPdf(makeReceiptData({ components, notes }), testFonts(), { copies: 2 });
    expect(await pageCount(both)).toBe(2 * pages);
    expect(pdfWords(both, pages + 1).some((word) => word.yMax < ND30_MARGINS.top)).toBe(false);
    expect(pdfWords(both, pages + 2).find((word) => word.yMax < ND30_MARGINS.top)?.text).toBe('2');
  });

  it('sets the document metadata and stays small with subset fonts', async () => {
    const pdf = await buildReceiptPdf(makeReceiptData(), testFonts());
    expect(pdf.length).toBeLessThan(150_000);
    const info = pdfInfo(pdf);
    expect(info.Title).toBe('Giấy tiếp nhận hồ sơ và hẹn trả kết quả – 000.00.14.H04-261126-0007');
    expect(info.Author).toBe('Sở Văn hóa, Thể thao và Du lịch');
    expect(info.Creator).toBe('LicenceDesk');
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    const lang = doc.catalog.lookup(PDFName.of('Lang'));
    expect(lang instanceof PDFString ? lang.asString() : lang).toBe('vi');
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-11-26T02:30:00.000Z');
  });

  it('is reproducible: the same data gives the same bytes', async () => {
    const a = await buildReceiptPdf(makeReceiptData(), testFonts(), { copies: 2 });
    const b = await buildReceiptPdf(makeReceiptData(), testFonts(), { copies: 2 });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('prints the times written in the strings, whatever the machine zone', async () => {
    const original = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      const pdf = await buildReceiptPdf(
        makeReceiptData({ receivedAt: '2026-03-02T08:05:00+07:00', dueAt: '2026-03-16T16:30:00+07:00' }),
        testFonts(),
      );
      const text = pdfToFlatText(pdf);
      expect(text).toContain('4. Thời gian nhận hồ sơ: 08 giờ 05 phút, ngày 02 tháng 3 năm 2026');
      expect(text).toContain(
        '5. Thời gian trả kết quả giải quyết hồ sơ: 16 giờ 30 phút, ngày 16 tháng 3 năm 2026',
      );
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
  });

  it('prints an individual applicant and leaves dotted blanks for missing fields', async () => {
    const data = makeReceiptData({
      applicant: { kind: 'individual', name: 'Trần Văn Lưỡng', idNumber: '027090001234' },
      register: {},
    });
    const { submitter: _submitter, ...withoutSubmitter } = data;
    const text = pdfToFlatText(await buildReceiptPdf(withoutSubmitter, testFonts()));
    expect(text).toContain('Số định danh cá nhân: 027090001234');
    expect(text).toContain('Địa chỉ: ……………');
    expect(text).toContain('Quyển số: ……………, Số thứ tự: ……………');
    expect(text).not.toContain('Email:');
    // An individual signs for themself.
    expect(pdfToText(await buildReceiptPdf(withoutSubmitter, testFonts()))).toMatch(
      /Trần Văn Lưỡng\s+Phạm Thị Mỹ Duyên/,
    );
  });

  it('rejects data it cannot print correctly', async () => {
    await expect(
      buildReceiptPdf(makeReceiptData({ dueAt: '2026-12-10T17:00:00' }), testFonts()),
    ).rejects.toThrow(/dueAt is not an ISO date-time with offset/);
    await expect(buildReceiptPdf(makeReceiptData({ dossierCode: ' ' }), testFonts())).rejects.toThrow(
      /dossierCode/,
    );
    await expect(buildReceiptPdf(makeReceiptData({ setCount: 0 }), testFonts())).rejects.toThrow(/setCount/);
  });
});
