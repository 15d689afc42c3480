import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { buildControlSheetPdf } from './control-sheet-pdf';
import type { ControlSheetData, HandOver } from './control-sheet-pdf';
import {
  APPLICANT_NAME,
  COMMON_HEADER,
  DOSSIER_CODE,
  FORM_DOSSIER,
  onePageFormText,
} from './form-test-support';
import { pdfToFlatText, pdfWords, testFonts } from './pdf-test-support';

const HAND_OVERS: readonly HandOver[] = [
  {
    fromUnit: 'Bộ phận một cửa',
    toUnit: 'Phòng QLBC',
    handedAt: '2026-11-26T14:00:00+07:00',
    giver: 'Phạm Thị Mỹ Duyên',
    receiver: 'Trần Thị Bích Ngọc',
    result: 'dung_han',
  },
  {
    fromUnit: 'Phòng QLBC',
    toUnit: 'Lãnh đạo Sở',
    handedAt: '2026-12-04T09:00:00+07:00',
    receivedAt: '2026-12-04T10:20:00+07:00',
    giver: 'Trần Thị Bích Ngọc',
    receiver: 'Nguyễn Văn An',
    result: 'truoc_han',
    note: 'Trình ký',
  },
  {
    fromUnit: 'Lãnh đạo Sở',
    toUnit: 'Bộ phận một cửa',
    handedAt: '2026-12-11T15:45:00+07:00',
    giver: 'Nguyễn Văn An',
    receiver: 'Đặng Thị Hữu Ngọc',
    result: 'qua_han',
  },
];

function makeData(overrides: Partial<ControlSheetData> = {}): ControlSheetData {
  return {
    ...FORM_DOSSIER,
    formRef: 'Mẫu số 05 – Thông tư số 01/2018/TT-VPCP',
    receivedAt: '2026-11-26T09:30:00+07:00',
    dueAt: '2026-12-10T17:00:00+07:00',
    processingUnit: 'Phòng Quản lý Báo chí, Xuất bản',
    handOvers: HAND_OVERS,
    ...overrides,
  };
}

describe('buildControlSheetPdf (Mẫu 05)', () => {
  it('prints the dossier, its times and one table row per hand-over', async () => {
    const pdf = await buildControlSheetPdf(makeData(), testFonts());
    const { text } = await onePageFormText(pdf);
    for (const expected of [
      ...COMMON_HEADER,
      'Mẫu số 05 – Thông tư số 01/2018/TT-VPCP',
      'Bắc Ninh, ngày 26 tháng 11 năm 2026',
      'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
      `Mã hồ sơ: ${DOSSIER_CODE}`,
      '(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả)',
      `Hồ sơ của: ${APPLICANT_NAME}`,
      'Nội dung yêu cầu giải quyết: Cấp giấy phép hoạt động in xuất bản phẩm',
      'Thời gian nhận hồ sơ: 09 giờ 30 phút, ngày 26 tháng 11 năm 2026',
      'Thời gian hẹn trả kết quả: 17 giờ 00 phút, ngày 10 tháng 12 năm 2026',
      'Cơ quan (bộ phận) giải quyết hồ sơ: Phòng Quản lý Báo chí, Xuất bản',
      'TÊN CƠ QUAN',
      'THỜI GIAN GIAO, NHẬN HỒ SƠ',
      'KẾT QUẢ',
      'GHI CHÚ',
      'Trình ký',
    ]) {
      expect(text).toContain(expected);
    }
    // Each hand-over prints its times, giver, receiver and on-time class, in order, one row each.
    const words = pdfWords(pdf, 1);
    const rowTops = words
      .filter((word) => word.text === 'giao:')
      .map((word) => word.yMin)
      .sort((a, b) => a - b);
    expect(rowTops).toHaveLength(3);
    expect(words.filter((word) => word.text === 'nhận:' && word.xMin > 150)).toHaveLength(3);
    // The column header also says 'Trước hạn/ Đúng hạn/ Quá hạn': look below it.
    const headerBottom = Math.max(...words.filter((word) => word.text === 'hạn)').map((word) => word.yMax));
    const resultWords = ['Đúng', 'Trước', 'Quá'].map((label) =>
      words.find((word) => word.text === label && word.yMin > headerBottom),
    );
    resultWords.forEach((word, i) => {
      expect(word).toBeDefined();
      // The on-time class sits in the row of its hand-over.
      expect(word?.yMin ?? 0).toBeLessThan(rowTops[i] ?? 0);
      if (i > 0) expect(word?.yMin ?? 0).toBeGreaterThan(rowTops[i - 1] ?? Infinity);
    });
    const flat = text.replace(/\s+/g, ' ');
    for (const step of HAND_OVERS) {
      expect(flat).toContain(`Người giao: ${step.giver}`);
      expect(flat).toContain(`Người nhận: ${step.receiver}`);
    }
    // Time and date of each hand-over (the cell breaks after the comma).
    expect(text).toContain('Giao: 09 giờ 00 phút,');
    expect(text).toContain('Nhận: 10 giờ 20 phút,');
    expect(text).toContain('ngày 04 tháng 12 năm 2026');
    expect(text).not.toMatch(/[\u0300-\u036f]/);
  });

  it('prints blank rows to fill in by hand before the first hand-over', async () => {
    const text = pdfToFlatText(await buildControlSheetPdf(makeData({ handOvers: [] }), testFonts()));
    expect(text.match(/Người giao:/g)).toHaveLength(4);
    expect(text).toContain('Giao: … giờ … phút,');
  });

  it('continues a long history on a second page with the table header repeated', async () => {
    const many = Array.from(
      { length: 14 },
      (_, i) => ({ ...HAND_OVERS[i % 3], note: `Bước ${i + 1}` }) as HandOver,
    );
    const pdf = await buildControlSheetPdf(makeData({ handOvers: many }), testFonts());
    expect((await PDFDocument.load(pdf)).getPageCount()).toBeGreaterThanOrEqual(2);
    const second = pdfToFlatText(pdf, { firstPage: 2, lastPage: 2 });
    expect(second).toContain('THỜI GIAN GIAO, NHẬN HỒ SƠ');
    expect(pdfToFlatText(pdf)).toContain('Bước 14');
  });

  it('rejects a hand-over without a giver or a time with offset', async () => {
    const broken = [{ ...HAND_OVERS[0], giver: ' ' } as HandOver];
    await expect(buildControlSheetPdf(makeData({ handOvers: broken }), testFonts())).rejects.toThrow(
      /handOvers\[0\]\.giver is empty/,
    );
    const naive = [{ ...HAND_OVERS[0], handedAt: '2026-11-26 14:00' } as HandOver];
    await expect(buildControlSheetPdf(makeData({ handOvers: naive }), testFonts())).rejects.toThrow(
      /handOvers\[0\]\.handedAt/,
    );
  });
});
