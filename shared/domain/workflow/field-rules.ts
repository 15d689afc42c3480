// Checks on what the user typed for a transition. Input arrives from the API boundary, so every field is
// checked at run time whatever its static type says. Text is stored NFC and trimmed (text-rules.ts).

import { parseInstant } from '../deadline/instant';
import { findTextProblem, normalizeTyped } from '../text-rules';
import type { ActionDefinition, ActionField } from './workflow-actions';
import type { AcknowledgeableWarning } from './workflow-errors';
import { WorkflowError } from './workflow-errors';

export const proposals = ['approve', 'refuse'] as const;
export type Proposal = (typeof proposals)[number];
export const PROPOSAL_LABELS: Readonly<Record<Proposal, string>> = {
  approve: 'Đề xuất phê duyệt (cấp)',
  refuse: 'Đề xuất từ chối',
};

/** How the result left the office (NĐ 61/2018 Điều 19): at the desk or through the postal service. */
export const returnMethods = ['desk', 'post'] as const;
export type ReturnMethod = (typeof returnMethods)[number];
export const RETURN_METHOD_LABELS: Readonly<Record<ReturnMethod, string>> = {
  desk: 'Trực tiếp tại Bộ phận một cửa',
  post: 'Qua dịch vụ bưu chính',
};

/** What the caller may send with an action; which fields matter is the action's table row. */
export interface TransitionInput {
  /** The appraiser's user id. */
  readonly assigneeId?: string;
  readonly reason?: string;
  /** Thành phần hồ sơ cần bổ sung, one per line of the Phiếu yêu cầu bổ sung. */
  readonly missingComponents?: readonly string[];
  readonly proposal?: Proposal;
  readonly opinion?: string;
  /** Reasons for a refusal, one per line of the refusal notice. */
  readonly reasons?: readonly string[];
  readonly note?: string;
  /** Who collected the result (name), or the postal service and its reference. */
  readonly collectedBy?: string;
  /** ISO-8601 with offset. */
  readonly collectedAt?: string;
  readonly method?: ReturnMethod;
  /** The applicant's written request to withdraw (e.g. "Đơn đề nghị rút hồ sơ ngày 05/3/2026"). */
  readonly applicantRequest?: string;
  readonly legalGround?: string;
  /** The new appointment on the apology letter, ISO-8601 with offset (like `dueAt`). */
  readonly newAppointment?: string;
  /** Who signed the licence: a signer's name from the settings of the licence's issuing authority. */
  readonly signer?: string;
  readonly acknowledgedWarnings?: readonly AcknowledgeableWarning[];
}

/** The checked, normalised fields of one transition (only those of its action), ready to store. */
export type TransitionData = {
  -readonly [K in ActionField]?: K extends 'missingComponents' | 'reasons'
    ? readonly string[]
    : K extends 'proposal'
      ? Proposal
      : K extends 'method'
        ? ReturnMethod
        : string;
};

export const FIELD_LABELS: Readonly<Record<ActionField, string>> = {
  assigneeId: 'chuyên viên được phân công',
  reason: 'lý do',
  missingComponents: 'thành phần hồ sơ cần bổ sung',
  proposal: 'đề xuất (phê duyệt hay từ chối)',
  opinion: 'ý kiến',
  reasons: 'lý do từ chối',
  note: 'ghi chú',
  collectedBy: 'người nhận kết quả',
  collectedAt: 'thời điểm nhận kết quả',
  method: 'hình thức trả kết quả',
  applicantRequest: 'đơn đề nghị rút hồ sơ của người nộp',
  legalGround: 'căn cứ pháp lý',
  newAppointment: 'ngày hẹn trả kết quả mới',
  signer: 'người ký giấy phép',
};

type FieldKind = 'id' | 'line' | 'text' | 'list' | 'proposal' | 'method' | 'instant';

const FIELD_KINDS: Readonly<Record<ActionField, FieldKind>> = {
  assigneeId: 'id',
  reason: 'text',
  missingComponents: 'list',
  proposal: 'proposal',
  opinion: 'text',
  reasons: 'list',
  note: 'text',
  collectedBy: 'line',
  collectedAt: 'instant',
  method: 'method',
  applicantRequest: 'text',
  legalGround: 'text',
  newAppointment: 'instant',
  signer: 'line',
};

/** Bounds that keep a typo or a paste accident off the printed forms. */
export const FIELD_LIMITS = { id: 100, line: 200, text: 2000, listItem: 1000, listItems: 50 } as const;

export function fieldLabel(definition: ActionDefinition, field: ActionField): string {
  return definition.fieldLabels[field] ?? FIELD_LABELS[field];
}

function invalid(definition: ActionDefinition, field: ActionField, en: string, vi: string): WorkflowError {
  return new WorkflowError(
    'INVALID_FIELD',
    `${definition.action}: field ${field} ${en}`,
    `${capitalise(fieldLabel(definition, field))} ${vi}`,
    { action: definition.action, field },
  );
}

export function missingField(definition: ActionDefinition, field: ActionField): WorkflowError {
  return new WorkflowError(
    'MISSING_FIELD',
    `${definition.action}: field ${field} is required`,
    `Chưa nhập ${fieldLabel(definition, field)} (bắt buộc khi ${definition.verbVi}).`,
    { action: definition.action, field },
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function checkText(
  definition: ActionDefinition,
  field: ActionField,
  raw: string,
  max: number,
  allowNewlines: boolean,
): string | WorkflowError {
  const value = normalizeTyped(raw);
  const problem = findTextProblem(value, allowNewlines);
  if (problem !== null) {
    return invalid(
      definition,
      field,
      `contains ${problem === 'emoji' ? 'an emoji' : 'a control or invisible character'}`,
      problem === 'emoji'
        ? 'có biểu tượng cảm xúc, không in được trên phiếu.'
        : 'có ký tự điều khiển hoặc ký tự ẩn, không in được trên phiếu.',
    );
  }
  if (value.length > max) {
    return invalid(
      definition,
      field,
      `is longer than ${max} characters`,
      `dài ${value.length} ký tự; tối đa ${max} ký tự.`,
    );
  }
  return value;
}

type Checked = { readonly value: TransitionData[ActionField] } | { readonly missing: true } | WorkflowError;

/** Checks one field. Absent, blank text and an empty list are all "missing". */
export function checkField(definition: ActionDefinition, field: ActionField, raw: unknown): Checked {
  if (raw === undefined || raw === null) return { missing: true };
  const kind = FIELD_KINDS[field];
  switch (kind) {
    case 'id':
    case 'line':
    case 'text': {
      if (typeof raw !== 'string') return invalid(definition, field, 'must be text', 'phải là chữ.');
      const max = kind === 'id' ? FIELD_LIMITS.id : kind === 'line' ? FIELD_LIMITS.line : FIELD_LIMITS.text;
      const value = checkText(definition, field, raw, max, kind === 'text');
      if (value instanceof WorkflowError) return value;
      return value === '' ? { missing: true } : { value };
    }
    case 'list': {
      if (!Array.isArray(raw)) return invalid(definition, field, 'must be a list', 'phải là một danh sách.');
      const items: string[] = [];
      for (const item of raw as readonly unknown[]) {
        if (typeof item !== 'string') return invalid(definition, field, 'must list text', 'phải là chữ.');
        const value = checkText(definition, field, item, FIELD_LIMITS.listItem, false);
        if (value instanceof WorkflowError) return value;
        // Empty rows are what a form leaves behind when the user adds a line and types nothing.
        if (value !== '') items.push(value);
      }
      if (items.length > FIELD_LIMITS.listItems) {
        return invalid(
          definition,
          field,
          `has more than ${FIELD_LIMITS.listItems} items`,
          `có ${items.length} mục; tối đa ${FIELD_LIMITS.listItems} mục.`,
        );
      }
      return items.length === 0 ? { missing: true } : { value: items };
    }
    case 'proposal':
      return raw === 'approve' || raw === 'refuse'
        ? { value: raw }
        : invalid(definition, field, "must be 'approve' or 'refuse'", 'phải là "phê duyệt" hoặc "từ chối".');
    case 'method':
      return raw === 'desk' || raw === 'post'
        ? { value: raw }
        : invalid(
            definition,
            field,
            "must be 'desk' or 'post'",
            'phải là "trực tiếp tại Bộ phận một cửa" hoặc "qua bưu chính".',
          );
    case 'instant': {
      if (typeof raw !== 'string') return invalid(definition, field, 'must be text', 'phải là chữ.');
      const value = raw.trim();
      if (value === '') return { missing: true };
      try {
        parseInstant(value, field);
      } catch {
        return invalid(
          definition,
          field,
          `is not an ISO-8601 date-time with offset: ${JSON.stringify(value)}`,
          'không hợp lệ (cần ngày giờ kèm múi giờ, ví dụ 2026-03-06T17:00:00+07:00).',
        );
      }
      return { value };
    }
  }
}
