import type { Bieu06Counts, Bieu06Key } from './bieu06';
import { bieu06Keys } from './bieu06';
import { sumCounts } from './report-arithmetic';
import type { ReportRow } from './report-rows';
import { StatisticsError } from './statistics-errors';

/*
 * The identities of Biểu 06 (domain.md §2.5, as provincial validators check them):
 * (3) = (4)+(5)+(6); (7) = (8)+(9)+(10); (11) = (12)+(13); (3) = (7)+(11); no negative number. A report that
 * breaks one is wrong somewhere, and a wrong report must not leave the office: export refuses it.
 */

const n = (key: Bieu06Key): string => `(${key.slice(1)})`;

/** Vietnamese descriptions of every broken identity of one row; empty when the row is consistent. */
export function countsProblems(c: Bieu06Counts, label: string): string[] {
  const problems: string[] = [];
  const check = (left: Bieu06Key, right: readonly Bieu06Key[]) => {
    const sum = right.reduce((a, k) => a + c[k], 0);
    if (c[left] !== sum) {
      problems.push(`${label}: cột ${n(left)} = ${c[left]} nhưng ${right.map(n).join(' + ')} = ${sum}.`);
    }
  };
  check('c3', ['c4', 'c5', 'c6']);
  check('c7', ['c8', 'c9', 'c10']);
  check('c11', ['c12', 'c13']);
  check('c3', ['c7', 'c11']);
  for (const key of bieu06Keys) {
    if (!Number.isInteger(c[key]) || c[key] < 0)
      problems.push(`${label}: cột ${n(key)} không hợp lệ (${c[key]}).`);
  }
  return problems;
}

/** Every row's identities, plus: each sector row = Σ its procedures, the total row = Σ the sector rows. */
export function reportProblems(rows: readonly ReportRow[]): string[] {
  const problems = rows.flatMap((row) => countsProblems(row, rowName(row)));
  const compare = (row: ReportRow, parts: readonly ReportRow[], what: string) => {
    const sum = sumCounts(parts);
    for (const key of bieu06Keys) {
      if (row[key] !== sum[key]) {
        problems.push(`${rowName(row)}: cột ${n(key)} = ${row[key]} khác tổng ${what} (${sum[key]}).`);
      }
    }
  };
  for (const sectorRow of rows.filter((r) => r.kind === 'sector')) {
    compare(
      sectorRow,
      rows.filter((r) => r.kind === 'procedure' && r.sector === sectorRow.sector),
      'các thủ tục của lĩnh vực',
    );
  }
  const totals = rows.filter((r) => r.kind === 'total');
  if (totals.length !== 1) problems.push(`Biểu phải có đúng một dòng tổng cộng (đang có ${totals.length}).`);
  for (const total of totals)
    compare(
      total,
      rows.filter((r) => r.kind === 'sector'),
      'các lĩnh vực',
    );
  return problems;
}

function rowName(row: ReportRow): string {
  return row.stt === '' ? row.label : `Dòng ${row.stt} (${row.label})`;
}

/** Throws INVARIANT_BROKEN listing every problem; export calls it before writing a single byte. */
export function assertReportConsistent(rows: readonly ReportRow[]): void {
  const problems = reportProblems(rows);
  if (problems.length > 0) {
    throw new StatisticsError(
      'INVARIANT_BROKEN',
      `Biểu 06 breaks ${problems.length} identities: ${problems.join(' ')}`,
      `Số liệu Biểu 06 không khớp nên không xuất báo cáo: ${problems.slice(0, 5).join(' ')}${problems.length > 5 ? ` (và ${problems.length - 5} lỗi khác)` : ''} Hãy báo quản trị viên kiểm tra dữ liệu.`,
      { problems },
    );
  }
}
