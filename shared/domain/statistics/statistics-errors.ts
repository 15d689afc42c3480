import { DomainError } from '../calendar/domain-error';

export type StatisticsErrorCode =
  | 'EMPTY_PERIOD'
  | 'INVALID_DATE'
  | 'FROM_AFTER_TO'
  | 'FUTURE_PERIOD'
  | 'INVALID_ARGUMENT'
  | 'INVARIANT_BROKEN';

/** A statistics request was refused; `field` names the offending input ('from' | 'to') when there is one. */
export class StatisticsError extends DomainError<StatisticsErrorCode> {
  readonly field: 'from' | 'to' | null;
  /** For INVARIANT_BROKEN: every broken identity, in Vietnamese. */
  readonly problems: readonly string[];

  constructor(
    code: StatisticsErrorCode,
    messageEn: string,
    messageVi: string,
    details: { field?: 'from' | 'to' | null; problems?: readonly string[] } = {},
  ) {
    super(code, messageEn, messageVi);
    this.field = details.field ?? null;
    this.problems = details.problems ?? [];
  }
}
