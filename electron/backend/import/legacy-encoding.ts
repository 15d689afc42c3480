// Old Vietnamese office files were typed with "font-based" encodings: TCVN3 (ABC, .VnTime fonts) and VNI
// (VNI-Times fonts). Read as Unicode (or as Windows-1252 bytes) they turn into Latin-1 look-alikes —
// "NguyÔn V¨n An" (TCVN3) or "Nguyeãn Vaên An" (VNI) for "Nguyễn Văn An". Importing that text would put
// unreadable names into the register for good, so such files are refused (reliability.md §4.2) with an
// explanation of how to convert them (Unikey Toolkit).
//
// Signatures (mapping tables of the ABC and VNI-Windows fonts, as in Unikey and vietnamese-conversion):
// - TCVN3 puts Vietnamese letters on Latin-1 code points, many of them symbols in U+00A1–U+00BF that no
//   Vietnamese word contains: à=µ á=¸ ả=¶ ã=· ạ=¹ ă=¨ â=© ê=ª ô=« ơ=¬ ư=U+00AD đ=® …, and capitals
//   Ă=¡ Â=¢ Ê=£ Ô=¤ Ơ=¥ Ư=¦ Đ=§.
// - VNI writes a base vowel followed by a mark letter: sắc=ù huyền=ø hỏi=û ngã=õ nặng=ï, â+tone=á à å ã ä,
//   ă+tone=é è ú ü ë; ơ=ô ư=ö đ=ñ Đ=Ñ. Pairs such as "aø", "eä", "oï" never occur in Vietnamese Unicode.

import { windows1252Byte } from './windows-1252';

export type LegacyEncoding = 'tcvn3' | 'vni';

/**
 * Code points TCVN3 uses for Vietnamese letters that neither Vietnamese Unicode text nor VNI produce:
 * symbols of U+00A1–U+00BF and a few Latin-1 letters (Ç=ầ Ð=é ×=ì Þ=ị ß=ò ÷=ữ þ=ỵ).
 */
const TCVN3_SIGNS = new Set(Array.from('µ¸¶·¹¨»¾¼½©ª«¬®\u00ad¡¢£¤¥¦§ÇÐ×Þß÷þ'));
/** TCVN3 writes lowercase letters as Latin-1 capitals ("NguyÔn", "nghÖ", "TrÇn"): a capital right after a lowercase letter. */
const TCVN3_MIDWORD_CAPITAL = /[a-zà-ÿµ¸¶·¹¨©ª«¬®\u00ad][À-ÖØ-Þ]/g;
/**
 * TCVN3 ọ ồ ổ ỗ ở ợ ù ứ ỷ ỹ are ä å æ ç ë î ï ø û ü, which follow a consonant ("häc", "Hång"). German or
 * Nordic names do the same ("Müller", "Søren"), so these count half.
 */
const TCVN3_AFTER_CONSONANT = /[bcdfghklmnpqrstvxBCDFGHKLMNPQRSTVX§®][äåæçëîïøûü]/g;
/**
 * A vowel followed by a VNI mark letter, in pairs that no Vietnamese Unicode word has: "aê" (ă), "eã" (ễ),
 * "oâ" (ô), "uø" (ù), "ôù" (ớ)… — "oà", "oá", "oã" are left out because "hoàng", "hoá", "hoãn" have them,
 * and the breve marks (é è ú ü ë) count only after a, so "Renée" or "Noël" are not taken for VNI.
 */
const VNI_PAIR =
  /a[âáàåãäêéèúüëùøûõï]|e[âáàåãäùøûõï]|o[âåäùøûõï]|[uy][ùøûõï]|[ôö][ùøûõï]|A[ÂÁÀÅÃÄÊÉÈÚÜËÙØÛÕÏ]|E[ÂÁÀÅÃÄÙØÛÕÏ]|O[ÂÅÄÙØÛÕÏ]|[UY][ÙØÛÕÏ]|[ÔÖ][ÙØÛÕÏ]/g;
/**
 * Windows-1258 read as Windows-1252: a vowel (â ê ô, ơ=õ, ư=ý, ă=ã) followed by a combining tone byte
 * (0xCC Ì grave, 0xEC ì acute, 0xD2 Ò hook, 0xDE Þ tilde, 0xF2 ò dot). Such a file is not TCVN3 or VNI but
 * simply not UTF-8; told apart so that the message names the right code page.
 */
const WINDOWS_1258 = /[aeiouyAEIOUYâêôÂÊÔõÕýÝãÃ][ÌìÒÞò]/g;
/** VNI đ/Đ (ñ/Ñ) at the start of a word before a vowel: "ñaëng", "Ñoàng". */
const VNI_LETTER = /(?:^|[\s(])[ñÑ][aeiouyAEIOUYôÔöÖ]/g;
/** Letters only Vietnamese Unicode text has (beyond Latin-1): proof that a text is real Unicode. */
const VIETNAMESE_ONLY =
  /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]/g;
/** Windows-1252 lead characters of a UTF-8 sequence read twice ("Nguyá»…n" for "Nguyễn"). */
const DOUBLE_UTF8_HINT =
  /[\u00c2-\u00c6\u00e1][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/;

export interface TextSignature {
  /** Signs of TCVN3 (weak signs count half). */
  tcvn3: number;
  /** Signs of VNI. */
  vni: number;
  /** Letters only Vietnamese Unicode has. */
  vietnamese: number;
  /** Signs of Windows-1258 bytes decoded as Windows-1252. */
  windows1258: number;
}

function countMatches(text: string, pattern: RegExp): number {
  pattern.lastIndex = 0;
  let n = 0;
  while (pattern.exec(text) !== null) n += 1;
  return n;
}

const NON_ASCII = /[\u0080-\uffff]/;

/** Counts the legacy-encoding signs and the genuine Vietnamese letters of one text. */
export function signatureOf(text: string): TextSignature {
  if (!NON_ASCII.test(text)) return { tcvn3: 0, vni: 0, vietnamese: 0, windows1258: 0 };
  let tcvn3 = countMatches(text, TCVN3_MIDWORD_CAPITAL) + countMatches(text, TCVN3_AFTER_CONSONANT) / 2;
  for (const char of text) if (TCVN3_SIGNS.has(char)) tcvn3 += 1;
  return {
    tcvn3,
    vni: countMatches(text, VNI_PAIR) + countMatches(text, VNI_LETTER),
    vietnamese: countMatches(text, VIETNAMESE_ONLY),
    windows1258: countMatches(text, WINDOWS_1258),
  };
}

function pick(s: TextSignature, threshold: number): LegacyEncoding | null {
  if (Math.max(s.tcvn3, s.vni) < threshold) return null;
  return s.tcvn3 >= s.vni ? 'tcvn3' : 'vni';
}

/**
 * The legacy encoding one cell is written in, or null. A cell is suspect when it carries at least two
 * signs and no letter that only Vietnamese Unicode has: a foreign name such as "Citroën" or "Renée" has at
 * most one sign, and a real Vietnamese name nearly always has ư, ơ, đ, ă or a letter from U+1EA0.
 */
export function legacyEncodingOfCell(text: string): LegacyEncoding | null {
  const s = signatureOf(text);
  return s.vietnamese > 0 ? null : pick(s, 2);
}

/** Running totals over a whole file, to decide whether the file as a whole is in a legacy encoding. */
export class LegacyEncodingTally {
  private readonly total: TextSignature = { tcvn3: 0, vni: 0, vietnamese: 0, windows1258: 0 };
  /** The first suspect cell, shown in the message so that the user recognises the problem. */
  example: { line: number; text: string } | null = null;

  add(text: string, line: number): void {
    const s = signatureOf(text);
    this.total.tcvn3 += s.tcvn3;
    this.total.vni += s.vni;
    this.total.vietnamese += s.vietnamese;
    this.total.windows1258 += s.windows1258;
    if (this.example === null && s.vietnamese === 0 && s.tcvn3 + s.vni > 0) {
      this.example = { line, text: text.length > 60 ? `${text.slice(0, 57)}…` : text };
    }
  }

  /**
   * A file is in a legacy encoding when its signs are many (at least three) and outnumber its genuine
   * Vietnamese letters (and any Windows-1258 signs); a Unicode file with a few pasted legacy cells is
   * judged cell by cell instead.
   */
  verdict(): LegacyEncoding | null {
    const { tcvn3, vni, vietnamese, windows1258 } = this.total;
    return Math.max(tcvn3, vni) <= Math.max(vietnamese, windows1258) ? null : pick(this.total, 3);
  }
}

/**
 * True when `text` is UTF-8 that was read as Windows-1252 and saved again ("Nguyá»…n"): encoding it back
 * to Windows-1252 gives valid UTF-8 with Vietnamese letters.
 */
export function isDoubleEncodedUtf8(text: string): boolean {
  if (!DOUBLE_UTF8_HINT.test(text)) return false;
  const bytes: number[] = [];
  for (const char of text) {
    const byte = windows1252Byte(char);
    if (byte === undefined) return false;
    bytes.push(byte);
  }
  try {
    const decoded = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes));
    return decoded !== text && countMatches(decoded, VIETNAMESE_ONLY) > 0;
  } catch {
    return false;
  }
}

const CONVERT_HINT =
  'Hệ thống không nhập dữ liệu lỗi phông. Hãy chuyển tệp sang Unicode (UTF-8) bằng Unikey Toolkit (Ctrl+Shift+F6)';

/** The Vietnamese explanation shown when a whole file is refused for its encoding. */
export function legacyEncodingMessage(
  encoding: LegacyEncoding,
  example: { line: number; text: string } | null,
): string {
  const seen = example ? ` — ví dụ dòng ${example.line}: «${example.text}»` : '';
  if (encoding === 'tcvn3') {
    return (
      `Tệp dùng bảng mã TCVN3 (ABC), không phải Unicode${seen}. ${CONVERT_HINT}: ` +
      'Bảng mã Nguồn "TCVN3 (ABC)", Đích "Unicode", rồi lưu lại dưới dạng "CSV UTF-8" hoặc Excel (.xlsx).'
    );
  }
  return (
    `Tệp dùng bảng mã VNI Windows, không phải Unicode${seen}. ${CONVERT_HINT}: ` +
    'Bảng mã Nguồn "VNI Windows", Đích "Unicode", rồi lưu lại dưới dạng "CSV UTF-8" hoặc Excel (.xlsx).'
  );
}

/** The Vietnamese explanation for one cell of an otherwise Unicode file. */
export function legacyCellMessage(column: string, encoding: LegacyEncoding, text: string): string {
  const name = encoding === 'tcvn3' ? 'TCVN3 (ABC)' : 'VNI Windows';
  const shown = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return `${column} «${shown}» có vẻ gõ bằng bảng mã ${name}, không phải Unicode; hãy chuyển sang Unicode bằng Unikey Toolkit.`;
}
