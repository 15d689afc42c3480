/*
 * How a supplement request (Phiếu yêu cầu bổ sung) stops the clock, as versioned data (domain.md §0: every
 * legal parameter is versioned, never a constant).
 *
 * Both versions agree on what the law says (domain.md §2.3, NĐ 61/2018 Điều 18 as recalled [R]): the time
 * already spent counts toward the deadline, the clock stands while the office waits for the applicant, and
 * counting resumes on the working day after the supplement is received (BLDS 2015 Điều 147 k2: the day of an
 * event is not counted). They differ on the request day:
 *
 * - v1 counted neither the request day nor the supplement's receipt day, so each pause handed the office one
 *   working day more than it waited (a request on Thursday 09:00 and a supplement the next Wednesday 09:00
 *   moved the due date by five working days; the office lost four).
 * - v2 counts the request day as a day used: the office worked on the dossier that day. The pause then lasts
 *   from the day after the request through the day the supplement is received, which matches the national
 *   dashboard's "thời gian bổ sung = thời điểm hoàn thành bổ sung − thời điểm yêu cầu bổ sung" (QĐ 766/QĐ-TTg
 *   specification, domain.md §2.4) to the day.
 *
 * Which version governs a dossier (issue 12 §1; a design choice, documented in README): a version adopted by
 * the administrator governs every dossier open at that moment (their due dates are recomputed through the
 * audited preview/apply path) and every dossier received later; a dossier completed before the adoption keeps
 * the version, due date and on-time class it was completed under. One dossier is never explained with two
 * versions at once.
 */

export const pauseRuleIds = ['pause-v1-request-day-free', 'pause-v2-request-day-counts'] as const;
export type PauseRuleId = (typeof pauseRuleIds)[number];

/** The version that was in force before versions were recorded (stores created before issue 12). */
export const ORIGINAL_PAUSE_RULE: PauseRuleId = 'pause-v1-request-day-free';
/** The corrected version: new stores start with it; older stores adopt it through preview/apply. */
export const CURRENT_PAUSE_RULE: PauseRuleId = 'pause-v2-request-day-counts';

export interface PauseRuleDefinition {
  readonly id: PauseRuleId;
  /** Vietnamese, short. */
  readonly label: string;
  /** Vietnamese, one sentence: what the version counts. */
  readonly summary: string;
  /** Whether the request day is counted as a day used. */
  readonly countsRequestDay: boolean;
}

export const PAUSE_RULES: Readonly<Record<PauseRuleId, PauseRuleDefinition>> = {
  'pause-v1-request-day-free': {
    id: 'pause-v1-request-day-free',
    label: 'Phiên bản 1 – không tính ngày yêu cầu bổ sung',
    summary:
      'Không tính ngày yêu cầu bổ sung và ngày nhận hồ sơ bổ sung; tiếp tục tính từ ngày làm việc sau ngày nhận hồ sơ bổ sung.',
    countsRequestDay: false,
  },
  'pause-v2-request-day-counts': {
    id: 'pause-v2-request-day-counts',
    label: 'Phiên bản 2 – ngày yêu cầu bổ sung được tính',
    summary:
      'Ngày yêu cầu bổ sung được tính là ngày đã giải quyết; tạm dừng từ ngày hôm sau đến hết ngày nhận hồ sơ bổ sung; tiếp tục tính từ ngày làm việc tiếp theo.',
    countsRequestDay: true,
  },
};

export function isPauseRuleId(value: unknown): value is PauseRuleId {
  return typeof value === 'string' && (pauseRuleIds as readonly string[]).includes(value);
}

/** One adoption of a version by the office: from `adoptedAt` on it governs every open and new dossier. */
export interface PauseRuleAdoption {
  readonly rule: PauseRuleId;
  /** ISO-8601 instant with offset. */
  readonly adoptedAt: string;
}

/**
 * The version that governs a dossier: for an open dossier (`completedAt` null) the version in force now; for
 * a completed one the version in force when it was completed. Before any recorded adoption, the original
 * version. `adoptions` may be in any order.
 */
export function pauseRuleFor(
  adoptions: readonly PauseRuleAdoption[],
  completedAt: string | null,
): PauseRuleId {
  const limit = completedAt === null ? Number.POSITIVE_INFINITY : Date.parse(completedAt);
  let best: { ms: number; rule: PauseRuleId } | null = null;
  for (const adoption of adoptions) {
    const ms = Date.parse(adoption.adoptedAt);
    // `>=` keeps the later of two adoptions recorded at the same instant (they are listed in order).
    if (ms <= limit && (best === null || ms >= best.ms)) best = { ms, rule: adoption.rule };
  }
  return best?.rule ?? ORIGINAL_PAUSE_RULE;
}
