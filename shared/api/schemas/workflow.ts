import { z } from '../zod-vi';
import { id, isoDateTime } from './common';
import { actionFields, workflowActions, printedDocuments } from '../../domain/workflow/workflow-actions';
import { acknowledgeableWarnings } from '../../domain/workflow/workflow-errors';
import { dossierStatuses } from '../../domain/dossier-status';

/**
 * The transition input is checked field by field by the workflow domain (field-rules.ts) with the action's
 * own labels; here only its shape and size are bounded.
 */
export const transitionInputSchema = z
  .object({
    assigneeId: z.string().max(100).optional(),
    reason: z.string().max(2000).optional(),
    missingComponents: z.array(z.string().max(1000)).max(50).optional(),
    proposal: z.enum(['approve', 'refuse']).optional(),
    opinion: z.string().max(2000).optional(),
    reasons: z.array(z.string().max(1000)).max(50).optional(),
    note: z.string().max(2000).optional(),
    collectedBy: z.string().max(200).optional(),
    collectedAt: isoDateTime.optional(),
    method: z.enum(['desk', 'post']).optional(),
    applicantRequest: z.string().max(2000).optional(),
    legalGround: z.string().max(2000).optional(),
    newAppointment: isoDateTime.optional(),
    signer: z.string().max(200).optional(),
    acknowledgedWarnings: z.array(z.enum(acknowledgeableWarnings)).max(5).optional(),
  })
  .strict();

export const performInputSchema = z.object({
  dossierId: id,
  /** The version the user saw: a second window saving over it gets CONFLICT. */
  version: z.number().int().min(1),
  action: z.enum(workflowActions, { error: 'Thao tác không hợp lệ.' }),
  input: transitionInputSchema.default({}),
});

export const licenceFieldsInputSchema = z.object({
  dossierId: id,
  version: z.number().int().min(1),
  fields: z
    .record(z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,40}$/), z.string().max(2000))
    .refine((f) => Object.keys(f).length <= 60),
});

export const workflowViewSchema = z.object({
  dossierId: id,
  version: z.number().int(),
  status: z.enum(dossierStatuses),
  assignee: z.object({ id, name: z.string() }).nullable(),
  proposal: z.enum(['approve', 'refuse']).nullable(),
  proposalOpinion: z.string().nullable(),
  supplementRequests: z.number().int(),
  apologyDueAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  completionClass: z.enum(['early', 'on_time', 'late']).nullable(),
  returnedAt: z.string().nullable(),
  availableActions: z.array(
    z.object({
      action: z.enum(workflowActions),
      label: z.string(),
      buttonText: z.string(),
      requiredFields: z.array(z.enum(actionFields)),
      optionalFields: z.array(z.enum(actionFields)),
      fieldLabels: z.record(z.string(), z.string()),
      needsAcknowledgement: z.array(z.enum(acknowledgeableWarnings)),
      prints: z.array(z.enum(printedDocuments)),
    }),
  ),
  events: z.array(
    z.object({
      id,
      at: z.string(),
      actorName: z.string(),
      kind: z.string(),
      label: z.string(),
      fromStatus: z.string().nullable(),
      toStatus: z.string().nullable(),
      note: z.string().nullable(),
      clockEffect: z.string().nullable(),
    }),
  ),
  licenceFieldSpec: z.array(z.object({ key: z.string(), label: z.string(), required: z.boolean() })),
  licenceFields: z.record(z.string(), z.string()),
  licence: z
    .object({
      id,
      number: z.string(),
      issuedAt: z.string(),
      isVoid: z.boolean(),
      voidReason: z.string().nullable(),
    })
    .nullable(),
  prints: z.array(
    z.object({ kind: z.string(), printedAt: z.string(), printedBy: z.string(), isCopy: z.boolean() }),
  ),
});

export const assignableUsersOutput = z.array(
  z.object({ id, fullName: z.string(), title: z.string().nullable() }),
);

/** Who may sign a dossier's licence: the signers of its procedure's issuing authority (issue 12 §3). */
export const licenceSignersOutput = z.object({
  issuer: z.enum(['so', 'ubnd']),
  /** The issuing authority as written in a sentence, e.g. 'Ủy ban nhân dân tỉnh Bắc Ninh'. */
  authorityName: z.string(),
  signers: z.array(z.object({ name: z.string(), title: z.string(), capacity: z.enum(['head', 'deputy']) })),
  /** The signer the licence names unless another is chosen: the approving leader if listed, else the first. */
  suggested: z.string().nullable(),
});
