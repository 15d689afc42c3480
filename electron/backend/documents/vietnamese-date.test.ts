import { afterEach, describe, expect, it } from 'vitest';
import {
  formatDayMonthYear,
  formatDocumentDate,
  formatDocumentDateTime,
  formatPlaceDateLine,
  parseOffset,
  parseOffsetDateTime,
  toOffset,
} from './vietnamese-date';

describe('formatDayMonthYear (NĐ 30/2020 Phụ lục I leading-zero rule)', () => {
  it('pads days below 10 and the months 1 and 2 only', () => {
    expect(formatDayMonthYear({ year: 2026, month: 3, day: 5 })).toBe('ngày 05 tháng 3 năm 2026');
    expect(formatDayMonthYear({ year: 2026, month: 1, day: 9 })).toBe('ngày 09 tháng 01 năm 2026');
    expect(formatDayMonthYear({ year: 2026, month: 2, day: 28 })).toBe('ngày 28 tháng 02 năm 2026');
    expect(formatDayMonthYear({ year: 2026, month: 9, day: 10 })).toBe('ngày 10 tháng 9 năm 2026');
    expect(formatDayMonthYear({ year: 2026, month: 11, day: 26 })).toBe('ngày 26 tháng 11 năm 2026');
    expect(formatDayMonthYear({ year: 2026, month: 12, day: 1 })).toBe('ngày 01 tháng 12 năm 2026');
  });

  it('formats the place-and-date line from a calendar date or a date-time', () => {
    expect(formatPlaceDateLine('Bắc Ninh', '2026-03-05')).toBe('Bắc Ninh, ngày 05 tháng 3 năm 2026');
    expect(formatDocumentDate('2026-02-03T23:59:00+07:00')).toBe('ngày 03 tháng 02 năm 2026');
  });
});

describe('formatDocumentDateTime', () => {
  it('prints hours and minutes with two digits, as on Mẫu 01', () => {
    expect(formatDocumentDateTime('2026-11-26T09:30:00+07:00')).toBe(
      '09 giờ 30 phút, ngày 26 tháng 11 năm 2026',
    );
    expect(formatDocumentDateTime('2026-12-10T17:00:00+07:00')).toBe(
      '17 giờ 00 phút, ngày 10 tháng 12 năm 2026',
    );
    expect(formatDocumentDateTime('2026-01-02T00:05+07:00')).toBe(
      '00 giờ 05 phút, ngày 02 tháng 01 năm 2026',
    );
  });

  it('takes the wall-clock time from the string, whatever its offset', () => {
    // 23:30 at −05:00 is already 06/01 in Vietnam, but the string's own offset is what gets printed.
    expect(formatDocumentDateTime('2026-01-05T23:30:00-05:00')).toBe(
      '23 giờ 30 phút, ngày 05 tháng 01 năm 2026',
    );
    expect(formatDocumentDateTime('2026-01-05T23:30:00Z')).toBe('23 giờ 30 phút, ngày 05 tháng 01 năm 2026');
    expect(formatDocumentDateTime('2026-01-05T23:30:00.123+0700')).toBe(
      '23 giờ 30 phút, ngày 05 tháng 01 năm 2026',
    );
  });

  it('re-expresses the instant at an offset the caller names', () => {
    expect(formatDocumentDateTime('2026-01-05T23:30:00-05:00', { offset: '+07:00' })).toBe(
      '11 giờ 30 phút, ngày 06 tháng 01 năm 2026',
    );
    expect(formatDocumentDateTime('2026-12-31T17:00:00Z', { offset: '+07:00' })).toBe(
      '00 giờ 00 phút, ngày 01 tháng 01 năm 2027',
    );
    expect(formatDocumentDateTime('2028-03-01T01:00:00+07:00', { offset: 'Z' })).toBe(
      '18 giờ 00 phút, ngày 29 tháng 02 năm 2028',
    );
  });

  describe('does not depend on the machine time zone', () => {
    const original = process.env.TZ;
    afterEach(() => {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    });
    it.each(['America/Los_Angeles', 'Asia/Ho_Chi_Minh', 'Pacific/Kiritimati', 'UTC'])('TZ=%s', (zone) => {
      process.env.TZ = zone;
      expect(formatDocumentDateTime('2026-11-26T09:30:00+07:00')).toBe(
        '09 giờ 30 phút, ngày 26 tháng 11 năm 2026',
      );
      expect(formatDocumentDateTime('2026-11-26T02:30:00Z', { offset: '+07:00' })).toBe(
        '09 giờ 30 phút, ngày 26 tháng 11 năm 2026',
      );
      expect(formatDocumentDate('2026-03-05')).toBe('ngày 05 tháng 3 năm 2026');
    });
  });
});

describe('parsing', () => {
  it('rejects a date-time without an offset (it names no instant)', () => {
    expect(() => parseOffsetDateTime('2026-11-26T09:30:00')).toThrow(RangeError);
    expect(() => formatDocumentDateTime('2026-11-26')).toThrow(RangeError);
  });

  it('rejects impossible dates and times', () => {
    expect(() => parseOffsetDateTime('2026-02-29T09:00:00+07:00')).toThrow(RangeError);
    expect(() => parseOffsetDateTime('2026-04-31T09:00:00+07:00')).toThrow(RangeError);
    expect(() => parseOffsetDateTime('2026-11-26T24:00:00+07:00')).toThrow(RangeError);
    expect(() => parseOffsetDateTime('2026-11-26T09:60:00+07:00')).toThrow(RangeError);
    expect(() => formatDocumentDate('2026-13-01')).toThrow(RangeError);
    expect(parseOffsetDateTime('2028-02-29T09:00:00+07:00').day).toBe(29);
  });

  it('reads offsets in the usual ISO spellings', () => {
    expect(parseOffset('Z')).toBe(0);
    expect(parseOffset('+07:00')).toBe(420);
    expect(parseOffset('+0700')).toBe(420);
    expect(parseOffset('+07')).toBe(420);
    expect(parseOffset('-03:30')).toBe(-210);
    expect(() => parseOffset('+25:00')).toThrow(RangeError);
  });

  it('shifts across a month end', () => {
    const shifted = toOffset(parseOffsetDateTime('2026-01-31T20:00:00Z'), '+07:00');
    expect(shifted).toMatchObject({ year: 2026, month: 2, day: 1, hour: 3, minute: 0, offsetMinutes: 420 });
  });
});
