import { describe, expect, it } from 'vitest';
import type { RegisterRow } from './licence-register';
import {
  buildRegisterView,
  checkVoid,
  describeRegisterProblem,
  findRegisterProblems,
  issueNext,
  openRegister,
  voidNumber,
} from './licence-register';
import { NumberingError } from './numbering-errors';

const issued = (n: number): RegisterRow => ({ n, status: 'issued', voidReason: null });
const voided = (n: number, voidReason: string | null = 'Sai tên cơ sở in'): RegisterRow => ({
  n,
  status: 'void',
  voidReason,
});

function codeOf(f: () => unknown): string | null {
  try {
    f();
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(NumberingError);
    return (error as NumberingError).code;
  }
}

describe('issue and void (the reference model)', () => {
  it('issues 1, 2, 3 …; a voided number stays and is never reused (reliability.md 3-N3)', () => {
    let register = openRegister();
    for (let i = 0; i < 3; i += 1) register = issueNext(register).register;
    register = voidNumber(register, 3, '  Cấp nhầm hồ sơ  ');
    const next = issueNext(register);
    expect(next.n).toBe(4);
    expect(next.register.rows).toEqual([issued(1), issued(2), voided(3, 'Cấp nhầm hồ sơ'), issued(4)]);
    const view = buildRegisterView(next.register.rows);
    expect(view.isSound).toBe(true);
    expect([view.issuedCount, view.voidCount, view.last]).toEqual([3, 1, 4]);
  });

  it('a mid-year go-live starts at the manual start', () => {
    let register = openRegister(37);
    const first = issueNext(register);
    register = issueNext(first.register).register;
    expect(first.n).toBe(37);
    expect(register.rows.map((r) => r.n)).toEqual([37, 38]);
    expect(findRegisterProblems(register.rows, 37)).toEqual([]);
    expect(codeOf(() => openRegister(0))).toBe('INVALID_START');
  });

  it('a void needs a reason, an issued number and one not voided already', () => {
    const register = issueNext(openRegister()).register;
    expect(codeOf(() => voidNumber(register, 1, ''))).toBe('VOID_REASON_REQUIRED');
    expect(codeOf(() => voidNumber(register, 1, '   \n '))).toBe('VOID_REASON_REQUIRED');
    expect(codeOf(() => voidNumber(register, 1, 'Lỗi \u0000'))).toBe('INVALID_VOID_REASON');
    expect(codeOf(() => voidNumber(register, 2, 'Sai'))).toBe('NUMBER_NOT_ISSUED');
    const once = voidNumber(register, 1, 'Sai');
    expect(codeOf(() => voidNumber(once, 1, 'Sai lần nữa'))).toBe('ALREADY_VOID');
    expect(checkVoid(register.rows, 1, undefined)?.messageVi).toBe('Phải ghi lý do khi hủy số giấy phép.');
    expect(checkVoid(register.rows, 1, 'Sai')).toBeNull();
  });
});

describe('buildRegisterView', () => {
  it('lists every number with its status, gaps as explicit lines', () => {
    const view = buildRegisterView([issued(4), issued(1), voided(2), issued(7)]);
    expect(
      view.lines.map((l) => (l.kind === 'gap' ? `gap ${l.from}-${l.to}` : `${l.n} ${l.status}`)),
    ).toEqual(['1 issued', '2 void', 'gap 3-3', '4 issued', 'gap 5-6', '7 issued']);
    expect(view.problems).toEqual([
      { kind: 'gap', from: 3, to: 3 },
      { kind: 'gap', from: 5, to: 6 },
    ]);
    expect(view.isSound).toBe(false);
    const line = view.lines[1];
    expect(line?.kind === 'entry' && line.voidReason).toBe('Sai tên cơ sở in');
  });

  it('detects duplicates, numbers below the start, voids without reason and malformed rows', () => {
    const rows = [
      issued(5),
      issued(6),
      issued(6),
      voided(6),
      issued(3),
      voided(7, '  '),
      { n: 0, status: 'issued' } as RegisterRow,
      { n: 8, status: 'lost' } as unknown as RegisterRow,
    ];
    expect(findRegisterProblems(rows, 5)).toEqual([
      { kind: 'invalid_row', index: 6 },
      { kind: 'invalid_row', index: 7 },
      { kind: 'below_start', n: 3 },
      { kind: 'duplicate', n: 6, count: 3 },
      { kind: 'void_without_reason', n: 7 },
    ]);
  });

  it('a missing start is a gap too', () => {
    expect(findRegisterProblems([issued(2)])).toEqual([{ kind: 'gap', from: 1, to: 1 }]);
    expect(buildRegisterView([], 9)).toMatchObject({ last: null, lines: [], problems: [], isSound: true });
  });

  it('checks the counter row: a lost last number is a tail gap, a lagging counter is reported', () => {
    const rows = [issued(1), issued(2), voided(3)];
    expect(findRegisterProblems(rows, 1, 3)).toEqual([]);
    expect(findRegisterProblems(rows, 1, 5)).toEqual([{ kind: 'gap', from: 4, to: 5 }]);
    expect(findRegisterProblems(rows, 1, 2)).toEqual([{ kind: 'counter_behind', counter: 2, last: 3 }]);
    // A fresh mid-year series: the counter starts at start - 1.
    expect(findRegisterProblems([], 37, 36)).toEqual([]);
    expect(findRegisterProblems([], 37, 37)).toEqual([{ kind: 'gap', from: 37, to: 37 }]);
    expect(describeRegisterProblem({ kind: 'counter_behind', counter: 2, last: 3 }).messageVi).toContain(
      'sẽ bị trùng',
    );
    expect(() => findRegisterProblems(rows, 1, -1)).toThrow(NumberingError);
  });

  it('stays proportional to the rows when a corrupt number is huge', () => {
    const view = buildRegisterView([issued(1), issued(999_999)]);
    expect(view.lines).toHaveLength(3);
    expect(view.problems).toEqual([{ kind: 'gap', from: 2, to: 999_998 }]);
  });

  it('describes each problem in Vietnamese with leading zeros', () => {
    expect(describeRegisterProblem({ kind: 'gap', from: 3, to: 3 }).messageVi).toBe('Sổ bị thiếu số 03.');
    expect(describeRegisterProblem({ kind: 'gap', from: 3, to: 12 }).messageVi).toBe(
      'Sổ bị thiếu các số từ 03 đến 12.',
    );
    expect(describeRegisterProblem({ kind: 'duplicate', n: 6, count: 2 }).messageVi).toBe(
      'Số 06 bị cấp trùng 2 lần.',
    );
    expect(describeRegisterProblem({ kind: 'void_without_reason', n: 11 }).messageVi).toBe(
      'Số 11 đã hủy nhưng không ghi lý do.',
    );
  });
});
