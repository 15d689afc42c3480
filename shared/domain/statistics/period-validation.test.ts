import { describe, expect, it } from 'vitest';
import { periodShapeIssues, resolvePeriod } from './period-validation';
import { StatisticsError } from './statistics-errors';

const TODAY = '2026-11-26';

function refusal(run: () => unknown): StatisticsError {
  try {
    run();
  } catch (error) {
    if (error instanceof StatisticsError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('period validation', () => {
  it('names an empty period field by field', () => {
    expect(periodShapeIssues('', undefined)).toEqual([
      { field: 'from', code: 'EMPTY_PERIOD', message: 'Chưa chọn ngày bắt đầu của kỳ thống kê.' },
      { field: 'to', code: 'EMPTY_PERIOD', message: 'Chưa chọn ngày kết thúc của kỳ thống kê.' },
    ]);
  });

  it('refuses malformed and impossible dates', () => {
    expect(periodShapeIssues('26/11/2026', '2026-11-30')[0]?.message).toContain('YYYY-MM-DD');
    expect(periodShapeIssues('2026-02-31', '2026-03-01')[0]?.message).toBe(
      'Ngày bắt đầu 2026-02-31 không tồn tại.',
    );
  });

  it('refuses from after to', () => {
    const [issue] = periodShapeIssues('2026-05-02', '2026-05-01');
    expect(issue).toMatchObject({ field: 'to', code: 'FROM_AFTER_TO' });
    expect(issue?.message).toBe('Ngày kết thúc (01/05/2026) phải sau hoặc trùng ngày bắt đầu (02/05/2026).');
  });

  it('accepts a one-day period', () => {
    expect(resolvePeriod({ from: '2026-05-01', to: '2026-05-01' }, TODAY)).toMatchObject({
      from: '2026-05-01',
      to: '2026-05-01',
      isTruncated: false,
      notice: null,
    });
  });

  it('refuses a period entirely in the future', () => {
    const error = refusal(() => resolvePeriod({ from: '2026-11-27', to: '2026-12-31' }, TODAY));
    expect(error.code).toBe('FUTURE_PERIOD');
    expect(error.field).toBe('from');
    expect(error.messageVi).toContain('nằm hoàn toàn trong tương lai (hôm nay là 26/11/2026)');
  });

  it('cuts a period ending in the future at today and says so', () => {
    const period = resolvePeriod({ from: '2026-01-01', to: '2026-12-31' }, TODAY);
    expect(period).toMatchObject({
      from: '2026-01-01',
      to: TODAY,
      requestedTo: '2026-12-31',
      isTruncated: true,
    });
    expect(period.notice).toBe(
      'Kỳ thống kê kết thúc sau hôm nay nên số liệu được tính đến hết ngày 26/11/2026 (hôm nay), không phải 31/12/2026.',
    );
  });

  it('keeps a period that starts today', () => {
    expect(resolvePeriod({ from: TODAY, to: '2026-12-14' }, TODAY)).toMatchObject({ from: TODAY, to: TODAY });
  });

  it('reports the first shape problem as a refusal with its field', () => {
    const error = refusal(() => resolvePeriod({ from: '2026-05-02', to: '2026-05-01' }, TODAY));
    expect(error).toMatchObject({ code: 'FROM_AFTER_TO', field: 'to' });
  });
});
