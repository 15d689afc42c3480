/*
 * The national service-quality index set of Quyết định 766/QĐ-TTg (23/6/2022), the part an office can compute
 * from its own dossiers (issue 13; domain.md §2.4–2.5). Rules are data: thresholds and definitions come from a
 * secondary description of the national dashboard [S], so each carries its source and can be changed in one
 * place when the official spec is obtained.
 *
 * Populations for a period [S, E] (office-local dates):
 * - on time ("Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn", 766 group "Tiến độ, kết quả giải quyết"): every dossier
 *   to be processed in the period — Biểu 06 col (3) = resolved in the period (7) + still open at E (11). A
 *   resolved dossier is on time when its end of processing (LicenceDesk's completion: "Đã xử lý xong") is not
 *   after its appointment moved by the time the clock stood for the supplement — which is exactly "end minus
 *   supplement time ≤ appointment" of the dashboard; an open dossier is judged at E ("open dossiers at period end
 *   use the period end"), one waiting for a supplement is in time. Any dossier with more than one supplement
 *   request is late (the dashboard's rule), whatever its dates.
 * - online ("Tỷ lệ hồ sơ nộp trực tuyến"): dossiers received in the period, channel 'online' (cols 4 / (4)+(5)).
 * - electronic result ("cấp kết quả giải quyết điện tử") and digitised ("số hóa hồ sơ": every provided component
 *   scanned AND an electronic result): dossiers resolved in the period that expect a result — not withdrawn,
 *   not stopped (LicenceDesk produces no stop-notice file).
 */

export const indicatorKeys = ['onTime', 'online', 'digitised', 'eResult'] as const;
export type IndicatorKey = (typeof indicatorKeys)[number];

export interface PointsRule {
  /** Full points from this share on (0–1); below it, points in proportion ([?]: the proportional part is not confirmed). */
  readonly fullAt: number;
  readonly label: string;
  readonly rule: string;
  readonly source: string;
}

export const RULES_766: Readonly<Record<IndicatorKey, PointsRule>> = {
  onTime: {
    fullAt: 1,
    label: 'Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn',
    rule: 'Điểm tỷ lệ thuận với tỷ lệ hồ sơ trước hạn, đúng hạn (đủ điểm khi 100%)',
    source: 'QĐ 766/QĐ-TTg, nhóm "Tiến độ, kết quả giải quyết" (mô tả thứ cấp [S]; cách cho điểm [?])',
  },
  online: {
    fullAt: 0.5,
    label: 'Tỷ lệ hồ sơ nộp trực tuyến',
    rule: 'Đủ điểm khi từ 50% hồ sơ trở lên được nộp trực tuyến',
    source: 'QĐ 766/QĐ-TTg, nhóm "Cung cấp dịch vụ trực tuyến" (mô tả thứ cấp [S])',
  },
  digitised: {
    fullAt: 0.8,
    label: 'Tỷ lệ số hóa hồ sơ (đủ bản quét thành phần và có kết quả điện tử)',
    rule: 'Đủ điểm khi từ 80% trở lên',
    source: 'QĐ 766/QĐ-TTg, nhóm "Số hóa hồ sơ" (mô tả thứ cấp [S])',
  },
  eResult: {
    fullAt: 0.8,
    label: 'Tỷ lệ cấp kết quả giải quyết điện tử',
    rule: 'Đủ điểm khi từ 80% trở lên',
    source: 'QĐ 766/QĐ-TTg, nhóm "Số hóa hồ sơ" (mô tả thứ cấp [S])',
  },
};

export interface IndicatorValue {
  readonly key: IndicatorKey;
  /** Dossiers that meet it. */
  readonly met: number;
  readonly total: number;
  /** met / total, or null when total is 0. */
  readonly rate: number | null;
  /** Share of the indicator's maximum points earned, 0–1 (null without a rate). */
  readonly pointsShare: number | null;
  readonly isFull: boolean;
  /** Dossiers that miss it (the drill-down's length). */
  readonly missed: number;
}

export function indicatorValue(key: IndicatorKey, met: number, total: number): IndicatorValue {
  const rate = total > 0 ? met / total : null;
  const fullAt = RULES_766[key].fullAt;
  // met / (total × fullAt) rather than rate / fullAt: one division, so 3 of 5 at an 80 % rule is exactly 0,75.
  const pointsShare = rate === null ? null : Math.min(1, met / (total * fullAt));
  return { key, met, total, rate, pointsShare, isFull: rate !== null && rate >= fullAt, missed: total - met };
}

/** What the summary tables give for one procedure (or the whole office) and a period. */
export interface ScorecardSums {
  /** Biểu 06 (3): to process in the period. */
  readonly toProcess: number;
  /** Biểu 06 (8) + (9) + (12): on time by LicenceDesk's classification (resolved early/on time, open in time). */
  readonly onTimeByDueDate: number;
  /** Of those, dossiers with more than one supplement request (late on the 766 dashboard). */
  readonly onTimeButResupplemented: number;
  readonly receivedOnline: number;
  readonly receivedTotal: number;
  readonly resultsExpected: number;
  readonly eResults: number;
  readonly digitised: number;
  readonly processingDaysSum: number;
  readonly processingDaysCount: number;
}

export function indicatorsOf(s: ScorecardSums): Record<IndicatorKey, IndicatorValue> {
  return {
    onTime: indicatorValue('onTime', s.onTimeByDueDate - s.onTimeButResupplemented, s.toProcess),
    online: indicatorValue('online', s.receivedOnline, s.receivedTotal),
    digitised: indicatorValue('digitised', s.digitised, s.resultsExpected),
    eResult: indicatorValue('eResult', s.eResults, s.resultsExpected),
  };
}

/** A dossier with more than one supplement request: is it counted on time by its dates for [S, E]? */
export function countedOnTimeByDates(
  d: {
    receiptDate: string;
    completedDate: string | null;
    completionClass: string | null;
    dueDate: string | null;
  },
  period: { from: string; to: string },
): boolean {
  const resolvedInPeriod =
    d.completedDate !== null && d.completedDate >= period.from && d.completedDate <= period.to;
  if (resolvedInPeriod) return d.completionClass !== 'late';
  const openAtEnd = d.receiptDate <= period.to && (d.completedDate === null || d.completedDate > period.to);
  if (!openAtEnd) return false;
  if (d.dueDate === null) return true;
  const dueDay = d.dueDate > d.receiptDate ? d.dueDate : d.receiptDate;
  return dueDay >= period.to;
}
