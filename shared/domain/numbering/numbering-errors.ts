import { DomainError } from '../calendar/domain-error';

export type NumberingErrorCode =
  | 'FORMAT_EMPTY'
  | 'FORMAT_TOO_LONG'
  | 'FORMAT_NOT_PRINTABLE'
  | 'FORMAT_BAD_BRACES'
  | 'FORMAT_UNKNOWN_PLACEHOLDER'
  | 'FORMAT_NO_NUMBER'
  | 'FORMAT_REPEATED_PLACEHOLDER'
  | 'FORMAT_ADJACENT_PLACEHOLDERS'
  | 'FORMAT_DIGIT_BESIDE_NUMBER'
  | 'INVALID_SYMBOL'
  | 'INVALID_SERIES_KEY'
  | 'INVALID_NUMBER'
  | 'INVALID_YEAR'
  | 'INVALID_START'
  | 'INVALID_DATE'
  | 'INVALID_OFFSET'
  | 'VOID_REASON_REQUIRED'
  | 'INVALID_VOID_REASON'
  | 'NUMBER_NOT_ISSUED'
  | 'ALREADY_VOID';

/** A numbering rule was broken. Nothing was taken or changed: the numbering core is pure. */
export class NumberingError extends DomainError<NumberingErrorCode> {
  constructor(code: NumberingErrorCode, messageEn: string, messageVi: string) {
    super(code, messageEn, messageVi);
  }
}
