import type { ClockTrace } from './deadline-clock';
import { runDeadlineClock } from './deadline-clock';
import { buildDeadlineLedger } from './deadline-ledger';
import type { DeadlineInput, DeadlineResult } from './deadline-types';
import { normalizeDeadlineInput } from './normalize-input';

/**
 * Computes a deadline and explains it (the dossier view, the printed ledger, the CLI). For bulk recomputes
 * use `computeDeadlineFast` / `computeDeadlineOutcome`, which give the same outcome without the ledger.
 *
 * Throws `DeadlineInputError` on bad input and `CalendarMissingError` when the period reaches a year whose
 * calendar is neither confirmed nor drafted.
 */
export function computeDeadline(input: DeadlineInput): DeadlineResult {
  const normalized = normalizeDeadlineInput(input);
  const trace: ClockTrace = { receipt: null, steps: [] };
  const outcome = runDeadlineClock(normalized, input.calendar, trace);
  return { ...outcome, ledger: buildDeadlineLedger(normalized, input.calendar, trace, outcome) };
}
