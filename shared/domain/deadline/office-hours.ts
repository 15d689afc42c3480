import { DeadlineInputError } from './deadline-errors';
import { formatUtcOffset } from './instant';

export interface OfficeSession {
  /** `HH:MM`, office wall-clock time. */
  readonly start: string;
  readonly end: string;
}

/** Opening hours of one desk. Offices differ by province (domain.md §3.1), so every field is a setting. */
export interface OfficeHours {
  /** The office's fixed UTC offset; never the machine's time zone. */
  readonly utcOffsetMinutes: number;
  /** Morning and afternoon sessions; a due day ends when the last one closes. */
  readonly sessions: readonly OfficeSession[];
  /**
   * Dossiers received after this time count as received on the next working day (the 15:00 rule,
   * NĐ 61/2018 Điều 17 as recalled — domain.md §2.3). `null` switches the rule off.
   */
  readonly cutoff: string | null;
}

export const DEFAULT_OFFICE_HOURS: OfficeHours = {
  utcOffsetMinutes: 420,
  sessions: [
    { start: '07:30', end: '11:30' },
    { start: '13:30', end: '17:00' },
  ],
  cutoff: '15:00',
};

export interface NormalizedOfficeHours {
  readonly offsetMinutes: number;
  readonly offsetText: string;
  /** Cut-off as milliseconds after local midnight, or null. */
  readonly cutoffMs: number | null;
  readonly cutoffText: string | null;
  /** Minute of the day the last session ends: the due time. */
  readonly closeMinutes: number;
  readonly closeText: string;
}

const CLOCK_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

function badHours(messageEn: string, messageVi: string, field: string): DeadlineInputError {
  return new DeadlineInputError('INVALID_OFFICE_HOURS', messageEn, messageVi, field);
}

function clockMinutes(value: string, field: string): number {
  const match = typeof value === 'string' ? CLOCK_PATTERN.exec(value) : null;
  if (!match) {
    throw badHours(
      `${field}: expected a time as HH:MM (00:00–23:59): ${JSON.stringify(value)}`,
      `${field}: giờ phải có dạng HH:MM (00:00–23:59): ${JSON.stringify(value)}`,
      field,
    );
  }
  return Number(match[1]) * 60 + Number(match[2]);
}

// Bulk recomputes pass the same settings object a million times; validate it once.
const cache = new WeakMap<Partial<OfficeHours>, NormalizedOfficeHours>();
let defaultHours: NormalizedOfficeHours | undefined;

export function normalizeOfficeHours(office?: Partial<OfficeHours>): NormalizedOfficeHours {
  if (office === undefined) return (defaultHours ??= computeOfficeHours({}));
  let normalized = cache.get(office);
  if (!normalized) {
    normalized = computeOfficeHours(office);
    cache.set(office, normalized);
  }
  return normalized;
}

function computeOfficeHours(office: Partial<OfficeHours>): NormalizedOfficeHours {
  const merged: OfficeHours = { ...DEFAULT_OFFICE_HOURS, ...office };
  const { utcOffsetMinutes, sessions, cutoff } = merged;
  if (!Number.isInteger(utcOffsetMinutes) || utcOffsetMinutes < -12 * 60 || utcOffsetMinutes > 14 * 60) {
    throw badHours(
      `office.utcOffsetMinutes must be an integer between -720 and 840: ${String(utcOffsetMinutes)}`,
      `Múi giờ của cơ quan không hợp lệ: ${String(utcOffsetMinutes)}`,
      'office.utcOffsetMinutes',
    );
  }
  if (!Array.isArray(sessions) || sessions.length === 0) {
    throw badHours(
      'office.sessions must list at least one session',
      'Cần khai báo ít nhất một buổi làm việc',
      'office.sessions',
    );
  }
  let previousEnd = -1;
  sessions.forEach((session, index) => {
    const start = clockMinutes(session.start, `office.sessions[${index}].start`);
    const end = clockMinutes(session.end, `office.sessions[${index}].end`);
    if (start >= end || start < previousEnd) {
      throw badHours(
        `office.sessions[${index}]: sessions must be in order, each starting before it ends and after the previous one`,
        `Buổi làm việc thứ ${index + 1} không hợp lệ: giờ bắt đầu phải trước giờ kết thúc và sau buổi trước`,
        `office.sessions[${index}]`,
      );
    }
    previousEnd = end;
  });
  const cutoffMinutes = cutoff === null ? null : clockMinutes(cutoff, 'office.cutoff');
  const last = sessions[sessions.length - 1];
  return {
    offsetMinutes: utcOffsetMinutes,
    offsetText: formatUtcOffset(utcOffsetMinutes),
    cutoffMs: cutoffMinutes === null ? null : cutoffMinutes * 60_000,
    cutoffText: cutoff,
    closeMinutes: previousEnd,
    closeText: last?.end ?? '17:00',
  };
}
