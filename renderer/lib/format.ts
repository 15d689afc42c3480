// Display formats used at the desk: dates as DD/MM/YYYY, times in the office's time zone (a setting), never
// the machine's — a laptop set to UTC must still print 17:00 for a 17:00 appointment in Bắc Ninh.
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import 'dayjs/locale/vi';
import { deadlineUnitLabels } from '../../shared/api/schemas/procedures';

dayjs.extend(utc);
dayjs.locale('vi');

export const DEFAULT_UTC_OFFSET_MINUTES = 7 * 60;

const weekdayNames = ['Chủ Nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'] as const;

function parseIsoDate(isoDate: string): { y: number; m: number; d: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return null;
  return { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
}

/** '2026-12-10' -> '10/12/2026' (a calendar date has no time zone; never route it through Date). */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '—';
  const parts = parseIsoDate(isoDate);
  if (!parts) return isoDate;
  return `${String(parts.d).padStart(2, '0')}/${String(parts.m).padStart(2, '0')}/${parts.y}`;
}

/** '2026-12-10' -> 'Thứ Năm' */
export function weekdayName(isoDate: string): string {
  const parts = parseIsoDate(isoDate);
  if (!parts) return '';
  return weekdayNames[new Date(Date.UTC(parts.y, parts.m - 1, parts.d)).getUTCDay()] ?? '';
}

/** An instant shown as office wall-clock time: 'DD/MM/YYYY HH:mm'. */
export function formatInstant(iso: string | null | undefined, utcOffsetMinutes: number): string {
  if (!iso) return '—';
  const value = dayjs(iso);
  if (!value.isValid()) return iso;
  return value.utcOffset(utcOffsetMinutes).format('DD/MM/YYYY HH:mm');
}

/** The 'HH:mm' of an instant in office time, or null when the text is not an instant. */
export function officeClockTime(iso: string | null | undefined, utcOffsetMinutes: number): string | null {
  if (!iso) return null;
  if (/^([01]\d|2[0-3]):[0-5]\d$/.test(iso)) return iso;
  const value = dayjs(iso);
  return value.isValid() ? value.utcOffset(utcOffsetMinutes).format('HH:mm') : null;
}

/** '+07:00' for 420. */
export function formatUtcOffset(utcOffsetMinutes: number): string {
  const sign = utcOffsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(utcOffsetMinutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** Office wall-clock 'YYYY-MM-DD HH:mm:ss' (what Mantine's pickers use) for an instant. */
export function toOfficeWallClock(instant: Date | string, utcOffsetMinutes: number): string {
  return dayjs(instant).utcOffset(utcOffsetMinutes).format('YYYY-MM-DD HH:mm:ss');
}

/** Office wall-clock 'YYYY-MM-DD HH:mm:ss' -> ISO 8601 with the office offset, as the contract requires. */
export function wallClockToIso(wallClock: string, utcOffsetMinutes: number): string {
  const [date, time = '00:00:00'] = wallClock.trim().split(/[ T]/);
  const fullTime = time.length === 5 ? `${time}:00` : time;
  return `${date}T${fullTime}${formatUtcOffset(utcOffsetMinutes)}`;
}

export function formatDeadline(deadline: { amount: number; unit: keyof typeof deadlineUnitLabels }): string {
  return `${deadline.amount} ${deadlineUnitLabels[deadline.unit]}`;
}

/** 'Hẹn trả: 17:00, Thứ Năm 10/12/2026' */
export function formatAppointment(dueDate: string, dueAt: string | null, utcOffsetMinutes: number): string {
  const time = officeClockTime(dueAt, utcOffsetMinutes);
  const day = `${weekdayName(dueDate)} ${formatDate(dueDate)}`;
  return time ? `${time}, ${day}` : day;
}

const numberFormat = new Intl.NumberFormat('vi-VN');

export function formatCount(value: number): string {
  return numberFormat.format(value);
}

/**
 * What a clerk types into a date box -> 'YYYY-MM-DD', or null: '5/3/2026', '05/03/2026', '5-3-2026', '5.3.2026'
 * (day first, as Vietnamese dates are written) and ISO '2026-03-05'. Used as Mantine's `dateParser`, whose
 * default reads the month first.
 */
export function parseViDate(text: string): string | null {
  const value = text.trim();
  let y: number;
  let m: number;
  let d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const vi = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (vi) [d, m, y] = [Number(vi[1]), Number(vi[2]), Number(vi[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
