import { describe, expect, it } from 'vitest';
import { assertReportConsistent, countsProblems, reportProblems } from './invariants';
import { buildReportRows } from './report-rows';
import { ZERO_COUNTS } from './bieu06';
import { StatisticsError } from './statistics-errors';

const good = { c3: 10, c4: 3, c5: 4, c6: 3, c7: 6, c8: 2, c9: 3, c10: 1, c11: 4, c12: 3, c13: 1 };

describe('Biểu 06 invariants', () => {
  it('accepts a consistent row', () => {
    expect(countsProblems(good, 'Tổng cộng')).toEqual([]);
  });

  it('names each broken identity', () => {
    expect(countsProblems({ ...good, c4: 4 }, 'Tổng cộng')).toEqual([
      'Tổng cộng: cột (3) = 10 nhưng (4) + (5) + (6) = 11.',
    ]);
    expect(countsProblems({ ...good, c9: 2 }, 'X')).toEqual(['X: cột (7) = 6 nhưng (8) + (9) + (10) = 5.']);
    expect(countsProblems({ ...good, c13: 2 }, 'X')).toEqual(['X: cột (11) = 4 nhưng (12) + (13) = 5.']);
    expect(countsProblems({ ...good, c11: 5, c12: 4 }, 'X')).toEqual([
      'X: cột (3) = 10 nhưng (7) + (11) = 11.',
    ]);
    expect(countsProblems({ ...ZERO_COUNTS, c11: -1, c12: -1, c3: -1, c6: -1 }, 'X')).toContain(
      'X: cột (11) không hợp lệ (-1).',
    );
  });

  it('checks sector and total rows against their parts', () => {
    const rows = buildReportRows([
      { procedureId: 'BC-BT', code: '1.001', name: 'Bản tin', sector: 'bao_chi', counts: good },
      { procedureId: 'XB-TLKKD', code: '2.001', name: 'Tài liệu', sector: 'xuat_ban', counts: good },
      { procedureId: 'IN-DK', code: '2.002', name: 'Đăng ký in', sector: 'xuat_ban', counts: ZERO_COUNTS },
    ]);
    expect(rows.map((r) => [r.kind, r.stt, r.label])).toEqual([
      ['sector', 'I', 'Báo chí'],
      ['procedure', '1', 'Bản tin'],
      ['sector', 'II', 'Xuất bản, in và phát hành'],
      ['procedure', '1', 'Tài liệu'],
      ['total', '', 'Tổng cộng'],
    ]);
    expect(rows.at(-1)).toMatchObject({ c3: 20, c7: 12, c13: 2 });
    expect(reportProblems(rows)).toEqual([]);
    const broken = rows.map((r) =>
      r.kind === 'total' ? { ...r, c4: r.c4 + 1, c3: r.c3 + 1, c11: r.c11 + 1, c12: r.c12 + 1 } : r,
    );
    expect(reportProblems(broken)).toEqual([
      'Tổng cộng: cột (3) = 21 khác tổng các lĩnh vực (20).',
      'Tổng cộng: cột (4) = 7 khác tổng các lĩnh vực (6).',
      'Tổng cộng: cột (11) = 9 khác tổng các lĩnh vực (8).',
      'Tổng cộng: cột (12) = 7 khác tổng các lĩnh vực (6).',
    ]);
    expect(() => assertReportConsistent(broken)).toThrow(StatisticsError);
    expect(() => assertReportConsistent(rows)).not.toThrow();
  });

  it('gives an empty report a null rate on every row', () => {
    const rows = buildReportRows([]);
    expect(rows.map((r) => r.rate)).toEqual([null, null, null]);
    expect(reportProblems(rows)).toEqual([]);
  });
});
