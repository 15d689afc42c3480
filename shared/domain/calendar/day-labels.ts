/** Vietnamese weekday names indexed by weekday (0 = Sunday), as printed on official schedules. */
export const WEEKDAY_LABELS: readonly string[] = [
  'Chủ nhật',
  'Thứ Hai',
  'Thứ Ba',
  'Thứ Tư',
  'Thứ Năm',
  'Thứ Sáu',
  'Thứ Bảy',
];

export function weekdayLabel(weekday: number): string {
  return WEEKDAY_LABELS[weekday] ?? '?';
}

/** Label of a worked weekend day, e.g. 'Làm bù (Thứ Bảy)'. */
export function makeupLabel(weekday: number): string {
  return `Làm bù (${weekdayLabel(weekday)})`;
}

export const EXCEPTION_STATUS_LABELS = {
  confirmed: 'Đã xác nhận',
  draft: 'Dự kiến',
} as const;

export const YEAR_STATUS_LABELS = {
  confirmed: 'Đã xác nhận',
  draft: 'Dự kiến',
  missing: 'Chưa có lịch',
} as const;
