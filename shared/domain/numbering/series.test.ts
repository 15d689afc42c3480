import { describe, expect, it } from 'vitest';
import { NumberingError } from './numbering-errors';
import {
  counterName,
  initialCounterValue,
  localDateYear,
  nextLicenceNumber,
  officeLocalYear,
  parseCounterName,
  seriesFor,
  startNumberFor,
} from './series';

const VN = 420;

function codeOf(f: () => unknown): string | null {
  try {
    f();
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(NumberingError);
    return (error as NumberingError).code;
  }
}

describe('the series year is the office-local year of the issue (NĐ 30/2020 Điều 15)', () => {
  it('31/12 23:59:59 at +07:00 is 2025; 01/01 00:00:00 at +07:00 is 2026', () => {
    expect(officeLocalYear('2025-12-31T23:59:59+07:00', VN)).toBe(2025);
    expect(officeLocalYear('2026-01-01T00:00:00+07:00', VN)).toBe(2026);
  });

  it('uses the office offset, not the offset the instant is written with, nor the machine zone', () => {
    // Still 31/12/2025 in UTC (and in New York), already 01/01/2026 at the office.
    expect(officeLocalYear('2025-12-31T17:00:00Z', VN)).toBe(2026);
    expect(officeLocalYear('2025-12-31T12:00:00-05:00', VN)).toBe(2026);
    expect(officeLocalYear('2025-12-31T16:59:59Z', VN)).toBe(2025);
    expect(new Date('2025-12-31T17:00:00Z').getUTCFullYear()).toBe(2025);
  });

  it('gives the series and its counter row', () => {
    expect(seriesFor('GP-SVHTTDL', '2025-12-31T23:59:59+07:00', VN)).toEqual({
      seriesKey: 'GP-SVHTTDL',
      year: 2025,
      counter: 'licence:GP-SVHTTDL:2025',
    });
    expect(seriesFor('GP-SVHTTDL', '2025-12-31T17:00:00Z', VN).counter).toBe('licence:GP-SVHTTDL:2026');
  });

  it('accepts a local date as well, and refuses instants without an offset', () => {
    expect(localDateYear('2026-01-01')).toBe(2026);
    expect(codeOf(() => localDateYear('2026-02-30'))).toBe('INVALID_DATE');
    expect(codeOf(() => officeLocalYear('2026-01-01T00:00:00', VN))).toBe('INVALID_DATE');
    expect(codeOf(() => officeLocalYear('2026-01-01T00:00:00+07:00', 15 * 60))).toBe('INVALID_OFFSET');
  });
});

describe('counter names', () => {
  it('name one series per key and year, and read back', () => {
    expect(counterName('GP-SVHTTDL', 2026)).toBe('licence:GP-SVHTTDL:2026');
    expect(counterName('QĐ-SVHTTDL', 2026)).toBe('licence:QĐ-SVHTTDL:2026');
    expect(parseCounterName('licence:GP-SVHTTDL:2026')).toEqual({ seriesKey: 'GP-SVHTTDL', year: 2026 });
    expect(parseCounterName('licence:a:b:2026')).toBeNull();
    expect(parseCounterName('audit:x:2026')).toBeNull();
  });

  it('refuse keys that would make the name ambiguous', () => {
    for (const key of ['', 'a:b', ' GP', 'GP/1', 'x'.repeat(65), 'SỞ'.normalize('NFD')]) {
      expect(codeOf(() => counterName(key, 2026))).toBe('INVALID_SERIES_KEY');
    }
    expect(codeOf(() => counterName('GP', 26))).toBe('INVALID_YEAR');
  });
});

describe('start numbers', () => {
  it('a mid-year go-live starts its year at the manual start; every other year at 01', () => {
    const goLive = { year: 2026, start: 37 };
    expect(startNumberFor(2026, goLive)).toBe(37);
    expect(startNumberFor(2027, goLive)).toBe(1);
    expect(startNumberFor(2026, null)).toBe(1);
    expect(initialCounterValue(37)).toBe(36);
    expect(nextLicenceNumber(null, 37)).toBe(37);
    expect(nextLicenceNumber(36, 37)).toBe(37);
    expect(nextLicenceNumber(40, 37)).toBe(41);
  });

  it('validates the start (≥ 1, an integer)', () => {
    for (const start of [0, -1, 1.5, Number.NaN]) {
      expect(codeOf(() => startNumberFor(2026, { year: 2026, start }))).toBe('INVALID_START');
      expect(codeOf(() => initialCounterValue(start))).toBe('INVALID_START');
    }
    expect(codeOf(() => nextLicenceNumber(10, 37))).toBe('INVALID_NUMBER');
  });
});
