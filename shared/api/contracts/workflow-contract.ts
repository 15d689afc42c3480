import { z } from '../zod-vi';
import { id } from '../schemas/common';
import { dossierDetailSchema } from '../schemas/dossiers';
import {
  assignableUsersOutput,
  licenceFieldsInputSchema,
  performInputSchema,
  workflowViewSchema,
} from '../schemas/workflow';
import { LEADERS, type MethodSpec } from './method';

/**
 * The path after the desk. Who may perform which action is decided per action by the workflow domain
 * (roles × status × assignee × two-person rule), so the methods themselves only require a login.
 */
export const workflowContract = {
  'workflow.view': { access: 'user', input: z.object({ dossierId: id }), output: workflowViewSchema },
  'workflow.perform': { access: 'user', input: performInputSchema, output: dossierDetailSchema },
  'workflow.setLicenceFields': {
    access: ['appraiser', 'unit_leader', 'director', 'admin'],
    input: licenceFieldsInputSchema,
    output: workflowViewSchema,
  },
  'workflow.appraisers': { access: LEADERS, input: z.object({}).strict(), output: assignableUsersOutput },
} as const satisfies Record<string, MethodSpec>;
