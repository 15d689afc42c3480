import { describe, expect, it } from 'vitest';
import { pauseRuleFor, type PauseRuleAdoption } from './pause-rules';

const adoptions: PauseRuleAdoption[] = [
  { rule: 'pause-v2-request-day-counts', adoptedAt: '2026-12-01T10:00:00+07:00' },
  { rule: 'pause-v1-request-day-free', adoptedAt: '2000-01-01T00:00:00Z' },
];

describe('pauseRuleFor', () => {
  it('gives an open dossier the version in force now', () => {
    expect(pauseRuleFor(adoptions, null)).toBe('pause-v2-request-day-counts');
  });

  it('gives a completed dossier the version in force when it was completed', () => {
    expect(pauseRuleFor(adoptions, '2026-12-01T09:59:59+07:00')).toBe('pause-v1-request-day-free');
    expect(pauseRuleFor(adoptions, '2026-12-01T03:00:00Z')).toBe('pause-v2-request-day-counts');
    expect(pauseRuleFor(adoptions, '2026-12-02T08:00:00+07:00')).toBe('pause-v2-request-day-counts');
  });

  it('falls back to the original version before any adoption, and takes the later of two at one instant', () => {
    expect(pauseRuleFor([], null)).toBe('pause-v1-request-day-free');
    expect(pauseRuleFor(adoptions.slice(0, 1), '2026-01-05T09:00:00+07:00')).toBe(
      'pause-v1-request-day-free',
    );
    const same = '2026-12-01T10:00:00+07:00';
    expect(
      pauseRuleFor(
        [
          { rule: 'pause-v2-request-day-counts', adoptedAt: same },
          { rule: 'pause-v1-request-day-free', adoptedAt: same },
        ],
        null,
      ),
    ).toBe('pause-v1-request-day-free');
  });
});
