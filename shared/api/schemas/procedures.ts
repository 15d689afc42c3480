import { z } from '../zod-vi';
import { id, isoDate, requiredText } from './common';

export const deadlineUnits = ['wd', 'cd', 'h'] as const;
export const deadlineUnitLabels = { wd: 'ngày làm việc', cd: 'ngày', h: 'giờ' } as const;

export const componentSchema = z.object({
  name: z.string(),
  copies: z.number().int().min(1),
  required: z.boolean(),
  original: z.boolean(),
});

export const procedureViewSchema = z.object({
  id: z.string(),
  code: z.string().nullable(),
  name: z.string(),
  sector: z.enum(['bao_chi', 'xuat_ban']),
  versionId: id,
  effectiveFrom: isoDate,
  effectiveTo: isoDate.nullable(),
  deadline: z.number().int().positive().nullable(),
  deadlineUnit: z.enum(deadlineUnits).nullable(),
  pauseMode: z.enum(['pause', 'restart']),
  issuer: z.enum(['so', 'ubnd']),
  resultDocument: z.string().nullable(),
  legalBasis: z.array(z.string()),
  components: z.array(componentSchema),
  isConfigured: z.boolean(),
  confidence: z.string(),
  notes: z.string().nullable(),
});
export type ProcedureView = z.output<typeof procedureViewSchema>;

export const procedureConfigureInput = z.object({
  procedureId: z.string().min(1).max(40),
  deadline: z.number().int().min(1, { error: 'Thời hạn phải là số nguyên dương.' }).max(365),
  deadlineUnit: z.enum(deadlineUnits),
  effectiveFrom: isoDate,
  reason: requiredText('Căn cứ thay đổi', { max: 500 }),
});
