import { describe, expect, it } from 'vitest';
import { createRandom } from '../demo/random';
import { address, organizationName, personName } from '../demo/vietnamese-names';
import { decodeCsvBytes, firstInvalidUtf8 } from './decode-text';
import {
  isDoubleEncodedUtf8,
  legacyEncodingOfCell,
  LegacyEncodingTally,
  signatureOf,
} from './legacy-encoding';
import { decodeWindows1252 } from './windows-1252';
import { latin1Bytes, toTcvn3, toVni, windows1258Bytes } from './legacy-test-support';

// Names whose TCVN3 and VNI forms carry at least two signs each. A short VNI name whose only marks are
// single letters that Unicode also has ("Traàn Thò Bình" for Trần Thị Bình: "Thò" and "Bình" are real
// syllables) carries one sign and passes the cell check; a whole file of them is still caught (below).
const SAMPLES = [
  'Nguyễn Văn An',
  'Công ty TNHH Sách Đặng Hòa',
  'Nhà xuất bản Lao động',
  'Lê Văn Tám',
  'Hội Văn học nghệ thuật tỉnh Bắc Ninh',
  'Nguyễn Thị Hồng Ngọc',
  'Lê Hồng Đức',
  'Công ty cổ phần In và Phát hành sách Kinh Bắc',
  'Trường Trung học phổ thông Lý Thái Tổ',
];

const cp1252Text = decodeWindows1252;

describe('the legacy encodings, on names encoded with the font tables', () => {
  it('encodes the known examples as the fonts do', () => {
    expect(toTcvn3('Nguyễn Văn An')).toBe('NguyÔn V¨n An');
    expect(toTcvn3('Bảo Thắng')).toBe('B¶o Th¾ng');
    expect(toVni('Nguyễn Văn An')).toBe('Nguyeãn Vaên An');
    expect(toVni('Xin chào các bạn')).toBe('Xin chaøo caùc baïn');
    expect(toVni('Tiếng Việt rất hay')).toBe('Tieáng Vieät raát hay');
  });

  it.each(SAMPLES)('takes «%s» written in TCVN3 for TCVN3 and in VNI for VNI', (name) => {
    expect(legacyEncodingOfCell(toTcvn3(name))).toBe('tcvn3');
    expect(legacyEncodingOfCell(toVni(name))).toBe('vni');
    expect(legacyEncodingOfCell(name)).toBeNull();
  });

  it('survives a round trip through the bytes of an ANSI file (Windows-1252 view)', () => {
    for (const name of SAMPLES) {
      expect(legacyEncodingOfCell(cp1252Text(latin1Bytes(toTcvn3(name))))).toBe('tcvn3');
      expect(legacyEncodingOfCell(cp1252Text(latin1Bytes(toVni(name))))).toBe('vni');
    }
  });

  it('never flags real Unicode Vietnamese: 3,000 generated names and addresses', () => {
    const random = createRandom(42);
    for (let i = 0; i < 1000; i += 1) {
      for (const text of [personName(random), organizationName(random), address(random)]) {
        expect(legacyEncodingOfCell(text), text).toBeNull();
        expect(isDoubleEncodedUtf8(text), text).toBe(false);
      }
    }
  });

  it('leaves foreign names with one Latin-1 letter alone', () => {
    for (const name of [
      'Citroën Việt Nam',
      'Citroën',
      'Renée Dupont',
      'Jürgen Müller',
      'Søren Kierkegaard',
      'Zoë Noël',
      'García Márquez',
      'Björk',
    ]) {
      expect(legacyEncodingOfCell(name), name).toBeNull();
    }
  });

  it('judges a whole file: legacy when the signs outnumber the real Vietnamese letters', () => {
    const legacy = new LegacyEncodingTally();
    SAMPLES.forEach((name, i) => legacy.add(toTcvn3(name), i + 2));
    expect(legacy.verdict()).toBe('tcvn3');
    expect(legacy.example).toEqual({ line: 2, text: 'NguyÔn V¨n An' });

    const vni = new LegacyEncodingTally();
    SAMPLES.forEach((name, i) => vni.add(toVni(name), i + 2));
    expect(vni.verdict()).toBe('vni');

    // One pasted TCVN3 cell in a Unicode file does not condemn the file (it is refused row by row).
    const mixed = new LegacyEncodingTally();
    SAMPLES.forEach((name, i) => mixed.add(name, i + 2));
    mixed.add(toTcvn3('Trần Thị Bình'), 20);
    expect(mixed.verdict()).toBeNull();

    // A file of short VNI names, each under the cell threshold, is still a VNI file.
    const short = new LegacyEncodingTally();
    for (let i = 0; i < 5; i += 1) short.add(toVni('Trần Thị Bình'), i + 2);
    expect(legacyEncodingOfCell(toVni('Trần Thị Bình'))).toBeNull();
    expect(short.verdict()).toBe('vni');
  });

  it('detects UTF-8 read as Windows-1252 and saved again', () => {
    const twice = cp1252Text(new TextEncoder().encode('Nguyễn Văn Đức'));
    expect(twice).toBe('Nguyá»…n VÄƒn Ä\u0090á»©c');
    expect(isDoubleEncodedUtf8(twice)).toBe(true);
    expect(isDoubleEncodedUtf8('Nguyễn Văn Đức')).toBe(false);
  });

  it('counts Windows-1258 signs so that such a file is not called TCVN3', () => {
    const text = cp1252Text(windows1258Bytes('Nguyễn Văn Đức, Trần Thị Bình, Công ty Sách Hà Nội'));
    expect(signatureOf(text).windows1258).toBeGreaterThan(2);
  });
});

describe('decodeCsvBytes', () => {
  const header = 'ma_ho_so,ma_thu_tuc,ten_to_chuc_ca_nhan\n';

  it('accepts UTF-8 with and without a BOM, dropping the BOM', () => {
    const plain = decodeCsvBytes(new TextEncoder().encode(`${header}A1,XB-TLKKD,Nguyễn Văn An\n`));
    expect(plain).toMatchObject({ ok: true, hasBom: false });
    const bom = decodeCsvBytes(new TextEncoder().encode(`\uFEFF${header}`));
    expect(bom).toMatchObject({ ok: true, hasBom: true, text: header });
  });

  it('refuses a TCVN3 file with the TCVN3 explanation and a sample line', () => {
    const rows = SAMPLES.map((name, i) => `A${i},XB-TLKKD,${toTcvn3(name)}`).join('\n');
    const result = decodeCsvBytes(latin1Bytes(`${header}${rows}\n`));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issue.code).toBe('ENCODING_TCVN3');
    expect(result.issue.message).toContain('Tệp dùng bảng mã TCVN3 (ABC)');
    expect(result.issue.message).toContain('Unikey Toolkit');
    expect(result.issue.message).toContain('dòng 2');
  });

  it('refuses a VNI file with the VNI explanation', () => {
    const rows = SAMPLES.map((name, i) => `A${i},XB-TLKKD,${toVni(name)}`).join('\n');
    const result = decodeCsvBytes(latin1Bytes(`${header}${rows}\n`));
    expect(result.ok ? null : result.issue.code).toBe('ENCODING_VNI');
  });

  it('refuses a Windows-1258 file as "not UTF-8", naming the first bad line', () => {
    const result = decodeCsvBytes(
      windows1258Bytes(`${header}A1,XB-TLKKD,Nguyễn Văn Đức\nA2,XB-TLKKD,Trần Thị Bình\n`),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issue).toMatchObject({ code: 'ENCODING_NOT_UTF8', line: 2 });
    expect(result.issue.message).toContain('CSV UTF-8');
  });

  it('refuses UTF-16, binary and empty files', () => {
    expect(decodeCsvBytes(Uint8Array.of(0xff, 0xfe, 0x6d, 0x00))).toMatchObject({
      ok: false,
      issue: { code: 'ENCODING_UTF16' },
    });
    expect(decodeCsvBytes(Uint8Array.of(0x61, 0x00, 0x62))).toMatchObject({
      ok: false,
      issue: { code: 'FILE_FORMAT' },
    });
    expect(decodeCsvBytes(new Uint8Array())).toMatchObject({ ok: false, issue: { code: 'FILE_EMPTY' } });
    expect(decodeCsvBytes(Uint8Array.of(0xef, 0xbb, 0xbf))).toMatchObject({
      ok: false,
      issue: { code: 'FILE_EMPTY' },
    });
  });

  it('validates UTF-8 strictly (overlong forms, surrogates, truncated sequences)', () => {
    expect(firstInvalidUtf8(new TextEncoder().encode('Việt Nam 𝔸'))).toBe(-1);
    expect(firstInvalidUtf8(Uint8Array.of(0x41, 0xc0, 0xaf))).toBe(1);
    expect(firstInvalidUtf8(Uint8Array.of(0xed, 0xa0, 0x80))).toBe(0);
    expect(firstInvalidUtf8(Uint8Array.of(0x41, 0xe1, 0xbb))).toBe(1);
    expect(firstInvalidUtf8(Uint8Array.of(0xf5, 0x80, 0x80, 0x80))).toBe(0);
  });
});
