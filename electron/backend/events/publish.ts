import type { BackendContext, CallSession } from '../context';
import type { JobProgressPayload } from '../../../shared/api/events';

/**
 * Announces that dossiers changed. Call it after `ctx.db.transaction` has returned, never inside one: a
 * client told about a change it then cannot read (the transaction rolled back, or has not committed yet)
 * would show stale data as fresh. The guard makes a misplaced call fail in every test that reaches it.
 */
export function publishDossiersChanged(
  ctx: BackendContext,
  session: CallSession,
  change: { ids: number[]; action: string; isBulk?: boolean },
): void {
  if (ctx.db.inTransaction)
    throw new Error('publishDossiersChanged inside a transaction: publish after commit');
  ctx.events.publish({
    event: {
      type: 'dossiers.changed',
      payload: {
        ids: change.ids,
        ...(change.isBulk ? { isBulk: true } : {}),
        action: change.action,
        actorName: session.actor.name,
        at: ctx.clock.now().toISOString(),
      },
    },
  });
}

/**
 * A long job's progress, for the account that started it only. Progress is not data, so it may go out while
 * the job's transaction is still open.
 */
export function publishJobProgress(
  ctx: BackendContext,
  session: CallSession,
  progress: JobProgressPayload,
): void {
  ctx.events.publish({
    event: { type: 'job.progress', payload: progress },
    ...(session.userId === null ? {} : { audienceUserId: session.userId }),
  });
}

/** Calls `publish` at most every `intervalMs` (and always for the last step), so a million-row job sends tens of events. */
export function throttleProgress(
  publish: (progress: JobProgressPayload) => void,
  nowMs: () => number = Date.now,
  intervalMs = 200,
): (progress: JobProgressPayload) => void {
  let lastMs = -Infinity;
  return (progress) => {
    const now = nowMs();
    if (progress.done < progress.total && now - lastMs < intervalMs) return;
    lastMs = now;
    publish(progress);
  };
}
