import { empty, ADMIN, type MethodSpec } from './method';
import {
  pauseRuleApplyInput,
  pauseRuleApplyOutput,
  pauseRulePreviewInput,
  pauseRulePreviewOutput,
  pauseRulesOutput,
} from '../schemas/pause-rules';

/**
 * Versions of the pause rule: which is in force, and adopting another through the same preview-then-apply
 * path as a calendar change (issue 12 §1), with one audit entry per dossier whose due date moves.
 */
export const pauseRuleContract = {
  'pauseRules.list': { access: 'user', input: empty, output: pauseRulesOutput },
  'pauseRules.preview': { access: ADMIN, input: pauseRulePreviewInput, output: pauseRulePreviewOutput },
  'pauseRules.apply': { access: ADMIN, input: pauseRuleApplyInput, output: pauseRuleApplyOutput },
} as const satisfies Record<string, MethodSpec>;
