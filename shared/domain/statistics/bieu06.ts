/*
 * Biểu số 06/VPCP/KSTT (Thông tư 01/2020/TT-VPCP ngày 21/10/2020): "Tình hình, kết quả giải quyết TTHC tại cơ
 * quan, đơn vị trực tiếp giải quyết TTHC" — columns (1)–(13) and their groups as in domain.md §2.5. One
 * description serves the screen, the XLSX and the PDF, so the three cannot drift apart.
 */

export const BIEU06_FORM = 'Biểu số 06/VPCP/KSTT';
export const BIEU06_BASIS =
  'Ban hành kèm theo Thông tư số 01/2020/TT-VPCP ngày 21/10/2020 của Văn phòng Chính phủ';
export const BIEU06_TITLE =
  'TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH';
export const BIEU06_UNIT = 'Đơn vị tính: Số hồ sơ TTHC';

/** The numeric columns (3)–(13). */
export const bieu06Keys = ['c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9', 'c10', 'c11', 'c12', 'c13'] as const;
export type Bieu06Key = (typeof bieu06Keys)[number];
export type Bieu06Counts = Readonly<Record<Bieu06Key, number>>;

export const ZERO_COUNTS: Bieu06Counts = {
  c3: 0,
  c4: 0,
  c5: 0,
  c6: 0,
  c7: 0,
  c8: 0,
  c9: 0,
  c10: 0,
  c11: 0,
  c12: 0,
  c13: 0,
};

/**
 * The dashboard's names for the same numbers; every one of them opens its list (stats.drilldown), and the
 * list's total equals the number.
 */
export const statCells = [
  'received.total',
  'received.online',
  'received.other',
  'received.carriedOver',
  'resolved.total',
  'resolved.early',
  'resolved.onTime',
  'resolved.late',
  'pending.total',
  'pending.inTime',
  'pending.overdue',
] as const;
export type StatCell = (typeof statCells)[number];

export const CELL_COLUMN: Readonly<Record<StatCell, Bieu06Key>> = {
  'received.total': 'c3',
  'received.online': 'c4',
  'received.other': 'c5',
  'received.carriedOver': 'c6',
  'resolved.total': 'c7',
  'resolved.early': 'c8',
  'resolved.onTime': 'c9',
  'resolved.late': 'c10',
  'pending.total': 'c11',
  'pending.inTime': 'c12',
  'pending.overdue': 'c13',
};

export const CELL_LABELS: Readonly<Record<StatCell, string>> = {
  'received.total': 'Số hồ sơ nhận giải quyết',
  'received.online': 'Tiếp nhận trực tuyến trong kỳ',
  'received.other': 'Tiếp nhận trực tiếp, dịch vụ bưu chính trong kỳ',
  'received.carriedOver': 'Từ kỳ trước chuyển qua',
  'resolved.total': 'Đã giải quyết',
  'resolved.early': 'Giải quyết trước hạn',
  'resolved.onTime': 'Giải quyết đúng hạn',
  'resolved.late': 'Giải quyết quá hạn',
  'pending.total': 'Đang giải quyết',
  'pending.inTime': 'Đang giải quyết trong hạn',
  'pending.overdue': 'Đang giải quyết quá hạn',
};

export const sectors = ['bao_chi', 'xuat_ban'] as const;
export type Sector = (typeof sectors)[number];
export const SECTOR_LABELS: Readonly<Record<Sector, string>> = {
  bao_chi: 'Báo chí',
  xuat_ban: 'Xuất bản, in và phát hành',
};

/** A header cell of a printed table; rows and columns are 0-based, spans ≥ 1. */
export interface HeaderCell {
  readonly text: string;
  readonly row: number;
  readonly col: number;
  readonly rowSpan?: number;
  readonly colSpan?: number;
}

export interface TableHeader {
  readonly rows: number;
  readonly columns: number;
  readonly cells: readonly HeaderCell[];
}

/** The form's three header rows with their merged cells; a fourth row numbers the columns (1)–(13). */
export const BIEU06_HEADER: TableHeader = {
  rows: 3,
  columns: 13,
  cells: [
    { text: 'STT', row: 0, col: 0, rowSpan: 3 },
    { text: 'Lĩnh vực, công việc giải quyết theo cấp', row: 0, col: 1, rowSpan: 3 },
    { text: 'Số hồ sơ nhận giải quyết', row: 0, col: 2, colSpan: 4 },
    { text: 'Số hồ sơ đã giải quyết', row: 0, col: 6, colSpan: 4, rowSpan: 2 },
    { text: 'Số hồ sơ đang giải quyết', row: 0, col: 10, colSpan: 3, rowSpan: 2 },
    { text: 'Tổng số', row: 1, col: 2, rowSpan: 2 },
    { text: 'Trong kỳ', row: 1, col: 3, colSpan: 2 },
    { text: 'Từ kỳ trước chuyển qua', row: 1, col: 5, rowSpan: 2 },
    { text: 'Trực tuyến', row: 2, col: 3 },
    { text: 'Trực tiếp, dịch vụ bưu chính', row: 2, col: 4 },
    { text: 'Tổng số', row: 2, col: 6 },
    { text: 'Trước hạn', row: 2, col: 7 },
    { text: 'Đúng hạn', row: 2, col: 8 },
    { text: 'Quá hạn', row: 2, col: 9 },
    { text: 'Tổng số', row: 2, col: 10 },
    { text: 'Trong hạn', row: 2, col: 11 },
    { text: 'Quá hạn', row: 2, col: 12 },
  ],
};

/** '(1)' … '(n)': the row under a form's header that numbers its columns. */
export function columnNumbers(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `(${i + 1})`);
}

/** Roman numerals for the sector rows (I, II, …) as on the form's grouped rows. */
export function romanNumeral(n: number): string {
  const table: Array<[number, string]> = [
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let rest = n;
  let out = '';
  for (const [value, symbol] of table) {
    while (rest >= value) {
      out += symbol;
      rest -= value;
    }
  }
  return out;
}
