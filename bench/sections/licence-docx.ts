// The LibreOffice baseline's input: the same licence as a minimal WordprocessingML (.docx) mail-merge
// template — header table, title, thẩm quyền line, Căn cứ lines, decision word, numbered fields, closing
// clauses, Nơi nhận and signature — filled per licence the way an office's Word mail merge fills «fields».
// Written by hand (three parts in a zip) because the `docx` package is not a dependency; the QR code image is
// left out, which only makes the LibreOffice route cheaper.
import JSZip from 'jszip';
import type { LicenceData } from '../../electron/backend/documents/licence-pdf';
import type { LicenceTemplate } from '../../electron/backend/documents/licence-template';
import { formatDocumentDate } from '../../electron/backend/documents/vietnamese-date';

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;

const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

interface RunStyle {
  bold?: boolean;
  italic?: boolean;
  /** Points (default 13, as NĐ 30/2020 asks for the body). */
  size?: number;
}

interface ParagraphStyle extends RunStyle {
  align?: 'left' | 'center' | 'both';
  /** First-line indent in millimetres. */
  indentMm?: number;
  /** Space after, points. */
  after?: number;
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function run(text: string, style: RunStyle = {}): string {
  const size = (style.size ?? 13) * 2;
  const props = `<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>${
    style.bold ? '<w:b/>' : ''
  }${style.italic ? '<w:i/>' : ''}<w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr>`;
  return `<w:r>${props}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}

function paragraph(runs: string | string[], style: ParagraphStyle = {}): string {
  const body = Array.isArray(runs) ? runs.join('') : run(runs, style);
  const indent = style.indentMm ? `<w:ind w:firstLine="${Math.round(style.indentMm * 56.7)}"/>` : '';
  return `<w:p><w:pPr><w:spacing w:before="0" w:after="${(style.after ?? 3) * 20}"/>${indent}<w:jc w:val="${
    style.align ?? 'left'
  }"/></w:pPr>${body}</w:p>`;
}

/** A borderless two-column table (header and closing blocks). */
function twoColumns(left: string[], right: string[], widths: [number, number]): string {
  const cell = (content: string[], width: number) =>
    `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/></w:tcPr>${content.join('') || '<w:p/>'}</w:tc>`;
  return `<w:tbl><w:tblPr><w:tblW w:w="${widths[0] + widths[1]}" w:type="dxa"/><w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid><w:gridCol w:w="${widths[0]}"/><w:gridCol w:w="${widths[1]}"/></w:tblGrid><w:tr>${cell(left, widths[0])}${cell(right, widths[1])}</w:tr></w:tbl>`;
}

const upper = (text: string) => text.normalize('NFC').toLocaleUpperCase('vi');

/** The mail-merge fields: each «name» in the template is replaced by the licence's value. */
export type MergeValues = Record<string, string>;

export function mergeValuesOf(data: Omit<LicenceData, 'isCopy' | 'qr'>): MergeValues {
  const values: MergeValues = {
    number: data.number,
    place: data.place,
    holder: data.holder,
    issueDate: formatDocumentDate(data.issueDate),
    signerName: data.signerName,
    ...data.fieldValues,
  };
  if (data.applicationDate) values.applicationDate = formatDocumentDate(data.applicationDate);
  if (data.validUntil) values.validUntil = formatDocumentDate(data.validUntil);
  return values;
}

/**
 * The template's document.xml with «key» merge fields where the licence has values ({key} placeholders of
 * the licence template become merge fields too).
 */
export function licenceDocumentXml(template: LicenceTemplate, fieldKeys: readonly string[]): string {
  const merge = (text: string) => text.normalize('NFC').replace(/\{([A-Za-z][A-Za-z0-9_]*)\}/g, '«$1»');
  const body: string[] = [];
  const header = twoColumns(
    [
      ...(template.authority.governingBody
        ? [paragraph(upper(template.authority.governingBody), { align: 'center', size: 12, after: 0 })]
        : []),
      paragraph(upper(template.authority.issuingBody), { align: 'center', bold: true, size: 12, after: 6 }),
      paragraph('Số: «number»', { align: 'center', size: 13 }),
    ],
    [
      paragraph('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { align: 'center', bold: true, size: 12, after: 0 }),
      paragraph('Độc lập - Tự do - Hạnh phúc', { align: 'center', bold: true, size: 13, after: 6 }),
      paragraph('«place», «issueDate»', { align: 'center', italic: true, size: 13 }),
    ],
    [3600, 5750],
  );
  body.push(header);
  body.push(paragraph(upper(template.title), { align: 'center', bold: true, size: 14, after: 6 }));
  body.push(paragraph(upper(template.authority.authorityLine), { align: 'center', bold: true, after: 6 }));
  const preamble = [
    ...template.legalBasis.map((t) => (/^căn cứ/i.test(t.trim()) ? t.trim() : `Căn cứ ${t.trim()}`)),
    ...template.considerations,
  ];
  preamble.forEach((text, i) => {
    const line = `${merge(text).replace(/[;,.]+$/, '')}${i === preamble.length - 1 ? ',' : ';'}`;
    body.push(paragraph(line, { italic: true, align: 'both', indentMm: 10 }));
  });
  body.push(paragraph(upper(template.decisionWord), { align: 'center', bold: true, size: 14, after: 6 }));
  let index = 0;
  for (const field of template.fields) {
    if (!fieldKeys.includes(field.key)) continue;
    index += 1;
    body.push(
      paragraph([run(`${index}. ${field.label.replace(/:$/, '')}: `), run(`«${field.key}»`)], {
        indentMm: 10,
      }),
    );
  }
  template.closing.forEach((text, i) => {
    const line = merge(text).trim();
    const last = i === template.closing.length - 1 && !line.endsWith('./.');
    body.push(paragraph(last ? `${line.replace(/[.;,]+$/, '')}./.` : line, { align: 'both', indentMm: 10 }));
  });
  body.push(
    twoColumns(
      [
        paragraph('Nơi nhận:', { bold: true, italic: true, size: 12, after: 0 }),
        ...template.recipients.map((r) => paragraph(`- ${merge(r)};`, { size: 11, after: 0 })),
      ],
      [
        ...template.signature.lines.map((l) =>
          paragraph(upper(l), { align: 'center', bold: true, after: 0 }),
        ),
        paragraph('(Chữ ký, dấu)', { align: 'center', italic: true, after: 60 }),
        paragraph('«signerName»', { align: 'center', bold: true }),
      ],
      [4200, 5150],
    ),
  );
  const section =
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="0" w:footer="0" w:gutter="0"/></w:sectPr>';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body.join('')}${section}</w:body></w:document>`;
}

/** Mail merge: every «key» replaced by its value (XML-escaped); unknown keys are left visible. */
export function mergeDocumentXml(templateXml: string, values: MergeValues): string {
  return templateXml.replace(/«([A-Za-z][A-Za-z0-9_]*)»/g, (whole, key: string) =>
    values[key] === undefined ? whole : escapeXml(values[key].normalize('NFC')),
  );
}

export async function docxBytes(documentXml: string): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', CONTENT_TYPES);
  zip.file('_rels/.rels', ROOT_RELS);
  zip.file('word/document.xml', documentXml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
