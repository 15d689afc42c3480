import { z } from '../zod-vi';
import { id } from '../schemas/common';
import { documentOutputSchema, receiptInputSchema } from '../schemas/dossiers';
import { isoDate } from '../schemas/common';
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
  /** The day's one-page register with the audit chain head, signed on paper by a supervisor. */
  'documents.dailyRegister': {
    access: ['clerk', 'unit_leader', 'director', 'admin'],
    input: z.object({ date: isoDate.optional() }),
    output: documentOutputSchema,
  },
} as const satisfies Record<string, MethodSpec>;
