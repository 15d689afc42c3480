import { mm } from './document-layout';
import type { RichText } from './document-layout';
import { drawTable } from './document-table';
import type { FontSet } from './font-set';
import {
  FormProblems,
  createFormWriter,
  drawField,
  drawFormHead,
  hasText,
  keepTogether,
  procedureText,
} from './one-stop-form';
import type { FormAgency, FormProcedure } from './one-stop-form';
import { formatDocumentDateTime } from './vietnamese-date';

/** On-time class of a step (TT 01/2018 Mẫu 05: "Trước hạn/đúng hạn/quá hạn"). */
export type HandOverResult = 'truoc_han' | 'dung_han' | 'qua_han';

export const HAND_OVER_RESULT_LABELS: Readonly<Record<HandOverResult, string>> = {
  truoc_han: 'Trước hạn',
  dung_han: 'Đúng hạn',
  qua_han: 'Quá hạn',
};

/** One hand-over of the dossier between units (desk → appraisal → leader → desk …). */
export interface HandOver {
  /** Cơ quan / bộ phận giao. */
  readonly fromUnit: string;
  /** Cơ quan / bộ phận nhận. */
  readonly toUnit: string;
  /** ISO date-time with offset. */
  readonly handedAt: string;
  /** When the receiving unit took it; default the hand-over time. */
  readonly receivedAt?: string;
  /** Người giao, người nhận. */
  readonly giver: string;
  readonly receiver: string;
  /** Absent while the step is still running. */
  readonly result?: HandOverResult;
  readonly note?: string;
}

/**
 * PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ (Mẫu 05 of Thông tư 01/2018/TT-VPCP): travels with the dossier
 * and records each hand-over — time, giver, receiver, on-time result (domain.md §2.2, §2.3 "Tracking").
 */
export interface ControlSheetData {
  readonly agency: FormAgency;
  /** e.g. 'Mẫu số 05 – Thông tư số 01/2018/TT-VPCP'. */
  readonly formRef: string;
  /** Date of the sheet; default the reception time. */
  readonly issuedAt?: string;
  readonly dossierCode: string;
  readonly applicant: { readonly name: string };
  readonly procedure: FormProcedure;
  readonly receivedAt: string;
  readonly dueAt: string;
  /** Cơ quan (bộ phận) giải quyết hồ sơ, e.g. 'Phòng Quản lý Báo chí, Xuất bản'. */
  readonly processingUnit?: string;
  /** Cơ quan phối hợp giải quyết hồ sơ, if any. */
  readonly coordinatingUnits?: string;
  /** One table row each, in order. With none, blank rows are printed to be filled in by hand. */
  readonly handOvers: readonly HandOver[];
}

/** Rows left blank on a sheet printed before any hand-over (the desk prints it with the receipt). */
const BLANK_ROWS = 4;

export async function buildControlSheetPdf(data: ControlSheetData, fonts: FontSet): Promise<Uint8Array> {
  assertControlSheet(data);
  const issuedAt = data.issuedAt ?? data.receivedAt;
  const w = await createFormWriter(fonts, {
    title: `Phiếu kiểm soát quá trình giải quyết hồ sơ – ${data.dossierCode}`,
    author: data.agency.name,
    subject: data.procedure.name,
    keywords: [data.dossierCode, data.formRef],
    issuedAt,
  });
  drawFormHead(w, {
    formRef: data.formRef,
    agency: data.agency,
    issuedAt,
    title: 'Phiếu kiểm soát quá trình giải quyết hồ sơ',
    dossierCode: data.dossierCode,
  });
  w.paragraph('(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả)', {
    align: 'center',
    italic: true,
    spaceAfter: 4,
  });

  drawField(w, 'Hồ sơ của', [{ text: data.applicant.name, bold: true }]);
  drawField(w, 'Nội dung yêu cầu giải quyết', procedureText(data.procedure));
  drawField(w, 'Thời gian nhận hồ sơ', formatDocumentDateTime(data.receivedAt));
  drawField(w, 'Thời gian hẹn trả kết quả', [{ text: formatDocumentDateTime(data.dueAt), bold: true }]);
  if (hasText(data.processingUnit)) drawField(w, 'Cơ quan (bộ phận) giải quyết hồ sơ', data.processingUnit);
  if (hasText(data.coordinatingUnits)) {
    drawField(w, 'Cơ quan phối hợp giải quyết hồ sơ', data.coordinatingUnits);
  }
  w.moveDown(6);

  const rows: RichText[][] =
    data.handOvers.length === 0
      ? Array.from({ length: BLANK_ROWS }, () => [
          'Giao: ……………\nNhận: ……………',
          'Giao: … giờ … phút, ngày … tháng … năm …\nNhận: … giờ … phút, ngày … tháng … năm …\nNgười giao:\nNgười nhận:',
          '',
          '',
        ])
      : data.handOvers.map(handOverRow);
  drawTable(w, {
    columns: [
      { header: 'TÊN CƠ QUAN\n(BỘ PHẬN)', width: mm(38), align: 'left' },
      { header: 'THỜI GIAN GIAO, NHẬN HỒ SƠ', flex: 1, align: 'left' },
      { header: 'KẾT QUẢ GIẢI QUYẾT HỒ SƠ (Trước hạn/ Đúng hạn/ Quá hạn)', width: mm(32), align: 'center' },
      { header: 'GHI CHÚ', width: mm(24), align: 'left' },
    ],
    rows,
    size: 11,
  });
  return w.save();
}

/**
 * '14 giờ 00 phút, ngày 26 tháng 11 năm 2026' with the time and the date each unbreakable, so a narrow cell
 * breaks after the comma instead of stranding 'năm 2026' on a line of its own.
 */
function handOverTime(iso: string): string {
  const [time, date] = formatDocumentDateTime(iso).split(', ');
  return date === undefined ? keepTogether(time ?? '') : `${keepTogether(time ?? '')}, ${keepTogether(date)}`;
}

function handOverRow(step: HandOver): RichText[] {
  const received = step.receivedAt ?? step.handedAt;
  return [
    [
      { text: 'Giao: ', italic: true },
      { text: `${step.fromUnit}\n` },
      { text: 'Nhận: ', italic: true },
      { text: step.toUnit },
    ],
    [
      { text: 'Giao: ', italic: true },
      { text: `${handOverTime(step.handedAt)}\n` },
      { text: 'Nhận: ', italic: true },
      { text: `${handOverTime(received)}\n` },
      { text: 'Người giao: ', italic: true },
      { text: `${step.giver}\n`, bold: true },
      { text: 'Người nhận: ', italic: true },
      { text: step.receiver, bold: true },
    ],
    step.result === undefined ? '' : HAND_OVER_RESULT_LABELS[step.result],
    step.note ?? '',
  ];
}

function assertControlSheet(data: ControlSheetData): void {
  const problems = new FormProblems('control sheet');
  problems.requireText('dossierCode', data.dossierCode);
  problems.requireText('applicant.name', data.applicant.name);
  problems.requireText('procedure.name', data.procedure.name);
  problems.requireInstant('receivedAt', data.receivedAt);
  problems.requireInstant('dueAt', data.dueAt);
  if (data.issuedAt !== undefined) problems.requireDate('issuedAt', data.issuedAt);
  data.handOvers.forEach((step, i) => {
    problems.requireText(`handOvers[${i}].fromUnit`, step.fromUnit);
    problems.requireText(`handOvers[${i}].toUnit`, step.toUnit);
    problems.requireText(`handOvers[${i}].giver`, step.giver);
    problems.requireText(`handOvers[${i}].receiver`, step.receiver);
    problems.requireInstant(`handOvers[${i}].handedAt`, step.handedAt);
    if (step.receivedAt !== undefined) problems.requireInstant(`handOvers[${i}].receivedAt`, step.receivedAt);
  });
  problems.fail();
}
