import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_NUMBER_FORMAT,
  checkNumberFormat,
  checkSymbol,
  formatLicenceNumber,
  parseLicenceNumber,
  parseNumberFormat,
} from './number-format';
import type { NumberingErrorCode } from './numbering-errors';
import { NumberingError } from './numbering-errors';

function codeOf(f: () => unknown): NumberingErrorCode | null {
  try {
    f();
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(NumberingError);
    return (error as NumberingError).code;
  }
}

describe('formatLicenceNumber', () => {
  it('prints numbers below 10 with a leading zero (NĐ 30/2020 Phụ lục I)', () => {
    expect(formatLicenceNumber(DEFAULT_NUMBER_FORMAT, { n: 5, symbol: 'SVHTTDL' })).toBe('05/GP-SVHTTDL');
    expect(formatLicenceNumber('{n}/GP-{symbol}', { n: 1, symbol: 'SVHTTDL' })).toBe('01/GP-SVHTTDL');
    expect(formatLicenceNumber('{n}/GP-{symbol}', { n: 9, symbol: 'SVHTTDL' })).toBe('09/GP-SVHTTDL');
    expect(formatLicenceNumber('{n}/GP-{symbol}', { n: 10, symbol: 'SVHTTDL' })).toBe('10/GP-SVHTTDL');
    expect(formatLicenceNumber('{n}/GP-{symbol}', { n: 12, symbol: 'SVHTTDL' })).toBe('12/GP-SVHTTDL');
    expect(formatLicenceNumber('{n}/GP-{symbol}', { n: 1776, symbol: 'STTTT' })).toBe('1776/GP-STTTT');
  });

  it('includes the year where the format asks for it', () => {
    expect(formatLicenceNumber('{n}/{yyyy}/GP-{symbol}', { n: 123, year: 2025, symbol: 'SVHTTDL' })).toBe(
      '123/2025/GP-SVHTTDL',
    );
    expect(formatLicenceNumber('{n}/{yyyy}/GP-{symbol}', { n: 3, year: 2026, symbol: 'SVHTTDL' })).toBe(
      '03/2026/GP-SVHTTDL',
    );
    expect(formatLicenceNumber('{n}/QĐ-SVHTTDL', { n: 7 })).toBe('07/QĐ-SVHTTDL');
  });

  it('refuses bad numbers, a missing year and a bad symbol', () => {
    expect(codeOf(() => formatLicenceNumber('{n}/GP', { n: 0 }))).toBe('INVALID_NUMBER');
    expect(codeOf(() => formatLicenceNumber('{n}/GP', { n: 1.5 }))).toBe('INVALID_NUMBER');
    expect(codeOf(() => formatLicenceNumber('{n}/GP', { n: -3 }))).toBe('INVALID_NUMBER');
    expect(codeOf(() => formatLicenceNumber('{n}/{yyyy}/GP', { n: 1 }))).toBe('INVALID_YEAR');
    expect(codeOf(() => formatLicenceNumber('{n}/{yyyy}/GP', { n: 1, year: 26 }))).toBe('INVALID_YEAR');
    expect(codeOf(() => formatLicenceNumber('{n}/GP-{symbol}', { n: 1 }))).toBe('INVALID_SYMBOL');
    expect(codeOf(() => formatLicenceNumber('{n}/GP-{symbol}', { n: 1, symbol: 'svhttdl' }))).toBe(
      'INVALID_SYMBOL',
    );
    expect(codeOf(() => formatLicenceNumber('{n}', { n: 1 }))).toBeNull();
  });
});

describe('checkNumberFormat', () => {
  const cases: Array<[unknown, NumberingErrorCode | null]> = [
    ['{n}/GP-{symbol}', null],
    ['{n}/{yyyy}/GP-{symbol}', null],
    ['Số {n} - GP', null],
    ['', 'FORMAT_EMPTY'],
    ['   ', 'FORMAT_EMPTY'],
    [undefined, 'FORMAT_EMPTY'],
    ['GP-{symbol}', 'FORMAT_NO_NUMBER'],
    ['{n}/GP-{kyhieu}', 'FORMAT_UNKNOWN_PLACEHOLDER'],
    ['{N}/GP', 'FORMAT_UNKNOWN_PLACEHOLDER'],
    ['{n}/{yy}/GP', 'FORMAT_UNKNOWN_PLACEHOLDER'],
    ['{n/GP', 'FORMAT_BAD_BRACES'],
    ['{n}/GP}', 'FORMAT_BAD_BRACES'],
    ['{{n}}/GP', 'FORMAT_BAD_BRACES'],
    ['{n}/{n}/GP', 'FORMAT_REPEATED_PLACEHOLDER'],
    ['{n}{yyyy}/GP', 'FORMAT_ADJACENT_PLACEHOLDERS'],
    ['{n}1/GP', 'FORMAT_DIGIT_BESIDE_NUMBER'],
    ['GP2{n}', 'FORMAT_DIGIT_BESIDE_NUMBER'],
    ['{n}/GP\t', 'FORMAT_NOT_PRINTABLE'],
    ['{n}/GP\u200b', 'FORMAT_NOT_PRINTABLE'],
    ['{n}/GP 📄', 'FORMAT_NOT_PRINTABLE'],
    [' {n}/GP', 'FORMAT_NOT_PRINTABLE'],
    [`{n}/${'X'.repeat(57)}`, 'FORMAT_TOO_LONG'],
    [`{n}/${'X'.repeat(56)}`, null],
  ];
  it.each(cases)('%j → %s', (format, code) => {
    const problem = checkNumberFormat(format);
    expect(problem?.code ?? null).toBe(code);
    if (problem) {
      expect(problem.messageVi).toMatch(/^Mẫu số giấy phép /);
      if (code !== null) expect(codeOf(() => parseNumberFormat(format as string))).toBe(code);
    }
  });

  it('explains itself in Vietnamese', () => {
    expect(checkNumberFormat('GP-{symbol}')?.messageVi).toContain('phải có trường {n}');
    expect(checkNumberFormat('{n}/{ky_hieu}')?.messageVi).toContain('{ky_hieu}');
    expect(checkNumberFormat(`{n}/${'X'.repeat(70)}`)?.messageVi).toContain('tối đa 60 ký tự');
  });

  it('counts characters after NFC, so a decomposed Ở is one character', () => {
    const decomposed = `{n}/${'Q'.repeat(55)}Ở`.normalize('NFD');
    expect(decomposed.length).toBe(62);
    expect(checkNumberFormat(decomposed)).toBeNull();
    expect(parseNumberFormat(decomposed).source).toBe(decomposed.normalize('NFC'));
  });
});

describe('checkSymbol', () => {
  it('accepts upper-case ký hiệu joined by - . &', () => {
    for (const s of ['SVHTTDL', 'STTTT', 'GP-SVHTTDL', 'QĐ-UBND', 'VHTT&DL', 'S.VH'])
      expect(checkSymbol(s)).toBeNull();
    for (const s of ['', 'svhttdl', 'SỞ', 'A--B', '-A', 'A/B', 'A B', 'X'.repeat(31)]) {
      expect(checkSymbol(s)?.code).toBe('INVALID_SYMBOL');
    }
  });
});

describe('parseLicenceNumber', () => {
  it('reads back what was printed, and hand-typed numbers without the leading zero', () => {
    expect(parseLicenceNumber('{n}/GP-{symbol}', '05/GP-SVHTTDL')).toEqual({
      n: 5,
      year: null,
      symbol: 'SVHTTDL',
    });
    expect(parseLicenceNumber('{n}/GP-{symbol}', ' 5/GP-SVHTTDL ')).toEqual({
      n: 5,
      year: null,
      symbol: 'SVHTTDL',
    });
    expect(parseLicenceNumber('{n}/{yyyy}/GP-{symbol}', '123/2025/GP-SVHTTDL')).toEqual({
      n: 123,
      year: 2025,
      symbol: 'SVHTTDL',
    });
    expect(parseLicenceNumber('{n}/GP-{symbol}', '12/QĐ-SVHTTDL')).toBeNull();
    expect(parseLicenceNumber('{n}/GP-{symbol}', '00/GP-SVHTTDL')).toBeNull();
    expect(parseLicenceNumber('{n}.GP', '12xGP')).toBeNull(); // "." is literal, not "any character"
  });

  it('round-trips every number, year and symbol for the formats offices use', () => {
    const formats = [
      '{n}/GP-{symbol}',
      '{n}/{yyyy}/GP-{symbol}',
      '{symbol}-{n}',
      '{n}.{symbol}/{yyyy}',
      'Số {n}/GP',
    ].map(parseNumberFormat);
    const symbol = fc
      .array(fc.stringMatching(/^[A-Z0-9Đ]{1,6}$/), { minLength: 1, maxLength: 3 })
      .chain((parts) => fc.constantFrom('-', '.', '&').map((sep) => parts.join(sep)))
      .filter((s) => s.length <= 30);
    fc.assert(
      fc.property(
        fc.constantFrom(...formats),
        fc.integer({ min: 1, max: 999_999 }),
        fc.integer({ min: 1000, max: 9999 }),
        symbol,
        (format, n, year, sym) => {
          const text = formatLicenceNumber(format, { n, year, symbol: sym });
          const back = parseLicenceNumber(format, text);
          expect(back?.n).toBe(n);
          if (format.source.includes('{yyyy}')) expect(back?.year).toBe(year);
          if (format.source.includes('{symbol}')) expect(back?.symbol).toBe(sym);
        },
      ),
      { numRuns: 500 },
    );
  });
});
