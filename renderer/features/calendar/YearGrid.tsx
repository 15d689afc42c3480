import { memo } from 'react';
import { Group, Tooltip } from '@mantine/core';
import type { MethodOutput } from '../../../shared/api/contract';
import { formatDate, weekdayName } from '../../lib/format';
import classes from './Calendar.module.css';

export type CalendarYear = MethodOutput<'calendar.year'>;
export type CalendarDay = CalendarYear['days'][number];

const WEEKDAY_HEADERS = ['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN'] as const;

export const KIND_LABELS: Record<CalendarDay['kind'], string> = {
  workday: 'Ngày làm việc',
  weekend: 'Ngày nghỉ cuối tuần',
  off: 'Ngày nghỉ',
  makeup: 'Ngày làm bù',
};

export function isException(day: CalendarDay): boolean {
  return day.kind === 'off' || day.kind === 'makeup';
}

/** "Tết Nguyên đán · Thông báo 9441/TB-BNV · dự kiến" — what a day is and on what it rests. */
export function dayDescription(day: CalendarDay): string {
  const parts = [isException(day) ? day.label : KIND_LABELS[day.kind]];
  if (day.kind === 'off' && day.label !== KIND_LABELS.off) parts[0] = `Nghỉ: ${day.label}`;
  if (day.source) parts.push(day.source);
  if (day.status === 'draft') parts.push('dự kiến, chưa xác nhận');
  if (day.isUncertain) parts.push('căn cứ chưa chắc chắn');
  return parts.join(' · ');
}

function dayClass(day: CalendarDay, today: string): string {
  const names = [classes.day];
  if (day.kind !== 'workday') names.push(classes[day.kind]);
  if (day.status === 'draft' && isException(day)) names.push(classes.draft);
  if (day.isUncertain) names.push(classes.uncertain);
  if (day.date === today) names.push(classes.today);
  return names.filter(Boolean).join(' ');
}

interface DayCellProps {
  day: CalendarDay;
  today: string;
  onPick: ((day: CalendarDay) => void) | null;
}

function DayCell({ day, today, onPick }: DayCellProps) {
  const dayOfMonth = Number(day.date.slice(8, 10));
  const description = dayDescription(day);
  const label = `${weekdayName(day.date)} ${formatDate(day.date)}: ${description}`;
  const common = {
    className: dayClass(day, today),
    'aria-label': label,
    'data-date': day.date,
    'data-kind': day.kind,
    'data-status': day.status ?? undefined,
  };
  const cell = onPick ? (
    <button type="button" {...common} onClick={() => onPick(day)}>
      {dayOfMonth}
    </button>
  ) : (
    <div {...common} role="gridcell">
      {dayOfMonth}
    </div>
  );
  // A Mantine tooltip where there is something to tell (named days); the native title elsewhere is enough.
  if (!isException(day) && !day.isUncertain) {
    return (
      <span className={classes.cell} title={label}>
        {cell}
      </span>
    );
  }
  return (
    <Tooltip label={`${formatDate(day.date)} — ${description}`} multiline maw={280} withArrow openDelay={150}>
      {cell}
    </Tooltip>
  );
}

interface MonthGridProps {
  month: number;
  days: CalendarDay[];
  today: string;
  onPick: ((day: CalendarDay) => void) | null;
}

const MonthGrid = memo(function MonthGrid({ month, days, today, onPick }: MonthGridProps) {
  const first = days[0];
  if (!first) return null;
  // Monday-first weeks, as Vietnamese calendars are printed.
  const lead = (new Date(`${first.date}T00:00:00Z`).getUTCDay() + 6) % 7;
  return (
    <section className={classes.month} aria-label={`Tháng ${month}`} data-testid="calendar-month">
      <div className={classes.monthTitle}>Tháng {month}</div>
      <div className={classes.grid}>
        {WEEKDAY_HEADERS.map((w) => (
          <div key={w} className={classes.weekday}>
            {w}
          </div>
        ))}
        {Array.from({ length: lead }, (_, i) => (
          <div key={`lead-${i}`} />
        ))}
        {days.map((day) => (
          <DayCell key={day.date} day={day} today={today} onPick={onPick} />
        ))}
      </div>
    </section>
  );
});

interface YearGridProps {
  days: CalendarDay[];
  today: string;
  /** Administrators click a day to add or remove an exception; null = read-only. */
  onPick: ((day: CalendarDay) => void) | null;
}

export function YearGrid({ days, today, onPick }: YearGridProps) {
  const months: CalendarDay[][] = Array.from({ length: 12 }, () => []);
  for (const day of days) months[Number(day.date.slice(5, 7)) - 1]?.push(day);
  return (
    <div className={classes.months} data-testid="calendar-year">
      {months.map((monthDays, index) => (
        <MonthGrid key={index} month={index + 1} days={monthDays} today={today} onPick={onPick} />
      ))}
    </div>
  );
}

export function CalendarLegend() {
  const swatch = (extra: Array<string | undefined>, text: string) => (
    <span className={classes.legend}>
      <span className={[classes.day, classes.swatch, ...extra].filter(Boolean).join(' ')}>1</span>
      {text}
    </span>
  );
  return (
    <Group gap="md" wrap="wrap">
      {swatch([], 'Ngày làm việc')}
      {swatch([classes.weekend], 'Thứ Bảy, Chủ nhật')}
      {swatch([classes.off], 'Ngày nghỉ lễ, nghỉ bù')}
      {swatch([classes.makeup], 'Ngày làm bù')}
      {swatch([classes.off, classes.draft], 'Dự kiến (chưa xác nhận)')}
      {swatch([classes.off, classes.uncertain], 'Căn cứ chưa chắc chắn')}
      {swatch([classes.today], 'Hôm nay')}
    </Group>
  );
}
