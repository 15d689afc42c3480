import { z } from '../zod-vi';
import { id, isoDate, isoDateTime, optionalText, requiredText } from './common';

const year = z
  .number()
  .int()
  .min(2000, { error: 'Năm phải từ 2000.' })
  .max(2199, { error: 'Năm phải trước 2200.' });

export const calendarEditSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('add'),
    date: isoDate,
    kind: z.enum(['off', 'makeup'], { error: 'Chọn loại ngày: ngày nghỉ hoặc ngày làm bù.' }),
    name: requiredText('Tên (lý do) của ngày', { max: 120 }),
    source: optionalText('Văn bản căn cứ', { max: 200 }),
  }),
  z.object({ type: z.literal('remove'), date: isoDate }),
  z.object({ type: z.literal('confirm-year'), year }),
  /** Replaces a year with the statutory draft (status "dự kiến"). */
  z.object({ type: z.literal('draft-year'), year }),
]);
export type CalendarEditInput = z.input<typeof calendarEditSchema>;

export const calendarDaySchema = z.object({
  date: isoDate,
  kind: z.enum(['workday', 'weekend', 'off', 'makeup']),
  label: z.string(),
  status: z.enum(['confirmed', 'draft']).nullable(),
  source: z.string().nullable(),
  isUncertain: z.boolean(),
});

export const calendarYearOutput = z.object({
  year: z.number().int(),
  status: z.enum(['confirmed', 'draft', 'missing']),
  canDraft: z.boolean(),
  workingDays: z.number().int().nullable(),
  days: z.array(calendarDaySchema),
  warning: z.object({ year: z.number().int(), status: z.enum(['draft', 'missing']) }).nullable(),
});

export const calendarEditsInput = z.object({
  edits: z.array(calendarEditSchema).min(1, { error: 'Chưa có thay đổi nào.' }).max(100),
});

export const calendarApplyInput = calendarEditsInput.extend({
  reason: requiredText('Lý do thay đổi', { max: 500 }),
  legalDocument: optionalText('Văn bản căn cứ', { max: 200 }),
});

export const movedDossierSchema = z.object({
  id,
  code: z.string(),
  applicantName: z.string(),
  oldDueDate: isoDate,
  newDueDate: isoDate,
});

export const calendarPreviewOutput = z.object({
  openCount: z.number().int(),
  movedCount: z.number().int(),
  /** The first moved dossiers (the full count is movedCount). */
  moved: z.array(movedDossierSchema),
});

export const calendarApplyOutput = z.object({ movedCount: z.number().int() });

export const dueDateInput = z
  .object({
    receivedAt: isoDateTime,
    procedureId: z.string().min(1).max(40).optional(),
    days: z.number().int().min(1, { error: 'Thời hạn phải là số nguyên dương.' }).max(365).optional(),
    unit: z.enum(['wd', 'cd']).default('wd'),
    restart: z.boolean().default(false),
    /** For event-relative procedures (e.g. a press conference notified ≥ 24 h ahead): the event's time. */
    eventAt: isoDateTime.optional(),
    pauses: z
      .array(
        z.object({
          from: isoDateTime,
          to: isoDateTime.nullable(),
          reason: z.string().max(300).default('Chờ bổ sung hồ sơ'),
        }),
      )
      .max(20)
      .default([]),
  })
  .refine((v) => (v.procedureId === undefined) !== (v.days === undefined), {
    error: 'Chọn thủ tục hoặc nhập số ngày (chỉ một trong hai).',
    path: ['days'],
  });

export const ledgerLineSchema = z.object({
  date: isoDate,
  kind: z.string(),
  label: z.string(),
  dayNumber: z.number().int().nullable(),
  at: z.string().nullable(),
  note: z.string().nullable(),
});

export const dueDateOutput = z.object({
  state: z.enum(['due', 'paused', 'event']),
  receiptDay: isoDate.nullable(),
  countFrom: isoDate.nullable(),
  dueDate: isoDate.nullable(),
  dueAt: z.string().nullable(),
  pausedWorkingDays: z.number().int().nullable(),
  ledger: z.array(ledgerLineSchema),
});
