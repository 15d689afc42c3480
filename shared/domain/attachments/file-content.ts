/*
 * What a scan or electronic file really is, from its bytes (issue 13: "type recognised from the file's content,
 * not its name"). Four signatures are all we accept, so they are checked here directly rather than through a
 * general sniffing library (`file-type` is ESM-only since v17 and knows nothing of what we also need: a PDF's
 * encryption and a truncated file's missing end marker).
 *
 *   PDF   %PDF-                      ends with %%EOF (within the last 1 KiB: writers append a newline or two)
 *   JPEG  FF D8 FF                   ends with the EOI marker FF D9 (within the last 64 bytes)
 *   PNG   89 50 4E 47 0D 0A 1A 0A    ends with the IEND chunk
 *   TIFF  49 49 2A 00 | 4D 4D 00 2A  first IFD offset inside the file (BigTIFF 2B: offset at byte 8)
 */

export const mediaTypes = ['application/pdf', 'image/jpeg', 'image/png', 'image/tiff'] as const;
export type MediaType = (typeof mediaTypes)[number];

export const MEDIA_TYPE_LABELS: Readonly<Record<MediaType, string>> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'ảnh JPEG',
  'image/png': 'ảnh PNG',
  'image/tiff': 'ảnh TIFF',
};

const EXTENSIONS: Readonly<Record<MediaType, readonly string[]>> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg', 'jpe'],
  'image/png': ['png'],
  'image/tiff': ['tif', 'tiff'],
};

/** How many bytes of the start and end of a file the checks need. */
export const HEAD_BYTES = 16;
export const TAIL_BYTES = 1024;
/** The marker of an encrypted (password-protected) PDF, in its trailer or cross-reference stream dictionary. */
export const PDF_ENCRYPT_MARKER = '/Encrypt';

export type ContentProblem =
  | { kind: 'empty' }
  | { kind: 'unknown-type' }
  | { kind: 'truncated'; type: MediaType }
  | { kind: 'encrypted-pdf' }
  | { kind: 'name-mismatch'; type: MediaType; claimed: MediaType };

export interface ContentFacts {
  sizeBytes: number;
  head: Uint8Array;
  tail: Uint8Array;
  /** `/Encrypt` occurs in the file (only looked for in PDFs). */
  hasEncryptMarker: boolean;
}

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  signature.every((b, i) => bytes[at + i] === b);

/** The type the bytes announce, or null for anything else. */
export function sniffMediaType(head: Uint8Array): MediaType | null {
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (isTiffHeader(head)) return 'image/tiff';
  return null;
}

function isTiffHeader(head: Uint8Array): boolean {
  return (
    startsWith(head, [0x49, 0x49, 0x2a, 0x00]) ||
    startsWith(head, [0x4d, 0x4d, 0x00, 0x2a]) ||
    startsWith(head, [0x49, 0x49, 0x2b, 0x00]) ||
    startsWith(head, [0x4d, 0x4d, 0x00, 0x2b])
  );
}

function indexOf(bytes: Uint8Array, needle: readonly number[]): number {
  outer: for (let i = bytes.length - needle.length; i >= 0; i -= 1) {
    for (let j = 0; j < needle.length; j += 1) if (bytes[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

function isComplete(type: MediaType, facts: ContentFacts): boolean {
  const { tail, head, sizeBytes } = facts;
  switch (type) {
    case 'application/pdf':
      return indexOf(tail, ascii('%%EOF')) >= 0;
    case 'image/jpeg':
      return indexOf(tail.subarray(Math.max(0, tail.length - 64)), [0xff, 0xd9]) >= 0;
    case 'image/png':
      // IEND chunk: length 0, type IEND, CRC AE 42 60 82.
      return (
        indexOf(
          tail.subarray(Math.max(0, tail.length - 32)),
          [0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82],
        ) >= 0
      );
    case 'image/tiff': {
      const little = head[0] === 0x49;
      const big = head[2] === 0x2b || head[3] === 0x2b;
      const read = (at: number, n: number) => {
        let value = 0;
        for (let i = 0; i < n; i += 1) {
          const byte = head[little ? at + n - 1 - i : at + i] ?? 0;
          value = value * 256 + byte;
        }
        return value;
      };
      const offset = big ? read(8, 8) : read(4, 4);
      return offset >= 8 && offset < sizeBytes;
    }
  }
}

/** The media type a file name's extension claims, or null (no extension, or one we do not know). */
export function typeClaimedByName(fileName: string): MediaType | null {
  const match = /\.([A-Za-z0-9]{1,5})$/.exec(fileName);
  if (!match) return null;
  const ext = (match[1] ?? '').toLowerCase();
  for (const type of mediaTypes) if (EXTENSIONS[type].includes(ext)) return type;
  return null;
}

/** Checks a whole file's facts: its type, or the first problem found. */
export function classifyContent(
  facts: ContentFacts,
  fileName: string,
): { ok: true; type: MediaType } | { ok: false; problem: ContentProblem } {
  if (facts.sizeBytes === 0) return { ok: false, problem: { kind: 'empty' } };
  const type = sniffMediaType(facts.head);
  if (type === null) return { ok: false, problem: { kind: 'unknown-type' } };
  const claimed = typeClaimedByName(fileName);
  if (claimed !== null && claimed !== type) {
    return { ok: false, problem: { kind: 'name-mismatch', type, claimed } };
  }
  if (!isComplete(type, facts)) return { ok: false, problem: { kind: 'truncated', type } };
  if (type === 'application/pdf' && facts.hasEncryptMarker) {
    return { ok: false, problem: { kind: 'encrypted-pdf' } };
  }
  return { ok: true, type };
}

/** The clerk's message for a refused file. */
export function contentProblemMessage(problem: ContentProblem, fileName: string): string {
  const name = `"${fileName}"`;
  switch (problem.kind) {
    case 'empty':
      return `Tệp ${name} rỗng (0 byte): máy quét có thể chưa ghi xong. Hãy quét hoặc chọn lại tệp.`;
    case 'unknown-type':
      return `Tệp ${name} không phải PDF, JPEG, PNG hay TIFF (nhận biết theo nội dung tệp, không theo tên). Chỉ đính kèm được bản quét hoặc tệp điện tử thuộc bốn loại này.`;
    case 'truncated':
      return `Tệp ${name} (${MEDIA_TYPE_LABELS[problem.type]}) bị cắt cụt, thiếu phần cuối: tệp chưa được ghi hoặc sao chép hết. Hãy quét hoặc sao chép lại.`;
    case 'encrypted-pdf':
      return `Tệp PDF ${name} được đặt mật khẩu (mã hóa) nên không xem và lưu trữ lâu dài được. Hãy xin bản không đặt mật khẩu hoặc quét lại bản giấy.`;
    case 'name-mismatch':
      return `Tệp ${name} có đuôi của ${MEDIA_TYPE_LABELS[problem.claimed]} nhưng nội dung thực là ${MEDIA_TYPE_LABELS[problem.type]}. Hãy kiểm tra lại đúng tệp cần đính kèm (hoặc đổi đuôi tệp cho đúng).`;
  }
}

/**
 * The name kept for display and download: NFC, no folders (either separator), no control characters, at most
 * 200 characters, with the extension of the real type when it has none. Never used as a path on our side.
 */
export function cleanFileName(raw: string, type: MediaType | null = null): string {
  const base = raw.normalize('NFC').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  let name = base.replace(/[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '').trim();
  name = name.replace(/^\.+/, '').replace(/[<>:"|?*]/g, '_');
  if (name.length > 200) {
    const ext = /\.[A-Za-z0-9]{1,5}$/.exec(name)?.[0] ?? '';
    name = name.slice(0, 200 - ext.length) + ext;
  }
  if (name === '') name = 'tep-dinh-kem';
  if (type !== null && typeClaimedByName(name) === null) name = `${name}.${EXTENSIONS[type][0] ?? 'bin'}`;
  return name;
}
