import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import {
  breakHeading,
  drawAdminHeader,
  drawClosing,
  drawDocumentTitle,
  punctuateRecipients,
} from './admin-header';
import { A4_LANDSCAPE, DocumentWriter, ND30_MARGINS, mm } from './document-layout';
import { drawTable } from './document-table';
import { pdfToFlatText, pdfWords, testFonts } from './pdf-test-support';

const LOREM =
  'Cơ sở in có trách nhiệm thực hiện đúng các quy định của pháp luật về hoạt động in, bảo đảm chất lượng sản ' +
  'phẩm, lưu giữ hồ sơ, sổ sách theo dõi và báo cáo định kỳ với cơ quan quản lý nhà nước; chấp hành chế độ ' +
  'thanh tra, kiểm tra của cơ quan có thẩm quyền.';

async function writer(options: Parameters<typeof DocumentWriter.create>[1] = {}): Promise<DocumentWriter> {
  return DocumentWriter.create(testFonts(), options);
}

describe('layoutText', () => {
  it('wraps within the width, honours indents and never splits a word that fits', async () => {
    const w = await writer();
    const width = mm(120);
    const block = w.layoutText(LOREM, width, { firstLineIndent: mm(10), align: 'justify' });
    expect(block.lines.length).toBeGreaterThan(2);
    block.lines.forEach((line, i) => {
      expect(line.width).toBeLessThanOrEqual(line.available + 0.01);
      expect(line.indent).toBeCloseTo(i === 0 ? mm(10) : 0);
    });
    const rebuilt = block.lines.map((line) =>
      line.words.map((wd) => wd.pieces.map((p) => p.text).join('')).join(' '),
    );
    expect(rebuilt.join(' ')).toBe(LOREM);
    expect(block.lines.at(-1)?.isHardEnd).toBe(true);
  });

  it('cuts a word longer than the line between characters', async () => {
    const w = await writer();
    const block = w.layoutText('x'.repeat(200), mm(50));
    expect(block.lines.length).toBeGreaterThan(1);
    for (const line of block.lines) expect(line.width).toBeLessThanOrEqual(mm(50) + 0.01);
  });

  it('keeps bold and italic runs and forced breaks', async () => {
    const w = await writer();
    const block = w.layoutText(
      [
        { text: 'Điều 1. ', bold: true },
        { text: 'Nội dung\nDòng hai', italic: true },
      ],
      400,
    );
    expect(block.lines).toHaveLength(2);
    const fonts = block.lines[0]?.words.flatMap((wd) => wd.pieces.map((p) => p.font));
    expect(fonts).toEqual(['bold', 'bold', 'italic', 'italic']);
  });

  it('measures decomposed (NFD) text exactly like its NFC form', async () => {
    const w = await writer();
    const name = 'Nguyễn Thị Thủy Ngân Đặng Hữu Mỹ';
    expect(w.measure(name.normalize('NFD'))).toBeCloseTo(w.measure(name), 6);
  });
});

describe('breakHeading', () => {
  it('breaks agency names at a phrase boundary, not greedily', async () => {
    const w = await writer();
    const measure = (text: string): number => w.measure(text, { size: 12, bold: true });
    expect(breakHeading('SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH', mm(70), measure)).toBe(
      'SỞ VĂN HÓA, THỂ THAO\nVÀ DU LỊCH',
    );
    expect(breakHeading('SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH', mm(100), measure)).toBe(
      'SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH',
    );
    expect(breakHeading('ỦY BAN NHÂN DÂN TỈNH BẮC NINH', mm(45), measure)).toBe(
      'ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH',
    );
    expect(breakHeading('SỞ A\nB', mm(10), measure)).toBe('SỞ A\nB');
  });
});

describe('punctuateRecipients', () => {
  it('adds the dash and the ";" / "." endings of Phụ lục I', () => {
    expect(
      punctuateRecipients(['Như trên', '- Cục Xuất bản, In và Phát hành (để b/c);', 'Lưu: VT, QLBC']),
    ).toEqual(['- Như trên;', '- Cục Xuất bản, In và Phát hành (để b/c);', '- Lưu: VT, QLBC.']);
  });
});

describe('DocumentWriter pages', () => {
  it('flows long text onto new pages, numbering from page 2 centred in the top margin', async () => {
    const w = await writer();
    for (let i = 1; i <= 30; i++) w.paragraph(`Điều ${i}. ${LOREM}`, { align: 'justify', spaceAfter: 6 });
    const pdf = await w.save();
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(3);

    const firstPage = pdfWords(pdf, 1);
    expect(firstPage.some((word) => word.yMax < ND30_MARGINS.top)).toBe(false);
    for (const page of [2, 3]) {
      const words = pdfWords(pdf, page);
      const number = words.find((word) => word.yMax < ND30_MARGINS.top);
      expect(number?.text).toBe(String(page));
      const centre = ((number?.xMin ?? 0) + (number?.xMax ?? 0)) / 2;
      expect(centre).toBeCloseTo(ND30_MARGINS.left + w.contentWidth / 2, 0);
      // Nothing else in the margins. pdftotext's word boxes reach a quarter-em above the ascender (room for
      // stacked Vietnamese marks such as "Ẫ"), so the top check allows that much.
      const body = words.filter((word) => word !== number);
      const height = w.pageSize.height;
      for (const word of body) {
        expect(word.yMin).toBeGreaterThanOrEqual(ND30_MARGINS.top - 0.25 * w.baseSize);
        expect(word.yMax).toBeLessThanOrEqual(height - ND30_MARGINS.bottom + 0.5);
        expect(word.xMin).toBeGreaterThanOrEqual(ND30_MARGINS.left - 0.5);
        expect(word.xMax).toBeLessThanOrEqual(w.pageSize.width - ND30_MARGINS.right + 0.5);
      }
    }
  });

  it('restarts page numbering in a new section', async () => {
    const w = await writer();
    w.paragraph('Liên 1');
    w.newSection();
    for (let i = 0; i < 20; i++) w.paragraph(LOREM, { spaceAfter: 6 });
    const pdf = await w.save();
    expect((await PDFDocument.load(pdf)).getPageCount()).toBe(3);
    expect(pdfWords(pdf, 2).some((word) => word.yMax < ND30_MARGINS.top)).toBe(false);
    expect(pdfWords(pdf, 3).find((word) => word.yMax < ND30_MARGINS.top)?.text).toBe('2');
  });

  it('supports landscape pages and repeats table headers on continuation pages', async () => {
    const w = await writer({ page: A4_LANDSCAPE });
    drawTable(w, {
      columns: [
        { header: 'STT', width: mm(12), align: 'center' },
        { header: 'Thủ tục hành chính', flex: 3 },
        { header: 'Đúng hạn', flex: 1, align: 'right' },
      ],
      rows: Array.from({ length: 60 }, (_, i) => [
        String(i + 1),
        `Cấp giấy phép hoạt động in số ${i + 1}`,
        '12',
      ]),
    });
    const pdf = await w.save();
    const doc = await PDFDocument.load(pdf);
    const [page] = doc.getPages();
    expect(page?.getWidth()).toBeCloseTo(A4_LANDSCAPE.width);
    expect(doc.getPageCount()).toBeGreaterThan(1);
    for (let p = 1; p <= doc.getPageCount(); p++) {
      expect(pdfToFlatText(pdf, { firstPage: p, lastPage: p })).toContain('Thủ tục hành chính');
    }
    expect(pdfToFlatText(pdf)).toContain('Cấp giấy phép hoạt động in số 60');
  });
});

describe('administrative header and closing', () => {
  it('lays out a licence-style first page per NĐ 30/2020', async () => {
    const w = await writer({ metadata: { title: 'Giấy phép', author: 'Sở Văn hóa, Thể thao và Du lịch' } });
    drawAdminHeader(w, {
      governingBody: 'UBND tỉnh Bắc Ninh',
      issuingBody: 'Sở Văn hóa, Thể thao và Du lịch',
      number: '12/GP-SVHTTDL',
      place: 'Bắc Ninh',
      date: '2026-03-05',
    });
    drawDocumentTitle(w, { title: 'Giấy phép hoạt động in', summary: 'Cấp cho Công ty TNHH In Mỹ Thuật' });
    w.paragraph(LOREM, { align: 'justify', firstLineIndent: mm(10) });
    drawClosing(w, {
      recipients: { items: ['Như trên', 'Lưu: VT, QLBC'] },
      signature: { titleLines: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'], name: 'Nguyễn Văn An' },
    });
    const pdf = await w.save();
    const text = pdfToFlatText(pdf);
    for (const expected of [
      'UBND TỈNH BẮC NINH',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'SỞ VĂN HÓA, THỂ THAO',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 12/GP-SVHTTDL',
      'Bắc Ninh, ngày 05 tháng 3 năm 2026',
      'GIẤY PHÉP HOẠT ĐỘNG IN',
      'Nơi nhận:',
      '- Lưu: VT, QLBC.',
      'KT. GIÁM ĐỐC',
      'PHÓ GIÁM ĐỐC',
      'Nguyễn Văn An',
    ]) {
      expect(text).toContain(expected);
    }
    // The 'Số' line and the date line share a baseline; the Quốc hiệu sits level with the governing body.
    const words = pdfWords(pdf, 1);
    const find = (t: string) => words.find((word) => word.text === t);
    expect(find('Số:')?.yMax).toBeCloseTo(find('ngày')?.yMax ?? 0, 0);
    expect(find('UBND')?.yMax).toBeCloseTo(find('CỘNG')?.yMax ?? 0, 0);
    expect(find('Nơi')?.xMin ?? 0).toBeLessThan(find('KT.')?.xMin ?? 0);
  });
});
