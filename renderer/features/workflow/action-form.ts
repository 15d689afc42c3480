// The form behind every workflow action: one set of fields (the contract's transition input), of which each
// action shows exactly those its table row asks for (`requiredFields` + `optionalFields` from workflow.view).
import type { MethodInput, MethodOutput } from '../../../shared/api/contract';
import { z } from '../../../shared/api/zod-vi';
import { FIELD_LABELS, type ReturnMethod } from '../../../shared/domain/workflow/field-rules';
import { actionFields, type ActionField } from '../../../shared/domain/workflow/workflow-actions';
import { toOfficeWallClock, wallClockToIso } from '../../lib/format';

export type WorkflowView = MethodOutput<'workflow.view'>;
export type AvailableAction = WorkflowView['availableActions'][number];
export type TransitionInput = NonNullable<MethodInput<'workflow.perform'>['input']>;

/** Text fields hold strings, lists arrays; instants are office wall-clock text until sent. */
export interface ActionFormValues {
  assigneeId: string | null;
  reason: string;
  missingComponents: string[];
  proposal: 'approve' | 'refuse';
  opinion: string;
  reasons: string[];
  note: string;
  collectedBy: string;
  /** 'YYYY-MM-DD HH:mm:ss' in office time (Mantine's picker value). */
  collectedAt: string | null;
  method: ReturnMethod;
  applicantRequest: string;
  legalGround: string;
  newAppointment: string | null;
  /** Who signed the licence, among the signers of its issuing authority ('' = the one suggested). */
  signer: string;
}

export function makeDefaultValues(returnMethod: ReturnMethod, utcOffsetMinutes: number): ActionFormValues {
  return {
    assigneeId: null,
    reason: '',
    missingComponents: [],
    proposal: 'approve',
    opinion: '',
    reasons: [],
    note: '',
    collectedBy: '',
    // Results are usually handed over while the clerk records it: "now" is the right default.
    collectedAt: toOfficeWallClock(new Date(), utcOffsetMinutes),
    method: returnMethod,
    applicantRequest: '',
    legalGround: '',
    newAppointment: null,
    signer: '',
  };
}

/** "Lý do yêu cầu bổ sung": the action's own wording of a field, else the generic one, capitalised. */
export function actionFieldLabel(action: Pick<AvailableAction, 'fieldLabels'>, field: ActionField): string {
  const label = action.fieldLabels[field] ?? FIELD_LABELS[field];
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** The fields the modal shows: the required ones first, each group in the table's canonical order. */
export function fieldsOf(action: Pick<AvailableAction, 'requiredFields' | 'optionalFields'>): ActionField[] {
  const required = new Set<ActionField>(action.requiredFields);
  const optional = new Set<ActionField>(action.optionalFields);
  return [
    ...actionFields.filter((field) => required.has(field)),
    ...actionFields.filter((field) => optional.has(field) && !required.has(field)),
  ];
}

/** A proposal to refuse must say why (plan-transition.ts); the reasons are optional otherwise. */
export function isFieldRequired(
  action: Pick<AvailableAction, 'action' | 'requiredFields'>,
  field: ActionField,
  values: Pick<ActionFormValues, 'proposal'>,
): boolean {
  if (action.requiredFields.includes(field)) return true;
  return action.action === 'propose' && field === 'reasons' && values.proposal === 'refuse';
}

/** Whether a field is shown now (the refusal reasons of a proposal only when refusing). */
export function isFieldVisible(
  action: Pick<AvailableAction, 'action'>,
  field: ActionField,
  values: Pick<ActionFormValues, 'proposal'>,
): boolean {
  return !(action.action === 'propose' && field === 'reasons' && values.proposal !== 'refuse');
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.every((item) => typeof item !== 'string' || item.trim() === '');
  return false;
}

/**
 * The form's schema for one action: the shape of every field, plus "required" for the action's required
 * ones with the same wording as the backend ("Chưa nhập lý do yêu cầu bổ sung."). The backend re-checks all.
 */
export function actionSchema(action: AvailableAction) {
  const instant = z.string().nullable();
  return z
    .object({
      assigneeId: z.string().nullable(),
      reason: z.string().max(2000, { error: 'Tối đa 2000 ký tự.' }),
      missingComponents: z.array(z.string().max(1000)).max(50, { error: 'Tối đa 50 mục.' }),
      proposal: z.enum(['approve', 'refuse']),
      opinion: z.string().max(2000, { error: 'Tối đa 2000 ký tự.' }),
      reasons: z.array(z.string().max(1000)).max(50, { error: 'Tối đa 50 mục.' }),
      note: z.string().max(2000, { error: 'Tối đa 2000 ký tự.' }),
      collectedBy: z.string().max(200, { error: 'Tối đa 200 ký tự.' }),
      collectedAt: instant,
      method: z.enum(['desk', 'post']),
      applicantRequest: z.string().max(2000, { error: 'Tối đa 2000 ký tự.' }),
      legalGround: z.string().max(2000, { error: 'Tối đa 2000 ký tự.' }),
      newAppointment: instant,
      signer: z.string().max(200),
    })
    .superRefine((values, ctx) => {
      for (const field of fieldsOf(action)) {
        if (!isFieldVisible(action, field, values) || !isFieldRequired(action, field, values)) continue;
        if (isEmpty(values[field])) {
          const label = action.fieldLabels[field] ?? FIELD_LABELS[field];
          ctx.addIssue({ code: 'custom', path: [field], message: `Chưa nhập ${label}.` });
        }
      }
    });
}

/** Only the action's own fields go to the backend (anything else would be dropped there anyway). */
export function toTransitionInput(
  action: AvailableAction,
  values: ActionFormValues,
  utcOffsetMinutes: number,
): TransitionInput {
  const input: Record<string, unknown> = {};
  for (const field of fieldsOf(action)) {
    if (!isFieldVisible(action, field, values)) continue;
    const value = values[field];
    if (isEmpty(value)) continue;
    if (field === 'collectedAt' || field === 'newAppointment') {
      input[field] = wallClockToIso(String(value), utcOffsetMinutes);
    } else if (Array.isArray(value)) {
      input[field] = value.map((item) => item.trim()).filter((item) => item !== '');
    } else {
      input[field] = typeof value === 'string' ? value.trim() : value;
    }
  }
  return input as TransitionInput;
}
