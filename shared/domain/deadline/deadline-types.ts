import type { IsoDate } from '../calendar/iso-date';
import type { WorkingCalendar } from '../calendar/working-calendar';
import type { OfficeHours } from './office-hours';
import type { PauseRuleId } from './pause-rules';

/**
 * `wd`: working days (ngày làm việc); `cd`: calendar days; `h`: hours before an event (e.g. a press
 * conference notified ≥ 24 h ahead, Luật Báo chí 2016 Điều 41) — gives a latest-filing time, not a due date.
 */
export type DeadlineUnit = 'wd' | 'cd' | 'h';

/**
 * What a supplement request does to the clock. `pause`: the days already used still count and the rest
 * continue from the day after the supplement is received. `restart`: the full period runs again from the
 * supplement's receipt.
 */
export type PauseMode = 'pause' | 'restart';

export interface DeadlineRule {
  /** A positive integer. */
  readonly amount: number;
  readonly unit: DeadlineUnit;
  readonly pauseMode: PauseMode;
}

export interface ClockPause {
  /** When the supplement request (Phiếu yêu cầu bổ sung) was issued; ISO-8601 with offset. */
  readonly from: string;
  /** When the supplement was received; ISO-8601 with offset, or null while the office still waits. */
  readonly to: string | null;
  /** Why, shown in the ledger (e.g. 'Thiếu bản sao giấy phép'). */
  readonly reason: string;
}

export interface DeadlineInput {
  /** When the complete dossier was received; ISO-8601 with offset (refused without one). */
  readonly receivedAt: string;
  readonly rule: DeadlineRule;
  readonly pauses?: readonly ClockPause[];
  /** Which version of the pause rule counts the request day (pause-rules.ts); defaults to the current one. */
  readonly pauseRule?: PauseRuleId;
  readonly calendar: WorkingCalendar;
  /** Defaults to `DEFAULT_OFFICE_HOURS` field by field. */
  readonly office?: Partial<OfficeHours>;
  /** Required while the last pause is open, to say how long the clock has been stopped. */
  readonly now?: string;
  /** Required for unit `h`: the event the period counts back from. */
  readonly eventAt?: string;
}

export interface DueOutcome {
  readonly state: 'due';
  /** The day the dossier counts as received (after the non-working-day and cut-off shifts). */
  readonly receiptDay: IsoDate;
  /** The first day counted: the first working day after the receipt day (`cd`: the next calendar day). */
  readonly countFrom: IsoDate;
  readonly dueDate: IsoDate;
  /** End of office hours on the due date, ISO-8601 with the office offset. */
  readonly dueAt: string;
}

/** The last supplement request is still open: there is no due date, only how long the clock has stood. */
export interface PausedOutcome {
  readonly state: 'paused';
  readonly receiptDay: IsoDate;
  readonly countFrom: IsoDate;
  /** Office-local day the open pause began. */
  readonly since: IsoDate;
  readonly pausedAt: string;
  /**
   * Working days the clock has stood up to `now`'s day inclusive: from the day after the request (v2), or
   * from the request day itself (v1, which did not count the request day).
   */
  readonly pausedWorkingDays: number;
  /** Days (in the rule's unit) used before the pause. */
  readonly usedDays: number;
  /** Days (in the rule's unit) that will run once the supplement arrives. */
  readonly remainingDays: number;
}

export interface EventOutcome {
  readonly state: 'event';
  readonly eventAt: string;
  /** The latest moment the notice may be filed, ISO-8601 with the office offset. */
  readonly latestFilingAt: string;
  /** Whether `receivedAt` is no later than `latestFilingAt`. */
  readonly isTimely: boolean;
}

export type DeadlineOutcome = DueOutcome | PausedOutcome | EventOutcome;

export type LedgerEntryKind =
  'receipt' | 'shift' | 'count-start' | 'counted' | 'makeup-counted' | 'skipped' | 'pause' | 'resume' | 'due';

/** One line of the explanation of a deadline; entries are in chronological order. */
export interface LedgerEntry {
  readonly date: IsoDate;
  readonly kind: LedgerEntryKind;
  /** Vietnamese; for `skipped` exactly the reason: 'Thứ Bảy', 'Chủ nhật', 'Tết Nguyên đán', … */
  readonly label: string;
  /** The running count of the period on a counted day (1 … N). */
  readonly dayNumber?: number;
  /** The instant behind the entry (receipt, pause, resume, due), ISO-8601 with the office offset. */
  readonly at?: string;
  /** Extra Vietnamese detail: legal source, "dự kiến", "chưa chắc chắn". */
  readonly note?: string;
}

export type DeadlineResult = DeadlineOutcome & { readonly ledger: readonly LedgerEntry[] };
