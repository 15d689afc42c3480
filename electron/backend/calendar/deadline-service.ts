import type { Db } from '../db/open-database';
import type { Settings } from '../../../shared/api/schemas/settings';
import { addDays, parseIsoDate, WorkingCalendar, type IsoDate } from '../../../shared/domain/calendar';
import {
  computeDeadline,
  computeDeadlineFast,
  workingDaysLeft,
  type ClockPause,
  type DeadlineUnit,
  type PauseMode,
} from '../../../shared/domain/deadline';
import { readCalendarSource } from './calendar-repo';

export interface RuleAtReceipt {
  receivedAt: string;
  amount: number;
  unit: DeadlineUnit;
  pauseMode: PauseMode;
  pauses?: readonly ClockPause[];
}

export interface LedgerLine {
  date: string;
  kind: string;
  label: string;
  dayNumber: number | null;
}

/**
 * The working calendar and office hours of one request, loaded once: handlers ask it for due dates,
 * explanations and standings instead of touching the pure engine's inputs themselves.
 */
export interface DeadlineService {
  calendar: WorkingCalendar;
  computeForReceipt(rule: RuleAtReceipt): { countFrom: string; dueDate: string; dueAt: string };
  explain(rule: RuleAtReceipt): LedgerLine[];
  standing(
    today: string,
    dueDate: string,
  ): { workingDaysLeft: number; timeliness: 'in_time' | 'due_soon' | 'overdue' };
  shiftWorkingDays(date: string, n: number): string;
}

export function createDeadlineService(
  db: Db,
  settings: Settings,
  calendar?: WorkingCalendar,
): DeadlineService {
  const cal = calendar ?? WorkingCalendar.from(readCalendarSource(db));
  const office = {
    utcOffsetMinutes: settings.office.utcOffsetMinutes,
    sessions: settings.office.sessions,
    cutoff: settings.office.cutoff,
  };
  const warn = settings.office.dueSoonWorkingDays;
  return {
    calendar: cal,
    computeForReceipt(rule) {
      const outcome = computeDeadlineFast({
        receivedAt: rule.receivedAt,
        rule: { amount: rule.amount, unit: rule.unit, pauseMode: rule.pauseMode },
        pauses: rule.pauses ?? [],
        calendar: cal,
        office,
      });
      if (outcome.state !== 'due') {
        throw new Error(`computeForReceipt expects a due outcome, got ${outcome.state}`);
      }
      return { countFrom: outcome.countFrom, dueDate: outcome.dueDate, dueAt: outcome.dueAt };
    },
    explain(rule) {
      const result = computeDeadline({
        receivedAt: rule.receivedAt,
        rule: { amount: rule.amount, unit: rule.unit, pauseMode: rule.pauseMode },
        pauses: rule.pauses ?? [],
        calendar: cal,
        office,
      });
      return result.ledger.map((entry) => ({
        date: entry.date,
        kind: entry.kind,
        label: entry.note ? `${entry.label} (${entry.note})` : entry.label,
        dayNumber: entry.dayNumber ?? null,
      }));
    },
    standing(today, dueDate) {
      const left = workingDaysLeft(parseIsoDate(today), parseIsoDate(dueDate), cal);
      return {
        workingDaysLeft: left,
        timeliness: left < 0 ? 'overdue' : left <= warn ? 'due_soon' : 'in_time',
      };
    },
    shiftWorkingDays(date, n) {
      const day: IsoDate = parseIsoDate(date);
      if (n === 0) return day;
      if (n > 0) return cal.addWorkingDays(day, n);
      let current = day;
      for (let i = 0; i < -n; i += 1) {
        do current = addDays(current, -1);
        while (!cal.isWorkingDay(current));
      }
      return current;
    },
  };
}
