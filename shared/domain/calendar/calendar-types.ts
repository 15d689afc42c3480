import type { IsoDate } from './iso-date';

/**
 * `off`: a Monday–Friday on which offices are closed (holiday, nghỉ bù, swapped day).
 * `makeup`: a Saturday/Sunday on which offices work (làm bù for a swapped day).
 */
export type ExceptionKind = 'off' | 'makeup';

/** `draft` = "dự kiến": drafted from the statute, not yet confirmed by an administrator. */
export type ExceptionStatus = 'confirmed' | 'draft';

export type YearStatus = 'confirmed' | 'draft' | 'missing';

export interface CalendarException {
  readonly date: IsoDate;
  readonly kind: ExceptionKind;
  /** Vietnamese, shown to users as the reason a day is skipped or worked, e.g. 'Tết Nguyên đán'. */
  readonly name: string;
  readonly status: ExceptionStatus;
  /** The legal document fixing the day, e.g. 'Thông báo 9441/TB-BNV'. */
  readonly source?: string;
  /** The day rests on secondary sources only and must be checked by an administrator. */
  readonly uncertain?: boolean;
}

export interface CalendarYear {
  readonly year: number;
  readonly status: Exclude<YearStatus, 'missing'>;
}

/** Everything a working calendar is built from — the shape the store keeps (one row per year, per exception). */
export interface CalendarSource {
  readonly years: readonly CalendarYear[];
  readonly exceptions: readonly CalendarException[];
}

export type DayKind = 'workday' | 'weekend' | 'off' | 'makeup';

export interface DayInfo {
  readonly date: IsoDate;
  readonly isWorking: boolean;
  readonly kind: DayKind;
  /** Vietnamese reason: 'Thứ Hai' … 'Chủ nhật', the holiday name, or 'Làm bù (Thứ Bảy)'. */
  readonly label: string;
  readonly weekday: number;
  readonly yearStatus: Exclude<YearStatus, 'missing'>;
  readonly exception?: CalendarException;
}
