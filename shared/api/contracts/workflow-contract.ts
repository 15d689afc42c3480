import { z } from '../zod-vi';
import { id, requiredText } from '../schemas/common';
import { dossierDetailSchema } from '../schemas/dossiers';
import {
  assignableUsersOutput,
  licenceFieldsInputSchema,
  licenceSignersOutput,
  performInputSchema,
  workflowViewSchema,
} from '../schemas/workflow';
import { LEADERS, type MethodSpec } from './method';

/**
 * The path after the desk. Who may perform which action is decided per action by the workflow domain
 * (roles × status × assignee × two-person rule), so the methods themselves only require a login.
 */
export const workflowContract = {
  'workflow.view': { access: 'user', input: z.object({ dossierId: id }), output: workflowViewSchema },
  'workflow.perform': { access: 'user', input: performInputSchema, output: dossierDetailSchema },
  'workflow.setLicenceFields': {
    access: ['appraiser', 'unit_leader', 'director', 'admin'],
    input: licenceFieldsInputSchema,
    output: workflowViewSchema,
  },
  'workflow.appraisers': { access: LEADERS, input: z.object({}).strict(), output: assignableUsersOutput },
  /** The signers the issue screen offers: those of the licence's issuing authority. */
  'licences.signers': { access: 'user', input: z.object({ dossierId: id }), output: licenceSignersOutput },
  /** A licence cancelled after issue: its number stays in the register with the reason, never reused. */
  'licences.void': {
    access: ['director', 'admin'],
    input: z.object({ dossierId: id, reason: requiredText('Lý do hủy giấy phép', { max: 1000 }) }),
    output: workflowViewSchema,
  },
  /** A mid-year go-live: the first number a series issues in the given year (the paper register's next number). */
  'licences.setSeriesStart': {
    access: ['admin'],
    input: z.object({
      series: z.string().regex(/^[A-Z0-9Đ]+(?:[-.&][A-Z0-9Đ]+)*$/u, {
        error: 'Mã sổ chỉ gồm chữ in hoa, số và dấu gạch ngang (ví dụ GP-SVHTTDL).',
      }),
      year: z.number().int().min(2000).max(2199),
      startNumber: z.number().int().min(1, { error: 'Số bắt đầu phải từ 1.' }).max(1_000_000),
    }),
    output: z.object({ series: z.string(), year: z.number().int(), startNumber: z.number().int() }),
  },
} as const satisfies Record<string, MethodSpec>;
