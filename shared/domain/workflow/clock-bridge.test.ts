import { describe, expect, it } from 'vitest';
import type { ClockPause } from '../deadline/deadline-types';
import { applyClockEffect } from './clock-bridge';
import { WorkflowError } from './workflow-errors';

const T1 = '2026-03-02T09:00:00+07:00';
const T2 = '2026-03-05T14:00:00+07:00';

describe('applyClockEffect', () => {
  it('a supplement request opens a pause and its receipt closes it', () => {
    const paused = applyClockEffect([], 'pause', T1, 'Thiếu bản sao');
    expect(paused).toEqual([{ from: T1, to: null, reason: 'Thiếu bản sao' }]);
    expect(applyClockEffect(paused, 'resume', T2)).toEqual([{ from: T1, to: T2, reason: 'Thiếu bản sao' }]);
  });

  it('leaves the list alone for none, and for stop/final with no open pause', () => {
    const closed: ClockPause[] = [{ from: T1, to: T2, reason: 'x' }];
    expect(applyClockEffect(closed, 'none', T2)).toBe(closed);
    expect(applyClockEffect(closed, 'stop', T2)).toBe(closed);
    expect(applyClockEffect(closed, 'final', T2)).toBe(closed);
  });

  it('closes an open pause when the dossier ends while waiting (withdrawn, stopped)', () => {
    const open: ClockPause[] = [{ from: T1, to: null, reason: 'x' }];
    expect(applyClockEffect(open, 'final', T2)).toEqual([{ from: T1, to: T2, reason: 'x' }]);
  });

  it('refuses effects that contradict the pauses', () => {
    const open: ClockPause[] = [{ from: T2, to: null, reason: 'x' }];
    const mismatch = (f: () => unknown): void => {
      expect(f).toThrow(WorkflowError);
      try {
        f();
      } catch (error) {
        expect((error as WorkflowError).code).toBe('CLOCK_MISMATCH');
      }
    };
    mismatch(() => applyClockEffect(open, 'pause', T2));
    mismatch(() => applyClockEffect([], 'resume', T2));
    mismatch(() => applyClockEffect(open, 'resume', T1)); // receipt before the request
  });
});
