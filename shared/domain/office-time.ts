// The office's wall clock is a fixed UTC offset from settings (default +07:00), never the machine's time
// zone: Asia/Ho_Chi_Minh was +08 before 1975 and office PCs are often set to the wrong zone.

const MINUTE_MS = 60_000;

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** ISO-8601 with the office offset, second precision: 2026-11-26T09:30:00+07:00. */
export function toOfficeIso(instant: Date, offsetMinutes: number): string {
  const shifted = new Date(instant.getTime() + offsetMinutes * MINUTE_MS);
  return (
    `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}` +
    `T${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}:${pad(shifted.getUTCSeconds())}` +
    formatOffset(offsetMinutes)
  );
}

/** The office-local calendar date of an instant. */
export function officeDate(instant: Date, offsetMinutes: number): string {
  return toOfficeIso(instant, offsetMinutes).slice(0, 10);
}
