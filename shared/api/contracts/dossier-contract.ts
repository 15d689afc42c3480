import { z } from '../zod-vi';
import {
  documentOutputSchema,
  dossierDetailSchema,
  dueDatePreviewInput,
  dueDatePreviewOutput,
  listInputSchema,
  listOutputSchema,
  receiptInputSchema,
  receiveInputSchema,
} from '../schemas/dossiers';
import { DESK, type MethodSpec } from './method';

/** The one-stop desk: intake, the dossier list and view, the receipt. */
export const dossierContract = {
  'dossiers.receive': { access: DESK, input: receiveInputSchema, output: dossierDetailSchema },
  'dossiers.previewDueDate': { access: DESK, input: dueDatePreviewInput, output: dueDatePreviewOutput },
  'dossiers.list': { access: 'user', input: listInputSchema, output: listOutputSchema },
  'dossiers.get': {
    access: 'user',
    input: z.object({ id: z.number().int().positive() }),
    output: dossierDetailSchema,
  },
  'documents.receipt': { access: 'user', input: receiptInputSchema, output: documentOutputSchema },
} as const satisfies Record<string, MethodSpec>;
