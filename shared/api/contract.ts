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

const empty = z.object({}).strict();

export const contract = {
  'app.info': { input: empty, output: appInfoSchema },
  'settings.get': { input: empty, output: settingsSchema },
  'settings.update': { input: settingsInputSchema, output: settingsSchema },
  'procedures.list': {
    input: z.object({ includeUnconfigured: z.boolean().default(true) }),
    output: z.array(procedureViewSchema),
  },
  'procedures.configure': { input: procedureConfigureInput, output: procedureViewSchema },
  'dossiers.receive': { input: receiveInputSchema, output: dossierDetailSchema },
  'dossiers.previewDueDate': { input: dueDatePreviewInput, output: dueDatePreviewOutput },
  'dossiers.list': { input: listInputSchema, output: listOutputSchema },
  'dossiers.get': { input: z.object({ id: z.number().int().positive() }), output: dossierDetailSchema },
  'documents.receipt': { input: receiptInputSchema, output: documentOutputSchema },
  'calendar.year': {
    input: z.object({ year: z.number().int().min(2000).max(2199) }),
    output: calendarYearOutput,
  },
  'calendar.previewEdits': { input: calendarEditsInput, output: calendarPreviewOutput },
  'calendar.applyEdits': { input: calendarApplyInput, output: calendarApplyOutput },
  'calendar.dueDate': { input: dueDateInput, output: dueDateOutput },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
