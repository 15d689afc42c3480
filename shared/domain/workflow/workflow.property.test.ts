import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dossierStatuses, openStatuses } from '../dossier-status';
import type { Actor, WorkflowSettings, WorkflowState } from './plan-transition';
import { availableActions, planTransition } from './plan-transition';
import { roles } from './roles';
import { COMPLETE_INPUT } from './test-support';
import { workflowActions } from './workflow-actions';

const ids = ['u1', 'u2', 'u3'] as const;
const idOrNull = fc.option(fc.constantFrom(...ids), { nil: null });
const stateArb: fc.Arbitrary<WorkflowState> = fc.record({
  status: fc.constantFrom(...dossierStatuses),
  assigneeId: idOrNull,
  proposerId: idOrNull,
  proposal: fc.constantFrom(null, 'approve' as const, 'refuse' as const),
  supplementRequests: fc.integer({ min: 0, max: 3 }),
  apologies: fc.integer({ min: 0, max: 2 }),
  isOverdue: fc.boolean(),
  isIssued: fc.boolean(),
});
const actorArb: fc.Arbitrary<Actor> = fc.record({
  id: fc.constantFrom(...ids),
  roles: fc.uniqueArray(fc.constantFrom(...roles), { maxLength: 3 }),
});
const settingsArb: fc.Arbitrary<WorkflowSettings> = fc.record({
  requireTwoPeople: fc.boolean(),
  maxSupplementRequests: fc.integer({ min: 1, max: 3 }),
  signerRoles: fc.constantFrom(
    ['director'] as const,
    ['director', 'unit_leader'] as const,
    ['unit_leader'] as const,
  ),
});

const TERMINAL = ['returned', 'withdrawn', 'stopped'];

describe('workflow properties', () => {
  it('availableActions offers exactly what planTransition accepts with a complete, confirmed input', () => {
    fc.assert(
      fc.property(stateArb, actorArb, settingsArb, (state, actor, settings) => {
        const offered = new Set(availableActions(state, actor, settings).map((a) => a.action));
        for (const action of workflowActions) {
          const input = {
            ...COMPLETE_INPUT[action],
            // Never the current assignee, so reassign is not refused for naming him again.
            ...(action === 'reassign' ? { assigneeId: 'u-new' } : {}),
            acknowledgedWarnings: ['SUPPLEMENT_LIMIT' as const],
          };
          const result = planTransition(state, action, actor, input, settings);
          expect(result.ok, `${action} from ${state.status}`).toBe(offered.has(action));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('no action leaves a finished dossier, and every accepted plan keeps the state well-formed', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...workflowActions), actorArb), { maxLength: 25 }),
        settingsArb,
        fc.boolean(),
        (steps, settings, overdue) => {
          let state: WorkflowState = {
            status: 'received',
            assigneeId: null,
            proposerId: null,
            supplementRequests: 0,
            apologies: 0,
            isOverdue: overdue,
            isIssued: false,
          };
          for (const [action, actor] of steps) {
            const input = { ...COMPLETE_INPUT[action], assigneeId: `u-next-${state.assigneeId ?? ''}` };
            const result = planTransition(state, action, actor, input, settings);
            if (TERMINAL.includes(state.status)) expect(result.ok).toBe(false);
            if (!result.ok) continue;
            const next = result.next;
            expect(next.status).toBe(result.to);
            expect(dossierStatuses).toContain(next.status);
            expect(next.apologies).toBeLessThanOrEqual(1);
            // Without confirmation the supplement limit is never exceeded.
            expect(next.supplementRequests).toBeLessThanOrEqual(settings.maxSupplementRequests);
            if (next.isIssued) expect(['approved', 'returned']).toContain(next.status);
            if (result.action === 'apologise') expect(openStatuses).toContain(state.status);
            if (next.status === 'returned' && state.status === 'approved') expect(state.isIssued).toBe(true);
            state = next;
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never throws, whatever arrives from the API boundary', () => {
    fc.assert(
      fc.property(
        stateArb,
        fc.constantFrom(...workflowActions, 'nonsense'),
        actorArb,
        fc.dictionary(
          fc.constantFrom(
            'assigneeId',
            'reason',
            'missingComponents',
            'proposal',
            'reasons',
            'method',
            'collectedAt',
          ),
          fc.anything(),
        ),
        settingsArb,
        (state, action, actor, input, settings) => {
          const result = planTransition(state, action as never, actor, input as never, settings);
          expect(typeof result.ok).toBe('boolean');
        },
      ),
      { numRuns: 1000 },
    );
  });
});
