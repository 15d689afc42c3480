// The printed form of a licence number ("Số: 12/GP-SVHTTDL"). The register stores integers; the text is
// made from (format, n, year, symbol) at print time (reliability.md §3.4), so a format change never
// renumbers anything already issued.

import { findTextProblem } from '../text-rules';
import { NumberingError } from './numbering-errors';

/** `{n}` the number in the series; `{yyyy}` the series year; `{symbol}` the ký hiệu (e.g. SVHTTDL). */
export const numberFormatPlaceholders = ['n', 'yyyy', 'symbol'] as const;
export type NumberFormatPlaceholder = (typeof numberFormatPlaceholders)[number];

export const MAX_NUMBER_FORMAT_LENGTH = 60;
export const MAX_SYMBOL_LENGTH = 30;
/** Ký hiệu seen on licences of the department (domain.md §5.3). */
export const DEFAULT_NUMBER_FORMAT = '{n}/GP-{symbol}';
/** Far above any yearly volume of a provincial department; bounds what a typo can print. */
export const MAX_LICENCE_NUMBER = 999_999;

export type FormatToken =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'placeholder'; readonly name: NumberFormatPlaceholder };

/** A checked format, NFC. */
export interface NumberFormat {
  readonly source: string;
  readonly tokens: readonly FormatToken[];
}

export interface LicenceNumberParts {
  readonly n: number;
  /** Required when the format has `{yyyy}`. */
  readonly year?: number;
  /** Required when the format has `{symbol}`. */
  readonly symbol?: string;
}

const PLACEHOLDER_LIST = numberFormatPlaceholders.map((p) => `{${p}}`).join(', ');
// Ký hiệu are upper-case abbreviations (NĐ 30/2020 Phụ lục I, Phụ lục III): letters without diacritics
// except Đ (QĐ, GP, SVHTTDL), digits, joined by "-", "." or "&".
const SYMBOL_BODY = '[A-Z0-9Đ]+(?:[-.&][A-Z0-9Đ]+)*';
const SYMBOL_PATTERN = new RegExp(`^${SYMBOL_BODY}$`, 'u');

function formatError(
  code: ConstructorParameters<typeof NumberingError>[0],
  en: string,
  vi: string,
): NumberingError {
  return new NumberingError(code, `Licence number format: ${en}`, `Mẫu số giấy phép ${vi}`);
}

function isPlaceholder(name: string): name is NumberFormatPlaceholder {
  return (numberFormatPlaceholders as readonly string[]).includes(name);
}

function tokenize(source: string): FormatToken[] | NumberingError {
  const tokens: FormatToken[] = [];
  let literal = '';
  let i = 0;
  while (i < source.length) {
    const ch = source.charAt(i);
    if (ch === '}') {
      return formatError(
        'FORMAT_BAD_BRACES',
        `unmatched "}" at ${i + 1}`,
        `có dấu "}" thừa ở vị trí ${i + 1}.`,
      );
    }
    if (ch !== '{') {
      literal += ch;
      i += 1;
      continue;
    }
    const close = source.indexOf('}', i + 1);
    const nextOpen = source.indexOf('{', i + 1);
    if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
      return formatError(
        'FORMAT_BAD_BRACES',
        `unclosed "{" at ${i + 1}`,
        `có dấu "{" chưa đóng ở vị trí ${i + 1}.`,
      );
    }
    const name = source.slice(i + 1, close);
    if (!isPlaceholder(name)) {
      return formatError(
        'FORMAT_UNKNOWN_PLACEHOLDER',
        `unknown placeholder {${name}}; use ${PLACEHOLDER_LIST}`,
        `có trường không hợp lệ {${name}}; chỉ được dùng ${PLACEHOLDER_LIST}.`,
      );
    }
    if (literal !== '') tokens.push({ kind: 'literal', text: literal });
    literal = '';
    tokens.push({ kind: 'placeholder', name });
    i = close + 1;
  }
  if (literal !== '') tokens.push({ kind: 'literal', text: literal });
  return tokens;
}

/**
 * The first problem of a format string, or null. Rules: not empty; printable (no control or invisible
 * characters, no emoji, no edge spaces); at most 60 characters; only {n}, {yyyy}, {symbol}, each at most
 * once; {n} present; placeholders separated by text, and no digit right beside {n} — otherwise a printed
 * number could not be read back unambiguously.
 */
export function checkNumberFormat(format: unknown): NumberingError | null {
  if (typeof format !== 'string' || format.trim() === '') {
    return formatError('FORMAT_EMPTY', 'empty', 'không được để trống.');
  }
  const source = format.normalize('NFC');
  const problem = findTextProblem(source, false);
  if (problem !== null) {
    return formatError(
      'FORMAT_NOT_PRINTABLE',
      `contains ${problem === 'emoji' ? 'an emoji' : 'a control or invisible character'}`,
      problem === 'emoji'
        ? 'có biểu tượng cảm xúc, không in được.'
        : 'có ký tự điều khiển hoặc ký tự ẩn, không in được.',
    );
  }
  if (source !== source.trim()) {
    return formatError(
      'FORMAT_NOT_PRINTABLE',
      'starts or ends with white space',
      'không được bắt đầu hoặc kết thúc bằng dấu cách.',
    );
  }
  const length = [...source].length;
  if (length > MAX_NUMBER_FORMAT_LENGTH) {
    return formatError(
      'FORMAT_TOO_LONG',
      `${length} characters; at most ${MAX_NUMBER_FORMAT_LENGTH}`,
      `dài ${length} ký tự; tối đa ${MAX_NUMBER_FORMAT_LENGTH} ký tự.`,
    );
  }
  const tokens = tokenize(source);
  if (tokens instanceof NumberingError) return tokens;
  const seen = new Set<NumberFormatPlaceholder>();
  for (const token of tokens) {
    if (token.kind !== 'placeholder') continue;
    if (seen.has(token.name)) {
      return formatError(
        'FORMAT_REPEATED_PLACEHOLDER',
        `{${token.name}} appears more than once`,
        `có trường {${token.name}} lặp lại; mỗi trường chỉ dùng một lần.`,
      );
    }
    seen.add(token.name);
  }
  if (!seen.has('n')) {
    return formatError(
      'FORMAT_NO_NUMBER',
      'must contain {n} (the number in the series)',
      'phải có trường {n} (số thứ tự trong sổ), ví dụ {n}/GP-{symbol}.',
    );
  }
  for (let i = 1; i < tokens.length; i += 1) {
    if (tokens[i - 1]?.kind === 'placeholder' && tokens[i]?.kind === 'placeholder') {
      return formatError(
        'FORMAT_ADJACENT_PLACEHOLDERS',
        'two placeholders must be separated by text such as "/" or "-"',
        'phải có ký tự phân cách (ví dụ "/" hoặc "-") giữa hai trường.',
      );
    }
  }
  const at = tokens.findIndex((t) => t.kind === 'placeholder' && t.name === 'n');
  const before = tokens[at - 1];
  const after = tokens[at + 1];
  if (
    (before?.kind === 'literal' && /\d$/.test(before.text)) ||
    (after?.kind === 'literal' && /^\d/.test(after.text))
  ) {
    return formatError(
      'FORMAT_DIGIT_BESIDE_NUMBER',
      'a digit directly before or after {n} would merge with the number',
      'không được có chữ số đứng liền trước hoặc liền sau {n} (sẽ lẫn với số thứ tự).',
    );
  }
  return null;
}

/** Parses a format string; throws the first problem `checkNumberFormat` finds. */
export function parseNumberFormat(format: string): NumberFormat {
  const problem = checkNumberFormat(format);
  if (problem) throw problem;
  const source = format.normalize('NFC');
  return { source, tokens: tokenize(source) as FormatToken[] };
}

export function formatUses(format: NumberFormat, placeholder: NumberFormatPlaceholder): boolean {
  return format.tokens.some((t) => t.kind === 'placeholder' && t.name === placeholder);
}

/** The ký hiệu's problem, or null. */
export function checkSymbol(symbol: unknown): NumberingError | null {
  if (typeof symbol !== 'string' || symbol === '') {
    return new NumberingError(
      'INVALID_SYMBOL',
      'The ký hiệu (symbol) is empty.',
      'Chưa nhập ký hiệu (ví dụ SVHTTDL).',
    );
  }
  if ([...symbol].length > MAX_SYMBOL_LENGTH || !SYMBOL_PATTERN.test(symbol)) {
    return new NumberingError(
      'INVALID_SYMBOL',
      `Invalid ký hiệu ${JSON.stringify(symbol)}: upper-case letters (A–Z, Đ) and digits joined by "-", "." or "&", at most ${MAX_SYMBOL_LENGTH} characters.`,
      `Ký hiệu ${JSON.stringify(symbol)} không hợp lệ: viết chữ in hoa không dấu (trừ Đ) và chữ số, ` +
        `nối bằng "-", "." hoặc "&", tối đa ${MAX_SYMBOL_LENGTH} ký tự (NĐ 30/2020, Phụ lục I).`,
    );
  }
  return null;
}

export function checkLicenceNumber(n: unknown): NumberingError | null {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > MAX_LICENCE_NUMBER) {
    return new NumberingError(
      'INVALID_NUMBER',
      `A licence number is an integer from 1 to ${MAX_LICENCE_NUMBER}: ${String(n)}`,
      `Số giấy phép phải là số nguyên từ 1 đến ${MAX_LICENCE_NUMBER}: ${String(n)}`,
    );
  }
  return null;
}

export function checkSeriesYear(year: unknown): NumberingError | null {
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 1000 || year > 9999) {
    return new NumberingError(
      'INVALID_YEAR',
      `The series year must be a four-digit year: ${String(year)}`,
      `Năm của sổ cấp giấy phép phải là năm có bốn chữ số: ${String(year)}`,
    );
  }
  return null;
}

/** Numbers below 10 get a leading zero: "Số: 05/GP-…" (NĐ 30/2020 Phụ lục I). */
export function padLicenceNumber(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** `formatLicenceNumber('{n}/GP-{symbol}', { n: 5, symbol: 'SVHTTDL' })` → `05/GP-SVHTTDL`. Throws on bad input. */
export function formatLicenceNumber(format: string | NumberFormat, parts: LicenceNumberParts): string {
  const parsed = typeof format === 'string' ? parseNumberFormat(format) : format;
  const numberProblem = checkLicenceNumber(parts.n);
  if (numberProblem) throw numberProblem;
  let text = '';
  for (const token of parsed.tokens) {
    if (token.kind === 'literal') {
      text += token.text;
    } else if (token.name === 'n') {
      text += padLicenceNumber(parts.n);
    } else if (token.name === 'yyyy') {
      const problem = checkSeriesYear(parts.year);
      if (problem) throw problem;
      text += String(parts.year);
    } else {
      const problem = checkSymbol(parts.symbol);
      if (problem) throw problem;
      text += String(parts.symbol);
    }
  }
  return text;
}

export interface ParsedLicenceNumber {
  readonly n: number;
  /** Null when the format has no `{yyyy}`. */
  readonly year: number | null;
  /** Null when the format has no `{symbol}`. */
  readonly symbol: string | null;
}

function escapeRegExp(text: string): string {
  // Outside a character class `-` is not special, and `\-` is a syntax error under the `u` flag.
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Reads a licence number back (search, import of the paper register). Accepts numbers written without the
 * leading zero ("5/GP-…"), since older registers were typed by hand. Null when the text does not fit.
 */
export function parseLicenceNumber(format: string | NumberFormat, text: string): ParsedLicenceNumber | null {
  const parsed = typeof format === 'string' ? parseNumberFormat(format) : format;
  const groups: NumberFormatPlaceholder[] = [];
  let pattern = '';
  for (const token of parsed.tokens) {
    if (token.kind === 'literal') {
      pattern += escapeRegExp(token.text);
      continue;
    }
    groups.push(token.name);
    pattern += token.name === 'n' ? '(\\d{1,9})' : token.name === 'yyyy' ? '(\\d{4})' : `(${SYMBOL_BODY})`;
  }
  const match = new RegExp(`^${pattern}$`, 'u').exec(text.normalize('NFC').trim());
  if (!match) return null;
  let n = 0;
  let year: number | null = null;
  let symbol: string | null = null;
  groups.forEach((name, index) => {
    const value = match[index + 1] ?? '';
    if (name === 'n') n = Number(value);
    else if (name === 'yyyy') year = Number(value);
    else symbol = value;
  });
  if (checkLicenceNumber(n) !== null) return null;
  return { n, year, symbol };
}
