import { DeadlineInputError } from './deadline-errors';
import type { DeadlineInput, DeadlineUnit, PauseMode } from './deadline-types';
import type { ParsedInstant } from './instant';
import { parseInstant } from './instant';
import type { NormalizedOfficeHours } from './office-hours';
import { normalizeOfficeHours } from './office-hours';
import type { PauseRuleId } from './pause-rules';
import { CURRENT_PAUSE_RULE, isPauseRuleId } from './pause-rules';

export interface NormalizedPause {
  readonly fromMs: number;
  readonly toMs: number | null;
  readonly reason: string;
  /** Position in the caller's list, for error fields and the ledger. */
  readonly index: number;
}

/** A checked, parsed deadline input. Build it once per dossier; recompute it against any calendar. */
export interface NormalizedDeadlineInput {
  readonly receivedMs: number;
  readonly amount: number;
  readonly unit: DeadlineUnit;
  readonly pauseMode: PauseMode;
  readonly pauseRule: PauseRuleId;
  /** Sorted by start. */
  readonly pauses: readonly NormalizedPause[];
  readonly office: NormalizedOfficeHours;
  readonly nowMs: number | null;
  readonly eventMs: number | null;
}

const NO_PAUSES: readonly NormalizedPause[] = [];

function optionalInstant(value: string | undefined, field: string): ParsedInstant | null {
  return value === undefined ? null : parseInstant(value, field);
}

function normalizePauses(
  input: Omit<DeadlineInput, 'calendar'>,
  receivedMs: number,
): readonly NormalizedPause[] {
  const raw = input.pauses ?? [];
  if (raw.length === 0) return NO_PAUSES;
  const pauses = raw.map((pause, index): NormalizedPause => {
    const fromMs = parseInstant(pause.from, `pauses[${index}].from`).epochMs;
    const toMs = pause.to === null ? null : parseInstant(pause.to, `pauses[${index}].to`).epochMs;
    if (typeof pause.reason !== 'string') {
      throw new DeadlineInputError(
        'INVALID_PAUSE',
        `pauses[${index}].reason must be text`,
        `Lý do tạm dừng phải là văn bản (lần ${index + 1})`,
        `pauses[${index}].reason`,
      );
    }
    if (toMs !== null && toMs < fromMs) {
      throw new DeadlineInputError(
        'PAUSE_ENDS_BEFORE_START',
        `pauses[${index}]: the supplement is received (${String(pause.to)}) before it was requested (${pause.from})`,
        `Lần tạm dừng thứ ${index + 1}: ngày nhận hồ sơ bổ sung trước ngày yêu cầu bổ sung`,
        `pauses[${index}].to`,
      );
    }
    if (fromMs < receivedMs) {
      throw new DeadlineInputError(
        'PAUSE_BEFORE_RECEIPT',
        `pauses[${index}]: the supplement request (${pause.from}) precedes the receipt (${input.receivedAt})`,
        `Lần tạm dừng thứ ${index + 1}: yêu cầu bổ sung trước thời điểm tiếp nhận hồ sơ`,
        `pauses[${index}].from`,
      );
    }
    return { fromMs, toMs, reason: pause.reason.trim(), index };
  });
  pauses.sort((a, b) => a.fromMs - b.fromMs);
  for (let i = 1; i < pauses.length; i++) {
    const previous = pauses[i - 1];
    const current = pauses[i];
    if (previous && current && (previous.toMs === null || current.fromMs < previous.toMs)) {
      throw new DeadlineInputError(
        'PAUSES_OVERLAP',
        `pauses[${previous.index}] and pauses[${current.index}] overlap: a new request needs the previous supplement received first`,
        `Các lần tạm dừng ${previous.index + 1} và ${current.index + 1} chồng lên nhau: phải nhận hồ sơ bổ sung lần trước rồi mới yêu cầu bổ sung lần sau`,
        `pauses[${current.index}].from`,
      );
    }
  }
  return pauses;
}

/**
 * Checks and parses a deadline input. Throws {@link DeadlineInputError} with a field path on: a date-time
 * without offset or that does not exist; a period that is not a positive integer; an unknown unit or pause
 * mode; a pause that ends before it starts, starts before the receipt or overlaps another; an open pause
 * without `now`; an hours rule without `eventAt`, or with pauses.
 */
export function normalizeDeadlineInput(input: Omit<DeadlineInput, 'calendar'>): NormalizedDeadlineInput {
  const { rule } = input;
  if (typeof rule !== 'object' || rule === null) {
    throw new DeadlineInputError('INVALID_AMOUNT', 'rule is required', 'Thiếu quy định về thời hạn', 'rule');
  }
  if (!Number.isSafeInteger(rule.amount) || rule.amount <= 0) {
    throw new DeadlineInputError(
      'INVALID_AMOUNT',
      `rule.amount must be a positive integer: ${String(rule.amount)}`,
      `Thời hạn giải quyết phải là số nguyên dương: ${String(rule.amount)}`,
      'rule.amount',
    );
  }
  if (rule.unit !== 'wd' && rule.unit !== 'cd' && rule.unit !== 'h') {
    throw new DeadlineInputError(
      'INVALID_UNIT',
      `rule.unit must be 'wd', 'cd' or 'h': ${String(rule.unit)}`,
      `Đơn vị thời hạn không hợp lệ: ${String(rule.unit)}`,
      'rule.unit',
    );
  }
  if (rule.pauseMode !== 'pause' && rule.pauseMode !== 'restart') {
    throw new DeadlineInputError(
      'INVALID_PAUSE_MODE',
      `rule.pauseMode must be 'pause' or 'restart': ${String(rule.pauseMode)}`,
      `Cách tính khi tạm dừng không hợp lệ: ${String(rule.pauseMode)}`,
      'rule.pauseMode',
    );
  }
  const pauseRule = input.pauseRule ?? CURRENT_PAUSE_RULE;
  if (!isPauseRuleId(pauseRule)) {
    throw new DeadlineInputError(
      'INVALID_PAUSE_RULE',
      `pauseRule is not a known version of the pause rule: ${String(pauseRule)}`,
      `Phiên bản quy tắc tạm dừng không hợp lệ: ${String(pauseRule)}`,
      'pauseRule',
    );
  }
  const office = normalizeOfficeHours(input.office);
  const receivedMs = parseInstant(input.receivedAt, 'receivedAt').epochMs;
  const pauses = normalizePauses(input, receivedMs);
  const now = optionalInstant(input.now, 'now');
  const event = optionalInstant(input.eventAt, 'eventAt');
  const last = pauses[pauses.length - 1];
  if (last && last.toMs === null && now === null) {
    throw new DeadlineInputError(
      'NOW_REQUIRED',
      'now is required while the last pause is open (to count how long the clock has stood)',
      'Cần thời điểm hiện tại khi hồ sơ đang tạm dừng chờ bổ sung',
      'now',
    );
  }
  if (rule.unit === 'h') {
    if (event === null) {
      throw new DeadlineInputError(
        'EVENT_REQUIRED',
        "eventAt is required for an hours ('h') rule: the period counts back from the event",
        'Cần thời điểm diễn ra sự kiện để tính thời hạn theo giờ',
        'eventAt',
      );
    }
    if (pauses.length > 0) {
      throw new DeadlineInputError(
        'PAUSE_NOT_APPLICABLE',
        "An hours ('h') rule counts back from an event and cannot be paused",
        'Thời hạn tính theo giờ trước sự kiện không thể tạm dừng',
        'pauses',
      );
    }
  }
  return {
    receivedMs,
    amount: rule.amount,
    unit: rule.unit,
    pauseMode: rule.pauseMode,
    pauseRule,
    pauses,
    office,
    nowMs: now?.epochMs ?? null,
    eventMs: event?.epochMs ?? null,
  };
}
