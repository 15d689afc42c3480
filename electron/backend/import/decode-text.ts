import type { ImportIssue } from '../../../shared/api/schemas/import';
import { LegacyEncodingTally, legacyEncodingMessage } from './legacy-encoding';
import { decodeWindows1252 } from './windows-1252';

export type DecodedText =
  { ok: true; text: string; hasBom: boolean } | { ok: false; issue: ImportIssue; hasBom: boolean };

const SAVE_AS_UTF8 =
  'Trong Excel hãy chọn Tệp → Lưu thành → "CSV UTF-8 (Comma delimited)", hoặc lưu dưới dạng Excel (.xlsx).';

function fileIssue(code: ImportIssue['code'], message: string, line: number | null = null): ImportIssue {
  return { line, column: null, code, message };
}

/** Offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, no surrogates, ≤ U+10FFFF), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let code = b & (0xff >> (need + 2));
    for (let k = 1; k <= need; k += 1) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
      code = (code << 6) | (next & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i += 1) if (bytes[i] === 0x0a) line += 1;
  return line;
}

/**
 * CSV bytes to text. Only UTF-8 (with or without a BOM) is accepted: a file that is not valid UTF-8 is read
 * as Windows-1252 just to tell the user what it is — TCVN3, VNI, or some other ANSI code page such as
 * Windows-1258 — and then refused; nothing is ever guessed into the register.
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodedText {
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (bytes.length === 0 || (hasBom && bytes.length === 3)) {
    return { ok: false, hasBom, issue: fileIssue('FILE_EMPTY', 'Tệp rỗng: không có dòng nào.') };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      ok: false,
      hasBom,
      issue: fileIssue(
        'ENCODING_UTF16',
        `Tệp dùng mã UTF-16 ("Unicode Text" của Excel), không phải CSV UTF-8. ${SAVE_AS_UTF8}`,
      ),
    };
  }
  if (bytes.includes(0)) {
    return {
      ok: false,
      hasBom,
      issue: fileIssue(
        'FILE_FORMAT',
        'Tệp không phải văn bản CSV (có byte 0 — có thể là tệp nhị phân hoặc .xls cũ).',
        lineAt(bytes, bytes.indexOf(0)),
      ),
    };
  }
  const invalidAt = firstInvalidUtf8(bytes);
  if (invalidAt < 0) {
    // TextDecoder drops the BOM by default (ignoreBOM: false).
    return { ok: true, hasBom, text: new TextDecoder('utf-8').decode(bytes) };
  }
  const ansi = decodeWindows1252(bytes);
  const tally = new LegacyEncodingTally();
  ansi.split('\n').forEach((line, index) => tally.add(line, index + 1));
  const legacy = tally.verdict();
  if (legacy) {
    return {
      ok: false,
      hasBom,
      issue: fileIssue(
        legacy === 'tcvn3' ? 'ENCODING_TCVN3' : 'ENCODING_VNI',
        legacyEncodingMessage(legacy, tally.example),
      ),
    };
  }
  const line = lineAt(bytes, invalidAt);
  return {
    ok: false,
    hasBom,
    issue: fileIssue(
      'ENCODING_NOT_UTF8',
      `Tệp không phải văn bản Unicode UTF-8 (byte không hợp lệ ở dòng ${line}; có thể tệp được lưu bằng bảng mã ANSI/Windows-1258). ${SAVE_AS_UTF8}`,
      line,
    ),
  };
}
