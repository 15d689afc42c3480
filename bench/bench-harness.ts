// Timing helpers for `npm run bench`. Benchmarks print figures; tests never assert timings.
import { performance } from 'node:perf_hooks';

export interface Stats {
  median: number;
  p95: number;
  min: number;
  max: number;
  runs: number;
}

export function summarize(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
  return {
    median: at(0.5),
    p95: at(0.95),
    min: sorted[0] ?? NaN,
    max: sorted[sorted.length - 1] ?? NaN,
    runs: sorted.length,
  };
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times; milliseconds per run. */
export async function measure(fn: () => unknown, runs: number, warmup = 1): Promise<Stats> {
  for (let i = 0; i < warmup; i += 1) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return summarize(samples);
}

export interface Row {
  section: string;
  name: string;
  /** Median in the unit given. */
  value: number;
  p95?: number;
  unit: string;
  /** e.g. '< 150 ms'; `met` says whether the figure meets it. */
  target?: string;
  met?: boolean;
  note?: string;
  /** Set when the measure did not run; says why (the value is then NaN). */
  skipped?: string;
  /** The store the figure was measured on (set by the report). */
  engine?: 'sqlite' | 'postgres';
}

/** Units where a larger figure is better (throughputs); for the rest (times, sizes, memory) smaller is better. */
const HIGHER_IS_BETTER = /\/s$/;

/** PostgreSQL may cost more than the embedded store, but not more than this (issue 11). */
export const MAX_POSTGRES_RATIO = 3;

export class Report {
  readonly rows: Row[] = [];
  /** The store the following rows are measured on. */
  engine: 'sqlite' | 'postgres' = 'sqlite';

  add(input: Row): void {
    const row: Row = { ...input, engine: this.engine };
    this.rows.push(row);
    const tag = row.engine === 'postgres' ? '[postgres] ' : '';
    if (row.skipped !== undefined) {
      process.stdout.write(`  ${tag}${row.section} · ${row.name}: SKIPPED — ${row.skipped}\n`);
      return;
    }
    const target = row.target ? ` target ${row.target}: ${row.met ? 'MET' : 'NOT MET'}` : '';
    process.stdout.write(
      `  ${tag}${row.section} · ${row.name}: ${fmt(row.value)} ${row.unit}${row.p95 !== undefined ? ` (p95 ${fmt(row.p95)})` : ''}${target}${row.note ? ` — ${row.note}` : ''}\n`,
    );
  }

  /** Records a measure that did not run, with the reason, so the table never silently drops it. */
  skip(section: string, name: string, reason: string, target?: string): void {
    this.add({ section, name, value: NaN, unit: '', skipped: reason, ...(target ? { target } : {}) });
  }

  /** The median recorded for a measure in this run on the current engine, if any. */
  find(section: string, name: string): Row | undefined {
    return this.rows.find(
      (r) => r.section === section && r.name === name && r.skipped === undefined && r.engine === this.engine,
    );
  }

  /**
   * Every measure taken on both stores, side by side: PostgreSQL's figure as a multiple of SQLite's (inverted
   * for throughputs, so that > 1 always means "slower"), flagged when above MAX_POSTGRES_RATIO.
   */
  comparison(): string {
    const lines = [
      '| section | measure | SQLite | PostgreSQL | unit | PostgreSQL cost | target | met (SQLite / PostgreSQL) |',
      '|---|---|---|---|---|---|---|---|',
    ];
    const cell = (text: string | undefined) => (text ?? '').replace(/\|/g, '\\|');
    for (const pg of this.rows.filter((r) => r.engine === 'postgres')) {
      const lite = this.rows.find(
        (r) => r.engine === 'sqlite' && r.section === pg.section && r.name === pg.name,
      );
      const value = (r: Row | undefined) =>
        r === undefined ? '' : r.skipped !== undefined ? 'skipped' : fmt(r.value);
      const met = (r: Row | undefined) => (r?.met === undefined ? '–' : r.met ? 'yes' : '**no**');
      let cost = '';
      if (lite && lite.skipped === undefined && pg.skipped === undefined && lite.value > 0 && pg.value > 0) {
        const ratio = HIGHER_IS_BETTER.test(pg.unit) ? lite.value / pg.value : pg.value / lite.value;
        cost = `${ratio.toFixed(2)}×${ratio > MAX_POSTGRES_RATIO ? ' **(> 3×)**' : ''}`;
      }
      lines.push(
        `| ${pg.section} | ${cell(pg.name)} | ${value(lite)} | ${value(pg)} | ${pg.unit} | ${cost} | ${cell(pg.target)} | ${met(lite)} / ${met(pg)} |`,
      );
    }
    return lines.join('\n');
  }

  table(): string {
    const lines = [
      '| store | section | measure | median | p95 | unit | target | met | note |',
      '|---|---|---|---|---|---|---|---|---|',
    ];
    const cell = (text: string | undefined) => (text ?? '').replace(/\|/g, '\\|');
    for (const r of this.rows) {
      if (r.skipped !== undefined) {
        lines.push(
          `| ${r.engine ?? 'sqlite'} | ${r.section} | ${cell(r.name)} | skipped |  |  | ${cell(r.target)} | n/a | ${cell(r.skipped)} |`,
        );
        continue;
      }
      lines.push(
        `| ${r.engine ?? 'sqlite'} | ${r.section} | ${cell(r.name)} | ${fmt(r.value)} | ${r.p95 === undefined ? '' : fmt(r.p95)} | ${r.unit} | ${cell(r.target)} | ${r.met === undefined ? '' : r.met ? 'yes' : '**no**'} | ${cell(r.note)} |`,
      );
    }
    return lines.join('\n');
  }
}

export function fmt(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n) && Math.abs(n) < 1e6) return String(n);
  if (Math.abs(n) >= 100) return n.toFixed(0);
  if (Math.abs(n) >= 1) return n.toFixed(2);
  return n.toPrecision(3);
}
