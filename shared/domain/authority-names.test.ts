import { describe, expect, it } from 'vitest';
import { headingOf, isAllUpperCase, sentenceCaseFromHeading } from './authority-names';

describe('authority names (NĐ 30/2020 Phụ lục I headings, Phụ lục II sentences)', () => {
  it('derives the heading in Vietnamese upper case, NFC', () => {
    expect(headingOf('Sở Văn hóa, Thể thao và Du lịch')).toBe('SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH');
    expect(headingOf('Ủy ban nhân dân tỉnh Bắc Ninh'.normalize('NFD'))).toBe('ỦY BAN NHÂN DÂN TỈNH BẮC NINH');
    expect(headingOf('đặc khu Phú Quốc')).toBe('ĐẶC KHU PHÚ QUỐC');
  });

  it.each([
    ['SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH', 'Sở Văn hóa, Thể thao và Du lịch'],
    ['SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH TỈNH BẮC NINH', 'Sở Văn hóa, Thể thao và Du lịch tỉnh Bắc Ninh'],
    ['SỞ THÔNG TIN VÀ TRUYỀN THÔNG', 'Sở Thông tin và Truyền thông'],
    ['SỞ VĂN HÓA VÀ THỂ THAO', 'Sở Văn hóa và Thể thao'],
    ['UBND TỈNH BẮC NINH', 'UBND tỉnh Bắc Ninh'],
    ['ỦY BAN NHÂN DÂN TỈNH BẮC NINH', 'Ủy ban nhân dân tỉnh Bắc Ninh'],
    ['UBND THÀNH PHỐ HỒ CHÍ MINH', 'UBND thành phố Hồ Chí Minh'],
    ['UBND TP. HÀ NỘI', 'UBND TP. Hà Nội'],
    ['  SỞ   VĂN HÓA,  THỂ THAO VÀ DU LỊCH ', 'Sở Văn hóa, Thể thao và Du lịch'],
  ])('proposes the sentence form of %s', (heading, sentence) => {
    expect(sentenceCaseFromHeading(heading)).toBe(sentence);
    // And the heading comes back from it.
    expect(headingOf(sentence)).toBe(heading.trim().replace(/\s+/g, ' '));
  });

  it('leaves names already written with lower case alone', () => {
    expect(sentenceCaseFromHeading('UBND tỉnh Bắc Ninh')).toBe('UBND tỉnh Bắc Ninh');
    expect(sentenceCaseFromHeading('Sở Văn hóa và Thể thao')).toBe('Sở Văn hóa và Thể thao');
    expect(isAllUpperCase('UBND tỉnh Bắc Ninh')).toBe(false);
    expect(isAllUpperCase('SỞ VĂN HÓA')).toBe(true);
    expect(isAllUpperCase('123')).toBe(false);
  });
});
