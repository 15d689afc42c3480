import { performance } from 'node:perf_hooks';
import type { BenchContext } from '../bench-context';
import { measure } from '../bench-harness';
import { readSettings } from '../../electron/backend/settings/settings-repo';
import { readCalendarSource } from '../../electron/backend/calendar/calendar-repo';
import { officeHoursOf } from '../../electron/backend/calendar/deadline-service';
import { findMovedDossiers } from '../../electron/backend/calendar/recompute-due-dates';
import { applyCalendarEdits, parseIsoDate, WorkingCalendar } from '../../shared/domain/calendar';
import { computeDeadlineOutcome, normalizeDeadlineInput } from '../../shared/domain/deadline';

const MILLION = 1_000_000;

export async function deadlineSection(b: BenchContext): Promise<void> {
  const db = b.backend.ctx.db;
  const settings = await readSettings(db);
  const office = officeHoursOf(settings);
  const calendar = WorkingCalendar.from(await readCalendarSource(db));
  // 1M synthetic open dossiers received over two years, parsed once as the recompute does.
  const base = Date.parse('2025-01-02T01:00:00Z');
  const inputs = Array.from({ length: MILLION }, (_, i) => {
    const received = new Date(base + ((i * 7919) % (600 * 86_400)) * 1000);
    return normalizeDeadlineInput({
      receivedAt: received.toISOString().replace('Z', '+00:00'),
      rule: { amount: 5 + (i % 16), unit: 'wd', pauseMode: 'pause' },
      pauses: [],
      office,
    });
  });
  const edited = WorkingCalendar.from(
    applyCalendarEdits(calendar.source, [
      {
        type: 'add',
        exception: { date: parseIsoDate('2026-03-04'), kind: 'off', name: 'Bench', status: 'confirmed' },
      },
    ]),
  );
  const recompute = await measure(
    () => {
      let moved = 0;
      for (const input of inputs) if (computeDeadlineOutcome(input, edited).state === 'due') moved += 1;
      return moved;
    },
    Math.max(3, b.runs),
  );
  b.report.add({
    section: 'deadlines',
    name: 'recompute 1,000,000 due dates after a calendar change',
    value: recompute.median / 1000,
    p95: recompute.p95 / 1000,
    unit: 's',
    target: '< 5 s',
    met: recompute.median < 5000,
  });
  b.report.add({
    section: 'deadlines',
    name: 'one due-date computation (amortised over 1M)',
    value: (recompute.median * 1000) / MILLION,
    unit: 'µs',
    target: '< 5 µs',
    met: (recompute.median * 1000) / MILLION < 5,
  });
  const started = performance.now();
  const moved = await findMovedDossiers(
    db,
    settings,
    edited,
    new Date().toISOString().replace('Z', '+00:00'),
  );
  b.report.add({
    section: 'deadlines',
    name: 'preview of a calendar change over the store’s open dossiers',
    value: performance.now() - started,
    unit: 'ms',
    note: `${moved.length} of the open dossiers would move`,
  });
}
