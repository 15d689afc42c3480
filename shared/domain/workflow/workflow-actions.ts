// The one-stop workflow as data (issue 4 §1; domain.md §2.2–2.4). Every transition is one row of
// WORKFLOW_ACTIONS so that tests, the UI and the backend read the same table: who may act, from which
// status, what must be entered, what happens to the legal clock and which form is printed.

import type { DossierStatus } from '../dossier-status';
import { openStatuses } from '../dossier-status';
import type { Role } from './roles';

export const workflowActions = [
  'assign',
  'reassign',
  'requestSupplement',
  'receiveSupplement',
  'propose',
  'approve',
  'refuse',
  'returnToAppraiser',
  'issue',
  'returnResult',
  'withdraw',
  'stop',
  'apologise',
] as const;
export type WorkflowAction = (typeof workflowActions)[number];

/**
 * What a transition does to the processing clock (the deadline engine in `../deadline`).
 * - `pause`: a supplement request opens a pause (domain.md §2.3: time already spent counts; the clock stands
 *   while the office waits). Whether the rest continues or restarts is the procedure's `PauseMode`.
 * - `resume`: the supplement was received; the open pause closes.
 * - `stop`: processing is finished ("Đã xử lý xong", the preferred end of processing in the 766 spec,
 *   domain.md §2.4); the on-time class is computed from this moment but not yet final.
 * - `final`: the dossier leaves the office (result returned, withdrawn, stopped); the on-time class is final.
 */
export const clockEffects = ['none', 'pause', 'resume', 'stop', 'final'] as const;
export type ClockEffect = (typeof clockEffects)[number];

export const CLOCK_EFFECT_LABELS: Readonly<Record<ClockEffect, string>> = {
  none: 'Không ảnh hưởng thời hạn',
  pause: 'Tạm dừng tính thời hạn',
  resume: 'Tiếp tục tính thời hạn',
  stop: 'Kết thúc xử lý (tính kết quả đúng hạn)',
  final: 'Chốt kết quả đúng hạn/quá hạn',
};

/** Documents a transition produces. Form numbers per TT 01/2018/TT-VPCP (domain.md §2.2). */
export const printedDocuments = [
  'supplement_request',
  'refusal_notice',
  'licence',
  'apology_letter',
  'stop_notice',
] as const;
export type PrintedDocument = (typeof printedDocuments)[number];

export const PRINTED_DOCUMENT_LABELS: Readonly<Record<PrintedDocument, string>> = {
  supplement_request: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
  refusal_notice: 'Phiếu từ chối giải quyết hồ sơ (văn bản từ chối nêu rõ lý do)',
  licence: 'Giấy phép',
  apology_letter: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả',
  // Mẫu 05 "Thông báo dừng giải quyết hồ sơ" is reported for TT 03/2025/TT-VPCP but unverified (domain.md §2.1):
  // the label names the content, not a form number.
  stop_notice: 'Thông báo dừng xử lý hồ sơ',
};

/** Every input field any action may require; what each holds is in `FIELD_LABELS` (field-rules.ts). */
export const actionFields = [
  'assigneeId',
  'reason',
  'missingComponents',
  'proposal',
  'opinion',
  'reasons',
  'note',
  'collectedBy',
  'collectedAt',
  'method',
  'applicantRequest',
  'legalGround',
  'newAppointment',
  'signer',
] as const;
export type ActionField = (typeof actionFields)[number];

export interface ActionDefinition {
  readonly action: WorkflowAction;
  /** Statuses the action may start from. */
  readonly from: readonly DossierStatus[];
  /** `same`: the status does not change (reassign, issue, apologise). */
  readonly to: DossierStatus | 'same';
  /** Roles that may act. For a `signing` action, further narrowed by `WorkflowSettings.signerRoles`. */
  readonly roles: readonly Role[];
  readonly signing: boolean;
  /**
   * An actor who qualifies only as `appraiser` must be the dossier's assignee: appraisal is personal work
   * (the Phiếu kiểm soát names who held the dossier, domain.md §2.2 Mẫu 05). Leaders act on any dossier.
   */
  readonly assigneeOnly: boolean;
  readonly requiredFields: readonly ActionField[];
  /** Accepted and kept when given; anything else in the input is dropped. */
  readonly optionalFields: readonly ActionField[];
  readonly clockEffect: ClockEffect;
  readonly prints: readonly PrintedDocument[];
  /** The backend must take a licence number in the same transaction (reliability.md §3.4). */
  readonly requiresRegisterEntry: boolean;
  /** The dossier changes hands: one row on the Phiếu kiểm soát (Mẫu 05, domain.md §2.2). */
  readonly handOver: boolean;
  /** Vietnamese name of the action (timeline, audit). */
  readonly label: string;
  readonly buttonText: string;
  /** Lower-case verb phrase for messages: "không thể {verb}". */
  readonly verbVi: string;
  /** Per-action wording of a field in messages and forms, when the generic label is too vague. */
  readonly fieldLabels: Partial<Readonly<Record<ActionField, string>>>;
  /** Where the rule comes from. */
  readonly rule: string;
}

const OPEN: readonly DossierStatus[] = openStatuses;

export const WORKFLOW_ACTIONS: Readonly<Record<WorkflowAction, ActionDefinition>> = {
  assign: {
    action: 'assign',
    from: ['received'],
    to: 'appraising',
    // Not the clerk: the desk forwards the dossier to the competent unit (NĐ 61/2018 Điều 17), whose head
    // decides who appraises it. `admin` may assign to repair staffing (an appraiser leaves); it is audited.
    roles: ['unit_leader', 'director', 'admin'],
    signing: false,
    assigneeOnly: false,
    requiredFields: ['assigneeId'],
    optionalFields: ['note'],
    clockEffect: 'none',
    prints: [],
    requiresRegisterEntry: false,
    handOver: true,
    label: 'Phân công thẩm định',
    buttonText: 'Phân công',
    verbVi: 'phân công thẩm định',
    fieldLabels: {},
    rule: 'NĐ 61/2018 Điều 17 (chuyển hồ sơ đến cơ quan, đơn vị giải quyết)',
  },
  reassign: {
    action: 'reassign',
    from: ['appraising'],
    to: 'same',
    roles: ['unit_leader', 'director', 'admin'],
    signing: false,
    assigneeOnly: false,
    // A change of hands mid-appraisal is an exception: the audit trail must say why.
    requiredFields: ['assigneeId', 'reason'],
    optionalFields: [],
    clockEffect: 'none',
    prints: [],
    requiresRegisterEntry: false,
    handOver: true,
    label: 'Phân công lại',
    buttonText: 'Phân công lại',
    verbVi: 'phân công lại',
    fieldLabels: { assigneeId: 'chuyên viên được phân công lại', reason: 'lý do phân công lại' },
    rule: 'Phiếu kiểm soát quá trình giải quyết hồ sơ (Mẫu 05, TT 01/2018/TT-VPCP)',
  },
  requestSupplement: {
    action: 'requestSupplement',
    from: ['appraising'],
    to: 'awaiting_supplement',
    roles: ['appraiser', 'unit_leader'],
    signing: false,
    assigneeOnly: true,
    requiredFields: ['reason', 'missingComponents'],
    optionalFields: [],
    clockEffect: 'pause',
    prints: ['supplement_request'],
    requiresRegisterEntry: false,
    handOver: true,
    label: 'Yêu cầu bổ sung, hoàn thiện hồ sơ',
    buttonText: 'Yêu cầu bổ sung',
    verbVi: 'yêu cầu bổ sung hồ sơ',
    fieldLabels: { reason: 'lý do yêu cầu bổ sung' },
    rule: 'NĐ 61/2018 Điều 18 (yêu cầu bổ sung một lần, nêu rõ lý do); Mẫu 02 TT 01/2018/TT-VPCP',
  },
  receiveSupplement: {
    action: 'receiveSupplement',
    from: ['awaiting_supplement'],
    to: 'appraising',
    // The applicant brings the supplement to the desk or sends it online; either side may record it.
    roles: ['clerk', 'appraiser'],
    signing: false,
    assigneeOnly: false,
    requiredFields: [],
    optionalFields: ['note'],
    clockEffect: 'resume',
    prints: [],
    requiresRegisterEntry: false,
    handOver: true,
    label: 'Tiếp nhận hồ sơ bổ sung',
    buttonText: 'Nhận bổ sung',
    verbVi: 'tiếp nhận hồ sơ bổ sung',
    fieldLabels: {},
    rule: 'domain.md §2.3 (thời gian chờ bổ sung không tính vào thời hạn giải quyết)',
  },
  propose: {
    action: 'propose',
    from: ['appraising'],
    to: 'pending_signature',
    // A unit head may submit the proposal himself ("Theo đề nghị của Trưởng phòng …", domain.md §5.3).
    roles: ['appraiser', 'unit_leader'],
    signing: false,
    assigneeOnly: true,
    // `reasons` is required as well when the proposal is a refusal (checked in plan-transition.ts).
    requiredFields: ['proposal', 'opinion'],
    optionalFields: ['reasons'],
    clockEffect: 'none',
    prints: [],
    requiresRegisterEntry: false,
    handOver: true,
    label: 'Trình ký (đề xuất kết quả giải quyết)',
    buttonText: 'Trình ký',
    verbVi: 'trình ký',
    fieldLabels: { opinion: 'ý kiến thẩm định' },
    rule: 'domain.md §1.4 (văn bản từ chối phải nêu rõ lý do)',
  },
  approve: {
    action: 'approve',
    from: ['pending_signature'],
    to: 'approved',
    roles: ['director', 'unit_leader'],
    signing: true,
    assigneeOnly: false,
    requiredFields: [],
    optionalFields: ['opinion'],
    clockEffect: 'stop',
    prints: [],
    requiresRegisterEntry: false,
    handOver: true,
    label: 'Phê duyệt',
    buttonText: 'Phê duyệt',
    verbVi: 'phê duyệt',
    fieldLabels: { opinion: 'ý kiến của lãnh đạo' },
    rule: 'NĐ 30/2020 Điều 13 (thẩm quyền ký ban hành văn bản)',
  },
  refuse: {
    action: 'refuse',
    from: ['pending_signature'],
    to: 'refused',
    roles: ['director', 'unit_leader'],
    signing: true,
    assigneeOnly: false,
    requiredFields: ['reasons'],
    optionalFields: ['opinion'],
    clockEffect: 'stop',
    prints: ['refusal_notice'],
    requiresRegisterEntry: false,
    handOver: true,
    label: 'Từ chối giải quyết',
    buttonText: 'Từ chối',
    verbVi: 'từ chối giải quyết hồ sơ',
    fieldLabels: { opinion: 'ý kiến của lãnh đạo' },
    rule: 'domain.md §1.4 (văn bản trả lời/từ chối phải nêu rõ lý do); NĐ 30/2020 Điều 13',
  },
  returnToAppraiser: {
    action: 'returnToAppraiser',
    from: ['pending_signature'],
    to: 'appraising',
    // A unit head may pull back a proposal even where only the director signs: he reviews before the director.
    roles: ['director', 'unit_leader'],
    signing: false,
    assigneeOnly: false,
    requiredFields: ['note'],
    optionalFields: [],
    clockEffect: 'none',
    prints: [],
    requiresRegisterEntry: false,
    handOver: true,
    label: 'Trả lại chuyên viên thẩm định',
    buttonText: 'Trả lại',
    verbVi: 'trả lại chuyên viên thẩm định',
    fieldLabels: { note: 'lý do trả lại' },
    rule: 'Phiếu kiểm soát quá trình giải quyết hồ sơ (Mẫu 05, TT 01/2018/TT-VPCP)',
  },
  issue: {
    action: 'issue',
    from: ['approved'],
    to: 'same',
    // Numbering is the văn thư's job, after signature (NĐ 30/2020 Điều 15 k3, Điều 16). The văn thư records
    // who signed, among the signers of the licence's issuing authority (issue 12 §3).
    roles: ['clerk'],
    signing: false,
    assigneeOnly: false,
    requiredFields: [],
    optionalFields: ['signer', 'note'],
    clockEffect: 'none',
    prints: ['licence'],
    requiresRegisterEntry: true,
    handOver: false,
    label: 'Cấp số giấy phép',
    buttonText: 'Cấp số',
    verbVi: 'cấp số giấy phép',
    fieldLabels: {},
    rule: 'NĐ 30/2020 Điều 15 (số văn bản theo năm, cấp sau khi ký); reliability.md §3.4',
  },
  returnResult: {
    action: 'returnResult',
    from: ['approved', 'refused'],
    to: 'returned',
    roles: ['clerk'],
    signing: false,
    assigneeOnly: false,
    requiredFields: ['collectedBy', 'collectedAt', 'method'],
    optionalFields: ['note'],
    clockEffect: 'final',
    prints: [],
    requiresRegisterEntry: false,
    handOver: true,
    label: 'Trả kết quả',
    buttonText: 'Trả kết quả',
    verbVi: 'trả kết quả',
    fieldLabels: {},
    rule: 'NĐ 61/2018 Điều 19 (trả kết quả tại Bộ phận một cửa hoặc qua bưu chính)',
  },
  withdraw: {
    action: 'withdraw',
    from: OPEN,
    to: 'withdrawn',
    // The applicant files the written request at the desk (or by post to the văn thư).
    roles: ['clerk'],
    signing: false,
    assigneeOnly: false,
    requiredFields: ['applicantRequest'],
    optionalFields: ['note'],
    clockEffect: 'final',
    prints: [],
    requiresRegisterEntry: false,
    handOver: true,
    label: 'Rút hồ sơ (theo đề nghị của người nộp)',
    buttonText: 'Rút hồ sơ',
    verbVi: 'rút hồ sơ',
    fieldLabels: {},
    rule: 'domain.md §2.4 ("Công dân rút" kết thúc xử lý theo đặc tả QĐ 766)',
  },
  stop: {
    action: 'stop',
    from: OPEN,
    to: 'stopped',
    roles: ['unit_leader', 'director'],
    signing: false,
    assigneeOnly: false,
    requiredFields: ['reason', 'legalGround'],
    optionalFields: [],
    clockEffect: 'final',
    prints: ['stop_notice'],
    requiresRegisterEntry: false,
    handOver: true,
    label: 'Dừng xử lý hồ sơ',
    buttonText: 'Dừng xử lý',
    verbVi: 'dừng xử lý hồ sơ',
    fieldLabels: { reason: 'lý do dừng xử lý' },
    rule: 'domain.md §2.4 ("Dừng xử lý" kết thúc xử lý theo đặc tả QĐ 766)',
  },
  apologise: {
    action: 'apologise',
    from: OPEN,
    to: 'same',
    // The processing body apologises (signed by its head); the assigned appraiser drafts it.
    roles: ['appraiser', 'unit_leader', 'director'],
    signing: false,
    assigneeOnly: true,
    requiredFields: ['reason', 'newAppointment'],
    optionalFields: [],
    // The appointment moves for the applicant only: the dossier stays "quá hạn" (domain.md §2.4).
    clockEffect: 'none',
    prints: ['apology_letter'],
    requiresRegisterEntry: false,
    handOver: false,
    label: 'Xin lỗi và hẹn lại ngày trả kết quả',
    buttonText: 'Xin lỗi, hẹn lại',
    verbVi: 'xin lỗi và hẹn lại ngày trả kết quả',
    fieldLabels: { reason: 'lý do chậm trả kết quả' },
    rule: 'NĐ 61/2018 Điều 18 (xin lỗi, hẹn lại một lần); Mẫu 04 TT 01/2018/TT-VPCP',
  },
};

export function isWorkflowAction(value: unknown): value is WorkflowAction {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(WORKFLOW_ACTIONS, value);
}
