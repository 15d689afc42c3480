import type { Db } from '../db/open-database';
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

export function readCalendarSource(db: Db): CalendarSource {
  const years = db.prepare('SELECT year, status FROM calendar_years ORDER BY year').all() as CalendarYear[];
  const rows = db
    .prepare('SELECT date, kind, name, status, source, is_uncertain FROM calendar_days ORDER BY date')
    .all() as DayRow[];
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
export function insertYears(db: Db, source: CalendarSource, nowIso: string, reason: string): number[] {
  const present = new Set(
    (db.prepare('SELECT year FROM calendar_years').all() as Array<{ year: number }>).map((r) => r.year),
  );
  const added = source.years.filter((y) => !present.has(y.year));
  const insertYear = db.prepare(
    'INSERT INTO calendar_years (year, status, source, updated_at) VALUES (?, ?, ?, ?)',
  );
  const insertDay = db.prepare(
    'INSERT INTO calendar_days (date, kind, name, status, source, is_uncertain, reason) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const year of added) {
    insertYear.run(year.year, year.status, reason, nowIso);
    for (const day of source.exceptions) {
      if (Number(day.date.slice(0, 4)) !== year.year) continue;
      insertDay.run(
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
export function replaceCalendar(db: Db, source: CalendarSource, nowIso: string, reason: string): void {
  const previous = new Map(
    (
      db.prepare('SELECT year, source FROM calendar_years').all() as Array<{
        year: number;
        source: string | null;
      }>
    ).map((r) => [r.year, r.source]),
  );
  const reasons = new Map(
    (
      db.prepare('SELECT date, reason FROM calendar_days').all() as Array<{
        date: string;
        reason: string | null;
      }>
    ).map((r) => [r.date, r.reason]),
  );
  db.prepare('DELETE FROM calendar_days').run();
  db.prepare('DELETE FROM calendar_years').run();
  const insertYear = db.prepare(
    'INSERT INTO calendar_years (year, status, source, updated_at) VALUES (?, ?, ?, ?)',
  );
  const insertDay = db.prepare(
    'INSERT INTO calendar_days (date, kind, name, status, source, is_uncertain, reason) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const year of source.years)
    insertYear.run(year.year, year.status, previous.get(year.year) ?? reason, nowIso);
  for (const day of source.exceptions) {
    insertDay.run(
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
