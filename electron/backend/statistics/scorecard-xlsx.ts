import type ExcelJS from 'exceljs';
import type { ScorecardOutput } from '../../../shared/api/schemas/statistics';
import { formatPeriod, formatRate, formatDays } from '../../../shared/domain/statistics';
import { FONT, mergedLine, styleCell } from './xlsx-layout';

export const SCORECARD_XLSX = { sheetName: 'Chỉ số 766', headerRow: 4, firstDataRow: 5 } as const;

const UNIT_LABELS: Record<string, string> = { wd: 'ngày làm việc', cd: 'ngày', h: 'giờ' };

/**
 * The scorecard beside Biểu 06 in the same workbook: one row per indicator (numbers as numbers, rates as
 * percentages Excel can recompute), then the mean processing time per procedure.
 */
export function writeScorecardSheet(wb: ExcelJS.Workbook, card: ScorecardOutput): void {
  const ws = wb.addWorksheet(SCORECARD_XLSX.sheetName);
  ws.columns = [
    { width: 6 },
    { width: 56 },
    { width: 12 },
    { width: 12 },
    { width: 12 },
    { width: 14 },
    { width: 14 },
    { width: 44 },
  ];
  mergedLine(ws, 1, 1, 8, 'CHỈ SỐ ĐÁNH GIÁ CHẤT LƯỢNG PHỤC VỤ (QUYẾT ĐỊNH 766/QĐ-TTg)', {
    bold: true,
    size: 13,
  });
  mergedLine(ws, 2, 1, 8, `(${formatPeriod(card.period)})`, { italic: true });
  const header = ['STT', 'Chỉ số', 'Đạt', 'Tổng số', 'Không đạt', 'Tỷ lệ', 'Tỷ lệ điểm', 'Cách tính điểm'];
  header.forEach((text, i) => {
    const cell = ws.getCell(SCORECARD_XLSX.headerRow, i + 1);
    cell.value = text;
    styleCell(cell, { bold: true, align: 'center', border: true });
  });
  let row = SCORECARD_XLSX.firstDataRow;
  card.indicators.forEach((indicator, i) => {
    const values: ExcelJS.CellValue[] = [
      i + 1,
      indicator.label,
      indicator.met,
      indicator.total,
      indicator.missed,
      indicator.rate,
      indicator.pointsShare,
      `${indicator.rule}. Nguồn: ${indicator.source}`,
    ];
    values.forEach((value, c) => {
      const cell = ws.getCell(row, c + 1);
      cell.value = value ?? '—';
      styleCell(cell, { align: c === 1 || c === 7 ? 'left' : 'center', border: true });
      if (c >= 2 && c <= 4) cell.numFmt = '#,##0';
      if ((c === 5 || c === 6) && typeof value === 'number') cell.numFmt = '0.00%';
    });
    row += 1;
  });
  row += 1;
  mergedLine(ws, row, 1, 8, 'Thời gian giải quyết trung bình theo thủ tục', { bold: true, align: 'left' });
  row += 1;
  [
    'STT',
    'Thủ tục hành chính',
    'Đã giải quyết',
    'TB (ngày LV)',
    'Thời hạn',
    'Đúng hạn',
    'Kết quả ĐT',
    'Số hóa',
  ].forEach((text, i) => {
    const cell = ws.getCell(row, i + 1);
    cell.value = text;
    styleCell(cell, { bold: true, align: 'center', border: true });
  });
  row += 1;
  card.byProcedure.forEach((p, i) => {
    const values: ExcelJS.CellValue[] = [
      i + 1,
      `${p.code ? `${p.code} – ` : ''}${p.name}`,
      p.resolved,
      p.averageProcessingDays === null ? '—' : Number(formatDays(p.averageProcessingDays).replace(',', '.')),
      p.deadline ? `${p.deadline.amount} ${UNIT_LABELS[p.deadline.unit] ?? p.deadline.unit}` : '—',
      p.onTimeRate === null ? '—' : formatRate(p.onTimeRate),
      p.eResultRate === null ? '—' : formatRate(p.eResultRate),
      p.digitisedRate === null ? '—' : formatRate(p.digitisedRate),
    ];
    values.forEach((value, c) => {
      const cell = ws.getCell(row, c + 1);
      cell.value = value;
      styleCell(cell, { align: c === 1 ? 'left' : 'center', border: true });
    });
    row += 1;
  });
  ws.eachRow((r) =>
    r.eachCell((c) => {
      if (c.font?.name !== FONT) c.font = { ...c.font, name: FONT };
    }),
  );
}
