import { drawAdminHeader, drawDocumentTitle, drawSignatures } from './admin-header';
import { DocumentWriter } from './document-layout';
import { drawTable } from './document-table';
import type { FontSet } from './font-set';
import type { FormAgency } from './one-stop-form';
import { formatDocumentDate, twoDigits } from './vietnamese-date';

/**
 * The day's register print-out: what was received, resolved and licensed, and the audit chain head. A
 * supervisor signs it and files it on paper — the chain's witness outside the machine (reliability.md §3.2.3):
 * anyone who later rewrites the database cannot also rewrite this sheet.
 */
export interface DailyRegisterData {
  readonly agency: FormAgency;
  /** Office-local 'YYYY-MM-DD'. */
  readonly date: string;
  /** When the sheet was printed (ISO with offset). */
  readonly printedAt: string;
  readonly received: { readonly total: number; readonly online: number; readonly codes: readonly string[] };
  readonly resolved: { readonly early: number; readonly onTime: number; readonly late: number };
  readonly licences: readonly {
    readonly number: string;
    readonly holder: string;
    /** Who signed it, as printed on the licence (issue 12 §3); empty for a licence with no signer recorded. */
    readonly signer: string;
    /** The issuing authority, as written in a sentence ('Ủy ban nhân dân tỉnh Bắc Ninh'). */
    readonly issuingBody: string;
    readonly isVoid: boolean;
  }[];
  readonly auditHead: { readonly seq: number; readonly hash: string } | null;
  readonly isChainVerified: boolean;
  readonly preparedBy: string;
}

/** Codes beyond this are counted, not listed, so the sheet stays one page. */
const MAX_CODES = 40;
const MAX_LICENCE_ROWS = 12;

export async function buildDailyRegisterPdf(data: DailyRegisterData, fonts: FontSet): Promise<Uint8Array> {
  const w = await DocumentWriter.create(fonts, {
    metadata: {
      title: `Bản kê hồ sơ và giấy phép ${formatDocumentDate(data.date)}`,
      author: data.agency.name,
      createdAt: new Date(data.printedAt),
    },
  });
  drawAdminHeader(w, {
    governingBody: data.agency.governingBody,
    issuingBody: data.agency.name,
    place: data.agency.place,
    date: data.printedAt,
  });
  drawDocumentTitle(w, {
    title: 'Bản kê hồ sơ và giấy phép trong ngày',
    summary: capitalize(formatDocumentDate(data.date)),
  });
  const body = { align: 'left' as const, spaceAfter: 2, size: 12 };
  const resolved = data.resolved.early + data.resolved.onTime + data.resolved.late;
  w.paragraph(
    `1. Hồ sơ tiếp nhận: ${twoDigits(data.received.total)} (trực tuyến: ${twoDigits(data.received.online)}).`,
    body,
  );
  if (data.received.codes.length > 0) {
    const shown = data.received.codes.slice(0, MAX_CODES).join(', ');
    const more = data.received.codes.length - MAX_CODES;
    w.paragraph(`Mã hồ sơ: ${shown}${more > 0 ? ` và ${more} hồ sơ khác` : ''}.`, { ...body, size: 10 });
  }
  w.paragraph(
    `2. Hồ sơ đã giải quyết: ${twoDigits(resolved)} (trước hạn: ${twoDigits(data.resolved.early)}; đúng hạn: ` +
      `${twoDigits(data.resolved.onTime)}; quá hạn: ${twoDigits(data.resolved.late)}).`,
    body,
  );
  w.paragraph(`3. Giấy phép đã cấp số: ${twoDigits(data.licences.length)}.`, body);
  if (data.licences.length > 0) {
    const rows = data.licences
      .slice(0, MAX_LICENCE_ROWS)
      .map((l, i) => [
        String(i + 1),
        l.number,
        l.holder,
        [l.issuingBody, l.signer].filter((part) => part !== '').join(' – '),
        l.isVoid ? 'Đã hủy' : 'Đã cấp',
      ]);
    drawTable(w, {
      columns: [
        { header: 'TT', width: 24, align: 'center' },
        { header: 'Số giấy phép', width: 88 },
        { header: 'Tổ chức, cá nhân được cấp', flex: 1 },
        { header: 'Cơ quan cấp – người ký', flex: 1 },
        { header: 'Tình trạng', width: 64, align: 'center' },
      ],
      rows,
      size: 11,
    });
    if (data.licences.length > MAX_LICENCE_ROWS) {
      w.paragraph(
        `và ${data.licences.length - MAX_LICENCE_ROWS} giấy phép khác (xem sổ cấp giấy phép).`,
        body,
      );
    }
    w.moveDown(4);
  }
  w.paragraph('4. Dấu xác thực nhật ký (hash chain) cuối ngày:', body);
  if (data.auditHead) {
    w.paragraph(`Mục số ${data.auditHead.seq}; mã băm SHA-256:`, { ...body, size: 11 });
    w.paragraph(data.auditHead.hash, { ...body, size: 10, bold: true });
  } else {
    w.paragraph('Chưa có mục nhật ký nào.', body);
  }
  w.paragraph(
    data.isChainVerified
      ? 'Toàn bộ nhật ký đã được kiểm tra lại từ đầu và khớp chuỗi băm tại thời điểm in.'
      : 'CẢNH BÁO: kiểm tra chuỗi băm nhật ký KHÔNG đạt tại thời điểm in — báo ngay cho quản trị hệ thống.',
    { ...body, italic: true, size: 11 },
  );
  w.paragraph(
    'Người có thẩm quyền ký xác nhận bản kê này và lưu hồ sơ giấy; mã băm trên đây dùng để phát hiện mọi thay đổi dữ liệu sau ngày in.',
    { ...body, italic: true, size: 11, spaceAfter: 8 },
  );
  drawSignatures(w, [
    { titleLines: ['NGƯỜI LẬP'], hint: '(Ký và ghi rõ họ tên)', name: data.preparedBy },
    { titleLines: ['LÃNH ĐẠO KÝ XÁC NHẬN'], hint: '(Ký và ghi rõ họ tên)' },
  ]);
  return w.save();
}

function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}
