import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { DossierFacts } from './report-arithmetic';
import {
  averageProcessingDays,
  contributionOf,
  countsFromSums,
  formatDays,
  formatRate,
  onTimeRate,
  sumCounts,
} from './report-arithmetic';
import { countsProblems } from './invariants';
import { ZERO_COUNTS } from './bieu06';

const P = { from: '2026-03-01', to: '2026-03-31' };

function facts(overrides: Partial<DossierFacts>): DossierFacts {
  return {
    receiptDate: '2026-03-10',
    channel: 'direct',
    completedDate: null,
    completionClass: null,
    dueDate: '2026-03-24',
    processingWorkingDays: null,
    ...overrides,
  };
}

describe('contribution of one dossier to Biểu 06', () => {
  it('counts a dossier received online in the period and still open in time', () => {
    expect(contributionOf(facts({ channel: 'online', dueDate: '2026-04-10' }), P)).toEqual({
      ...ZERO_COUNTS,
      c3: 1,
      c4: 1,
      c11: 1,
      c12: 1,
    });
  });

  it('carries over a dossier received before the period and resolved in it', () => {
    const c = contributionOf(
      facts({
        receiptDate: '2026-02-20',
        completedDate: '2026-03-02',
        completionClass: 'early',
        dueDate: '2026-03-05',
      }),
      P,
    );
    expect(c).toEqual({ ...ZERO_COUNTS, c3: 1, c6: 1, c7: 1, c8: 1 });
  });

  it('ignores a dossier resolved before the period', () => {
    const c = contributionOf(
      facts({ receiptDate: '2026-02-01', completedDate: '2026-02-28', completionClass: 'late' }),
      P,
    );
    expect(c).toEqual(ZERO_COUNTS);
  });

  it('counts a dossier pending past its due day as overdue, one due on the last day as in time', () => {
    expect(contributionOf(facts({ dueDate: '2026-03-30' }), P)).toMatchObject({ c11: 1, c12: 0, c13: 1 });
    expect(contributionOf(facts({ dueDate: '2026-03-31' }), P)).toMatchObject({ c11: 1, c12: 1, c13: 0 });
  });

  it('keeps a paused dossier (no due date while waiting for a supplement) in time', () => {
    expect(contributionOf(facts({ dueDate: null }), P)).toMatchObject({ c11: 1, c12: 1, c13: 0 });
  });

  it('counts a dossier resolved after the period end as pending at the end', () => {
    const c = contributionOf(facts({ completedDate: '2026-04-02', completionClass: 'late' }), P);
    expect(c).toMatchObject({ c7: 0, c11: 1, c13: 1 });
  });

  it('counts an unclassified resolution (no appointment) as on time', () => {
    const c = contributionOf(facts({ completedDate: '2026-03-12', completionClass: null, dueDate: null }), P);
    expect(c).toMatchObject({ c7: 1, c9: 1 });
  });
});

describe('rate and averages', () => {
  it('is null when nothing was resolved, never NaN', () => {
    expect(onTimeRate(ZERO_COUNTS)).toBeNull();
    expect(formatRate(onTimeRate(ZERO_COUNTS))).toBe('—');
    expect(averageProcessingDays(0, 0)).toBeNull();
    expect(formatDays(null)).toBe('—');
  });

  it('is (8 + 9) / 7 in Vietnamese notation', () => {
    // Lâm Đồng Q1/2020 (domain.md §2.4): 635,593 of 643,272 on time or early = 98.81 %.
    const rate = onTimeRate({ c7: 643_272, c8: 600_000, c9: 35_593 });
    expect(formatRate(rate)).toBe('98,81%');
    expect(formatRate(1)).toBe('100%');
    expect(formatDays(averageProcessingDays(21, 5))).toBe('4,2');
  });
});

describe('range sums', () => {
  it('satisfy every identity whenever they describe real dossiers', () => {
    const day = fc
      .integer({ min: 0, max: 60 })
      .map((n) => new Date(Date.UTC(2026, 1, 1 + n)).toISOString().slice(0, 10));
    const dossier = fc
      .record({
        receipt: day,
        channel: fc.constantFrom('direct' as const, 'post' as const, 'online' as const),
        done: fc.option(fc.integer({ min: 0, max: 30 })),
        due: fc.option(fc.integer({ min: 0, max: 20 })),
        cls: fc.option(fc.constantFrom('early' as const, 'on_time' as const, 'late' as const)),
      })
      .map(({ receipt, channel, done, due, cls }) => {
        const shift = (n: number) =>
          new Date(Date.parse(`${receipt}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
        return facts({
          receiptDate: receipt,
          channel,
          completedDate: done === null ? null : shift(done),
          completionClass: done === null ? null : cls,
          dueDate: due === null ? null : shift(due),
        });
      });
    fc.assert(
      fc.property(fc.array(dossier, { maxLength: 40 }), (list) => {
        const counts = sumCounts(list.map((d) => contributionOf(d, P)));
        expect(countsProblems(counts, 'x')).toEqual([]);
        // The same numbers from the summary's range sums.
        const S = P.from;
        const E = P.to;
        const due = (d: DossierFacts) =>
          d.dueDate === null ? null : d.dueDate > d.receiptDate ? d.dueDate : d.receiptDate;
        const count = (f: (d: DossierFacts) => boolean) => list.filter(f).length;
        const fromSums = countsFromSums({
          receivedOnline: count((d) => d.receiptDate >= S && d.receiptDate <= E && d.channel === 'online'),
          receivedOther: count((d) => d.receiptDate >= S && d.receiptDate <= E && d.channel !== 'online'),
          receivedBefore: count((d) => d.receiptDate < S),
          resolvedBefore: count((d) => d.completedDate !== null && d.completedDate < S),
          early: count(
            (d) =>
              d.completedDate !== null &&
              d.completedDate >= S &&
              d.completedDate <= E &&
              d.completionClass === 'early',
          ),
          onTime: count(
            (d) =>
              d.completedDate !== null &&
              d.completedDate >= S &&
              d.completedDate <= E &&
              (d.completionClass ?? 'on_time') === 'on_time',
          ),
          late: count(
            (d) =>
              d.completedDate !== null &&
              d.completedDate >= S &&
              d.completedDate <= E &&
              d.completionClass === 'late',
          ),
          dueBeforeEnd: count((d) => (due(d) ?? '9999') < E),
          dueMetBeforeEnd: count(
            (d) => (due(d) ?? '9999') < E && d.completedDate !== null && d.completedDate <= (due(d) ?? ''),
          ),
          pastDueByEnd: count(
            (d) =>
              due(d) !== null &&
              d.completedDate !== null &&
              d.completedDate <= E &&
              d.completedDate > (due(d) ?? ''),
          ),
          processingDaysSum: 0,
          processingDaysCount: 0,
        });
        expect(fromSums).toEqual(counts);
      }),
      { numRuns: 300 },
    );
  });
});
