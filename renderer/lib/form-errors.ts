import { get, type FieldErrors, type FieldValues, type Path, type UseFormSetError } from 'react-hook-form';
import { ApiError } from '../api/client';

/** The Vietnamese message react-hook-form holds for a dot path, if any. */
export function fieldError(errors: FieldErrors, path: string): string | undefined {
  const entry: unknown = get(errors, path);
  if (entry && typeof entry === 'object' && 'message' in entry && typeof entry.message === 'string') {
    return entry.message;
  }
  return undefined;
}

/**
 * Puts a VALIDATION_FAILED answer's field errors beside the fields (the backend uses the same dot paths as the
 * form, e.g. "applicant.name"). Returns the messages that have no field on screen, to be shown above the form.
 */
export function applyServerFieldErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  isFieldOnScreen: (path: string) => boolean,
): string[] {
  if (!(error instanceof ApiError)) return [];
  const orphans: string[] = [];
  let isFirst = true;
  for (const [path, message] of Object.entries(error.fieldErrors)) {
    if (isFieldOnScreen(path)) {
      setError(path as Path<T>, { type: 'server', message }, { shouldFocus: isFirst });
      isFirst = false;
    } else {
      orphans.push(message);
    }
  }
  return orphans;
}
