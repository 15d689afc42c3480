import type Database from 'better-sqlite3';

/*
 * Statistics summary (issue 5): the dashboard and Biểu 06/VPCP/KSTT must answer for a year of 1,000,000
 * dossiers in well under 200 ms, and a grouped scan of the dossiers table alone takes ~300 ms. So per-day
 * counters are kept in small summary tables, maintained by triggers on `dossiers` and `dossier_pauses`: they run
 * inside the very transaction of every write, so no code path (workflow, import, demo seeding, a future sync)
 * can forget them, and a rolled-back write rolls its counters back too.
 *
 * Every dossier contributes at three days:
 * - its receipt date:     received_online / received_other                      (Biểu 06 cols 4, 5, 6)
 * - its completion date:  completed_early / _on_time / _late, processing days,  (cols 6, 7–10)
 *                         done_past_due (completed after its due day)
 * - its due day:          due_total, due_met (completed on or before that day)   (col 13)
 * so that, for a period [S, E], every column is a sum over a range of days (see
 * shared/domain/statistics/report-arithmetic.ts for the identities, and the brute-force reference in
 * electron/backend/statistics/reference-report.ts that the tests compare against).
 *
 * The "due day" is max(due_date, receipt_date): a dossier cannot be overdue before it was received, and with
 * that key the overdue identity holds for any data. due_met/done_past_due compare dates rather than the stored
 * class, so the identity also holds when classification runs at 'datetime' granularity (a same-day late
 * dossier has completion day = due day). A completed dossier without a class (no appointment) counts as on time.
 *
 * Triggers subtract a row's old contribution and add its new one, so any change (reassignment, an apology,
 * a supplement that moves the due date, a corrected receipt date) keeps the counters exact. Rows whose counters
 * have all returned to zero are left in place: they cost a few bytes and are summed as zeros.
 *
 * Never edit this migration once shipped: the SQL below is frozen here on purpose (not imported).
 */

type Row = 'new' | 'old';

const DOSSIER_COUNTERS = [
  'received_online',
  'received_other',
  'completed_early',
  'completed_on_time',
  'completed_late',
  'processing_wd_sum',
  'processing_wd_count',
  'due_total',
  'due_met',
  'done_past_due',
] as const;

const PAUSE_COUNTERS = [
  'pause_count',
  'pause_closed_days',
  'pause_open_count',
  'pause_open_day_sum',
] as const;

type Counter = (typeof DOSSIER_COUNTERS)[number] | (typeof PAUSE_COUNTERS)[number];

interface Target {
  table: 'stats_daily' | 'stats_assignee_daily';
  keyColumn: 'procedure_id' | 'assignee_id';
  keyOf(r: Row): string;
  /** Which rows this table counts at all. */
  scope(r: Row): string;
}

const byProcedure: Target = {
  table: 'stats_daily',
  keyColumn: 'procedure_id',
  keyOf: (r) => `${r}.procedure_id`,
  scope: () => '1',
};
// Only assigned dossiers: the figures of the unassigned are the office total minus every appraiser's, so the
// bulk paths (import, demo seeding), whose dossiers nobody is assigned to, pay for one summary table, not two.
// Supplement pauses of unassigned dossiers are kept under assignee 0.
const byAssignee: Target = {
  table: 'stats_assignee_daily',
  keyColumn: 'assignee_id',
  keyOf: (r) => `${r}.assignee_id`,
  scope: (r) => `${r}.assignee_id IS NOT NULL`,
};

const completedDay = (r: Row) => `substr(${r}.completed_at, 1, 10)`;
const dueDay = (r: Row) => `max(${r}.due_date, ${r}.receipt_date)`;
/** Days since 1970-01-01 of an office-local date or instant (its first 10 characters). */
const dayNumber = (expr: string) => `(unixepoch(substr(${expr}, 1, 10)) / 86400)`;

function upsert(
  target: { table: string; keyColumn: string },
  day: string,
  key: string,
  values: Partial<Record<Counter, string>>,
  when: string,
): string {
  const columns = Object.keys(values) as Counter[];
  const expressions = columns.map((c) => values[c] as string);
  return `INSERT INTO ${target.table} (day, ${target.keyColumn}, ${columns.join(', ')})
    SELECT ${day}, ${key}, ${expressions.join(', ')} WHERE ${when}
    ON CONFLICT (${target.keyColumn}, day) DO UPDATE SET ${columns.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')};`;
}

// `IS` instead of `=`: it yields 0/1 and never NULL, and the counters are NOT NULL.
function receivedPart(target: Target, r: Row, sign: 1 | -1): string {
  return upsert(
    target,
    `${r}.receipt_date`,
    target.keyOf(r),
    {
      received_online: `${sign} * (${r}.channel IS 'online')`,
      received_other: `${sign} * (${r}.channel IS NOT 'online')`,
    },
    target.scope(r),
  );
}

function completedPart(target: Target, r: Row, sign: 1 | -1): string {
  return upsert(
    target,
    completedDay(r),
    target.keyOf(r),
    {
      completed_early: `${sign} * (${r}.completion_class IS 'early')`,
      completed_on_time: `${sign} * (${r}.completion_class IS NULL OR ${r}.completion_class IS 'on_time')`,
      completed_late: `${sign} * (${r}.completion_class IS 'late')`,
      processing_wd_sum: `${sign} * COALESCE(${r}.processing_working_days, 0)`,
      processing_wd_count: `${sign} * (${r}.processing_working_days IS NOT NULL)`,
      done_past_due: `${sign} * COALESCE(${r}.due_date IS NOT NULL AND ${completedDay(r)} > ${dueDay(r)}, 0)`,
    },
    `${r}.completed_at IS NOT NULL AND ${target.scope(r)}`,
  );
}

function duePart(target: Target, r: Row, sign: 1 | -1): string {
  return upsert(
    target,
    dueDay(r),
    target.keyOf(r),
    {
      due_total: `${sign}`,
      due_met: `${sign} * COALESCE(${r}.completed_at IS NOT NULL AND ${completedDay(r)} <= ${dueDay(r)}, 0)`,
    },
    `${r}.due_date IS NOT NULL AND ${target.scope(r)}`,
  );
}

/** A supplement pause, attributed to the dossier's current assignee (as every per-appraiser number is). */
function pausePart(r: Row, sign: 1 | -1): string {
  return upsert(
    byAssignee,
    `substr(${r}.requested_at, 1, 10)`,
    `COALESCE((SELECT assignee_id FROM dossiers WHERE id = ${r}.dossier_id), 0)`,
    {
      pause_count: `${sign}`,
      pause_closed_days: `${sign} * CASE WHEN ${r}.resumed_at IS NULL THEN 0
        ELSE ${dayNumber(`${r}.resumed_at`)} - ${dayNumber(`${r}.requested_at`)} END`,
      pause_open_count: `${sign} * (${r}.resumed_at IS NULL)`,
      // Σ of the request day numbers of open pauses: days waited so far = open_count × today − this sum.
      pause_open_day_sum: `${sign} * CASE WHEN ${r}.resumed_at IS NULL THEN ${dayNumber(`${r}.requested_at`)} ELSE 0 END`,
    },
    '1',
  );
}

/** Moves every pause of a reassigned dossier from the old assignee's rows to the new one's. */
function movePauses(r: Row, sign: 1 | -1): string {
  return `INSERT INTO stats_assignee_daily (day, assignee_id, ${PAUSE_COUNTERS.join(', ')})
    SELECT substr(p.requested_at, 1, 10), COALESCE(${r}.assignee_id, 0),
      ${sign} * count(*),
      ${sign} * sum(CASE WHEN p.resumed_at IS NULL THEN 0
        ELSE ${dayNumber('p.resumed_at')} - ${dayNumber('p.requested_at')} END),
      ${sign} * sum(p.resumed_at IS NULL),
      ${sign} * sum(CASE WHEN p.resumed_at IS NULL THEN ${dayNumber('p.requested_at')} ELSE 0 END)
    FROM dossier_pauses p WHERE p.dossier_id = new.id
    GROUP BY substr(p.requested_at, 1, 10)
    ON CONFLICT (assignee_id, day) DO UPDATE SET ${PAUSE_COUNTERS.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')};`;
}

const both = (part: (t: Target, r: Row, s: 1 | -1) => string, r: Row, sign: 1 | -1) =>
  `${part(byProcedure, r, sign)}\n${part(byAssignee, r, sign)}`;

const changed = (columns: readonly string[]) => columns.map((c) => `old.${c} IS NOT new.${c}`).join(' OR ');

const RECEIVED_COLUMNS = ['receipt_date', 'channel', 'procedure_id', 'assignee_id'];
const COMPLETED_COLUMNS = [
  'completed_at',
  'completion_class',
  'processing_working_days',
  'due_date',
  'receipt_date',
  'procedure_id',
  'assignee_id',
];
const DUE_COLUMNS = ['due_date', 'receipt_date', 'completed_at', 'procedure_id', 'assignee_id'];

function counterColumns(names: readonly string[]): string {
  return names.map((c) => `${c} INTEGER NOT NULL DEFAULT 0`).join(',\n      ');
}

/** One row per contribution of every existing dossier, grouped: the same arithmetic as the triggers. */
function backfill(target: Target): string {
  const k = target.keyOf('new').replace(/new\./g, 'd.');
  const scope = target.scope('new').replace(/new\./g, 'd.');
  const receipt = `SELECT d.receipt_date AS day, ${k} AS k,
      (d.channel IS 'online') AS received_online, (d.channel IS NOT 'online') AS received_other,
      0 AS completed_early, 0 AS completed_on_time, 0 AS completed_late, 0 AS processing_wd_sum,
      0 AS processing_wd_count, 0 AS due_total, 0 AS due_met, 0 AS done_past_due
    FROM dossiers d WHERE ${scope}`;
  const completed = `SELECT substr(d.completed_at, 1, 10), ${k}, 0, 0,
      (d.completion_class IS 'early'), (d.completion_class IS NULL OR d.completion_class IS 'on_time'),
      (d.completion_class IS 'late'), COALESCE(d.processing_working_days, 0),
      (d.processing_working_days IS NOT NULL), 0, 0,
      COALESCE(d.due_date IS NOT NULL AND substr(d.completed_at, 1, 10) > max(d.due_date, d.receipt_date), 0)
    FROM dossiers d WHERE d.completed_at IS NOT NULL AND ${scope}`;
  const due = `SELECT max(d.due_date, d.receipt_date), ${k}, 0, 0, 0, 0, 0, 0, 0, 1,
      COALESCE(d.completed_at IS NOT NULL AND substr(d.completed_at, 1, 10) <= max(d.due_date, d.receipt_date), 0), 0
    FROM dossiers d WHERE d.due_date IS NOT NULL AND ${scope}`;
  return `INSERT INTO ${target.table} (day, ${target.keyColumn}, ${DOSSIER_COUNTERS.join(', ')})
    SELECT day, k, ${DOSSIER_COUNTERS.map((c) => `sum(${c})`).join(', ')}
    FROM (${receipt} UNION ALL ${completed} UNION ALL ${due})
    GROUP BY day, k;`;
}

const BACKFILL_PAUSES = `INSERT INTO stats_assignee_daily (day, assignee_id, ${PAUSE_COUNTERS.join(', ')})
  SELECT substr(p.requested_at, 1, 10), COALESCE(d.assignee_id, 0), count(*),
    sum(CASE WHEN p.resumed_at IS NULL THEN 0 ELSE ${dayNumber('p.resumed_at')} - ${dayNumber('p.requested_at')} END),
    sum(p.resumed_at IS NULL),
    sum(CASE WHEN p.resumed_at IS NULL THEN ${dayNumber('p.requested_at')} ELSE 0 END)
  FROM dossier_pauses p JOIN dossiers d ON d.id = p.dossier_id
  WHERE true
  GROUP BY substr(p.requested_at, 1, 10), COALESCE(d.assignee_id, 0)
  ON CONFLICT (assignee_id, day) DO UPDATE SET ${PAUSE_COUNTERS.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')};`;

export function up(db: Database.Database): void {
  db.exec(`
    -- One row per (procedure, day): a year of Biểu 06 reads ~365 × procedures rows instead of 200,000
    -- dossiers. Keyed procedure first, so a query reads each procedure's day range in key order and groups
    -- without sorting (WITHOUT ROWID: the rows live in that primary-key b-tree).
    CREATE TABLE stats_daily (
      procedure_id TEXT NOT NULL,
      day TEXT NOT NULL,
      ${counterColumns(DOSSIER_COUNTERS)},
      PRIMARY KEY (procedure_id, day)
    ) STRICT, WITHOUT ROWID;

    -- One row per (assignee, day): the per-appraiser breakdown and supplement pauses (assignee 0: pauses of
    -- dossiers nobody is assigned to; their other figures are the total minus every appraiser's).
    CREATE TABLE stats_assignee_daily (
      assignee_id INTEGER NOT NULL,
      day TEXT NOT NULL,
      ${counterColumns([...DOSSIER_COUNTERS, ...PAUSE_COUNTERS])},
      PRIMARY KEY (assignee_id, day)
    ) STRICT, WITHOUT ROWID;

    -- The lists behind each number (stats.drilldown, the register) select dossiers by these dates.
    CREATE INDEX dossiers_by_receipt_date ON dossiers (receipt_date, channel);
    -- receipt_date, due_date and received_ms ride along so that counting "carried over" / "pending overdue"
    -- and ordering a page of them (received_ms, as dossiers.list) need no lookup into the table.
    CREATE INDEX dossiers_by_completed_date
      ON dossiers (completed_date, completion_class, receipt_date, due_date, received_ms)
      WHERE completed_at IS NOT NULL;
    CREATE INDEX dossiers_not_completed ON dossiers (receipt_date, due_date, received_ms) WHERE completed_at IS NULL;
    CREATE INDEX dossier_pauses_by_requested ON dossier_pauses (requested_at);
    -- The due-soon / overdue alert lists page by received_ms; open dossiers only, so it stays small.
    CREATE INDEX dossiers_open_by_due_received ON dossiers (due_date, received_ms)
      WHERE status IN ('received', 'appraising', 'awaiting_supplement', 'pending_signature');
  `);

  db.exec(backfill(byProcedure));
  db.exec(backfill(byAssignee));
  db.exec(BACKFILL_PAUSES);

  db.exec(`
    -- Every counter assumes a dossier is resolved on or after the day it was received (otherwise it would be
    -- "carried over" into a period before it existed). No valid path does otherwise; refuse the rest loudly.
    CREATE TRIGGER stats_completion_not_before_receipt_insert BEFORE INSERT ON dossiers
    WHEN new.completed_at IS NOT NULL AND substr(new.completed_at, 1, 10) < new.receipt_date BEGIN
      SELECT RAISE(ABORT, 'completed_at precedes receipt_date');
    END;
    CREATE TRIGGER stats_completion_not_before_receipt_update BEFORE UPDATE OF completed_at, receipt_date ON dossiers
    WHEN new.completed_at IS NOT NULL AND substr(new.completed_at, 1, 10) < new.receipt_date BEGIN
      SELECT RAISE(ABORT, 'completed_at precedes receipt_date');
    END;

    CREATE TRIGGER stats_dossier_insert AFTER INSERT ON dossiers BEGIN
      ${both(receivedPart, 'new', 1)}
      ${both(completedPart, 'new', 1)}
      ${both(duePart, 'new', 1)}
    END;

    CREATE TRIGGER stats_dossier_received AFTER UPDATE OF ${RECEIVED_COLUMNS.join(', ')} ON dossiers
    WHEN ${changed(RECEIVED_COLUMNS)} BEGIN
      ${both(receivedPart, 'old', -1)}
      ${both(receivedPart, 'new', 1)}
    END;

    CREATE TRIGGER stats_dossier_completed AFTER UPDATE OF ${COMPLETED_COLUMNS.join(', ')} ON dossiers
    WHEN ${changed(COMPLETED_COLUMNS)} BEGIN
      ${both(completedPart, 'old', -1)}
      ${both(completedPart, 'new', 1)}
    END;

    CREATE TRIGGER stats_dossier_due AFTER UPDATE OF ${DUE_COLUMNS.join(', ')} ON dossiers
    WHEN ${changed(DUE_COLUMNS)} BEGIN
      ${both(duePart, 'old', -1)}
      ${both(duePart, 'new', 1)}
    END;

    CREATE TRIGGER stats_dossier_reassigned AFTER UPDATE OF assignee_id ON dossiers
    WHEN old.assignee_id IS NOT new.assignee_id BEGIN
      ${movePauses('old', -1)}
      ${movePauses('new', 1)}
    END;

    CREATE TRIGGER stats_pause_insert AFTER INSERT ON dossier_pauses BEGIN
      ${pausePart('new', 1)}
    END;
    CREATE TRIGGER stats_pause_update AFTER UPDATE OF dossier_id, requested_at, resumed_at ON dossier_pauses
    WHEN ${changed(['dossier_id', 'requested_at', 'resumed_at'])} BEGIN
      ${pausePart('old', -1)}
      ${pausePart('new', 1)}
    END;
    CREATE TRIGGER stats_pause_delete AFTER DELETE ON dossier_pauses BEGIN
      ${pausePart('old', -1)}
    END;
  `);
}
