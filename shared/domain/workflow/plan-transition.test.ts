import { describe, expect, it } from 'vitest';
import type { DossierStatus } from '../dossier-status';
import type { TransitionInput } from './field-rules';
import type { Actor, TransitionResult, WorkflowSettings, WorkflowState } from './plan-transition';
import { DEFAULT_WORKFLOW_SETTINGS, availableActions, planTransition } from './plan-transition';
import { COMPLETE_INPUT } from './test-support';
import type { WorkflowAction } from './workflow-actions';
import type { WorkflowErrorCode } from './workflow-errors';
import { WorkflowError } from './workflow-errors';

const clerk: Actor = { id: 'u-clerk', roles: ['clerk'] };
const appraiser: Actor = { id: 'u-appraiser', roles: ['appraiser'] };
const otherAppraiser: Actor = { id: 'u-appraiser-2', roles: ['appraiser'] };
const unitLeader: Actor = { id: 'u-unit', roles: ['unit_leader'] };
const director: Actor = { id: 'u-director', roles: ['director'] };
const deputy: Actor = { id: 'u-deputy', roles: ['director'] };
const admin: Actor = { id: 'u-admin', roles: ['admin'] };

const settings: WorkflowSettings = DEFAULT_WORKFLOW_SETTINGS;

function state(status: DossierStatus, patch: Partial<WorkflowState> = {}): WorkflowState {
  return {
    status,
    assigneeId: status === 'received' ? null : appraiser.id,
    proposerId: status === 'pending_signature' ? appraiser.id : null,
    proposal: status === 'pending_signature' ? 'approve' : null,
    supplementRequests: 0,
    apologies: 0,
    isOverdue: false,
    isIssued: false,
    ...patch,
  };
}

function plan(
  s: WorkflowState,
  action: WorkflowAction,
  actor: Actor,
  input: TransitionInput = COMPLETE_INPUT[action],
  with_: WorkflowSettings = settings,
): TransitionResult {
  return planTransition(s, action, actor, input, with_);
}

function refusal(result: TransitionResult): WorkflowError {
  if (result.ok) throw new Error(`expected a refusal, got a plan to ${result.to}`);
  return result.error;
}

function expectCode(result: TransitionResult, code: WorkflowErrorCode, field?: string): WorkflowError {
  const error = refusal(result);
  expect(error).toBeInstanceOf(WorkflowError);
  expect(error.code).toBe(code);
  if (field !== undefined) expect(error.field).toBe(field);
  expect(error.messageVi.length).toBeGreaterThan(10);
  expect(error.messageEn.length).toBeGreaterThan(10);
  return error;
}

describe('messages a clerk understands', () => {
  it('names the status and the action that cannot be done', () => {
    const error = expectCode(plan(state('awaiting_supplement'), 'propose', appraiser), 'INVALID_TRANSITION');
    expect(error.messageVi).toBe("Hồ sơ đang ở trạng thái 'Chờ bổ sung', không thể trình ký.");
    expect(error.action).toBe('propose');
  });

  it('says which roles may act when the role is wrong', () => {
    const error = expectCode(plan(state('pending_signature'), 'approve', clerk), 'FORBIDDEN');
    expect(error.messageVi).toContain('Tiếp nhận, văn thư');
    expect(error.messageVi).toContain('Lãnh đạo Sở');
  });

  it('refuses an actor without roles, and an unknown action', () => {
    expectCode(plan(state('received'), 'assign', { id: 'u-x', roles: [] }), 'FORBIDDEN');
    expectCode(plan(state('received'), 'launch' as WorkflowAction, director), 'UNKNOWN_ACTION');
  });
});

describe('assign and reassign', () => {
  it('a leader or admin assigns; the clerk forwards but does not choose the appraiser', () => {
    for (const actor of [unitLeader, director, admin]) {
      const result = plan(state('received'), 'assign', actor, { assigneeId: ' u-appraiser ' });
      expect(result.ok && result.next).toMatchObject({ status: 'appraising', assigneeId: 'u-appraiser' });
    }
    expectCode(plan(state('received'), 'assign', clerk), 'FORBIDDEN');
    expectCode(plan(state('received'), 'assign', unitLeader, {}), 'MISSING_FIELD', 'assigneeId');
    expectCode(
      plan(state('received'), 'assign', unitLeader, { assigneeId: '   ' }),
      'MISSING_FIELD',
      'assigneeId',
    );
  });

  it('reassigning needs another appraiser and a reason', () => {
    const s = state('appraising');
    expectCode(plan(s, 'reassign', unitLeader, { assigneeId: 'u-appraiser', reason: 'x' }), 'SAME_ASSIGNEE');
    expectCode(plan(s, 'reassign', unitLeader, { assigneeId: 'u-appraiser-2' }), 'MISSING_FIELD', 'reason');
    const result = plan(s, 'reassign', unitLeader, { assigneeId: 'u-appraiser-2', reason: 'Nghỉ phép' });
    expect(result.ok && result.next).toMatchObject({ status: 'appraising', assigneeId: 'u-appraiser-2' });
  });
});

describe('supplement requests', () => {
  const input = { reason: 'Thiếu bản sao', missingComponents: ['Bản sao giấy phép kinh doanh'] };

  it('pauses the clock and prints the Phiếu yêu cầu bổ sung', () => {
    const result = plan(state('appraising'), 'requestSupplement', appraiser, input);
    if (!result.ok) throw result.error;
    expect(result.to).toBe('awaiting_supplement');
    expect(result.clockEffect).toBe('pause');
    expect(result.prints).toEqual(['supplement_request']);
    expect(result.warnings).toEqual([]);
    expect(result.next.supplementRequests).toBe(1);
    expect(result.data).toEqual(input);
  });

  it('needs a reason and at least one missing component', () => {
    const s = state('appraising');
    const { reason: _r, ...noReason } = input;
    expectCode(plan(s, 'requestSupplement', appraiser, noReason), 'MISSING_FIELD', 'reason');
    expectCode(
      plan(s, 'requestSupplement', appraiser, { ...input, reason: ' \n ' }),
      'MISSING_FIELD',
      'reason',
    );
    const noList = { ...input, missingComponents: [] };
    expectCode(plan(s, 'requestSupplement', appraiser, noList), 'MISSING_FIELD', 'missingComponents');
    const blankList = { ...input, missingComponents: ['', '  '] };
    expectCode(plan(s, 'requestSupplement', appraiser, blankList), 'MISSING_FIELD', 'missingComponents');
    const notAList = { ...input, missingComponents: 'Bản sao' as unknown as string[] };
    expectCode(plan(s, 'requestSupplement', appraiser, notAList), 'INVALID_FIELD', 'missingComponents');
  });

  it('only the assigned appraiser (or a leader) may request it', () => {
    expectCode(plan(state('appraising'), 'requestSupplement', otherAppraiser, input), 'NOT_ASSIGNEE');
    expect(plan(state('appraising'), 'requestSupplement', unitLeader, input).ok).toBe(true);
  });

  it('a request beyond the procedure limit must be acknowledged (domain.md §2.3: counted overdue)', () => {
    const s = state('appraising', { supplementRequests: 1 });
    const error = expectCode(plan(s, 'requestSupplement', appraiser, input), 'SUPPLEMENT_LIMIT');
    expect(error.acknowledgeable).toBe('SUPPLEMENT_LIMIT');
    expect(error.messageVi).toContain('lần yêu cầu bổ sung thứ 2');
    expect(error.messageVi).toContain('quá hạn');
    const offered = availableActions(s, appraiser, settings).find((a) => a.action === 'requestSupplement');
    expect(offered?.needsAcknowledgement).toEqual(['SUPPLEMENT_LIMIT']);

    const confirmed = plan(s, 'requestSupplement', appraiser, {
      ...input,
      acknowledgedWarnings: ['SUPPLEMENT_LIMIT'],
    });
    if (!confirmed.ok) throw confirmed.error;
    expect(confirmed.warnings.map((w) => w.code)).toEqual(['SUPPLEMENT_LIMIT']);
    expect(confirmed.next.supplementRequests).toBe(2);
  });

  it('a procedure that allows two requests needs no acknowledgement for the second', () => {
    const s = state('appraising', { supplementRequests: 1 });
    const result = plan(s, 'requestSupplement', appraiser, input, { ...settings, maxSupplementRequests: 2 });
    expect(result.ok && result.warnings).toEqual([]);
    const third = plan(
      state('appraising', { supplementRequests: 2 }),
      'requestSupplement',
      appraiser,
      input,
      { ...settings, maxSupplementRequests: 2 },
    );
    expectCode(third, 'SUPPLEMENT_LIMIT');
  });

  it('warns that a request on an overdue dossier stops no clock', () => {
    const result = plan(state('appraising', { isOverdue: true }), 'requestSupplement', appraiser, input);
    expect(result.ok && result.warnings.map((w) => w.code)).toEqual(['SUPPLEMENT_WHILE_OVERDUE']);
  });

  it('receiving the supplement resumes the clock; clerk or appraiser', () => {
    for (const actor of [clerk, appraiser, otherAppraiser]) {
      const result = plan(state('awaiting_supplement'), 'receiveSupplement', actor, {});
      expect(result.ok && [result.to, result.clockEffect]).toEqual(['appraising', 'resume']);
    }
    expectCode(plan(state('awaiting_supplement'), 'receiveSupplement', director, {}), 'FORBIDDEN');
  });
});

describe('proposal and decision', () => {
  it('a proposal needs the kind and the opinion; a refusal proposal needs reasons', () => {
    const s = state('appraising');
    expectCode(plan(s, 'propose', appraiser, { opinion: 'Đủ điều kiện' }), 'MISSING_FIELD', 'proposal');
    expectCode(plan(s, 'propose', appraiser, { proposal: 'approve' }), 'MISSING_FIELD', 'opinion');
    const noReasons = expectCode(
      plan(s, 'propose', appraiser, { proposal: 'refuse', opinion: 'Không đủ điều kiện' }),
      'MISSING_FIELD',
      'reasons',
    );
    expect(noReasons.messageVi).toBe('Đề xuất từ chối phải nêu rõ lý do từ chối.');
    expectCode(
      plan(s, 'propose', appraiser, { proposal: 'maybe' as 'approve', opinion: 'x' }),
      'INVALID_FIELD',
      'proposal',
    );
    const refusal = plan(s, 'propose', appraiser, {
      proposal: 'refuse',
      opinion: 'Không đủ điều kiện',
      reasons: ['Thiếu người đứng đầu có trình độ theo quy định'],
    });
    expect(refusal.ok && refusal.next).toMatchObject({
      status: 'pending_signature',
      proposerId: appraiser.id,
      proposal: 'refuse',
    });
  });

  it('an approval proposal keeps no stray reasons', () => {
    const result = plan(state('appraising'), 'propose', appraiser, {
      proposal: 'approve',
      opinion: 'Đủ điều kiện',
      reasons: ['left over from a draft'],
    });
    expect(result.ok && result.data).toEqual({ proposal: 'approve', opinion: 'Đủ điều kiện' });
  });

  it('a refusal decision needs reasons and prints the refusal notice', () => {
    const s = state('pending_signature');
    expectCode(plan(s, 'refuse', director, {}), 'MISSING_FIELD', 'reasons');
    expectCode(plan(s, 'refuse', director, { reasons: ['  '] }), 'MISSING_FIELD', 'reasons');
    const result = plan(s, 'refuse', director, { reasons: ['Không đủ điều kiện'] });
    expect(result.ok && [result.to, result.clockEffect, result.prints]).toEqual([
      'refused',
      'stop',
      ['refusal_notice'],
    ]);
    expect(result.ok && result.warnings.map((w) => w.code)).toEqual(['DECISION_AGAINST_PROPOSAL']);
  });

  it('two-person rule: the proposer may not decide on his own proposal', () => {
    const twoPeople = { ...settings, signerRoles: ['director', 'unit_leader'] as const };
    const s = state('pending_signature', { proposerId: unitLeader.id });
    expectCode(plan(s, 'approve', unitLeader, {}, twoPeople), 'SAME_PERSON');
    expectCode(plan(s, 'refuse', unitLeader, { reasons: ['x'] }, twoPeople), 'SAME_PERSON');
    expect(availableActions(s, unitLeader, twoPeople).map((a) => a.action)).not.toContain('approve');
    expect(plan(s, 'approve', director, {}, twoPeople).ok).toBe(true);
    // Without the setting, one person may do both.
    expect(plan(s, 'approve', unitLeader, {}, { ...twoPeople, requireTwoPeople: false }).ok).toBe(true);
    // Returning the proposal is not a decision: allowed to the proposer.
    expect(plan(s, 'returnToAppraiser', unitLeader, { note: 'Sửa lại' }, twoPeople).ok).toBe(true);
  });

  it('a director who proposed (holding both roles) is caught too', () => {
    const both: Actor = { id: 'u-both', roles: ['unit_leader', 'director'] };
    const proposed = plan(
      state('appraising', { assigneeId: 'u-someone' }),
      'propose',
      both,
      COMPLETE_INPUT.propose,
    );
    if (!proposed.ok) throw proposed.error;
    expectCode(plan(proposed.next, 'approve', both, {}), 'SAME_PERSON');
    expect(plan(proposed.next, 'approve', deputy, {}).ok).toBe(true);
  });

  it('unit leaders sign only when the office says so (NĐ 30/2020 Điều 13)', () => {
    const s = state('pending_signature');
    expectCode(plan(s, 'approve', unitLeader, {}), 'FORBIDDEN');
    expect(
      plan(s, 'approve', unitLeader, {}, { ...settings, signerRoles: ['director', 'unit_leader'] }).ok,
    ).toBe(true);
  });

  it('returning to the appraiser needs a note and clears the proposal', () => {
    const s = state('pending_signature');
    expectCode(plan(s, 'returnToAppraiser', director, {}), 'MISSING_FIELD', 'note');
    const result = plan(s, 'returnToAppraiser', director, { note: 'Bổ sung ý kiến thẩm định' });
    expect(result.ok && result.next).toMatchObject({
      status: 'appraising',
      proposerId: null,
      proposal: null,
      assigneeId: appraiser.id,
    });
  });
});

describe('issue and return of result', () => {
  it('issuing without approval is refused with NOT_APPROVED', () => {
    for (const status of ['received', 'appraising', 'pending_signature', 'refused', 'returned'] as const) {
      const error = expectCode(plan(state(status), 'issue', clerk, {}), 'NOT_APPROVED');
      expect(error.messageVi).toContain('chưa được phê duyệt');
    }
  });

  it('issue takes a register entry once and prints the licence', () => {
    const result = plan(state('approved'), 'issue', clerk, {});
    if (!result.ok) throw result.error;
    expect(result.requiresRegisterEntry).toBe(true);
    expect(result.to).toBe('approved');
    expect(result.prints).toEqual(['licence']);
    expect(result.next.isIssued).toBe(true);
    expectCode(plan(result.next, 'issue', clerk, {}), 'ALREADY_ISSUED');
  });

  it('an approved result is returned only once numbered; a refusal needs no number', () => {
    expectCode(plan(state('approved'), 'returnResult', clerk), 'NOT_ISSUED');
    const returned = plan(state('approved', { isIssued: true }), 'returnResult', clerk);
    expect(returned.ok && [returned.to, returned.clockEffect]).toEqual(['returned', 'final']);
    expect(plan(state('refused'), 'returnResult', clerk).ok).toBe(true);
  });

  it('return needs who, when and how', () => {
    const s = state('refused');
    const full = COMPLETE_INPUT.returnResult;
    expectCode(plan(s, 'returnResult', clerk, { ...full, collectedBy: '' }), 'MISSING_FIELD', 'collectedBy');
    expectCode(
      plan(s, 'returnResult', clerk, { ...full, collectedAt: undefined }),
      'MISSING_FIELD',
      'collectedAt',
    );
    expectCode(plan(s, 'returnResult', clerk, { ...full, method: undefined }), 'MISSING_FIELD', 'method');
    expectCode(
      plan(s, 'returnResult', clerk, { ...full, method: 'email' as 'desk' }),
      'INVALID_FIELD',
      'method',
    );
    const noOffset = expectCode(
      plan(s, 'returnResult', clerk, { ...full, collectedAt: '2026-03-10T09:00:00' }),
      'INVALID_FIELD',
      'collectedAt',
    );
    expect(noOffset.messageVi).toContain('múi giờ');
    const byPost = plan(s, 'returnResult', clerk, {
      ...full,
      method: 'post',
      collectedBy: 'VNPost EMS EA123456789VN',
    });
    expect(byPost.ok && byPost.data.method).toBe('post');
  });
});

describe('withdraw and stop', () => {
  it('withdrawal needs the applicant request; stop needs reason and legal ground', () => {
    for (const status of ['received', 'appraising', 'awaiting_supplement', 'pending_signature'] as const) {
      expectCode(plan(state(status), 'withdraw', clerk, {}), 'MISSING_FIELD', 'applicantRequest');
      expectCode(plan(state(status), 'stop', director, { reason: 'x' }), 'MISSING_FIELD', 'legalGround');
      expectCode(plan(state(status), 'stop', director, { legalGround: 'x' }), 'MISSING_FIELD', 'reason');
      const stopped = plan(state(status), 'stop', director);
      expect(stopped.ok && [stopped.to, stopped.clockEffect, stopped.prints]).toEqual([
        'stopped',
        'final',
        ['stop_notice'],
      ]);
      const withdrawn = plan(state(status), 'withdraw', clerk);
      expect(withdrawn.ok && [withdrawn.to, withdrawn.clockEffect]).toEqual(['withdrawn', 'final']);
    }
    expectCode(plan(state('approved'), 'withdraw', clerk), 'INVALID_TRANSITION');
  });
});

describe('apology and new appointment', () => {
  const input = COMPLETE_INPUT.apologise;

  it('only when overdue', () => {
    const error = expectCode(plan(state('appraising'), 'apologise', appraiser, input), 'NOT_OVERDUE');
    expect(error.messageVi).toContain('chưa quá hạn');
    expect(availableActions(state('appraising'), appraiser, settings).map((a) => a.action)).not.toContain(
      'apologise',
    );
  });

  it('once: the second apology is refused, and the dossier still counts quá hạn', () => {
    const result = plan(state('appraising', { isOverdue: true }), 'apologise', appraiser, input);
    if (!result.ok) throw result.error;
    expect(result.to).toBe('appraising');
    expect(result.clockEffect).toBe('none');
    expect(result.prints).toEqual(['apology_letter']);
    expect(result.warnings.map((w) => w.code)).toEqual(['STILL_OVERDUE']);
    expect(result.next).toMatchObject({ apologies: 1, isOverdue: true });
    const again = expectCode(plan(result.next, 'apologise', appraiser, input), 'APOLOGY_ALREADY_GIVEN');
    expect(again.messageVi).toContain('một lần');
    expectCode(plan(result.next, 'apologise', director, input), 'APOLOGY_ALREADY_GIVEN');
  });

  it('needs a reason and a valid new appointment', () => {
    const s = state('pending_signature', { isOverdue: true });
    expectCode(plan(s, 'apologise', director, { reason: 'Chậm' }), 'MISSING_FIELD', 'newAppointment');
    expectCode(plan(s, 'apologise', director, { ...input, newAppointment: '20/03/2026' }), 'INVALID_FIELD');
    expectCode(
      plan(s, 'apologise', director, { newAppointment: input.newAppointment }),
      'MISSING_FIELD',
      'reason',
    );
  });
});

describe('input hygiene', () => {
  it('keeps only the action’s fields, trimmed and NFC', () => {
    const decomposed = 'Thiếu'.normalize('NFD');
    const result = plan(state('appraising'), 'requestSupplement', appraiser, {
      reason: `  ${decomposed} hồ sơ  `,
      missingComponents: ['  Bản sao  ', ''],
      note: 'ignored',
      assigneeId: 'ignored',
    });
    expect(result.ok && result.data).toEqual({ reason: 'Thiếu hồ sơ', missingComponents: ['Bản sao'] });
  });

  it('refuses emoji and control characters in what will be printed', () => {
    const s = state('pending_signature');
    expectCode(plan(s, 'refuse', director, { reasons: ['Không đạt 😀'] }), 'INVALID_FIELD', 'reasons');
    expectCode(plan(s, 'refuse', director, { reasons: ['a\u0007b'] }), 'INVALID_FIELD', 'reasons');
    expectCode(plan(s, 'refuse', director, { reasons: ['x'.repeat(1001)] }), 'INVALID_FIELD', 'reasons');
  });

  it('reports malformed state, settings and actor instead of throwing', () => {
    const bad = { ...state('appraising'), supplementRequests: -1 };
    expectCode(plan(bad, 'propose', appraiser), 'INVALID_STATE');
    expectCode(
      plan(state('appraising'), 'propose', appraiser, undefined, { ...settings, maxSupplementRequests: 0 }),
      'INVALID_SETTINGS',
    );
    expectCode(
      plan(state('pending_signature'), 'approve', director, {}, { ...settings, signerRoles: [] }),
      'INVALID_SETTINGS',
    );
    expectCode(plan(state('appraising'), 'propose', { id: ' ', roles: ['appraiser'] }), 'INVALID_ACTOR');
    expect(availableActions(bad, appraiser, settings)).toEqual([]);
  });
});

describe('the happy path by three people (issue 4 e2e, in miniature)', () => {
  it('receive → assign → supplement → propose → approve → issue → return', () => {
    const steps: Array<[WorkflowAction, Actor, TransitionInput]> = [
      ['assign', unitLeader, { assigneeId: appraiser.id }],
      ['requestSupplement', appraiser, COMPLETE_INPUT.requestSupplement],
      ['receiveSupplement', clerk, {}],
      ['propose', appraiser, COMPLETE_INPUT.propose],
      ['approve', director, {}],
      ['issue', clerk, {}],
      ['returnResult', clerk, COMPLETE_INPUT.returnResult],
    ];
    let s = state('received');
    const trail: string[] = [];
    for (const [action, actor, input] of steps) {
      const result = plan(s, action, actor, input);
      if (!result.ok) throw result.error;
      trail.push(`${result.to}:${result.clockEffect}`);
      s = result.next;
    }
    expect(trail).toEqual([
      'appraising:none',
      'awaiting_supplement:pause',
      'appraising:resume',
      'pending_signature:none',
      'approved:stop',
      'approved:none',
      'returned:final',
    ]);
    expect(availableActions(s, director, settings)).toEqual([]);
  });
});
