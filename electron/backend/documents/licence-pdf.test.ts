import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { readLicencePayloadFromPdf, verifyLicencePdf } from '../signing/licence-pdf-payload';
import { verifyLicencePayload } from '../signing/licence-signature';
import { ND30_MARGINS } from './document-layout';
import { buildLicencePdf, findMissingLicenceFields } from './licence-pdf';
import { LicenceFieldsMissingError } from './licence-template';
import {
  PRINTER,
  PRINTING_LICENCE_FIELDS,
  licenceData,
  seededTemplate,
  testSigningKey,
} from './licence-test-support';
import { pdfInfo, pdfToFlatText, pdfToText, pdfWords, testFonts } from './pdf-test-support';
import { qrMatrix } from './qr-code';

const PAGE_HEIGHT = 841.89;

/** Extracted text with line breaks folded too, for sentences the layout wraps. */
function oneLine(pdf: Uint8Array): string {
  return pdfToFlatText(pdf).replace(/\s+/g, ' ');
}

async function pageCount(pdf: Uint8Array): Promise<number> {
  return (await PDFDocument.load(pdf)).getPageCount();
}

function publicKeys(): Record<string, string> {
  const key = testSigningKey();
  return { [key.keyId]: key.publicKeyPem };
}

/** A publishing licence of the UBND (XB-TLKKD), as typical: no translation, no named printer. */
const PUBLISHING_FIELDS: Readonly<Record<string, string>> = {
  organizationName: 'Hội Văn học Nghệ thuật tỉnh Bắc Ninh',
  organizationAddress: 'Số 12 đường Nguyễn Đăng Đạo, phường Kinh Bắc, tỉnh Bắc Ninh',
  documentTitle: 'Kỷ yếu Hội thảo “Di sản Quan họ trong đời sống đương đại”',
  documentForm: 'Sách in',
  pageCount: '248 trang',
  trimSize: '16 x 24 cm',
  printQuantity: '500 bản',
  language: 'Tiếng Việt',
  purpose: 'Tặng hội viên và đại biểu dự hội thảo; không kinh doanh',
};

describe('buildLicencePdf', () => {
  it('prints a Sở licence signed by a deputy on one page with NĐ 30 parts in extractable Vietnamese', async () => {
    const pdf = await buildLicencePdf(seededTemplate('IN-XBP-CAP'), licenceData(), testFonts());
    expect(await pageCount(pdf)).toBe(1);
    expect(pdf.length).toBeLessThan(150_000);
    const text = oneLine(pdf);
    for (const expected of [
      'UBND TỈNH BẮC NINH',
      'SỞ VĂN HÓA, THỂ THAO',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 12/GP-SVHTTDL',
      'Bắc Ninh, ngày 05 tháng 3 năm 2026',
      'GIẤY PHÉP HOẠT ĐỘNG IN',
      'GIÁM ĐỐC SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH TỈNH BẮC NINH',
      'Căn cứ Luật Xuất bản số 19/2012/QH13 ngày 20 tháng 11 năm 2012;',
      `Xét đơn đề nghị ngày 20 tháng 02 năm 2026 của ${PRINTER};`,
      'Theo đề nghị của Trưởng phòng Quản lý Báo chí, Xuất bản,',
      'CHO PHÉP:',
      `1. Tên cơ sở in: ${PRINTER}`,
      '2. Loại hình: Doanh nghiệp',
      '6. Người đứng đầu: Nguyễn Ngọc Ánh',
      '9. Loại sản phẩm in: Sách, tài liệu, tranh, ảnh, lịch',
      'Giấy phép có hiệu lực kể từ ngày ký./.',
      'Nơi nhận:',
      '- Như trên;',
      '- Cục Xuất bản, In và Phát hành (để báo cáo);',
      '- Lưu: VT, QLBC.',
      'KT. GIÁM ĐỐC',
      'PHÓ GIÁM ĐỐC',
      'Lê Thị Thu Hằng',
      'Mã xác thực:',
    ]) {
      expect(text).toContain(expected);
    }
    // Optional fields left empty are left out, and the numbering has no holes.
    expect(text).not.toContain('Tên giao dịch bằng tiếng nước ngoài');
    expect(text).not.toContain('Cơ quan chủ quản');
    expect(text).not.toContain('10.');
    expect(text).not.toContain('BẢN SAO');
    expect(text).not.toContain('TM.');
    expect(text).not.toMatch(/\{[A-Za-z]+\}/);
    expect(text.normalize('NFC')).toBe(text);
  });

  it('prints the UBND authority and collective signature for a UBND licence', async () => {
    const data = licenceData({ procedure: 'XB-TLKKD', holder: PUBLISHING_FIELDS.organizationName ?? '' });
    const pdf = await buildLicencePdf(
      seededTemplate('XB-TLKKD'),
      { ...data, fieldValues: PUBLISHING_FIELDS },
      testFonts(),
    );
    expect(await pageCount(pdf)).toBe(1);
    const text = oneLine(pdf);
    expect(text).toContain('ỦY BAN NHÂN DÂN');
    expect(text).toContain('TỈNH BẮC NINH');
    expect(text).toContain('GIẤY PHÉP XUẤT BẢN TÀI LIỆU KHÔNG KINH DOANH');
    expect(text).toContain('TM. ỦY BAN NHÂN DÂN');
    expect(text).toContain('KT. CHỦ TỊCH');
    expect(text).toContain('PHÓ CHỦ TỊCH');
    expect(text).toContain('Theo đề nghị của Giám đốc Sở Văn hóa, Thể thao và Du lịch,');
    expect(text).not.toContain('UBND TỈNH');
    expect(text).not.toContain('KT. GIÁM ĐỐC');
  });

  it('signs as GIÁM ĐỐC alone when the head signs', async () => {
    const pdf = await buildLicencePdf(
      seededTemplate('IN-XBP-CAP'),
      licenceData({ signerCapacity: 'head', signerName: 'Nguyễn Văn An' }),
      testFonts(),
    );
    const layout = pdfToText(pdf);
    expect(layout).toMatch(/^\s*Nơi nhận:\s+GIÁM ĐỐC\s*$/m);
    expect(layout).not.toContain('KT.');
    expect(layout).not.toContain('PHÓ GIÁM ĐỐC');
  });

  it("uses the template's own signature lines when the data names no capacity", async () => {
    const { signerCapacity: _capacity, ...data } = licenceData();
    const pdf = await buildLicencePdf(seededTemplate('IN-XBP-CAP'), data, testFonts());
    expect(pdfToFlatText(pdf)).not.toContain('KT. GIÁM ĐỐC');
    const deputy = await buildLicencePdf(
      seededTemplate('IN-XBP-CAP', { signerCapacity: 'deputy' }),
      data,
      testFonts(),
    );
    expect(pdfToFlatText(deputy)).toContain('KT. GIÁM ĐỐC');
  });

  it('marks a reprint BẢN SAO and changes nothing else on the page', async () => {
    const template = seededTemplate('IN-XBP-CAP');
    const original = await buildLicencePdf(template, licenceData(), testFonts());
    const copy = await buildLicencePdf(template, { ...licenceData(), isCopy: true }, testFonts());
    expect(pdfToFlatText(copy)).toContain('BẢN SAO');
    expect(pdfToFlatText(original)).not.toContain('BẢN SAO');
    // The mark sits at the top right, above the Quốc hiệu, in the top margin.
    const words = pdfWords(copy, 1);
    const mark = words.find((word) => word.text === 'SAO');
    const motto = words.find((word) => word.text === 'CỘNG');
    expect(mark?.yMax ?? Infinity).toBeLessThan(ND30_MARGINS.top);
    expect(mark?.yMax ?? Infinity).toBeLessThan(motto?.yMin ?? 0);
    expect(mark?.xMax ?? 0).toBeGreaterThan(500);
    // Everything else is where it was.
    const strip = (list: typeof words) =>
      list.filter((word) => word.text !== 'BẢN' && word.text !== 'SAO').map((word) => JSON.stringify(word));
    expect(strip(words)).toEqual(strip(pdfWords(original, 1)));
  });

  it('carries a payload that verifies with the public key, in the Info dictionary and as text', async () => {
    const data = licenceData();
    const pdf = await buildLicencePdf(seededTemplate('IN-XBP-CAP'), data, testFonts());
    const stored = await readLicencePayloadFromPdf(pdf);
    expect(stored).toBe(data.qr.payloadText);
    const verified = await verifyLicencePdf(pdf, publicKeys());
    expect(verified).toMatchObject({ ok: true, payload: { no: '12/GP-SVHTTDL', holder: PRINTER } });

    // The small 'Mã xác thực' lines hold the same text (pdftotext wraps it: join the lines).
    const raw = pdfToText(pdf);
    const after = raw.slice(raw.indexOf('Mã xác thực:') + 'Mã xác thực:'.length);
    const printed = after.replace(/\s+/g, '');
    expect(printed).toBe(data.qr.payloadText);
    expect(verifyLicencePayload(after, publicKeys()).ok).toBe(true);

    // A holder changed by one character no longer verifies.
    const [prefix, body, signature] = data.qr.payloadText.split('.') as [string, string, string];
    const json = Buffer.from(body, 'base64url').toString('utf8').replace('Ánh', 'Anh');
    const forged = `${prefix}.${Buffer.from(json).toString('base64url')}.${signature}`;
    expect(verifyLicencePayload(forged, publicKeys())).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('draws the QR code of the payload, module for module, under Nơi nhận', async () => {
    const data = licenceData();
    const pdf = await buildLicencePdf(seededTemplate('IN-XBP-CAP'), data, testFonts());
    const words = pdfWords(pdf, 1);
    const lastRecipient = words.find((word) => word.text === 'QLBC.');
    const verification = words.find((word) => word.text === 'Mã');
    expect(lastRecipient).toBeDefined();
    expect(verification).toBeDefined();
    const top = lastRecipient?.yMax ?? 0;
    const bottom = verification?.yMin ?? PAGE_HEIGHT;
    const region = rasterize(pdf, { x: ND30_MARGINS.left - 6, y: top, width: 100, height: bottom - top });
    const box = darkBox(region);
    const matrix = qrMatrix(data.qr.payloadText);
    const modulePx = (box.right - box.left + 1) / matrix.size;
    // ~25 mm wide, square, starting at the left margin.
    const widthMm = ((box.right - box.left + 1) / DPI) * 25.4;
    expect(widthMm).toBeGreaterThan(24);
    expect(widthMm).toBeLessThan(26);
    expect(box.bottom - box.top).toBeCloseTo(box.right - box.left, -1);
    let mismatches = 0;
    for (let row = 0; row < matrix.size; row++) {
      for (let column = 0; column < matrix.size; column++) {
        const x = Math.floor(box.left + (column + 0.5) * modulePx);
        const y = Math.floor(box.top + (row + 0.5) * modulePx);
        const dark = (region.pixels[y * region.width + x] ?? 255) < 128;
        if (dark !== matrix.isDark(row, column)) mismatches += 1;
      }
    }
    expect(mismatches).toBe(0);
  });

  it('refuses to print when required licence fields are missing, naming them', async () => {
    const { headName: _head, productTypes: _types, ...fieldValues } = PRINTING_LICENCE_FIELDS;
    const data = { ...licenceData(), fieldValues: { ...fieldValues, activityScope: '  ' } };
    const template = seededTemplate('IN-XBP-CAP');
    expect(findMissingLicenceFields(template, data).map((m) => m.key)).toEqual([
      'headName',
      'activityScope',
      'productTypes',
    ]);
    const error = await buildLicencePdf(template, data, testFonts()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LicenceFieldsMissingError);
    const missing = error as LicenceFieldsMissingError;
    expect(missing.missing.map((m) => m.label)).toEqual([
      'Người đứng đầu',
      'Nội dung hoạt động phù hợp với thiết bị',
      'Loại sản phẩm in',
    ]);
    expect(missing.message).toContain('Thiếu thông tin bắt buộc để in giấy phép: Người đứng đầu;');
    expect(missing.message).toContain(
      'Missing required licence fields: headName, activityScope, productTypes',
    );
  });

  it('treats a placeholder nothing fills as a missing field', async () => {
    const { applicationDate: _date, ...data } = licenceData();
    const template = seededTemplate('IN-XBP-CAP');
    expect(findMissingLicenceFields(template, data)).toEqual([
      { key: 'applicationDate', label: 'Ngày của đơn đề nghị' },
    ]);
    await expect(buildLicencePdf(template, data, testFonts())).rejects.toThrow(LicenceFieldsMissingError);
    // A licence with a term needs its end date.
    const bulletin = seededTemplate('BC-BT');
    expect(findMissingLicenceFields(bulletin, { fieldValues: {} }).map((m) => m.key)).toContain('validUntil');
    expect(findMissingLicenceFields(template, licenceData())).toEqual([]);
  });

  it('prints the end of validity for a licence with a term', async () => {
    const fieldValues = {
      organizationName: 'Hội Nông dân tỉnh Bắc Ninh',
      organizationAddress: 'Số 5 đường Huyền Quang, phường Kinh Bắc, tỉnh Bắc Ninh',
      bulletinName: 'Bản tin Nông dân Kinh Bắc',
      purpose: 'Thông tin hoạt động của Hội',
      contentScope: 'Hoạt động của Hội, gương nông dân sản xuất giỏi',
      audience: 'Hội viên',
      distributionScope: 'Trong tỉnh',
      language: 'Tiếng Việt',
      frequency: '01 kỳ/quý',
      trimSize: '19 x 27 cm',
      pageCount: '16 trang',
      printQuantity: '1.000 bản/kỳ',
      printerName: 'Công ty Cổ phần In Bắc Ninh',
      responsiblePerson: 'Đỗ Văn Hải',
    };
    const data = licenceData({
      procedure: 'BC-BT',
      holder: 'Hội Nông dân tỉnh Bắc Ninh',
      validUntil: '2027-03-04',
      fieldValues,
    });
    const pdf = await buildLicencePdf(seededTemplate('BC-BT'), data, testFonts());
    expect(await pageCount(pdf)).toBe(1);
    expect(oneLine(pdf)).toContain('Giấy phép có hiệu lực đến ngày 04 tháng 3 năm 2027./.');
    expect(await verifyLicencePdf(pdf, publicKeys())).toMatchObject({
      ok: true,
      payload: { validUntil: '2027-03-04' },
    });
  });

  it('will not print a QR payload signed for another licence', async () => {
    const other = licenceData({ number: '13/GP-SVHTTDL' });
    const data = { ...licenceData(), qr: other.qr };
    await expect(buildLicencePdf(seededTemplate('IN-XBP-CAP'), data, testFonts())).rejects.toThrow(
      /QR payload does not match the licence: number 13\/GP-SVHTTDL/,
    );
    await expect(
      buildLicencePdf(seededTemplate('IN-XBP-CAP'), { ...data, qr: { payloadText: 'x' } }, testFonts()),
    ).rejects.toThrow(/not a signed licence payload/);
    await expect(
      buildLicencePdf(seededTemplate('IN-XBP-CAP'), licenceData({ signerName: ' ' }), testFonts()),
    ).rejects.toThrow(/signerName is empty/);
  });

  it('keeps the last clause with the signature when a long licence needs a second page', async () => {
    const fieldValues: Record<string, string> = {};
    for (const field of seededTemplate('IN-XBP-CAPLAI').fields) {
      fieldValues[field.key] =
        `${field.label}: nội dung ghi đầy đủ theo hồ sơ đề nghị, kèm diễn giải chi tiết`;
    }
    fieldValues.printerName = PRINTER;
    const pdf = await buildLicencePdf(
      seededTemplate('IN-XBP-CAPLAI'),
      licenceData({ procedure: 'IN-XBP-CAPLAI', fieldValues }),
      testFonts(),
    );
    expect(await pageCount(pdf)).toBe(2);
    const second = pdfToFlatText(pdf, { firstPage: 2, lastPage: 2 });
    expect(second).toContain('Giấy phép có hiệu lực kể từ ngày ký./.');
    expect(second).toContain('KT. GIÁM ĐỐC');
    expect(second).toContain('Mã xác thực:');
    expect(pdfWords(pdf, 2).find((word) => word.yMax < ND30_MARGINS.top)?.text).toBe('2');
  });

  it('prints decomposed input composed, sets metadata and is reproducible', async () => {
    const data = licenceData({
      holder: PRINTER.normalize('NFD'),
      signerName: 'Lê Thị Thu Hằng'.normalize('NFD'),
    });
    const pdf = await buildLicencePdf(seededTemplate('IN-XBP-CAP'), data, testFonts());
    const text = pdfToFlatText(pdf);
    expect(text).not.toMatch(/[\u0300-\u036f]/);
    expect(text).toContain('Lê Thị Thu Hằng');
    const info = pdfInfo(pdf);
    expect(info.Title).toBe('Giấy phép hoạt động in số 12/GP-SVHTTDL');
    expect(info.Author).toBe('Sở Văn hóa, Thể thao và Du lịch');
    const again = await buildLicencePdf(seededTemplate('IN-XBP-CAP'), data, testFonts());
    expect(Buffer.from(again).equals(Buffer.from(pdf))).toBe(true);
  });
});

const DPI = 300;

interface GrayImage {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
}

/** Renders a region of page 1 (PDF points, y from the top) to 8-bit gray with pdftoppm. */
function rasterize(
  pdf: Uint8Array,
  area: { readonly x: number; readonly y: number; readonly width: number; readonly height: number },
): GrayImage {
  const dir = mkdtempSync(join(tmpdir(), 'licencedesk-qr-'));
  try {
    const file = join(dir, 'licence.pdf');
    writeFileSync(file, pdf);
    const px = (points: number) => String(Math.round((points * DPI) / 72));
    execFileSync('pdftoppm', [
      ...['-r', String(DPI), '-gray', '-f', '1', '-l', '1'],
      ...['-x', px(area.x), '-y', px(area.y), '-W', px(area.width), '-H', px(area.height)],
      file,
      join(dir, 'region'),
    ]);
    return parsePgm(readFileSync(join(dir, 'region-1.pgm')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function parsePgm(bytes: Buffer): GrayImage {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString('latin1'));
  if (header === null) throw new Error('not a binary PGM');
  const [whole, width, height] = header;
  return {
    width: Number(width),
    height: Number(height),
    pixels: bytes.subarray(whole.length),
  };
}

function darkBox(image: GrayImage): { left: number; top: number; right: number; bottom: number } {
  let left = Infinity;
  let top = Infinity;
  let right = -1;
  let bottom = -1;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      if ((image.pixels[y * image.width + x] ?? 255) >= 128) continue;
      left = Math.min(left, x);
      right = Math.max(right, x);
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
    }
  }
  return { left, top, right, bottom };
}
