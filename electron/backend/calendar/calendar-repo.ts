import type { Sql } from '../store/sql';
import type { CalendarException, CalendarSource, CalendarYear } from '../../../shared/domain/calendar';
import { parseIsoDate } from '../../../shared/domain/calendar';

interface DayRow {
  date: string;
  kind: 'off' | 'makeup';
  name: string;
  status: 'confirmed' | 'draft';
  source: string | null;
  is_uncertain: 0 | 1;
}

export async function readCalendarSource(db: Sql): Promise<CalendarSource> {
  const years = (await db.all('SELECT year, status FROM calendar_years ORDER BY year')) as CalendarYear[];
  const rows = (await db.all(
    'SELECT date, kind, name, status, source, is_uncertain FROM calendar_days ORDER BY date',
  )) as DayRow[];
  const exceptions: CalendarException[] = rows.map((row) => ({
    date: parseIsoDate(row.date),
    kind: row.kind,
    name: row.name,
    status: row.status,
    ...(row.source ? { source: row.source } : {}),
    ...(row.is_uncertain ? { uncertain: true } : {}),
  }));
  return { years, exceptions };
}

/** Adds years (and their days) the store does not have yet; never touches a year already stored. */
export async function insertYears(
  db: Sql,
  source: CalendarSource,
  nowIso: string,
  reason: string,
): Promise<number[]> {
  const present = new Set(
    ((await db.all('SELECT year FROM calendar_years')) as Array<{ year: number }>).map((r) => r.year),
  );
  const added = source.years.filter((y) => !present.has(y.year));
  const { insertYear, insertDay } = calendarWriters(db);
  for (const year of added) {
    await insertYear(year.year, year.status, reason, nowIso);
    for (const day of source.exceptions) {
      if (Number(day.date.slice(0, 4)) !== year.year) continue;
      await insertDay(
        day.date,
        day.kind,
        day.name,
        day.status,
        day.source ?? null,
        day.uncertain ? 1 : 0,
        reason,
      );
    }
  }
  return added.map((y) => y.year);
}

/** Replaces the stored calendar with `source` (a few hundred rows): edits are validated on the whole first. */
export async function replaceCalendar(
  db: Sql,
  source: CalendarSource,
  nowIso: string,
  reason: string,
): Promise<void> {
  const previous = new Map(
    (
      (await db.all('SELECT year, source FROM calendar_years')) as Array<{
        year: number;
        source: string | null;
      }>
    ).map((r) => [r.year, r.source]),
  );
  const reasons = new Map(
    (
      (await db.all('SELECT date, reason FROM calendar_days')) as Array<{
        date: string;
        reason: string | null;
      }>
    ).map((r) => [r.date, r.reason]),
  );
  await db.run('DELETE FROM calendar_days');
  await db.run('DELETE FROM calendar_years');
  const { insertYear, insertDay } = calendarWriters(db);
  for (const year of source.years)
    await insertYear(year.year, year.status, previous.get(year.year) ?? reason, nowIso);
  for (const day of source.exceptions) {
    await insertDay(
      day.date,
      day.kind,
      day.name,
      day.status,
      day.source ?? null,
      day.uncertain ? 1 : 0,
      reasons.get(day.date) ?? reason,
    );
  }
}

function calendarWriters(db: Sql) {
  return {
    insertYear: (...row: unknown[]) =>
      db.run('INSERT INTO calendar_years (year, status, source, updated_at) VALUES (?, ?, ?, ?)', row),
    insertDay: (...row: unknown[]) =>
      db.run(
        'INSERT INTO calendar_days (date, kind, name, status, source, is_uncertain, reason) VALUES (?, ?, ?, ?, ?, ?, ?)',
        row,
      ),
  };
}
