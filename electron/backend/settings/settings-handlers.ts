import type { Handlers } from '../dispatch';
import { appendAudit } from '../audit/audit-chain';
import { readSettings, writeSettings } from './settings-repo';

export const settingsHandlers = {
  'settings.get': async (_input, ctx) => await readSettings(ctx.db),
  'settings.update': async (input, ctx, session) => {
    const before = await readSettings(ctx.db);
    await ctx.db.transaction(async () => {
      await writeSettings(ctx.db, input);
      await appendAudit(ctx.db, {
        at: ctx.clock.now().toISOString(),
        actorId: session.actor.id,
        actorName: session.actor.name,
        action: before.isConfigured ? 'settings.update' : 'settings.initialise',
        entityType: 'settings',
        entityId: 'app',
        payload: { before: before.isConfigured ? before : null, after: input },
        appVersion: ctx.appVersion,
      });
    });
    return await readSettings(ctx.db);
  },
} satisfies Pick<Handlers, 'settings.get' | 'settings.update'>;
