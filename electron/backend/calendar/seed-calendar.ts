import type { Sql } from '../store/sql';
import {
  FIRST_DRAFTABLE_YEAR,
  officialCalendarSource,
  withDraftedYears,
} from '../../../shared/domain/calendar';
import { insertYears } from './calendar-repo';

/**
 * Bundles the official 2023–2026 schedules as confirmed years, and drafts from the statute (status "dự kiến")
 * every other year from the first draftable one up to next year, so that receipts, imports of past years and
 * next year's appointments can be computed — and are shown as drafts until an administrator confirms them.
 */
export async function seedCalendar(db: Sql, nowIso: string): Promise<number[]> {
  const thisYear = Number(nowIso.slice(0, 4));
  const years: number[] = [];
  for (let year = FIRST_DRAFTABLE_YEAR; year <= thisYear + 1; year += 1) years.push(year);
  const source = withDraftedYears(officialCalendarSource(), years);
  return db.transaction(() => insertYears(db, source, nowIso, 'seed'));
}
