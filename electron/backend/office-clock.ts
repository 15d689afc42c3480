import type { BackendContext } from './context';
import { readSettings } from './settings/settings-repo';
import { officeDate, toOfficeIso } from '../../shared/domain/office-time';

/** "Now" on the office's wall clock (the offset is a setting, never the machine's time zone). */
export async function officeNow(ctx: BackendContext): Promise<{ iso: string; date: string; offset: number }> {
  const offset = (await readSettings(ctx.db)).office.utcOffsetMinutes;
  const now = ctx.clock.now();
  return { iso: toOfficeIso(now, offset), date: officeDate(now, offset), offset };
}
