import type { BackendContext, CallSession } from '../context';
import type { DossierFileView } from '../../../shared/api/schemas/attachments';
import { insertDossierFile } from './attachment-repo';

/**
 * Records the electronic result of a dossier (the licence PDF, a refusal's notice) as a file of the dossier, in
 * the transaction that issues it; the file itself is already in the content store. The dossier's
 * e_result_sha256 follows by trigger (migration 0008), and the workflow's audit entry carries the hash.
 */
export async function recordResultFile(
  ctx: BackendContext,
  session: CallSession,
  result: {
    dossierId: number;
    kind: NonNullable<DossierFileView['resultKind']>;
    licenceId: number | null;
    sha256: string;
    sizeBytes: number;
    fileName: string;
    at: string;
  },
): Promise<number> {
  const inserted = await insertDossierFile(ctx.db, {
    dossierId: result.dossierId,
    role: 'result',
    componentNo: null,
    resultKind: result.kind,
    licenceId: result.licenceId,
    sha256: result.sha256,
    sizeBytes: result.sizeBytes,
    mediaType: 'application/pdf',
    fileName: result.fileName,
    supersedesId: null,
    source: 'issue',
    at: result.at,
    actorId: session.actor.id,
    actorName: session.actor.name,
  });
  return inserted.id;
}
