import { describe, expect, it } from 'vitest';
import {
  APPLICANT_NAME,
  COMMON_HEADER,
  DOSSIER_CODE,
  FORM_DOSSIER,
  onePageFormText,
} from './form-test-support';
import { pdfInfo, pdfToFlatText, testFonts } from './pdf-test-support';
import { buildSupplementRequestPdf } from './supplement-request-pdf';
import type { SupplementRequestData } from './supplement-request-pdf';

function makeData(overrides: Partial<SupplementRequestData> = {}): SupplementRequestData {
  return {
    ...FORM_DOSSIER,
    formRef: 'Mẫu số 02 – Thông tư số 01/2018/TT-VPCP',
    number: '15/PYCBS',
    issuedAt: '2026-11-27T10:15:00+07:00',
    items: [
      { component: 'Giấy chứng nhận ĐKDN', requirement: 'Nộp bản sao có chứng thực' },
      { component: 'Danh mục thiết bị in', requirement: 'Ghi năm sản xuất của máy in' },
    ],
    reason: 'Hồ sơ chưa đủ thành phần theo quy định.',
    contact: { name: 'Trần Thị Bích Ngọc', unit: 'Phòng Quản lý Báo chí, Xuất bản', phone: '0222 3822 456' },
    guide: { name: 'Phạm Thị Mỹ Duyên' },
    ...overrides,
  };
}

describe('buildSupplementRequestPdf (Mẫu 02)', () => {
  it('prints the header, title, dossier code, applicant, the components to supplement and the reason', async () => {
    const pdf = await buildSupplementRequestPdf(makeData(), testFonts());
    const { text, sentences } = await onePageFormText(pdf);
    for (const expected of [
      ...COMMON_HEADER,
      'Mẫu số 02 – Thông tư số 01/2018/TT-VPCP',
      'Số: 15/PYCBS',
      'Bắc Ninh, ngày 27 tháng 11 năm 2026',
      'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
      `Mã hồ sơ: ${DOSSIER_CODE}`,
      `Tiếp nhận hồ sơ của: ${APPLICANT_NAME}`,
      'Địa chỉ: Lô 5, khu công nghiệp Quế Võ, phường Phương Liễu, tỉnh Bắc Ninh',
      'Số điện thoại: 0912 345 678',
      'Email: lienhe@inmythuat.vn',
      'Yêu cầu Quý cơ quan, tổ chức bổ sung, hoàn thiện hồ sơ gồm những nội dung như sau:',
      'TT',
      'Tên thành phần hồ sơ',
      'Nội dung cần bổ sung, hoàn thiện',
      'Giấy chứng nhận ĐKDN',
      'Nộp bản sao có chứng thực',
      'Danh mục thiết bị in',
      'Ghi năm sản xuất của máy in',
      'Lý do: Hồ sơ chưa đủ thành phần theo quy định.',
      'NGƯỜI HƯỚNG DẪN',
      '(Ký và ghi rõ họ tên)',
      'Phạm Thị Mỹ Duyên',
    ]) {
      expect(text).toContain(expected);
    }
    expect(sentences).toContain(
      'Nội dung yêu cầu giải quyết: Cấp giấy phép hoạt động in xuất bản phẩm (mã thủ tục: 2.001594)',
    );
    expect(sentences).toContain(
      'nếu có vướng mắc, Quý cơ quan, tổ chức liên hệ với Trần Thị Bích Ngọc (Phòng Quản lý Báo chí, Xuất bản), ' +
        'số điện thoại 0222 3822 456 để được hướng dẫn.',
    );
    // One table row per component, numbered.
    expect(text).toMatch(/^\s*1\s+Giấy chứng nhận ĐKDN/m);
    expect(text).toMatch(/^\s*2\s+Danh mục thiết bị in/m);
    expect(text).not.toMatch(/[\u0300-\u036f]/);
    expect(pdfInfo(pdf).Title).toBe(`Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ – ${DOSSIER_CODE}`);
  });

  it('addresses a person as Ông/Bà and leaves blanks for missing particulars', async () => {
    const pdf = await buildSupplementRequestPdf(
      makeData({ applicant: { kind: 'individual', name: 'Trần Văn Lưỡng' }, guide: {} }),
      testFonts(),
    );
    const text = pdfToFlatText(pdf);
    expect(text).toContain('Yêu cầu Ông/Bà bổ sung, hoàn thiện hồ sơ');
    expect(text).toContain('Địa chỉ: ……………');
    expect(text).not.toContain('Email:');
  });

  it('refuses a request without components or without a reason', async () => {
    await expect(buildSupplementRequestPdf(makeData({ items: [] }), testFonts())).rejects.toThrow(
      /items is empty/,
    );
    await expect(buildSupplementRequestPdf(makeData({ reason: ' ' }), testFonts())).rejects.toThrow(
      /Phiếu yêu cầu bổ sung phải nêu .*reason is empty/,
    );
    await expect(
      buildSupplementRequestPdf(makeData({ items: [{ component: 'Đơn', requirement: '' }] }), testFonts()),
    ).rejects.toThrow(/items\[0\]\.requirement/);
  });
});
