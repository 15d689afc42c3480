import type { Handlers } from './dispatch';
import { officeDate, toOfficeIso } from '../../shared/domain/office-time';
import { readSettings } from './settings/settings-repo';
import { INTEGRITY_ALERT, lastVerification } from './store/weekly-verify';

export const appHandlers = {
  'app.info': async (_input, ctx) => {
    const settings = await readSettings(ctx.db);
    const now = ctx.clock.now();
    // app.info is public. On the office server the whole network can call it: neither the one-time password
    // nor the server's folders are anyone's business there.
    const isOffice = ctx.edition === 'office';
    return {
      version: ctx.appVersion,
      edition: ctx.edition,
      dataDir: isOffice ? '' : ctx.dataDir,
      isConfigured: settings.isConfigured,
      now: toOfficeIso(now, settings.office.utcOffsetMinutes),
      today: officeDate(now, settings.office.utcOffsetMinutes),
      firstRun: isOffice ? null : ctx.bootstrap,
      integrityAlert: (await lastVerification(ctx))?.ok === false ? INTEGRITY_ALERT : null,
    };
  },
} satisfies Pick<Handlers, 'app.info'>;
