import { z } from '../zod-vi';
import {
  dossierDetailSchema,
  dueDatePreviewInput,
  dueDatePreviewOutput,
  listInputSchema,
  listOutputSchema,
  receiveInputSchema,
} from '../schemas/dossiers';
import { DESK, type MethodSpec } from './method';

/** The one-stop desk: intake, the dossier list and view. */
export const dossierContract = {
  'dossiers.receive': { access: DESK, input: receiveInputSchema, output: dossierDetailSchema },
  'dossiers.previewDueDate': { access: DESK, input: dueDatePreviewInput, output: dueDatePreviewOutput },
  'dossiers.list': { access: 'user', input: listInputSchema, output: listOutputSchema },
  'dossiers.get': {
    access: 'user',
    input: z.object({ id: z.number().int().positive() }),
    output: dossierDetailSchema,
  },
} as const satisfies Record<string, MethodSpec>;
