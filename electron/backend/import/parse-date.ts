import { daysInMonth } from '../../../shared/domain/calendar';
import type { CellValue } from './source-table';

/** An office-local calendar date, with the wall-clock time when the file gave one. */
export interface LocalDateTime {
  date: string;
  /** 'HH:mm', or null when the cell held a date only. */
  time: string | null;
}

export type DateParse =
  | { ok: true; value: LocalDateTime }
  | { ok: false; code: 'DATE_FORMAT' | 'DATE_IMPOSSIBLE'; message: string };

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const VIETNAMESE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: +(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

const pad = (n: number) => String(n).padStart(2, '0');

function shown(raw: string): string {
  return raw.length > 40 ? `${raw.slice(0, 37)}…` : raw;
}

function fromParts(
  column: string,
  raw: string,
  year: number,
  month: number,
  day: number,
  hour: number | null,
  minute: number | null,
  second: number | null,
): DateParse {
  // A date that does not exist (31/02, 29/02/2023, month 13, day 0) is refused, never rolled over into
  // the next month as Date.UTC would do (reliability.md 4-P6).
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, code: 'DATE_IMPOSSIBLE', message: `${column} ${shown(raw)} không tồn tại.` };
  }
  if (hour !== null && (hour > 23 || (minute ?? 0) > 59 || (second ?? 0) > 59)) {
    return {
      ok: false,
      code: 'DATE_IMPOSSIBLE',
      message: `${column} ${shown(raw)}: giờ không tồn tại (giờ 00–23, phút 00–59).`,
    };
  }
  return {
    ok: true,
    value: {
      date: `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`,
      time: hour === null ? null : `${pad(hour)}:${pad(minute ?? 0)}`,
    },
  };
}

const num = (text: string | undefined): number | null => (text === undefined ? null : Number(text));

/**
 * A date cell: text as 'YYYY-MM-DD' or 'dd/mm/yyyy' (day and month may have one digit), optionally followed
 * by ' HH:mm' (or ':ss'), or a real Excel date. An Excel date is a wall-clock value with no zone: exceljs
 * hands it over as that wall clock read as UTC, so its UTC fields are the office-local date and time, and a
 * time of exactly 00:00 means "date only". A bare number is refused: it is an Excel date serial in a cell
 * formatted as a number, and guessing would be wrong half the time (reliability.md 4-P6).
 */
export function parseDateCell(column: string, value: CellValue): DateParse | null {
  if (value === null) return null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) {
      return { ok: false, code: 'DATE_FORMAT', message: `${column}: ô chứa ngày không hợp lệ.` };
    }
    const hasTime = value.getUTCHours() !== 0 || value.getUTCMinutes() !== 0;
    return {
      ok: true,
      value: {
        date: `${String(value.getUTCFullYear()).padStart(4, '0')}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`,
        time: hasTime ? `${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}` : null,
      },
    };
  }
  if (typeof value === 'number') {
    return {
      ok: false,
      code: 'DATE_FORMAT',
      message: `${column} là số (${value}), không phải ngày: hãy định dạng ô là Ngày (Date) hoặc nhập dạng dd/mm/yyyy.`,
    };
  }
  const raw = value.trim();
  const iso = ISO.exec(raw);
  if (iso) {
    const [, y, m, d, hh, mm, ss] = iso;
    return fromParts(column, raw, Number(y), Number(m), Number(d), num(hh), num(mm), num(ss));
  }
  const vi = VIETNAMESE.exec(raw);
  if (vi) {
    const [, d, m, y, hh, mm, ss] = vi;
    return fromParts(column, raw, Number(y), Number(m), Number(d), num(hh), num(mm), num(ss));
  }
  return {
    ok: false,
    code: 'DATE_FORMAT',
    message: `${column} «${shown(raw)}» không đúng định dạng ngày (YYYY-MM-DD hoặc dd/mm/yyyy, có thể kèm giờ HH:mm).`,
  };
}
