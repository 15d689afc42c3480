import type { Handlers } from '../dispatch';
import { readSettings } from '../settings/settings-repo';
import { findUser } from '../auth/user-repo';
import { loadDossier } from './perform-transition';
import { readWorkflowColumns } from './workflow-repo';
import { licenceSignersOf } from './licence-service';

export const licenceSignerHandlers = {
  /** What the issue screen offers (issue 12 §3): the signers of the licence's own issuing authority. */
  'licences.signers': async (input, ctx) => {
    const record = await loadDossier(ctx, input.dossierId);
    const decidedBy = (await readWorkflowColumns(ctx.db, record.id)).decided_by;
    const approver = decidedBy === null ? null : await findUser(ctx.db, decidedBy);
    return await licenceSignersOf(ctx.db, record, await readSettings(ctx.db), approver?.full_name ?? null);
  },
} satisfies Pick<Handlers, 'licences.signers'>;
