import { CalendarError } from './calendar-errors';
import type { CalendarException, CalendarSource, CalendarYear } from './calendar-types';
import { formatViDate, isIsoDate, isWeekendDayNumber, toDayNumber, yearOf } from './iso-date';

/** Years the calendar may cover. Bounded so that a typo (year 20260) cannot build a huge index. */
export const MIN_CALENDAR_YEAR = 1900;
export const MAX_CALENDAR_YEAR = 2199;

function invalid(messageEn: string, messageVi: string, date?: string): CalendarError {
  return new CalendarError('INVALID_EXCEPTION', messageEn, messageVi, date);
}

export function validateCalendarYear(entry: CalendarYear): CalendarYear {
  const { year, status } = entry;
  if (!Number.isInteger(year) || year < MIN_CALENDAR_YEAR || year > MAX_CALENDAR_YEAR) {
    throw new CalendarError(
      'INVALID_YEAR',
      `Calendar year must be an integer in ${MIN_CALENDAR_YEAR}–${MAX_CALENDAR_YEAR}: ${String(year)}`,
      `Năm của lịch làm việc phải là số nguyên từ ${MIN_CALENDAR_YEAR} đến ${MAX_CALENDAR_YEAR}: ${String(year)}`,
    );
  }
  if (status !== 'confirmed' && status !== 'draft') {
    throw new CalendarError(
      'INVALID_YEAR',
      `Year status must be 'confirmed' or 'draft': ${String(status)}`,
      `Trạng thái năm phải là "đã xác nhận" hoặc "dự kiến": ${String(status)}`,
    );
  }
  return { year, status };
}

/**
 * Checks one exception on its own. The weekend rules follow from QĐ 188/1999/QĐ-TTg Điều 1 (Saturday and
 * Sunday are the weekly rest days of state agencies): a make-up working day only makes sense on a weekend day,
 * and an extra day off on a weekend changes nothing — nghỉ bù for a holiday on a weekend goes on the next
 * working day instead (BLLĐ 2019 Điều 111 k3).
 */
export function validateException(exception: CalendarException): CalendarException {
  const { date, kind, name, status, source, uncertain } = exception;
  if (!isIsoDate(date)) {
    throw new CalendarError(
      'INVALID_DATE',
      `Not a valid calendar date (expected an existing day as YYYY-MM-DD): ${JSON.stringify(date)}`,
      `Ngày không hợp lệ (cần một ngày có thật, dạng YYYY-MM-DD): ${JSON.stringify(date)}`,
      String(date),
    );
  }
  if (kind !== 'off' && kind !== 'makeup') {
    throw invalid(
      `Exception kind must be 'off' or 'makeup': ${String(kind)}`,
      `Loại ngày phải là "ngày nghỉ" hoặc "ngày làm bù": ${String(kind)}`,
      date,
    );
  }
  if (typeof name !== 'string' || name.trim() === '') {
    throw invalid(
      `A day off or make-up day needs a name (${date})`,
      `Ngày nghỉ/ngày làm bù phải có tên (lý do) (${formatViDate(date)})`,
      date,
    );
  }
  if (status !== 'confirmed' && status !== 'draft') {
    throw invalid(
      `Exception status must be 'confirmed' or 'draft': ${String(status)}`,
      `Trạng thái không hợp lệ: ${String(status)}`,
      date,
    );
  }
  if (source !== undefined && typeof source !== 'string') {
    throw invalid(
      `Exception source must be text (${date})`,
      `Căn cứ phải là văn bản (${formatViDate(date)})`,
      date,
    );
  }
  if (uncertain !== undefined && typeof uncertain !== 'boolean') {
    throw invalid(
      `'uncertain' must be a boolean (${date})`,
      `Cờ "chưa chắc chắn" không hợp lệ (${formatViDate(date)})`,
      date,
    );
  }
  const isWeekend = isWeekendDayNumber(toDayNumber(date));
  if (kind === 'makeup' && !isWeekend) {
    throw new CalendarError(
      'MAKEUP_NOT_WEEKEND',
      `A make-up working day must be a Saturday or Sunday: ${date}`,
      `Ngày làm bù phải là Thứ Bảy hoặc Chủ nhật: ${formatViDate(date)}`,
      date,
    );
  }
  if (kind === 'off' && isWeekend) {
    throw new CalendarError(
      'OFF_ON_WEEKEND',
      `A day off on a Saturday or Sunday is meaningless; put the compensatory day (nghỉ bù) on the next working day: ${date}`,
      `Ngày nghỉ rơi vào Thứ Bảy/Chủ nhật không có ý nghĩa; hãy đặt ngày nghỉ bù vào ngày làm việc kế tiếp: ${formatViDate(date)}`,
      date,
    );
  }
  return {
    date,
    kind,
    name: name.trim(),
    status,
    ...(source !== undefined && source.trim() !== '' ? { source: source.trim() } : {}),
    ...(uncertain ? { uncertain: true } : {}),
  };
}

function conflictError(a: CalendarException, b: CalendarException): CalendarError {
  validateException(a); // an invalid date is reported as such, not as a conflict
  if (a.kind !== b.kind) {
    return new CalendarError(
      'OFF_AND_MAKEUP',
      `A day cannot be both a day off and a make-up working day: ${a.date}`,
      `Một ngày không thể vừa là ngày nghỉ vừa là ngày làm bù: ${formatViDate(a.date)}`,
      a.date,
    );
  }
  return new CalendarError(
    'DUPLICATE_EXCEPTION',
    `The day ${a.date} is listed twice (${a.name} / ${b.name})`,
    `Ngày ${formatViDate(a.date)} bị khai báo hai lần (${a.name} / ${b.name})`,
    a.date,
  );
}

/**
 * Validates a whole calendar and returns a normalised copy (years ascending, exceptions by date).
 * Throws the first violation found; the input is never modified.
 */
export function validateCalendarSource(source: CalendarSource): CalendarSource {
  const years = source.years.map(validateCalendarYear).sort((a, b) => a.year - b.year);
  for (let i = 1; i < years.length; i++) {
    if (years[i]?.year === years[i - 1]?.year) {
      throw new CalendarError(
        'INVALID_YEAR',
        `Year ${String(years[i]?.year)} is listed twice`,
        `Năm ${String(years[i]?.year)} bị khai báo hai lần`,
      );
    }
  }
  const covered = new Set(years.map((entry) => entry.year));
  // Conflicts first, so that a day entered both as off and as make-up is reported as exactly that, rather
  // than as whichever weekend rule the second entry also breaks.
  const seen = new Map<string, CalendarException>();
  for (const exception of source.exceptions) {
    const existing = seen.get(exception.date);
    if (existing) throw conflictError(existing, exception);
    seen.set(exception.date, exception);
  }
  const exceptions = source.exceptions
    .map(validateException)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const exception of exceptions) {
    const year = yearOf(exception.date);
    if (!covered.has(year)) {
      throw new CalendarError(
        'YEAR_NOT_COVERED',
        `${exception.date} lies in ${year}, which the calendar does not cover; add the year first`,
        `Ngày ${formatViDate(exception.date)} thuộc năm ${year}, năm chưa có trong lịch làm việc; hãy thêm năm trước`,
        exception.date,
      );
    }
  }
  return { years, exceptions };
}
