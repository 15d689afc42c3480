// Turns a transition's clock effect into the pause list the deadline engine reads (`ClockPause[]`), so the
// backend never hand-edits pauses. The engine itself decides what a pause means (`PauseMode`) and ignores
// pauses requested after the due date (domain.md §2.3).

import type { ClockPause } from '../deadline/deadline-types';
import { parseInstant } from '../deadline/instant';
import type { ClockEffect } from './workflow-actions';
import { WorkflowError } from './workflow-errors';

function openPauseIndex(pauses: readonly ClockPause[]): number {
  const last = pauses[pauses.length - 1];
  return last !== undefined && last.to === null ? pauses.length - 1 : -1;
}

function mismatch(en: string, vi: string): WorkflowError {
  return new WorkflowError('CLOCK_MISMATCH', en, vi);
}

/**
 * The pause list after a transition at `at` (ISO-8601 with offset). `pause` opens a pause with `reason`;
 * `resume` closes the open one. `stop`/`final` close an open pause at `at`: a dossier that ends while
 * waiting for a supplement is measured up to the request (766 spec, domain.md §2.4), and an open pause
 * would leave the engine without an end. Throws `CLOCK_MISMATCH` when the pauses contradict the effect.
 */
export function applyClockEffect(
  pauses: readonly ClockPause[],
  effect: ClockEffect,
  at: string,
  reason = '',
): readonly ClockPause[] {
  if (effect === 'none') return pauses;
  const atMs = parseInstant(at, 'at').epochMs;
  const openIndex = openPauseIndex(pauses);
  const close = (): ClockPause[] => {
    const open = pauses[openIndex] as ClockPause;
    if (atMs < parseInstant(open.from, 'from').epochMs) {
      throw mismatch(
        `Cannot close a pause before it began (${open.from} > ${at}).`,
        'Thời điểm nhận bổ sung sớm hơn thời điểm yêu cầu bổ sung.',
      );
    }
    return pauses.map((p, i) => (i === openIndex ? { ...p, to: at } : p));
  };
  switch (effect) {
    case 'pause':
      if (openIndex >= 0) {
        throw mismatch(
          'A supplement request is already open.',
          'Hồ sơ đang chờ bổ sung; chưa nhận bổ sung lần trước thì không thể yêu cầu tiếp.',
        );
      }
      return [...pauses, { from: at, to: null, reason }];
    case 'resume':
      if (openIndex < 0) {
        throw mismatch('No open supplement request to close.', 'Hồ sơ không ở tình trạng chờ bổ sung.');
      }
      return close();
    case 'stop':
    case 'final':
      return openIndex >= 0 ? close() : pauses;
  }
}
