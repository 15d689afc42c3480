import { drawAdminHeader } from './admin-header';
import { A4_LANDSCAPE, DocumentWriter, mm } from './document-layout';
import { drawTable } from './document-table';
import type { FontSet } from './font-set';
import { drawHeaderGrid, numberedColumns } from './report-pdf';
import {
  formatPeriod,
  REGISTER_FORM,
  REGISTER_HEADER,
  REGISTER_TITLE,
  viDate,
} from '../../../shared/domain/statistics';
import type { RegisterDocument } from '../statistics/report-document';

/*
 * Sổ theo dõi hồ sơ (Mẫu 06, TT 01/2018/TT-VPCP) for a period on A4 landscape: one row per dossier received,
 * in the order received. Small type (9 pt): thirteen columns must fit the 252 mm between NĐ 30 margins.
 */

const SIZE = 8.5;

export async function buildRegisterPdf(
  doc: RegisterDocument,
  fonts: FontSet,
  createdAt: Date,
): Promise<Uint8Array> {
  const period = formatPeriod(doc.period);
  const w = await DocumentWriter.create(fonts, {
    page: A4_LANDSCAPE,
    metadata: {
      title: `Sổ theo dõi hồ sơ – ${period}`,
      author: doc.agency.name,
      subject: REGISTER_FORM,
      createdAt,
    },
  });
  drawAdminHeader(w, {
    governingBody: doc.agency.governingBody,
    issuingBody: doc.agency.name,
    place: doc.agency.place,
    date: doc.issuedOn,
  });
  w.paragraph(REGISTER_FORM, { size: 10, italic: true, align: 'right', spaceBefore: 4 });
  w.paragraph(REGISTER_TITLE, { size: 14, bold: true, align: 'center', spaceBefore: 2 });
  w.paragraph(`(${period})`, { size: 12, italic: true, align: 'center', spaceAfter: 6 });

  // A date ('05/03/2026') needs ~16 mm at 8.5 pt; the procedure name and the note share what is left.
  const fixed = [10, 25, 0, 10, 25, 26, 17, 17, 17, 17, 17, 17, 0].map(mm);
  const flexible = w.contentWidth - fixed.reduce((a, b) => a + b, 0);
  const widths = fixed.map((width, i) => (i === 2 ? flexible * 0.55 : i === 12 ? flexible * 0.45 : width));
  drawHeaderGrid(w, REGISTER_HEADER, widths, { size: SIZE });
  const date = (value: string | null) => (value === null ? '' : viDate(value));
  drawTable(w, {
    columns: numberedColumns(widths, [
      'center',
      'left',
      'left',
      'center',
      'left',
      'left',
      'left',
      'center',
      'center',
      'center',
      'center',
      'center',
      'left',
    ]),
    rows: doc.rows.map((r) => [
      String(r.stt),
      r.code,
      r.procedure,
      String(r.setCount),
      r.applicant,
      r.addressPhone,
      r.handlingBody,
      date(r.receivedOn),
      date(r.dueOn),
      date(r.forwardedOn),
      date(r.resultOn),
      date(r.returnedOn),
      r.note,
    ]),
    size: SIZE,
    padding: 2,
  });
  if (doc.rows.length === 0) {
    w.paragraph('Không có hồ sơ nào được tiếp nhận trong kỳ.', { size: 11, italic: true, spaceBefore: 4 });
  }
  return w.save();
}
