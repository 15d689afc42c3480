// Plans one workflow transition without writing anything: the backend applies a plan inside one transaction
// (status, audit row, clock pause, licence number) or refuses the request with the plan's error.

import type { DossierStatus } from '../dossier-status';
import { dossierStatusLabels, dossierStatuses } from '../dossier-status';
import type {
  ActionField,
  ClockEffect,
  PrintedDocument,
  WorkflowAction,
  ActionDefinition,
} from './workflow-actions';
import { WORKFLOW_ACTIONS, isWorkflowAction, workflowActions } from './workflow-actions';
import type { Proposal, TransitionData, TransitionInput } from './field-rules';
import { checkField, missingField } from './field-rules';
import type { Role, SignerRole } from './roles';
import { ROLE_LABELS, isRole, roleListLabel, signerRoles } from './roles';
import type { AcknowledgeableWarning, WorkflowWarning } from './workflow-errors';
import { WorkflowError } from './workflow-errors';

/** What the workflow needs to know about a dossier. The caller derives `isOverdue` from the deadline engine. */
export interface WorkflowState {
  readonly status: DossierStatus;
  readonly assigneeId: string | null;
  /** Who submitted the pending proposal (null when none is pending). */
  readonly proposerId: string | null;
  /** The pending proposal's kind, when known; used only to warn when the leader decides otherwise. */
  readonly proposal?: Proposal | null;
  /** Supplement requests made during appraisal so far. */
  readonly supplementRequests: number;
  /** Apology letters (Phiếu xin lỗi và hẹn lại) sent so far. */
  readonly apologies: number;
  readonly isOverdue: boolean;
  /** A licence number has been taken for this dossier. */
  readonly isIssued: boolean;
}

export interface Actor {
  readonly id: string;
  readonly roles: readonly Role[];
}

export interface WorkflowSettings {
  /** The approver may not be the proposer (issue 4 "Bad input"). */
  readonly requireTwoPeople: boolean;
  /**
   * Supplement requests a procedure allows during appraisal: once unless sector law says otherwise
   * (NĐ 61/2018 Điều 18, domain.md §2.3).
   */
  readonly maxSupplementRequests: number;
  /** Who signs decisions; default `['director']` (see `signerRoles` in roles.ts for why). */
  readonly signerRoles?: readonly SignerRole[];
}

export const DEFAULT_WORKFLOW_SETTINGS: WorkflowSettings = {
  requireTwoPeople: true,
  maxSupplementRequests: 1,
  signerRoles: ['director'],
};

export interface TransitionPlan {
  readonly ok: true;
  readonly action: WorkflowAction;
  readonly from: DossierStatus;
  readonly to: DossierStatus;
  readonly clockEffect: ClockEffect;
  readonly prints: readonly PrintedDocument[];
  /** Informational warnings plus any confirmed acknowledgeable one: record them with the event. */
  readonly warnings: readonly WorkflowWarning[];
  readonly requiresRegisterEntry: boolean;
  readonly handOver: boolean;
  /** The checked, normalised input fields of this action (nothing else from the input). */
  readonly data: TransitionData;
  /** The dossier's workflow state after the transition (`isOverdue` carried over; the caller recomputes it). */
  readonly next: WorkflowState;
}

export interface TransitionRefusal {
  readonly ok: false;
  readonly error: WorkflowError;
}

export type TransitionResult = TransitionPlan | TransitionRefusal;

export interface AvailableAction {
  readonly action: WorkflowAction;
  readonly definition: ActionDefinition;
  /** Warnings the user will have to confirm (e.g. a second supplement request). */
  readonly needsAcknowledgement: readonly AcknowledgeableWarning[];
}

function refuse(error: WorkflowError): TransitionRefusal {
  return { ok: false, error };
}

/** The roles that may perform `action` under `settings` (signing actions follow `signerRoles`). */
export function allowedRoles(action: WorkflowAction, settings: WorkflowSettings): readonly Role[] {
  const definition = WORKFLOW_ACTIONS[action];
  if (!definition.signing) return definition.roles;
  const signers = settings.signerRoles ?? DEFAULT_WORKFLOW_SETTINGS.signerRoles ?? [];
  return definition.roles.filter((r) => (signers as readonly Role[]).includes(r));
}

/** The status the dossier is in after `action` from `from`. */
export function statusAfter(action: WorkflowAction, from: DossierStatus): DossierStatus {
  const { to } = WORKFLOW_ACTIONS[action];
  return to === 'same' ? from : to;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isIdOrNull(value: unknown): boolean {
  return value === null || typeof value === 'string';
}

/** Arguments come from the backend's own rows and settings; a bad one is a bug, reported rather than thrown. */
function checkContext(state: WorkflowState, actor: Actor, settings: WorkflowSettings): WorkflowError | null {
  if (
    typeof state !== 'object' ||
    state === null ||
    !(dossierStatuses as readonly string[]).includes(state.status) ||
    !isIdOrNull(state.assigneeId) ||
    !isIdOrNull(state.proposerId) ||
    !isCount(state.supplementRequests) ||
    !isCount(state.apologies) ||
    typeof state.isOverdue !== 'boolean' ||
    typeof state.isIssued !== 'boolean'
  ) {
    return new WorkflowError(
      'INVALID_STATE',
      'The dossier workflow state is malformed.',
      'Dữ liệu trạng thái hồ sơ không hợp lệ; đề nghị báo quản trị hệ thống.',
    );
  }
  const signers = settings?.signerRoles;
  if (
    typeof settings !== 'object' ||
    settings === null ||
    typeof settings.requireTwoPeople !== 'boolean' ||
    !isCount(settings.maxSupplementRequests) ||
    settings.maxSupplementRequests < 1 ||
    (signers !== undefined &&
      (!Array.isArray(signers) ||
        signers.length === 0 ||
        !signers.every((r) => (signerRoles as readonly string[]).includes(r))))
  ) {
    return new WorkflowError(
      'INVALID_SETTINGS',
      'Workflow settings are malformed (requireTwoPeople, maxSupplementRequests ≥ 1, signerRoles).',
      'Cấu hình quy trình không hợp lệ (số lần yêu cầu bổ sung tối thiểu là 1; phải có vai trò ký duyệt).',
    );
  }
  if (
    typeof actor !== 'object' ||
    actor === null ||
    typeof actor.id !== 'string' ||
    actor.id.trim() === '' ||
    !Array.isArray(actor.roles)
  ) {
    return new WorkflowError(
      'INVALID_ACTOR',
      'The acting user is missing or malformed.',
      'Không xác định được người thực hiện; đề nghị đăng nhập lại.',
    );
  }
  return null;
}

/**
 * Everything that depends only on the dossier, the user and the settings, in the order a clerk would want
 * to hear it: wrong status first, then wrong person, then the dossier's own history.
 */
function checkGuards(
  definition: ActionDefinition,
  state: WorkflowState,
  actor: Actor,
  settings: WorkflowSettings,
): WorkflowError | null {
  const { action, verbVi } = definition;
  const statusLabel = dossierStatusLabels[state.status];
  if (!definition.from.includes(state.status)) {
    if (action === 'issue') {
      return new WorkflowError(
        'NOT_APPROVED',
        `Cannot issue a licence number: the dossier is ${state.status}, not approved.`,
        `Hồ sơ chưa được phê duyệt (đang ở trạng thái '${statusLabel}'), không thể cấp số giấy phép.`,
        { action },
      );
    }
    return new WorkflowError(
      'INVALID_TRANSITION',
      `Cannot ${action} a dossier in status ${state.status}.`,
      `Hồ sơ đang ở trạng thái '${statusLabel}', không thể ${verbVi}.`,
      { action },
    );
  }

  const permitted = allowedRoles(action, settings);
  const qualifying = actor.roles.filter((r) => isRole(r) && permitted.includes(r));
  if (qualifying.length === 0) {
    return new WorkflowError(
      'FORBIDDEN',
      `Role(s) [${actor.roles.join(', ')}] may not ${action}; allowed: ${permitted.join(', ')}.`,
      `Vai trò của bạn (${roleListLabel(actor.roles)}) không được ${verbVi}. ` +
        `Vai trò được phép: ${permitted.map((r) => ROLE_LABELS[r]).join(', ')}.`,
      { action },
    );
  }

  if (
    definition.assigneeOnly &&
    qualifying.every((r) => r === 'appraiser') &&
    state.assigneeId !== actor.id
  ) {
    return new WorkflowError(
      'NOT_ASSIGNEE',
      `Only the assigned appraiser or a leader may ${action} this dossier.`,
      `Hồ sơ không được phân công cho bạn; chỉ chuyên viên được phân công hoặc lãnh đạo mới được ${verbVi}.`,
      { action },
    );
  }

  if (definition.signing && settings.requireTwoPeople && state.proposerId === actor.id) {
    return new WorkflowError(
      'SAME_PERSON',
      `Two people are required: the proposer may not ${action} his own proposal.`,
      `Cơ quan quy định hai người xử lý: bạn đã trình ký hồ sơ này nên không thể tự ${verbVi}. ` +
        'Đề nghị lãnh đạo khác quyết định.',
      { action },
    );
  }

  if (action === 'issue' && state.isIssued) {
    return new WorkflowError(
      'ALREADY_ISSUED',
      'A licence number was already issued for this dossier.',
      'Giấy phép của hồ sơ này đã được cấp số; không cấp số lần thứ hai.',
      { action },
    );
  }
  if (action === 'returnResult' && state.status === 'approved' && !state.isIssued) {
    return new WorkflowError(
      'NOT_ISSUED',
      'The approved licence has no number yet; issue it before returning the result.',
      'Giấy phép chưa được cấp số, chưa thể trả kết quả. Đề nghị văn thư cấp số trước.',
      { action },
    );
  }
  if (action === 'apologise') {
    // NĐ 61/2018 Điều 18 (domain.md §2.3): the new date may be set only once.
    if (state.apologies >= 1) {
      return new WorkflowError(
        'APOLOGY_ALREADY_GIVEN',
        'An apology with a new appointment was already sent; the appointment may be moved only once.',
        'Hồ sơ đã có Phiếu xin lỗi và hẹn lại ngày trả kết quả; chỉ được hẹn lại một lần.',
        { action },
      );
    }
    if (!state.isOverdue) {
      return new WorkflowError(
        'NOT_OVERDUE',
        'The dossier is not overdue; no apology is due.',
        'Hồ sơ chưa quá hạn, chưa cần xin lỗi và hẹn lại ngày trả kết quả.',
        { action },
      );
    }
  }
  return null;
}

/** Warnings the user must confirm before the transition goes ahead, from the dossier alone. */
function pendingAcknowledgements(
  definition: ActionDefinition,
  state: WorkflowState,
  settings: WorkflowSettings,
): AcknowledgeableWarning[] {
  // A second supplement request is allowed only where sector law allows it; otherwise the 766 spec counts
  // the dossier as overdue (domain.md §2.3), so the user has to say so knowingly.
  if (
    definition.action === 'requestSupplement' &&
    state.supplementRequests >= settings.maxSupplementRequests
  ) {
    return ['SUPPLEMENT_LIMIT'];
  }
  return [];
}

function supplementLimitText(state: WorkflowState, settings: WorkflowSettings): { en: string; vi: string } {
  const count = state.supplementRequests + 1;
  return {
    en:
      `This would be supplement request no. ${count}; the procedure allows ${settings.maxSupplementRequests}. ` +
      'The 766 spec counts such a dossier as overdue.',
    vi:
      `Đây là lần yêu cầu bổ sung thứ ${count} (quy trình cho phép ${settings.maxSupplementRequests} lần). ` +
      'Theo Bộ chỉ số QĐ 766/QĐ-TTg, hồ sơ sẽ bị tính là quá hạn.',
  };
}

function checkFields(
  definition: ActionDefinition,
  state: WorkflowState,
  input: TransitionInput,
): TransitionData | WorkflowError {
  const data: TransitionData = {};
  const raw = (input ?? {}) as Readonly<Record<string, unknown>>;
  const read = (field: ActionField, required: boolean): WorkflowError | null => {
    const checked = checkField(definition, field, raw[field]);
    if (checked instanceof WorkflowError) return checked;
    if ('missing' in checked) return required ? missingField(definition, field) : null;
    (data as Record<ActionField, unknown>)[field] = checked.value;
    return null;
  };
  for (const field of definition.requiredFields) {
    const error = read(field, true);
    if (error) return error;
  }
  for (const field of definition.optionalFields) {
    const error = read(field, false);
    if (error) return error;
  }
  if (definition.action === 'propose') {
    // A refusal must state its reasons (domain.md §1.4); an approval carries none.
    if (data.proposal === 'refuse' && data.reasons === undefined) {
      return new WorkflowError(
        'MISSING_FIELD',
        'propose: a refusal proposal needs its reasons',
        'Đề xuất từ chối phải nêu rõ lý do từ chối.',
        { action: 'propose', field: 'reasons' },
      );
    }
    if (data.proposal === 'approve') delete data.reasons;
  }
  if (definition.action === 'reassign' && data.assigneeId === state.assigneeId) {
    return new WorkflowError(
      'SAME_ASSIGNEE',
      'reassign: the dossier is already assigned to this appraiser',
      'Hồ sơ đang được phân công cho chính chuyên viên này; hãy chọn chuyên viên khác.',
      { action: 'reassign', field: 'assigneeId' },
    );
  }
  return data;
}

function informationalWarnings(
  definition: ActionDefinition,
  state: WorkflowState,
  settings: WorkflowSettings,
  acknowledged: readonly AcknowledgeableWarning[],
): WorkflowWarning[] {
  const warnings: WorkflowWarning[] = [];
  if (acknowledged.includes('SUPPLEMENT_LIMIT')) {
    const text = supplementLimitText(state, settings);
    warnings.push({ code: 'SUPPLEMENT_LIMIT', messageEn: text.en, messageVi: text.vi });
  }
  if (definition.action === 'requestSupplement' && state.isOverdue) {
    warnings.push({
      code: 'SUPPLEMENT_WHILE_OVERDUE',
      messageEn: 'The dossier is already overdue: the request is recorded but stops no clock.',
      messageVi: 'Hồ sơ đã quá hạn: yêu cầu bổ sung được ghi nhận nhưng không làm dừng thời hạn giải quyết.',
    });
  }
  const decided =
    definition.action === 'approve' ? 'approve' : definition.action === 'refuse' ? 'refuse' : null;
  if (decided !== null && state.proposal != null && state.proposal !== decided) {
    warnings.push({
      code: 'DECISION_AGAINST_PROPOSAL',
      messageEn: `The decision (${decided}) differs from the appraiser's proposal (${state.proposal}).`,
      messageVi:
        decided === 'approve'
          ? 'Lãnh đạo phê duyệt khác với đề xuất từ chối của chuyên viên thẩm định.'
          : 'Lãnh đạo từ chối khác với đề xuất phê duyệt của chuyên viên thẩm định.',
    });
  }
  if (definition.action === 'apologise') {
    warnings.push({
      code: 'STILL_OVERDUE',
      messageEn: 'The new appointment is for the applicant only: the dossier still counts as overdue.',
      messageVi: 'Ngày hẹn mới chỉ để báo người nộp; hồ sơ vẫn được tính là quá hạn.',
    });
  }
  return warnings;
}

function nextState(
  definition: ActionDefinition,
  state: WorkflowState,
  actor: Actor,
  data: TransitionData,
): WorkflowState {
  const base = { ...state, status: statusAfter(definition.action, state.status) };
  switch (definition.action) {
    case 'assign':
    case 'reassign':
      return { ...base, assigneeId: data.assigneeId ?? state.assigneeId };
    case 'requestSupplement':
      return { ...base, supplementRequests: state.supplementRequests + 1 };
    case 'propose':
      return { ...base, proposerId: actor.id, proposal: data.proposal ?? null };
    case 'returnToAppraiser':
      return { ...base, proposerId: null, proposal: null };
    case 'issue':
      return { ...base, isIssued: true };
    case 'apologise':
      return { ...base, apologies: state.apologies + 1 };
    default:
      return base;
  }
}

/**
 * Plans `action` on a dossier for `actor`. Never throws: every refusal is a `WorkflowError` in the result,
 * and a refusal means nothing may be written.
 */
export function planTransition(
  state: WorkflowState,
  action: WorkflowAction,
  actor: Actor,
  input: TransitionInput,
  settings: WorkflowSettings,
): TransitionResult {
  if (!isWorkflowAction(action)) {
    return refuse(
      new WorkflowError(
        'UNKNOWN_ACTION',
        `Unknown workflow action: ${JSON.stringify(action)}`,
        `Thao tác không hợp lệ: ${JSON.stringify(action)}.`,
      ),
    );
  }
  const contextError = checkContext(state, actor, settings);
  if (contextError) return refuse(contextError);
  const definition = WORKFLOW_ACTIONS[action];
  const guardError = checkGuards(definition, state, actor, settings);
  if (guardError) return refuse(guardError);
  const data = checkFields(definition, state, input);
  if (data instanceof WorkflowError) return refuse(data);

  const given = Array.isArray(input?.acknowledgedWarnings) ? input.acknowledgedWarnings : [];
  const pending = pendingAcknowledgements(definition, state, settings);
  const unconfirmed = pending.find((w) => !given.includes(w));
  if (unconfirmed !== undefined) {
    const text = supplementLimitText(state, settings);
    return refuse(
      new WorkflowError('SUPPLEMENT_LIMIT', text.en, `${text.vi} Xác nhận nếu vẫn muốn yêu cầu bổ sung.`, {
        action,
        acknowledgeable: unconfirmed,
      }),
    );
  }

  const next = nextState(definition, state, actor, data);
  return {
    ok: true,
    action,
    from: state.status,
    to: next.status,
    clockEffect: definition.clockEffect,
    prints: definition.prints,
    warnings: informationalWarnings(definition, state, settings, pending),
    requiresRegisterEntry: definition.requiresRegisterEntry,
    handOver: definition.handOver,
    data,
    next,
  };
}

/**
 * The actions to offer `actor` on this dossier: status, role, assignee, two-person and history rules are
 * applied; only the fields still to be entered and warnings still to be confirmed are left to the form.
 */
export function availableActions(
  state: WorkflowState,
  actor: Actor,
  settings: WorkflowSettings,
): readonly AvailableAction[] {
  if (checkContext(state, actor, settings)) return [];
  const result: AvailableAction[] = [];
  for (const action of workflowActions) {
    const definition = WORKFLOW_ACTIONS[action];
    if (checkGuards(definition, state, actor, settings)) continue;
    result.push({
      action,
      definition,
      needsAcknowledgement: pendingAcknowledgements(definition, state, settings),
    });
  }
  return result;
}
