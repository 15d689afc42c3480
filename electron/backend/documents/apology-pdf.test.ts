import { describe, expect, it } from 'vitest';
import { buildApologyPdf } from './apology-pdf';
import type { ApologyData } from './apology-pdf';
import {
  APPLICANT_NAME,
  COMMON_HEADER,
  DOSSIER_CODE,
  FORM_DOSSIER,
  onePageFormText,
} from './form-test-support';
import { signatureLines } from './licence-template';
import { testFonts } from './pdf-test-support';

function makeData(overrides: Partial<ApologyData> = {}): ApologyData {
  return {
    ...FORM_DOSSIER,
    formRef: 'Mẫu số 04 – Thông tư số 01/2018/TT-VPCP',
    number: '03/PXL-SVHTTDL',
    issuedAt: '2026-12-09',
    receivedAt: '2026-11-26T09:30:00+07:00',
    originalDueAt: '2026-12-10T17:00:00+07:00',
    newDueAt: '2026-12-17T16:30:00+07:00',
    reason: 'Cần xác minh thực tế thiết bị in tại cơ sở sản xuất.',
    signer: { titleLines: signatureLines('so', 'deputy'), name: 'Nguyễn Văn An' },
    recipients: ['Như trên', 'Bộ phận tiếp nhận và trả kết quả', 'Lưu: VT, QLBC'],
    ...overrides,
  };
}

describe('buildApologyPdf (Mẫu 04)', () => {
  it('apologises with the reason and the new appointment, signed by the head of the processing body', async () => {
    const pdf = await buildApologyPdf(makeData(), testFonts());
    const { text, sentences } = await onePageFormText(pdf);
    for (const expected of [
      ...COMMON_HEADER,
      'Mẫu số 04 – Thông tư số 01/2018/TT-VPCP',
      'Số: 03/PXL-SVHTTDL',
      'Bắc Ninh, ngày 09 tháng 12 năm 2026',
      'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
      `Kính gửi: ${APPLICANT_NAME}`,
      'Địa chỉ: Lô 5, khu công nghiệp Quế Võ',
      'Số điện thoại: 0912 345 678',
      'Lý do: Cần xác minh thực tế thiết bị in tại cơ sở sản xuất.',
      'KT. GIÁM ĐỐC',
      'PHÓ GIÁM ĐỐC',
      'Nguyễn Văn An',
      '- Lưu: VT, QLBC.',
    ]) {
      expect(text).toContain(expected);
    }
    for (const expected of [
      'Vào lúc 09 giờ 30 phút, ngày 26 tháng 11 năm 2026, Sở Văn hóa, Thể thao và Du lịch tiếp nhận hồ sơ ' +
        `của Quý cơ quan, tổ chức, mã hồ sơ: ${DOSSIER_CODE}.`,
      'Nội dung yêu cầu giải quyết: Cấp giấy phép hoạt động in xuất bản phẩm (mã thủ tục: 2.001594).',
      'Giấy tiếp nhận hồ sơ và hẹn trả kết quả: 17 giờ 00 phút, ngày 10 tháng 12 năm 2026.',
      'chưa trả kết quả giải quyết hồ sơ cho Quý cơ quan, tổ chức đúng thời hạn nêu trên.',
      'Sở Văn hóa, Thể thao và Du lịch xin lỗi Quý cơ quan, tổ chức',
      'hẹn lại thời gian trả kết quả giải quyết hồ sơ vào: 16 giờ 30 phút, ngày 17 tháng 12 năm 2026.',
    ]) {
      expect(sentences).toContain(expected);
    }
    expect(text).not.toMatch(/[\u0300-\u036f]/);
  });

  it('only moves the appointment later', async () => {
    await expect(
      buildApologyPdf(makeData({ newDueAt: '2026-12-10T17:00:00+07:00' }), testFonts()),
    ).rejects.toThrow(/Ngày hẹn trả kết quả mới phải sau ngày hẹn cũ/);
    await expect(buildApologyPdf(makeData({ newDueAt: '2026-12-17' }), testFonts())).rejects.toThrow(
      /newDueAt is not an ISO date-time with offset/,
    );
    await expect(buildApologyPdf(makeData({ reason: '' }), testFonts())).rejects.toThrow(/reason is empty/);
  });
});
