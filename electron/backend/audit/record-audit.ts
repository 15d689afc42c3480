import type { BackendContext, CallSession } from '../context';
import { officeNow } from '../office-clock';
import { appendAudit } from './audit-chain';

/** Appends the audit row for a change made by `session`; call inside the change's transaction. */
export async function recordAudit(
  ctx: BackendContext,
  session: CallSession,
  entry: { action: string; entityType: string; entityId: string | number; payload: unknown; at?: string },
): Promise<void> {
  await appendAudit(ctx.db, {
    at: entry.at ?? (await officeNow(ctx)).iso,
    actorId: session.actor.id,
    actorName: session.actor.name,
    action: entry.action,
    entityType: entry.entityType,
    entityId: String(entry.entityId),
    payload: entry.payload,
    appVersion: ctx.appVersion,
  });
}
