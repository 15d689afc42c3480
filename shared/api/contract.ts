// The whole API, declared once (architecture.md §2). Every transport (Electron IPC, the web edition, the
// CLI, tests) goes through dispatch(), which parses `input` with these schemas; all types derive from here.
import { z } from './zod-vi';
import { appInfoSchema } from './schemas/app';
import { settingsInputSchema, settingsSchema } from './schemas/settings';
import { procedureConfigureInput, procedureViewSchema } from './schemas/procedures';
import {
  documentOutputSchema,
  dossierDetailSchema,
  dueDatePreviewInput,
  dueDatePreviewOutput,
  listInputSchema,
  listOutputSchema,
  receiptInputSchema,
  receiveInputSchema,
} from './schemas/dossiers';
import {
  calendarApplyInput,
  calendarApplyOutput,
  calendarEditsInput,
  calendarPreviewOutput,
  calendarYearOutput,
  dueDateInput,
  dueDateOutput,
} from './schemas/calendar';

import {
  changePasswordInput,
  loginInput,
  loginOutput,
  resetPasswordInput,
  userCreateInput,
  userSchema,
  userUpdateInput,
} from './schemas/users';
import type { Role } from '../domain/workflow/roles';

const empty = z.object({}).strict();

/**
 * Who may call a method, enforced in dispatch (never only by hiding buttons): 'public' needs no login,
 * 'user' any signed-in user, a role list any of those roles. Workflow actions check finer rules themselves.
 */
export type Access = 'public' | 'user' | readonly Role[];
const ADMIN = ['admin'] as const;
const DESK = ['clerk', 'admin'] as const;

export const contract = {
  'app.info': { access: 'public', input: empty, output: appInfoSchema },
  'settings.get': { access: 'user', input: empty, output: settingsSchema },
  'settings.update': { access: ADMIN, input: settingsInputSchema, output: settingsSchema },
  'procedures.list': {
    access: 'user',
    input: z.object({ includeUnconfigured: z.boolean().default(true) }),
    output: z.array(procedureViewSchema),
  },
  'procedures.configure': { access: ADMIN, input: procedureConfigureInput, output: procedureViewSchema },
  'dossiers.receive': { access: DESK, input: receiveInputSchema, output: dossierDetailSchema },
  'dossiers.previewDueDate': { access: DESK, input: dueDatePreviewInput, output: dueDatePreviewOutput },
  'dossiers.list': { access: 'user', input: listInputSchema, output: listOutputSchema },
  'dossiers.get': {
    access: 'user',
    input: z.object({ id: z.number().int().positive() }),
    output: dossierDetailSchema,
  },
  'documents.receipt': { access: 'user', input: receiptInputSchema, output: documentOutputSchema },
  'calendar.year': {
    access: 'user',
    input: z.object({ year: z.number().int().min(2000).max(2199) }),
    output: calendarYearOutput,
  },
  'calendar.previewEdits': { access: ADMIN, input: calendarEditsInput, output: calendarPreviewOutput },
  'calendar.applyEdits': { access: ADMIN, input: calendarApplyInput, output: calendarApplyOutput },
  'calendar.dueDate': { access: 'user', input: dueDateInput, output: dueDateOutput },
  'auth.login': { access: 'public', input: loginInput, output: loginOutput },
  'auth.logout': { access: 'user', input: empty, output: z.object({ ok: z.literal(true) }) },
  'auth.me': { access: 'user', input: empty, output: userSchema },
  'auth.changePassword': { access: 'user', input: changePasswordInput, output: userSchema },
  'users.list': { access: ADMIN, input: empty, output: z.array(userSchema) },
  'users.create': { access: ADMIN, input: userCreateInput, output: userSchema },
  'users.update': { access: ADMIN, input: userUpdateInput, output: userSchema },
  'users.resetPassword': { access: ADMIN, input: resetPasswordInput, output: userSchema },
} as const satisfies Record<string, { access: Access; input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
