import { describe, expect, it } from 'vitest';
import {
  APPLICANT_NAME,
  COMMON_HEADER,
  DOSSIER_CODE,
  FORM_DOSSIER,
  onePageFormText,
} from './form-test-support';
import { pdfToFlatText, testFonts } from './pdf-test-support';
import { RefusalWithoutReasonError, buildRefusalPdf } from './refusal-pdf';
import type { RefusalData } from './refusal-pdf';

function makeData(overrides: Partial<RefusalData> = {}): RefusalData {
  return {
    ...FORM_DOSSIER,
    formRef: 'Mẫu số 03 – Thông tư số 01/2018/TT-VPCP',
    issuedAt: '2026-11-27T10:15:00+07:00',
    reasons: [
      'Cơ sở in chưa có giấy chứng nhận đủ điều kiện về an ninh, trật tự.',
      'Thiết bị in kê khai không phù hợp với nội dung hoạt động đề nghị cấp phép.',
    ],
    signer: { titleLines: ['Người tiếp nhận hồ sơ'], name: 'Phạm Thị Mỹ Duyên' },
    ...overrides,
  };
}

describe('buildRefusalPdf (Mẫu 03)', () => {
  it('prints the header, applicant and every reason for the refusal', async () => {
    const pdf = await buildRefusalPdf(makeData(), testFonts());
    const { text, sentences } = await onePageFormText(pdf);
    for (const expected of [
      ...COMMON_HEADER,
      'Mẫu số 03 – Thông tư số 01/2018/TT-VPCP',
      'Bắc Ninh, ngày 27 tháng 11 năm 2026',
      'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
      `Mã hồ sơ: ${DOSSIER_CODE}`,
      `Tiếp nhận hồ sơ của: ${APPLICANT_NAME}`,
      'Số điện thoại: 0912 345 678',
      '1. Cơ sở in chưa có giấy chứng nhận đủ điều kiện về an ninh, trật tự.',
      '2. Thiết bị in kê khai không phù hợp với nội dung hoạt động đề nghị cấp phép.',
      'Xin thông báo cho Quý cơ quan, tổ chức được biết và thực hiện./.',
      'NGƯỜI TIẾP NHẬN HỒ SƠ',
      '(Ký và ghi rõ họ tên)',
      'Phạm Thị Mỹ Duyên',
    ]) {
      expect(text).toContain(expected);
    }
    expect(sentences).toContain(
      'Qua xem xét, Bộ phận tiếp nhận và trả kết quả thông báo không tiếp nhận, giải quyết hồ sơ này với lý ' +
        'do cụ thể như sau:',
    );
    expect(text).not.toContain('Số:');
    expect(text).not.toMatch(/[\u0300-\u036f]/);
  });

  it('prints a single reason unnumbered, and a leader signature with Nơi nhận after appraisal', async () => {
    const pdf = await buildRefusalPdf(
      makeData({
        number: '45/TB-SVHTTDL',
        reasons: ['Nội dung tài liệu vi phạm khoản 2 Điều 9 Luật Xuất bản.'],
        refusingBody: 'Sở Văn hóa, Thể thao và Du lịch',
        signer: { titleLines: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'], hint: '', name: 'Nguyễn Văn An' },
        recipients: ['Như trên', 'Lưu: VT, QLBC'],
      }),
      testFonts(),
    );
    const text = pdfToFlatText(pdf);
    expect(text).toContain('Số: 45/TB-SVHTTDL');
    expect(text).toContain('Nội dung tài liệu vi phạm khoản 2 Điều 9 Luật Xuất bản.');
    expect(text).not.toContain('1. Nội dung');
    expect(text.replace(/\s+/g, ' ')).toContain('Qua xem xét, Sở Văn hóa, Thể thao và Du lịch thông báo');
    expect(text).toMatch(/Nơi nhận:\s+KT\. GIÁM ĐỐC/);
    expect(text).toMatch(/- Như trên;\s+PHÓ GIÁM ĐỐC/);
    expect(text).toContain('- Lưu: VT, QLBC.');
    expect(text).toContain('Nguyễn Văn An');
  });

  it('will not print a refusal without reasons', async () => {
    for (const reasons of [[], [' ', '\n']]) {
      const error = await buildRefusalPdf(makeData({ reasons }), testFonts()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RefusalWithoutReasonError);
      expect((error as RefusalWithoutReasonError).code).toBe('REFUSAL_WITHOUT_REASON');
      expect((error as Error).message).toContain('Phiếu từ chối phải nêu rõ lý do từ chối.');
    }
  });
});
