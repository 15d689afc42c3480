import { DomainError } from '../calendar/domain-error';
import type { ActionField, WorkflowAction } from './workflow-actions';

export type WorkflowErrorCode =
  | 'INVALID_TRANSITION'
  | 'UNKNOWN_ACTION'
  | 'FORBIDDEN'
  | 'NOT_ASSIGNEE'
  | 'MISSING_FIELD'
  | 'INVALID_FIELD'
  | 'SAME_PERSON'
  | 'SAME_ASSIGNEE'
  | 'SUPPLEMENT_LIMIT'
  | 'APOLOGY_ALREADY_GIVEN'
  | 'NOT_OVERDUE'
  | 'NOT_APPROVED'
  | 'ALREADY_ISSUED'
  | 'NOT_ISSUED'
  | 'INVALID_STATE'
  | 'INVALID_SETTINGS'
  | 'INVALID_ACTOR'
  | 'CLOCK_MISMATCH';

/**
 * Warnings that stop a transition until the user confirms them: the caller resends the same input with the
 * code in `acknowledgedWarnings`. Confirmed warnings come back in the plan's `warnings` for the audit row.
 */
export const acknowledgeableWarnings = ['SUPPLEMENT_LIMIT'] as const;
export type AcknowledgeableWarning = (typeof acknowledgeableWarnings)[number];

/** A planned transition was refused. Nothing may be written (issue 4: "a clear refusal, nothing written"). */
export class WorkflowError extends DomainError<WorkflowErrorCode> {
  readonly action: WorkflowAction | null;
  /** The offending input field for MISSING_FIELD / INVALID_FIELD / SAME_ASSIGNEE. */
  readonly field: ActionField | null;
  /** Set when the refusal goes away once the user confirms this warning. */
  readonly acknowledgeable: AcknowledgeableWarning | null;

  constructor(
    code: WorkflowErrorCode,
    messageEn: string,
    messageVi: string,
    details: {
      action?: WorkflowAction | null;
      field?: ActionField | null;
      acknowledgeable?: AcknowledgeableWarning | null;
    } = {},
  ) {
    super(code, messageEn, messageVi);
    this.action = details.action ?? null;
    this.field = details.field ?? null;
    this.acknowledgeable = details.acknowledgeable ?? null;
  }
}

export type WorkflowWarningCode =
  | AcknowledgeableWarning
  /** A supplement requested after the due date is recorded but stops no clock (deadline engine, §2.3). */
  | 'SUPPLEMENT_WHILE_OVERDUE'
  /** The leader decides against the appraiser's proposal. */
  | 'DECISION_AGAINST_PROPOSAL'
  /** An apology moves the applicant's appointment, not the classification (domain.md §2.4). */
  | 'STILL_OVERDUE';

export interface WorkflowWarning {
  readonly code: WorkflowWarningCode;
  readonly messageVi: string;
  readonly messageEn: string;
}
