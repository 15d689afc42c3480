import { z } from '../zod-vi';
import { pauseRuleIds } from '../../domain/deadline/pause-rules';
import { isoDate, optionalText, requiredText } from './common';
import { calendarPreviewOutput } from './calendar';

/** Versions of the pause rule (issue 12 §1; shared/domain/deadline/pause-rules.ts). */
export const pauseRuleIdSchema = z.enum(pauseRuleIds, { error: 'Phiên bản quy tắc không hợp lệ.' });

export const pauseRulesOutput = z.object({
  current: pauseRuleIdSchema,
  versions: z.array(
    z.object({
      id: pauseRuleIdSchema,
      label: z.string(),
      summary: z.string(),
    }),
  ),
  /** Adoptions in order; the last one is in force. */
  history: z.array(
    z.object({
      rule: pauseRuleIdSchema,
      effectiveFrom: isoDate,
      adoptedAt: z.string(),
      adoptedBy: z.string(),
      reason: z.string(),
      legalDocument: z.string().nullable(),
      movedCount: z.number().int(),
    }),
  ),
});

export const pauseRulePreviewInput = z.object({ rule: pauseRuleIdSchema });

/** The calendar change's preview, plus the dossiers waiting for a supplement (no due date to move yet). */
export const pauseRulePreviewOutput = calendarPreviewOutput.extend({
  /** Dossiers whose clock stands: they take the new version when the supplement arrives. */
  pausedCount: z.number().int(),
});

export const pauseRuleApplyInput = pauseRulePreviewInput.extend({
  reason: requiredText('Lý do áp dụng', { max: 500 }),
  legalDocument: optionalText('Văn bản căn cứ', { max: 200 }),
});

export const pauseRuleApplyOutput = z.object({
  rule: pauseRuleIdSchema,
  effectiveFrom: isoDate,
  movedCount: z.number().int(),
  /** Completed dossiers stamped with the outgoing version (they keep their class). */
  frozenCount: z.number().int(),
});
