// The licence register (sổ cấp giấy phép) of one series and year, as pure data. Numbers are never deleted
// or reused: a cancelled licence is voided with a reason and stays in the register (reliability.md §3.4).
// The backend stores rows append-only and takes numbers from a counter row in the issuing transaction;
// the functions here are the reference model it must match and the checks `verify` runs on its rows.

import { findTextProblem, normalizeTyped } from '../text-rules';
import { checkLicenceNumber } from './number-format';
import { NumberingError } from './numbering-errors';
import { checkStartNumber, nextLicenceNumber } from './series';

export const registerStatuses = ['issued', 'void'] as const;
export type RegisterStatus = (typeof registerStatuses)[number];
export const REGISTER_STATUS_LABELS: Readonly<Record<RegisterStatus, string>> = {
  issued: 'Đã cấp',
  void: 'Đã hủy số',
};

export interface RegisterRow {
  readonly n: number;
  readonly status: RegisterStatus;
  readonly voidReason?: string | null;
}

export type RegisterProblem =
  | { readonly kind: 'invalid_row'; readonly index: number }
  | { readonly kind: 'below_start'; readonly n: number }
  | { readonly kind: 'duplicate'; readonly n: number; readonly count: number }
  | { readonly kind: 'gap'; readonly from: number; readonly to: number }
  | { readonly kind: 'void_without_reason'; readonly n: number }
  /** The counter row is below the highest number in the register: its next number would be a duplicate. */
  | { readonly kind: 'counter_behind'; readonly counter: number; readonly last: number };

export type RegisterLine<R extends RegisterRow> =
  | {
      readonly kind: 'entry';
      readonly n: number;
      readonly status: RegisterStatus;
      readonly voidReason: string | null;
      readonly row: R;
    }
  /** Numbers absent from the register: shown as one line so a gap is visible, never silently skipped. */
  | { readonly kind: 'gap'; readonly from: number; readonly to: number };

export interface RegisterView<R extends RegisterRow> {
  readonly start: number;
  /** The highest number in the register, or null when none was taken. */
  readonly last: number | null;
  /** In number order; duplicates appear once per row. */
  readonly lines: readonly RegisterLine<R>[];
  readonly problems: readonly RegisterProblem[];
  readonly issuedCount: number;
  readonly voidCount: number;
  /** Every number from `start` to `last` appears exactly once, and every void has its reason. */
  readonly isSound: boolean;
}

function isRowShape(row: unknown): row is RegisterRow {
  if (typeof row !== 'object' || row === null) return false;
  const { n, status } = row as { n: unknown; status: unknown };
  return checkLicenceNumber(n) === null && (status === 'issued' || status === 'void');
}

function hasReason(row: RegisterRow): boolean {
  return typeof row.voidReason === 'string' && row.voidReason.trim() !== '';
}

/**
 * The register as printed and checked: every number from `start` to the last taken with its status, gaps
 * as explicit lines, and the problems (gap, duplicate, number below the start, void without reason,
 * malformed row). Work is proportional to the rows, whatever the numbers (a corrupt 10⁹ is one gap line).
 * With `counterLast` (the series' counter row), numbers the counter handed out but the register lacks
 * show as a gap at the end — the only way a lost last number can be seen — and a counter below the
 * register's last number is reported, since its next number would repeat one.
 */
export function buildRegisterView<R extends RegisterRow>(
  rows: readonly R[],
  start = 1,
  counterLast: number | null = null,
): RegisterView<R> {
  const startProblem = checkStartNumber(start);
  if (startProblem) throw startProblem;
  if (counterLast !== null && (!Number.isInteger(counterLast) || counterLast < 0)) {
    throw new NumberingError(
      'INVALID_NUMBER',
      `The counter value must be a non-negative integer: ${String(counterLast)}`,
      `Giá trị bộ đếm số phải là số nguyên không âm: ${String(counterLast)}`,
    );
  }
  const problems: RegisterProblem[] = [];
  const valid: R[] = [];
  rows.forEach((row, index) => {
    if (isRowShape(row)) valid.push(row);
    else problems.push({ kind: 'invalid_row', index });
  });
  valid.sort((a, b) => a.n - b.n);

  const lines: RegisterLine<R>[] = [];
  let expected = start;
  let issuedCount = 0;
  let voidCount = 0;
  for (let i = 0; i < valid.length; i += 1) {
    const row = valid[i] as R;
    const { n } = row;
    const previous = valid[i - 1];
    if (n < start) {
      problems.push({ kind: 'below_start', n });
    } else if (previous !== undefined && previous.n === n) {
      // Counted once, at its first repeat.
      if (valid[i - 2]?.n !== n) {
        let count = 2;
        while (valid[i + count - 1]?.n === n) count += 1;
        problems.push({ kind: 'duplicate', n, count });
      }
    } else if (n > expected) {
      problems.push({ kind: 'gap', from: expected, to: n - 1 });
      lines.push({ kind: 'gap', from: expected, to: n - 1 });
    }
    if (n >= expected) expected = n + 1;
    if (row.status === 'void') {
      voidCount += 1;
      if (!hasReason(row)) problems.push({ kind: 'void_without_reason', n });
    } else {
      issuedCount += 1;
    }
    lines.push({
      kind: 'entry',
      n,
      status: row.status,
      voidReason: row.status === 'void' && hasReason(row) ? (row.voidReason as string) : null,
      row,
    });
  }
  const last = valid.length === 0 ? null : (valid[valid.length - 1] as R).n;
  if (counterLast !== null) {
    const highest = Math.max(last ?? start - 1, start - 1);
    if (counterLast > highest) {
      problems.push({ kind: 'gap', from: expected, to: counterLast });
      lines.push({ kind: 'gap', from: expected, to: counterLast });
    } else if (counterLast < highest) {
      problems.push({ kind: 'counter_behind', counter: counterLast, last: highest });
    }
  }
  return { start, last, lines, problems, issuedCount, voidCount, isSound: problems.length === 0 };
}

export function findRegisterProblems(
  rows: readonly RegisterRow[],
  start = 1,
  counterLast: number | null = null,
): readonly RegisterProblem[] {
  return buildRegisterView(rows, start, counterLast).problems;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** One line for `licence-desk verify` and the register report. */
export function describeRegisterProblem(problem: RegisterProblem): { messageVi: string; messageEn: string } {
  switch (problem.kind) {
    case 'invalid_row':
      return {
        messageEn: `Register row #${problem.index + 1} is malformed (number or status).`,
        messageVi: `Dòng thứ ${problem.index + 1} của sổ không hợp lệ (số hoặc trạng thái).`,
      };
    case 'below_start':
      return {
        messageEn: `Number ${problem.n} is below the series start.`,
        messageVi: `Số ${pad(problem.n)} nhỏ hơn số bắt đầu của sổ.`,
      };
    case 'duplicate':
      return {
        messageEn: `Number ${problem.n} was taken ${problem.count} times.`,
        messageVi: `Số ${pad(problem.n)} bị cấp trùng ${problem.count} lần.`,
      };
    case 'gap':
      return problem.from === problem.to
        ? {
            messageEn: `Number ${problem.from} is missing from the register.`,
            messageVi: `Sổ bị thiếu số ${pad(problem.from)}.`,
          }
        : {
            messageEn: `Numbers ${problem.from}–${problem.to} are missing from the register.`,
            messageVi: `Sổ bị thiếu các số từ ${pad(problem.from)} đến ${pad(problem.to)}.`,
          };
    case 'void_without_reason':
      return {
        messageEn: `Number ${problem.n} is void without a reason.`,
        messageVi: `Số ${pad(problem.n)} đã hủy nhưng không ghi lý do.`,
      };
    case 'counter_behind':
      return {
        messageEn: `The series counter (${problem.counter}) is below the last number in the register (${problem.last}).`,
        messageVi:
          `Bộ đếm số (${pad(problem.counter)}) nhỏ hơn số cuối cùng trong sổ (${pad(problem.last)}): ` +
          'số cấp tiếp theo sẽ bị trùng.',
      };
  }
}

export const MAX_VOID_REASON_LENGTH = 1000;

/** The void reason as stored (NFC, trimmed); throws when it is missing or unprintable. */
export function normalizeVoidReason(reason: unknown): string {
  const value = typeof reason === 'string' ? normalizeTyped(reason) : '';
  if (value === '') {
    throw new NumberingError(
      'VOID_REASON_REQUIRED',
      'A licence number is voided only with a reason.',
      'Phải ghi lý do khi hủy số giấy phép.',
    );
  }
  if (findTextProblem(value, true) !== null || value.length > MAX_VOID_REASON_LENGTH) {
    throw new NumberingError(
      'INVALID_VOID_REASON',
      `The void reason must be printable text of at most ${MAX_VOID_REASON_LENGTH} characters.`,
      `Lý do hủy số phải là chữ in được, tối đa ${MAX_VOID_REASON_LENGTH} ký tự.`,
    );
  }
  return value;
}

/** Why `n` cannot be voided in `rows`, or null. The reason is checked first: no reason, nothing else matters. */
export function checkVoid(rows: readonly RegisterRow[], n: number, reason: unknown): NumberingError | null {
  try {
    normalizeVoidReason(reason);
  } catch (error) {
    return error as NumberingError;
  }
  const row = rows.find((r) => r.n === n);
  if (row === undefined) {
    return new NumberingError(
      'NUMBER_NOT_ISSUED',
      `Number ${String(n)} was never issued in this series.`,
      `Số ${String(n)} chưa được cấp trong sổ này, không thể hủy.`,
    );
  }
  if (row.status === 'void') {
    return new NumberingError(
      'ALREADY_VOID',
      `Number ${n} is already void.`,
      `Số ${pad(n)} đã bị hủy trước đó (lý do: ${row.voidReason ?? 'không ghi'}).`,
    );
  }
  return null;
}

/** One series-year of the register, in memory: the model the backend's tables must behave like. */
export interface SeriesRegister {
  readonly start: number;
  readonly rows: readonly RegisterRow[];
}

export function openRegister(start = 1): SeriesRegister {
  const problem = checkStartNumber(start);
  if (problem) throw problem;
  return { start, rows: [] };
}

/** The highest number ever taken (void included: a voided number still counts as taken). */
export function lastTaken(register: SeriesRegister): number | null {
  return register.rows.reduce<number | null>((max, r) => (max === null || r.n > max ? r.n : max), null);
}

export function issueNext(register: SeriesRegister): { register: SeriesRegister; n: number } {
  const n = nextLicenceNumber(lastTaken(register), register.start);
  return {
    register: { ...register, rows: [...register.rows, { n, status: 'issued', voidReason: null }] },
    n,
  };
}

/** Marks `n` void with its reason; the number stays in the register and is never issued again. */
export function voidNumber(register: SeriesRegister, n: number, reason: string): SeriesRegister {
  const problem = checkVoid(register.rows, n, reason);
  if (problem) throw problem;
  const voidReason = normalizeVoidReason(reason);
  return {
    ...register,
    rows: register.rows.map((r) => (r.n === n ? { ...r, status: 'void' as const, voidReason } : r)),
  };
}
