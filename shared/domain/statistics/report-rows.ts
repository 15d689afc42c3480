import type { Bieu06Counts, Sector } from './bieu06';
import { romanNumeral, SECTOR_LABELS, sectors } from './bieu06';
import { onTimeRate, pickCounts, sumCounts } from './report-arithmetic';

export type ReportRowKind = 'sector' | 'procedure' | 'total';

/** One row of Biểu 06: STT (1), label (2), the numbers (3)–(13), and what the row stands for. */
export interface ReportRow extends Bieu06Counts {
  readonly kind: ReportRowKind;
  /** Column (1): 'I', 'II' for sectors, '1', '2', … for procedures within a sector, '' for the total. */
  readonly stt: string;
  /** Column (2). */
  readonly label: string;
  readonly sector: Sector | null;
  readonly procedureId: string | null;
  readonly procedureCode: string | null;
  /** The procedure's name (procedure rows only). */
  readonly procedure: string | null;
  /** ((8) + (9)) / (7), null when nothing was resolved. */
  readonly rate: number | null;
}

export interface ProcedureCounts {
  readonly procedureId: string;
  readonly code: string | null;
  readonly name: string;
  readonly sector: Sector;
  readonly counts: Bieu06Counts;
}

export const TOTAL_LABEL = 'Tổng cộng';

/**
 * Rows in the form's order: each sector (always shown, even when empty) followed by its procedures, then the
 * total. A procedure with nothing received, carried over or pending ((3) = 0, hence every column 0) is left out.
 */
export function buildReportRows(perProcedure: readonly ProcedureCounts[]): ReportRow[] {
  const rows: ReportRow[] = [];
  const sectorTotals: Bieu06Counts[] = [];
  sectors.forEach((sector, sectorIndex) => {
    const own = perProcedure
      .filter((p) => p.sector === sector && p.counts.c3 !== 0)
      .sort(
        (a, b) =>
          (a.code ?? a.procedureId).localeCompare(b.code ?? b.procedureId) || a.name.localeCompare(b.name),
      );
    const total = sumCounts(own.map((p) => p.counts));
    sectorTotals.push(total);
    rows.push({
      ...pickCounts(total),
      kind: 'sector',
      stt: romanNumeral(sectorIndex + 1),
      label: SECTOR_LABELS[sector],
      sector,
      procedureId: null,
      procedureCode: null,
      procedure: null,
      rate: onTimeRate(total),
    });
    own.forEach((p, i) => {
      rows.push({
        ...pickCounts(p.counts),
        kind: 'procedure',
        stt: String(i + 1),
        label: p.name,
        sector,
        procedureId: p.procedureId,
        procedureCode: p.code,
        procedure: p.name,
        rate: onTimeRate(p.counts),
      });
    });
  });
  const total = sumCounts(sectorTotals);
  rows.push({
    ...pickCounts(total),
    kind: 'total',
    stt: '',
    label: TOTAL_LABEL,
    sector: null,
    procedureId: null,
    procedureCode: null,
    procedure: null,
    rate: onTimeRate(total),
  });
  return rows;
}
