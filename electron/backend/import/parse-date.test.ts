import { describe, expect, it } from 'vitest';
import { parseDateCell } from './parse-date';

const ok = (date: string, time: string | null = null) => ({ ok: true, value: { date, time } });

describe('parseDateCell', () => {
  it('reads YYYY-MM-DD and dd/mm/yyyy, with or without HH:mm', () => {
    expect(parseDateCell('d', '2024-02-29')).toEqual(ok('2024-02-29'));
    expect(parseDateCell('d', '29/02/2024')).toEqual(ok('2024-02-29'));
    expect(parseDateCell('d', '5/3/2024')).toEqual(ok('2024-03-05'));
    expect(parseDateCell('d', '05/03/2024 14:30')).toEqual(ok('2024-03-05', '14:30'));
    expect(parseDateCell('d', '2024-03-05 7:05')).toEqual(ok('2024-03-05', '07:05'));
    expect(parseDateCell('d', '2024-03-05T07:05:59')).toEqual(ok('2024-03-05', '07:05'));
    expect(parseDateCell('d', '  2024-03-05  ')).toEqual(ok('2024-03-05'));
    expect(parseDateCell('d', null)).toBeNull();
  });

  it.each([
    ['31/02/2024', 'ngay_hoan_thanh 31/02/2024 không tồn tại.'],
    ['29/02/2023', 'ngay_hoan_thanh 29/02/2023 không tồn tại.'],
    ['00/01/2025', 'ngay_hoan_thanh 00/01/2025 không tồn tại.'],
    ['2025-13-01', 'ngay_hoan_thanh 2025-13-01 không tồn tại.'],
    ['31/04/2024', 'ngay_hoan_thanh 31/04/2024 không tồn tại.'],
  ])('refuses the impossible date %s (never rolled into the next month)', (raw, message) => {
    expect(parseDateCell('ngay_hoan_thanh', raw)).toEqual({ ok: false, code: 'DATE_IMPOSSIBLE', message });
  });

  it('refuses impossible times', () => {
    expect(parseDateCell('d', '01/02/2024 24:00')).toMatchObject({ ok: false, code: 'DATE_IMPOSSIBLE' });
    expect(parseDateCell('d', '01/02/2024 10:60')).toMatchObject({ ok: false, code: 'DATE_IMPOSSIBLE' });
  });

  it.each(['15 tháng 3', '2024/03/05', '05-03-2024', '05.03.2024', '24-3-5', 'Invalid Date', '05/03/24'])(
    'refuses the format of %s with the expected formats in the message',
    (raw) => {
      const result = parseDateCell('ngay_tiep_nhan', raw);
      expect(result).toMatchObject({ ok: false, code: 'DATE_FORMAT' });
      expect(result && !result.ok ? result.message : '').toContain('YYYY-MM-DD hoặc dd/mm/yyyy');
    },
  );

  it('reads real Excel dates by their wall clock (UTC fields), 00:00 meaning "date only"', () => {
    expect(parseDateCell('d', new Date(Date.UTC(2024, 1, 29)))).toEqual(ok('2024-02-29'));
    expect(parseDateCell('d', new Date(Date.UTC(2024, 1, 29, 9, 30)))).toEqual(ok('2024-02-29', '09:30'));
  });

  it('refuses a bare number (an Excel serial in a number-formatted cell) with a hint', () => {
    const result = parseDateCell('ngay_hen_tra', 45000);
    expect(result).toMatchObject({ ok: false, code: 'DATE_FORMAT' });
    expect(result && !result.ok ? result.message : '').toContain('định dạng ô là Ngày');
  });
});
