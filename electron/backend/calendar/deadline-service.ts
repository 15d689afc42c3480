import type { Sql } from '../store/sql';
import type { Settings } from '../../../shared/api/schemas/settings';
import { addDays, parseIsoDate, WorkingCalendar, type IsoDate } from '../../../shared/domain/calendar';
import {
  computeDeadline,
  computeDeadlineFast,
  workingDaysLeft,
  type ClockPause,
  type DeadlineOutcome,
  type DeadlineUnit,
  type LedgerEntry,
  type PauseMode,
  type PauseRuleId,
} from '../../../shared/domain/deadline';
import { readCalendarSource } from './calendar-repo';
import { currentPauseRule } from './pause-rule-repo';

export interface RuleAtReceipt {
  receivedAt: string;
  amount: number;
  unit: DeadlineUnit;
  pauseMode: PauseMode;
  pauses?: readonly ClockPause[];
  /**
   * The version of the pause rule the dossier was stamped with (dossiers.pause_rule, set on those completed
   * before a newer version was adopted); null or absent: the version in force.
   */
  pauseRule?: PauseRuleId | null;
}

export interface LedgerLine {
  date: string;
  kind: string;
  label: string;
  dayNumber: number | null;
  at: string | null;
  note: string | null;
}

export type Timeliness = 'in_time' | 'due_soon' | 'overdue';

/**
 * The working calendar and office hours of one request, loaded once: handlers ask it for due dates,
 * explanations and standings instead of assembling the pure engine's inputs themselves.
 */
export interface DeadlineService {
  calendar: WorkingCalendar;
  /** The version of the pause rule in force (pause-rules.ts). */
  pauseRule: PauseRuleId;
  /** Due date or, while a supplement request is open, the paused state; `now` is the office's clock. */
  outcome(rule: RuleAtReceipt, now: string): DeadlineOutcome;
  /** For a dossier received complete, with no pause: always a due date. */
  computeForReceipt(rule: RuleAtReceipt): { countFrom: string; dueDate: string; dueAt: string };
  explain(rule: RuleAtReceipt, now: string): { outcome: DeadlineOutcome; ledger: LedgerLine[] };
  standing(today: string, dueDate: string): { workingDaysLeft: number; timeliness: Timeliness };
  shiftWorkingDays(date: string, n: number): string;
}

export function toLedgerLines(ledger: readonly LedgerEntry[]): LedgerLine[] {
  return ledger.map((entry) => ({
    date: entry.date,
    kind: entry.kind,
    label: entry.label,
    dayNumber: entry.dayNumber ?? null,
    at: entry.at ?? null,
    note: entry.note ?? null,
  }));
}

export function officeHoursOf(settings: Settings) {
  return {
    utcOffsetMinutes: settings.office.utcOffsetMinutes,
    sessions: settings.office.sessions,
    cutoff: settings.office.cutoff,
  };
}

export async function createDeadlineService(
  db: Sql,
  settings: Settings,
  calendar?: WorkingCalendar,
): Promise<DeadlineService> {
  const cal = calendar ?? WorkingCalendar.from(await readCalendarSource(db));
  const office = officeHoursOf(settings);
  const warn = settings.office.dueSoonWorkingDays;
  const inForce = await currentPauseRule(db);
  const input = (rule: RuleAtReceipt, now?: string) => ({
    receivedAt: rule.receivedAt,
    rule: { amount: rule.amount, unit: rule.unit, pauseMode: rule.pauseMode },
    pauses: rule.pauses ?? [],
    pauseRule: rule.pauseRule ?? inForce,
    calendar: cal,
    office,
    ...(now ? { now } : {}),
  });
  return {
    calendar: cal,
    pauseRule: inForce,
    outcome: (rule, now) => computeDeadlineFast(input(rule, now)),
    computeForReceipt(rule) {
      const outcome = computeDeadlineFast(input(rule));
      if (outcome.state !== 'due')
        throw new Error(`computeForReceipt expects a due outcome, got ${outcome.state}`);
      return { countFrom: outcome.countFrom, dueDate: outcome.dueDate, dueAt: outcome.dueAt };
    },
    explain(rule, now) {
      const { ledger, ...outcome } = computeDeadline(input(rule, now));
      return { outcome: outcome as DeadlineOutcome, ledger: toLedgerLines(ledger) };
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
      if (n >= 0) return cal.addWorkingDays(day, n);
      let current = day;
      for (let i = 0; i < -n; i += 1) {
        do current = addDays(current, -1);
        while (!cal.isWorkingDay(current));
      }
      return current;
    },
  };
}
