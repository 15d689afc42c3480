import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SeriesRegister } from './licence-register';
import { buildRegisterView, checkVoid, issueNext, openRegister, voidNumber } from './licence-register';
import { NumberingError } from './numbering-errors';

type Op =
  | { readonly kind: 'issue' }
  | { readonly kind: 'void'; readonly pick: number; readonly reason: string }
  | { readonly kind: 'void-unknown'; readonly offset: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: 'issue' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('void' as const),
      pick: fc.nat(),
      reason: fc.constantFrom('Cấp nhầm', 'Sai thông tin cơ sở in', '', '   '),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('void-unknown' as const),
      offset: fc.integer({ min: 1, max: 5 }),
    }),
  },
);

function run(
  start: number,
  ops: readonly Op[],
): { register: SeriesRegister; taken: number[]; voids: number } {
  let register = openRegister(start);
  const taken: number[] = [];
  let voids = 0;
  for (const o of ops) {
    if (o.kind === 'issue') {
      const next = issueNext(register);
      taken.push(next.n);
      register = next.register;
      continue;
    }
    const n =
      o.kind === 'void'
        ? (register.rows[o.pick % Math.max(register.rows.length, 1)]?.n ?? start)
        : start + register.rows.length + o.offset - 1;
    const reason = o.kind === 'void' ? o.reason : 'Không có số này';
    const problem = checkVoid(register.rows, n, reason);
    const before = register;
    try {
      register = voidNumber(register, n, reason);
      expect(problem).toBeNull();
      voids += 1;
    } catch (error) {
      // A refused void changes nothing.
      expect(error).toBeInstanceOf(NumberingError);
      expect((error as NumberingError).code).toBe(problem?.code);
      expect(register).toBe(before);
    }
  }
  return { register, taken, voids };
}

describe('licence register properties', () => {
  it('any sequence of issues and voids gives a register with no gap and no duplicate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.array(op, { maxLength: 60 }), (start, ops) => {
        const { register, taken, voids } = run(start, ops);
        const view = buildRegisterView(register.rows, start, start - 1 + taken.length);
        expect(view.problems).toEqual([]);
        expect(view.isSound).toBe(true);
        expect(view.lines.every((l) => l.kind === 'entry')).toBe(true);
        // Consecutive from the start, each number taken once, voided ones included and never reused.
        expect(taken).toEqual(taken.map((_, i) => start + i));
        expect(view.lines.map((l) => (l.kind === 'entry' ? l.n : -1))).toEqual(taken);
        expect(view.voidCount).toBe(voids);
        expect(view.issuedCount + view.voidCount).toBe(taken.length);
        for (const line of view.lines) {
          if (line.kind === 'entry' && line.status === 'void') expect(line.voidReason?.trim()).toBeTruthy();
        }
      }),
      { numRuns: 500 },
    );
  });

  it('detects a removed number as a gap and a repeated one as a duplicate, wherever they are', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 2, max: 40 }),
        fc.nat(),
        (start, count, pick) => {
          let register = openRegister(start);
          for (let i = 0; i < count; i += 1) register = issueNext(register).register;
          const index = pick % count;
          const victim = register.rows[index];
          if (victim === undefined) throw new Error('unreachable');
          const removed = register.rows.filter((_, i) => i !== index);
          const problems = buildRegisterView(removed, start).problems;
          if (index === count - 1) {
            // Losing the last number leaves no hole in the rows; the counter row tells.
            expect(problems).toEqual([]);
          } else {
            expect(problems).toEqual([{ kind: 'gap', from: victim.n, to: victim.n }]);
          }
          const counterLast = start + count - 1;
          expect(buildRegisterView(removed, start, counterLast).problems).toEqual([
            { kind: 'gap', from: victim.n, to: victim.n },
          ]);
          const repeated = [...register.rows, victim];
          expect(buildRegisterView(repeated, start).problems).toEqual([
            { kind: 'duplicate', n: victim.n, count: 2 },
          ]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
