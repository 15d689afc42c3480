import type { TableHeader } from './bieu06';

/*
 * Sổ theo dõi hồ sơ (Mẫu số 06, Thông tư 01/2018/TT-VPCP): columns as listed in domain.md §2.2 (reconstructed
 * from implementations — verify wording against the official annex before relying on it in print).
 */

export const REGISTER_TITLE = 'SỔ THEO DÕI HỒ SƠ';
export const REGISTER_FORM = 'Mẫu số 06 – Thông tư 01/2018/TT-VPCP';

export const REGISTER_HEADER: TableHeader = {
  rows: 2,
  columns: 13,
  cells: [
    { text: 'STT', row: 0, col: 0, rowSpan: 2 },
    { text: 'Mã hồ sơ', row: 0, col: 1, rowSpan: 2 },
    { text: 'Tên thủ tục hành chính', row: 0, col: 2, rowSpan: 2 },
    { text: 'Số lượng hồ sơ (bộ)', row: 0, col: 3, rowSpan: 2 },
    { text: 'Tên cá nhân, tổ chức', row: 0, col: 4, rowSpan: 2 },
    { text: 'Địa chỉ, số điện thoại', row: 0, col: 5, rowSpan: 2 },
    { text: 'Cơ quan chủ trì giải quyết', row: 0, col: 6, rowSpan: 2 },
    { text: 'Ngày, tháng, năm', row: 0, col: 7, colSpan: 5 },
    { text: 'Ghi chú', row: 0, col: 12, rowSpan: 2 },
    { text: 'Nhận hồ sơ', row: 1, col: 7 },
    { text: 'Hẹn trả kết quả', row: 1, col: 8 },
    { text: 'Chuyển hồ sơ đến cơ quan giải quyết', row: 1, col: 9 },
    { text: 'Nhận kết quả từ cơ quan giải quyết', row: 1, col: 10 },
    { text: 'Trả kết quả cho cá nhân, tổ chức', row: 1, col: 11 },
  ],
};
