import { describe, expect, it } from 'vitest';
import seed from '../../../resources/seed/procedures.seed.json';
import { TEMPLATE_SETTINGS, seededProcedure } from './licence-test-support';
import {
  LicenceFieldsMissingError,
  defaultLicenceTemplate,
  licenceSignature,
  printLabel,
  signatureLines,
} from './licence-template';

describe('signatureLines (NĐ 30/2020 Điều 13)', () => {
  it('gives a Sở head and deputy their lines (chế độ thủ trưởng)', () => {
    expect(signatureLines('so', 'head')).toEqual(['GIÁM ĐỐC']);
    expect(signatureLines('so', 'deputy')).toEqual(['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC']);
  });

  it('signs for the UBND collective with TM., a vice-chair additionally KT. (chế độ tập thể)', () => {
    expect(signatureLines('ubnd', 'head')).toEqual(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']);
    expect(signatureLines('ubnd', 'deputy')).toEqual(['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']);
  });

  it('returns NFC text and a fresh array each time', () => {
    for (const issuer of ['so', 'ubnd'] as const) {
      for (const capacity of ['head', 'deputy'] as const) {
        const lines = signatureLines(issuer, capacity);
        for (const line of lines) expect(line).toBe(line.normalize('NFC'));
        lines.push('x');
        expect(signatureLines(issuer, capacity)).not.toContain('x');
      }
    }
  });

  it('labels the mode', () => {
    expect(licenceSignature('so', 'head').mode).toBe('head');
    expect(licenceSignature('so', 'deputy').mode).toBe('deputy');
    expect(licenceSignature('ubnd', 'deputy').mode).toBe('collective');
  });
});

describe('defaultLicenceTemplate', () => {
  it('builds a UBND licence for XB-TLKKD (NĐ 138/2025: the province licenses, the Sở proposes)', () => {
    const template = defaultLicenceTemplate(seededProcedure('XB-TLKKD'), {
      ...TEMPLATE_SETTINGS,
      authorityLegalBasis: { ubnd: ['Luật Tổ chức chính quyền địa phương'], so: ['not used'] },
    });
    expect(template.title).toBe('Giấy phép xuất bản tài liệu không kinh doanh');
    expect(template.authority).toEqual({
      issuingBody: 'Ủy ban nhân dân tỉnh Bắc Ninh',
      fullName: 'Ủy ban nhân dân tỉnh Bắc Ninh',
      issuer: 'ubnd',
      authorityLine: 'ỦY BAN NHÂN DÂN TỈNH BẮC NINH',
    });
    expect(template.legalBasis[0]).toBe('Luật Tổ chức chính quyền địa phương');
    expect(template.legalBasis).toContain('Luật Xuất bản số 19/2012/QH13 ngày 20 tháng 11 năm 2012');
    expect(template.legalBasis).not.toContain('not used');
    expect(template.considerations).toEqual([
      'Xét đơn đề nghị {applicationDate} của {holder}',
      'Theo đề nghị của Giám đốc Sở Văn hóa, Thể thao và Du lịch',
    ]);
    expect(template.decisionWord).toBe('CHO PHÉP:');
    // Số and ngày cấp are printed in the header, not in the list.
    expect(template.fields.map((f) => f.key)).not.toContain('number');
    expect(template.fields.map((f) => f.key)).not.toContain('issueDate');
    expect(template.fields[0]).toEqual({
      key: 'organizationName',
      label: 'Tên cơ quan, tổ chức được cấp giấy phép',
      required: true,
    });
    expect(template.closing.at(-1)).toBe('Giấy phép có hiệu lực kể từ ngày ký./.');
    expect(template.recipients).toEqual(['Như trên', 'Sở Văn hóa, Thể thao và Du lịch', 'Lưu: VT, QLBC']);
    expect(template.signature).toEqual({ mode: 'collective', lines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'] });
  });

  it('builds a Sở licence with the director as authority and the decision on its functions last', () => {
    const template = defaultLicenceTemplate(seededProcedure('IN-XBP-CAP'), {
      ...TEMPLATE_SETTINGS,
      authorityLegalBasis: { so: ['Quyết định số 15/2025/QĐ-UBND'] },
      signerCapacity: 'deputy',
    });
    expect(template.title).toBe('Giấy phép hoạt động in');
    expect(template.authority).toEqual({
      governingBody: 'UBND tỉnh Bắc Ninh',
      issuingBody: 'Sở Văn hóa, Thể thao và Du lịch',
      fullName: 'Sở Văn hóa, Thể thao và Du lịch tỉnh Bắc Ninh',
      issuer: 'so',
      authorityLine: 'GIÁM ĐỐC SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH TỈNH BẮC NINH',
    });
    expect(template.legalBasis.at(-1)).toBe('Quyết định số 15/2025/QĐ-UBND');
    expect(template.considerations[1]).toBe('Theo đề nghị của Trưởng phòng Quản lý Báo chí, Xuất bản');
    expect(template.recipients[1]).toBe('Cục Xuất bản, In và Phát hành (để báo cáo)');
    expect(template.signature).toEqual({ mode: 'deputy', lines: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'] });
  });

  it('states the term of a licence that has one, and uses the press wording for press procedures', () => {
    const template = defaultLicenceTemplate(seededProcedure('BC-BT'), TEMPLATE_SETTINGS);
    expect(template.closing.at(-1)).toBe('Giấy phép có hiệu lực đến {validUntil}./.');
    expect(template.closing[0]).toContain('các quy định của pháp luật về báo chí');
    expect(template.recipients[1]).toBe('Cục Báo chí (để báo cáo)');
    expect(template.fields.map((f) => f.key)).not.toContain('validUntil');
  });

  it('completes bare result names from the procedure name', () => {
    const title = (id: string) => defaultLicenceTemplate(seededProcedure(id), TEMPLATE_SETTINGS).title;
    expect(title('IN-GC-XBP')).toBe('Giấy phép in gia công xuất bản phẩm cho nước ngoài');
    expect(title('IN-DK-TD')).toBe('Giấy xác nhận thay đổi thông tin đăng ký hoạt động cơ sở in');
    expect(title('IN-PHOTO-DK')).toBe(
      'Giấy xác nhận đăng ký sử dụng máy photocopy màu, máy in có chức năng photocopy màu',
    );
    expect(title('BC-HB')).toBe('Văn bản chấp thuận họp báo');
    expect(title('PH-DK')).toBe('Giấy xác nhận đăng ký hoạt động phát hành xuất bản phẩm');
  });

  it('gives every seeded procedure a usable template', () => {
    for (const procedure of seed.procedures) {
      const template = defaultLicenceTemplate(seededProcedure(procedure.id), TEMPLATE_SETTINGS);
      expect(template.title.trim(), procedure.id).not.toBe('');
      expect(template.fields.length, procedure.id).toBeGreaterThan(0);
      expect(template.legalBasis.length, procedure.id).toBeGreaterThan(0);
      expect(template.signature.lines.length, procedure.id).toBeGreaterThan(0);
      expect(template.closing.at(-1), procedure.id).toMatch(/\.\/\.$/);
    }
  });
});

describe('printLabel', () => {
  it('drops the input hints in parentheses from catalogue labels', () => {
    expect(printLabel('Người đứng đầu (họ và tên)')).toBe('Người đứng đầu');
    expect(printLabel('Số trang (hoặc dung lượng đối với tài liệu điện tử), phụ bản')).toBe(
      'Số trang, phụ bản',
    );
    expect(printLabel('Nội dung hoạt động (chế bản, in, gia công sau in) phù hợp với thiết bị')).toBe(
      'Nội dung hoạt động phù hợp với thiết bị',
    );
    expect(printLabel('Tên tài liệu')).toBe('Tên tài liệu');
    expect(printLabel('(ghi chú)')).toBe('(ghi chú)');
  });
});

describe('LicenceFieldsMissingError', () => {
  it('lists the missing fields in Vietnamese and English', () => {
    const error = new LicenceFieldsMissingError([
      { key: 'documentTitle', label: 'Tên tài liệu' },
      { key: 'language', label: 'Ngôn ngữ xuất bản' },
    ]);
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('LICENCE_FIELDS_MISSING');
    expect(error.userMessage).toBe(
      'Thiếu thông tin bắt buộc để in giấy phép: Tên tài liệu; Ngôn ngữ xuất bản.',
    );
    expect(error.message).toContain('Missing required licence fields: documentTitle, language');
    expect(error.fieldErrors).toEqual({
      documentTitle: 'Chưa nhập: Tên tài liệu.',
      language: 'Chưa nhập: Ngôn ngữ xuất bản.',
    });
  });
});
