import { z } from '../zod-vi';
import { id } from '../schemas/common';
import { documentOutputSchema, receiptInputSchema } from '../schemas/dossiers';
import type { MethodSpec } from './method';

export const formKinds = ['supplementRequest', 'refusal', 'apology', 'controlSheet'] as const;

/** Printed documents of a dossier; every print is logged, and licence reprints are marked "BẢN SAO". */
export const documentContract = {
  'documents.receipt': { access: 'user', input: receiptInputSchema, output: documentOutputSchema },
  'documents.form': {
    access: 'user',
    input: z.object({ dossierId: id, kind: z.enum(formKinds, { error: 'Loại phiếu không hợp lệ.' }) }),
    output: documentOutputSchema,
  },
  'documents.licence': { access: 'user', input: z.object({ dossierId: id }), output: documentOutputSchema },
} as const satisfies Record<string, MethodSpec>;
