import { AppError, type ErrorCode } from '../../../shared/api/errors';
import type { WorkflowError } from '../../../shared/domain/workflow';

const CODE_MAP: Partial<Record<WorkflowError['code'], ErrorCode>> = {
  FORBIDDEN: 'FORBIDDEN',
  NOT_ASSIGNEE: 'FORBIDDEN',
  SAME_PERSON: 'FORBIDDEN',
  INVALID_ACTOR: 'FORBIDDEN',
  MISSING_FIELD: 'VALIDATION_FAILED',
  INVALID_FIELD: 'VALIDATION_FAILED',
  SAME_ASSIGNEE: 'VALIDATION_FAILED',
  SUPPLEMENT_LIMIT: 'VALIDATION_FAILED',
  INVALID_SETTINGS: 'INTERNAL',
};

/** A refusal from the workflow rules, as the API reports it: nothing has been written. */
export function workflowRefusal(error: WorkflowError): AppError {
  const code = CODE_MAP[error.code] ?? 'INVALID_TRANSITION';
  const field = error.acknowledgeable ? 'acknowledgedWarnings' : error.field;
  return new AppError(code, error.messageVi, {
    ...(field ? { fieldErrors: { [field]: error.messageVi } } : {}),
    logMessage: `${error.code}: ${error.messageEn}`,
  });
}
