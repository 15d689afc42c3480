import type { IsoDate } from './iso-date';
import { formatViDate } from './iso-date';

/**
 * Names of the public holidays of BLLĐ 2019 Điều 112 k1 (plus 24/11 from 2026), as used in labels,
 * the ledger and printed schedules.
 */
export const HOLIDAY_NAMES = {
  newYear: 'Tết Dương lịch',
  lunarNewYear: 'Tết Nguyên đán',
  hungKings: 'Giỗ Tổ Hùng Vương',
  victoryDay: 'Ngày Chiến thắng',
  labourDay: 'Ngày Quốc tế lao động',
  nationalDay: 'Quốc khánh',
  cultureDay: 'Ngày Văn hóa Việt Nam',
} as const;

/** Compensatory day off for a holiday that fell on a weekend (BLLĐ 2019 Điều 111 k3). */
export function compensatoryDayName(holiday: string): string {
  return `Nghỉ bù ${holiday}`;
}

/** A weekday swapped with a weekend day to lengthen a break (decided yearly by the Prime Minister). */
export function swappedDayName(occasion: string): string {
  return `Hoán đổi (${occasion})`;
}

/** The weekend day worked in exchange for a swapped weekday. */
export function makeupDayName(swappedDay: IsoDate): string {
  return `Làm bù cho ngày ${formatViDate(swappedDay)}`;
}

export const LEGAL_SOURCES = {
  holidays: 'BLLĐ 2019 Điều 112 k1',
  compensatory: 'BLLĐ 2019 Điều 111 k3',
  yearlyDecision: 'BLLĐ 2019 Điều 112 k1, k3 (Thủ tướng quyết định hằng năm)',
  cultureDay: 'Nghị quyết 28/2026/QH16 (chỉ thấy qua nguồn thứ cấp)',
  pressReportsOnly: 'Quyết định của Thủ tướng Chính phủ (nguồn thứ cấp: báo chí)',
} as const;
