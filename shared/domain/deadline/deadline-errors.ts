import { DomainError } from '../calendar/domain-error';

export type DeadlineInputErrorCode =
  | 'INVALID_DATETIME'
  | 'MISSING_OFFSET'
  | 'INVALID_AMOUNT'
  | 'INVALID_UNIT'
  | 'INVALID_PAUSE_MODE'
  | 'INVALID_PAUSE_RULE'
  | 'INVALID_PAUSE'
  | 'PAUSE_ENDS_BEFORE_START'
  | 'PAUSES_OVERLAP'
  | 'PAUSE_BEFORE_RECEIPT'
  | 'PAUSE_NOT_APPLICABLE'
  | 'NOW_REQUIRED'
  | 'EVENT_REQUIRED'
  | 'INVALID_OFFICE_HOURS'
  | 'INVALID_ARGUMENT';

/**
 * The input of a deadline computation is wrong. `field` names the offending input (e.g. `pauses[1].to`) so
 * the API layer can turn it into a field error beside the right form field.
 */
export class DeadlineInputError extends DomainError<DeadlineInputErrorCode> {
  readonly field: string | undefined;

  constructor(code: DeadlineInputErrorCode, messageEn: string, messageVi: string, field?: string) {
    super(code, messageEn, messageVi);
    this.field = field;
  }
}
