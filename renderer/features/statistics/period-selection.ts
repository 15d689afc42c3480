import { useSyncExternalStore } from 'react';
import {
  calendarPeriod,
  DEFAULT_REPORT_CUTOFF_DAY,
  formatPeriod,
  reportPeriod,
  type PeriodSpan,
} from '../../../shared/domain/statistics';

// The period a manager looks at, shared by Thống kê and Báo cáo and kept while they open a dossier and come
// back (the pages unmount on navigation; this module does not).

export const periodChoices = ['month', 'quarter', 'year', 'custom'] as const;
export type PeriodChoice = (typeof periodChoices)[number];

export const PERIOD_CHOICE_LABELS: Record<PeriodChoice, string> = {
  month: 'Tháng',
  quarter: 'Quý',
  year: 'Năm',
  custom: 'Tùy chọn',
};

export interface PeriodSelection {
  choice: PeriodChoice;
  /** Report periods (15th of the previous month → 14th, NĐ 09/2019) instead of calendar months. */
  isReportBasis: boolean;
  /** 0 = the period containing today, -1 the one before it, … (month, quarter, year). */
  offset: number;
  /** Custom range, 'YYYY-MM-DD' or null while not chosen. */
  from: string | null;
  to: string | null;
}

export interface SelectedPeriod {
  from: string;
  to: string;
  /** 'Tháng 11/2026 (kỳ báo cáo)' or 'Tùy chọn'. */
  name: string;
  /** 'Từ ngày 15/10/2026 đến ngày 14/11/2026' */
  range: string;
}

function parts(date: string): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/** The chosen period as dates, or null while a custom range is incomplete. */
export function resolveSelection(selection: PeriodSelection, today: string): SelectedPeriod | null {
  if (selection.choice === 'custom') {
    if (!selection.from || !selection.to) return null;
    return {
      from: selection.from,
      to: selection.to,
      name: 'Kỳ tùy chọn',
      range: formatPeriod({ from: selection.from, to: selection.to }),
    };
  }
  let { year, month } = parts(today);
  // On the report basis a day on or after the cut-off belongs to the next month's period.
  if (selection.isReportBasis && parts(today).day >= DEFAULT_REPORT_CUTOFF_DAY) {
    month += 1;
    if (month === 13) {
      month = 1;
      year += 1;
    }
  }
  let span: PeriodSpan = 'year';
  let index = 1;
  if (selection.choice === 'month') {
    const n = year * 12 + (month - 1) + selection.offset;
    span = 'month';
    year = Math.floor(n / 12);
    index = (n % 12) + 1;
  } else if (selection.choice === 'quarter') {
    const n = year * 4 + (Math.ceil(month / 3) - 1) + selection.offset;
    span = 'quarter';
    year = Math.floor(n / 4);
    index = (n % 4) + 1;
  } else {
    year += selection.offset;
  }
  const period = selection.isReportBasis
    ? reportPeriod(span, year, index)
    : calendarPeriod(span, year, index);
  return {
    from: period.from,
    to: period.to,
    name: selection.isReportBasis ? `${period.label} (kỳ báo cáo)` : period.label,
    range: formatPeriod(period),
  };
}

let current: PeriodSelection = { choice: 'month', isReportBasis: false, offset: 0, from: null, to: null };
const listeners = new Set<() => void>();

export function setPeriodSelection(next: PeriodSelection): void {
  current = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function usePeriodSelection(): PeriodSelection {
  return useSyncExternalStore(subscribe, () => current);
}
