import { isIsoDate } from '../calendar/iso-date';
import type { Period } from './periods';
import { viDate } from './periods';
import { StatisticsError } from './statistics-errors';

/*
 * What a statistics period may be. The shape rules (both dates present, real days, from ≤ to) need no clock
 * and run in the zod schema, so the form and the backend give the same messages; the rules about the future
 * need the office's today and run in the handler.
 */

export interface PeriodIssue {
  readonly field: 'from' | 'to';
  readonly code: 'EMPTY_PERIOD' | 'INVALID_DATE' | 'FROM_AFTER_TO';
  readonly message: string;
}

const FIELD_LABEL = { from: 'ngày bắt đầu', to: 'ngày kết thúc' } as const;

function dateIssue(field: 'from' | 'to', value: unknown): PeriodIssue | null {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    return {
      field,
      code: 'EMPTY_PERIOD',
      message: `Chưa chọn ${FIELD_LABEL[field]} của kỳ thống kê.`,
    };
  }
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return {
      field,
      code: 'INVALID_DATE',
      message: `${capitalize(FIELD_LABEL[field])} phải có dạng YYYY-MM-DD (ví dụ 2026-12-14).`,
    };
  }
  if (!isIsoDate(value)) {
    return {
      field,
      code: 'INVALID_DATE',
      message: `${capitalize(FIELD_LABEL[field])} ${value} không tồn tại.`,
    };
  }
  return null;
}

function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

/** Every problem with the shape of a period, for field-by-field messages. Empty when it is usable. */
export function periodShapeIssues(from: unknown, to: unknown): PeriodIssue[] {
  const issues = [dateIssue('from', from), dateIssue('to', to)].filter((i): i is PeriodIssue => i !== null);
  if (issues.length === 0 && (from as string) > (to as string)) {
    issues.push({
      field: 'to',
      code: 'FROM_AFTER_TO',
      message: `Ngày kết thúc (${viDate(to as string)}) phải sau hoặc trùng ngày bắt đầu (${viDate(from as string)}).`,
    });
  }
  return issues;
}

export interface ResolvedPeriod extends Period {
  /** The end the caller asked for (differs from `to` when cut at today). */
  readonly requestedTo: string;
  readonly isTruncated: boolean;
  /** Vietnamese note to show with the figures when the period was cut; null otherwise. */
  readonly notice: string | null;
}

/**
 * The period the figures are computed for. A period entirely in the future has no data and is refused; one
 * that ends in the future is cut at today (office date) and says so: figures "as of" a day that has not come
 * would silently change later, and pending dossiers cannot be overdue "at" a future day yet.
 */
export function resolvePeriod(period: { from: unknown; to: unknown }, today: string): ResolvedPeriod {
  const [first] = periodShapeIssues(period.from, period.to);
  if (first !== undefined) {
    throw new StatisticsError(first.code, `invalid period: ${first.code} (${first.field})`, first.message, {
      field: first.field,
    });
  }
  const from = period.from as string;
  const to = period.to as string;
  if (from > today) {
    throw new StatisticsError(
      'FUTURE_PERIOD',
      `period ${from}..${to} lies entirely after today ${today}`,
      `Kỳ thống kê từ ${viDate(from)} đến ${viDate(to)} nằm hoàn toàn trong tương lai (hôm nay là ${viDate(today)}), chưa có số liệu. Hãy chọn kỳ bắt đầu từ hôm nay trở về trước.`,
      { field: 'from' },
    );
  }
  if (to > today) {
    return {
      from,
      to: today,
      requestedTo: to,
      isTruncated: true,
      notice: `Kỳ thống kê kết thúc sau hôm nay nên số liệu được tính đến hết ngày ${viDate(today)} (hôm nay), không phải ${viDate(to)}.`,
    };
  }
  return { from, to, requestedTo: to, isTruncated: false, notice: null };
}
