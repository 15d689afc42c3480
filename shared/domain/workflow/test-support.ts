// Fixtures shared by the workflow tests (not used by the app).

import type { DossierStatus } from '../dossier-status';
import type { TransitionInput } from './field-rules';
import type { WorkflowState } from './plan-transition';
import type { WorkflowAction } from './workflow-actions';

/** A complete, valid input for each action. */
export const COMPLETE_INPUT: Record<WorkflowAction, TransitionInput> = {
  assign: { assigneeId: 'u-appraiser-2' },
  reassign: { assigneeId: 'u-appraiser-2', reason: 'Chuyên viên nghỉ phép' },
  requestSupplement: { reason: 'Thiếu giấy tờ', missingComponents: ['Bản sao quyết định thành lập'] },
  receiveSupplement: {},
  propose: { proposal: 'approve', opinion: 'Hồ sơ đầy đủ, đủ điều kiện cấp phép.' },
  approve: {},
  refuse: { reasons: ['Không đủ điều kiện theo Điều 32 Luật Xuất bản'] },
  returnToAppraiser: { note: 'Làm rõ địa chỉ cơ sở in' },
  issue: {},
  returnResult: { collectedBy: 'Nguyễn Văn A', collectedAt: '2026-03-10T09:00:00+07:00', method: 'desk' },
  withdraw: { applicantRequest: 'Đơn đề nghị rút hồ sơ ngày 05/3/2026' },
  stop: { reason: 'Cơ sở đã giải thể', legalGround: 'Điều 18 NĐ 61/2018/NĐ-CP' },
  apologise: { reason: 'Chờ ý kiến cơ quan phối hợp', newAppointment: '2026-03-20T17:00:00+07:00' },
};

export const ACTOR_ID = 'u-actor';

/** A dossier on which only status and role can stand in the way. */
export function permissiveState(status: DossierStatus, action: WorkflowAction): WorkflowState {
  return {
    status,
    assigneeId: ACTOR_ID,
    proposerId: 'u-proposer',
    proposal: null,
    supplementRequests: 0,
    apologies: 0,
    isOverdue: true,
    isIssued: action === 'returnResult',
  };
}
