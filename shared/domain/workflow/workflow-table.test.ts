// Every status × action × role, against a matrix written out by hand here (not read from the table), so a
// change to who may do what has to be made twice: in the table and in this spec.

import { describe, expect, it } from 'vitest';
import type { DossierStatus } from '../dossier-status';
import { dossierStatuses } from '../dossier-status';
import type { WorkflowSettings } from './plan-transition';
import { allowedRoles, availableActions, planTransition } from './plan-transition';
import type { Role } from './roles';
import { roles } from './roles';
import { ACTOR_ID, COMPLETE_INPUT, permissiveState } from './test-support';
import type { ClockEffect, PrintedDocument, WorkflowAction } from './workflow-actions';
import { WORKFLOW_ACTIONS, workflowActions } from './workflow-actions';

const OPEN: DossierStatus[] = ['received', 'appraising', 'awaiting_supplement', 'pending_signature'];

interface Spec {
  from: DossierStatus[];
  to: DossierStatus | 'same';
  /** With the default signers (director only). */
  roles: Role[];
  /** With signerRoles ['director', 'unit_leader']. */
  rolesWithUnitSigners?: Role[];
  clock: ClockEffect;
  prints: PrintedDocument[];
}

const SPEC: Record<WorkflowAction, Spec> = {
  assign: {
    from: ['received'],
    to: 'appraising',
    roles: ['unit_leader', 'director', 'admin'],
    clock: 'none',
    prints: [],
  },
  reassign: {
    from: ['appraising'],
    to: 'same',
    roles: ['unit_leader', 'director', 'admin'],
    clock: 'none',
    prints: [],
  },
  requestSupplement: {
    from: ['appraising'],
    to: 'awaiting_supplement',
    roles: ['appraiser', 'unit_leader'],
    clock: 'pause',
    prints: ['supplement_request'],
  },
  receiveSupplement: {
    from: ['awaiting_supplement'],
    to: 'appraising',
    roles: ['clerk', 'appraiser'],
    clock: 'resume',
    prints: [],
  },
  propose: {
    from: ['appraising'],
    to: 'pending_signature',
    roles: ['appraiser', 'unit_leader'],
    clock: 'none',
    prints: [],
  },
  approve: {
    from: ['pending_signature'],
    to: 'approved',
    roles: ['director'],
    rolesWithUnitSigners: ['director', 'unit_leader'],
    clock: 'stop',
    prints: [],
  },
  refuse: {
    from: ['pending_signature'],
    to: 'refused',
    roles: ['director'],
    rolesWithUnitSigners: ['director', 'unit_leader'],
    clock: 'stop',
    prints: ['refusal_notice'],
  },
  returnToAppraiser: {
    from: ['pending_signature'],
    to: 'appraising',
    roles: ['director', 'unit_leader'],
    clock: 'none',
    prints: [],
  },
  issue: { from: ['approved'], to: 'same', roles: ['clerk'], clock: 'none', prints: ['licence'] },
  returnResult: {
    from: ['approved', 'refused'],
    to: 'returned',
    roles: ['clerk'],
    clock: 'final',
    prints: [],
  },
  withdraw: { from: OPEN, to: 'withdrawn', roles: ['clerk'], clock: 'final', prints: [] },
  stop: {
    from: OPEN,
    to: 'stopped',
    roles: ['unit_leader', 'director'],
    clock: 'final',
    prints: ['stop_notice'],
  },
  apologise: {
    from: OPEN,
    to: 'same',
    roles: ['appraiser', 'unit_leader', 'director'],
    clock: 'none',
    prints: ['apology_letter'],
  },
};

const VARIANTS: Array<{ name: string; settings: WorkflowSettings; unitSigns: boolean }> = [
  {
    name: 'director signs',
    settings: { requireTwoPeople: true, maxSupplementRequests: 1, signerRoles: ['director'] },
    unitSigns: false,
  },
  {
    name: 'director and unit leader sign',
    settings: { requireTwoPeople: true, maxSupplementRequests: 1, signerRoles: ['director', 'unit_leader'] },
    unitSigns: true,
  },
];

describe('the transition table', () => {
  it('matches the hand-written spec row by row', () => {
    for (const action of workflowActions) {
      const def = WORKFLOW_ACTIONS[action];
      const spec = SPEC[action];
      expect(def.action, action).toBe(action);
      expect([...def.from].sort(), action).toEqual([...spec.from].sort());
      expect(def.to, action).toBe(spec.to);
      expect(def.clockEffect, action).toBe(spec.clock);
      expect([...def.prints], action).toEqual(spec.prints);
      expect(def.label.length, action).toBeGreaterThan(0);
      expect(def.buttonText.length, action).toBeGreaterThan(0);
      expect(def.requiresRegisterEntry, action).toBe(action === 'issue');
    }
  });

  it('has an entry for every action and no other', () => {
    expect(Object.keys(WORKFLOW_ACTIONS).sort()).toEqual([...workflowActions].sort());
  });
});

describe.each(VARIANTS)('every status × action × role ($name)', ({ settings, unitSigns }) => {
  for (const action of workflowActions) {
    it(`${action}`, () => {
      const spec = SPEC[action];
      const permitted = unitSigns && spec.rolesWithUnitSigners ? spec.rolesWithUnitSigners : spec.roles;
      expect([...allowedRoles(action, settings)].sort()).toEqual([...permitted].sort());
      const mismatches: string[] = [];
      for (const status of dossierStatuses) {
        for (const role of roles) {
          const state = permissiveState(status, action);
          const actor = { id: ACTOR_ID, roles: [role] };
          const result = planTransition(state, action, actor, COMPLETE_INPUT[action], settings);
          const where = `${status} × ${role}`;
          const offered = availableActions(state, actor, settings).some((a) => a.action === action);
          if (!spec.from.includes(status)) {
            const code = action === 'issue' ? 'NOT_APPROVED' : 'INVALID_TRANSITION';
            if (result.ok || result.error.code !== code) mismatches.push(`${where}: expected ${code}`);
          } else if (!permitted.includes(role)) {
            if (result.ok || result.error.code !== 'FORBIDDEN')
              mismatches.push(`${where}: expected FORBIDDEN`);
          } else if (!result.ok) {
            mismatches.push(`${where}: expected ok, got ${result.error.code}`);
          } else {
            const to = spec.to === 'same' ? status : spec.to;
            if (result.to !== to || result.next.status !== to) mismatches.push(`${where}: to ${result.to}`);
            if (result.from !== status) mismatches.push(`${where}: from ${result.from}`);
            if (result.clockEffect !== spec.clock) mismatches.push(`${where}: clock ${result.clockEffect}`);
            if (JSON.stringify(result.prints) !== JSON.stringify(spec.prints))
              mismatches.push(`${where}: prints ${result.prints.join()}`);
          }
          // The UI offers exactly what would be accepted (the input is complete here).
          if (offered !== result.ok) mismatches.push(`${where}: offered=${offered} but ok=${result.ok}`);
        }
      }
      expect(mismatches).toEqual([]);
    });
  }
});

describe('clock effect of each transition', () => {
  it.each(workflowActions.map((a) => [a, SPEC[a].clock] as const))('%s → %s', (action, clock) => {
    const spec = SPEC[action];
    const status = spec.from[0] as DossierStatus;
    const role = spec.roles[0] as Role;
    const result = planTransition(
      permissiveState(status, action),
      action,
      { id: ACTOR_ID, roles: [role] },
      COMPLETE_INPUT[action],
      VARIANTS[0]!.settings,
    );
    expect(result.ok && result.clockEffect).toBe(clock);
  });

  it('pauses only on a supplement request and resumes only on its receipt', () => {
    const pausing = workflowActions.filter((a) => WORKFLOW_ACTIONS[a].clockEffect === 'pause');
    const resuming = workflowActions.filter((a) => WORKFLOW_ACTIONS[a].clockEffect === 'resume');
    expect(pausing).toEqual(['requestSupplement']);
    expect(resuming).toEqual(['receiveSupplement']);
    // Every way out of the office fixes the on-time class.
    for (const action of workflowActions) {
      const to = WORKFLOW_ACTIONS[action].to;
      if (to === 'returned' || to === 'withdrawn' || to === 'stopped') {
        expect(WORKFLOW_ACTIONS[action].clockEffect, action).toBe('final');
      }
    }
  });
});
