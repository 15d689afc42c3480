import type { BackendContext } from './context';
import { startDailyBackups } from './backup/backup-service';
import { runWeeklyVerifyIfDue } from './store/weekly-verify';

/**
 * Background upkeep for a running app or web edition: the daily verified backup and the weekly full check.
 * Returns a stop function to call before closing the backend; timers never keep the process alive.
 */
export function startMaintenance(ctx: BackendContext): () => void {
  const stopBackups = startDailyBackups(ctx);
  const check = async () => {
    try {
      await runWeeklyVerifyIfDue(ctx);
    } catch (error) {
      ctx.log.error('weekly verification could not run', { detail: String(error) });
    }
  };
  const run = () => void check();
  const first = setTimeout(run, 60_000);
  const daily = setInterval(run, 86_400_000);
  first.unref();
  daily.unref();
  return () => {
    stopBackups();
    clearTimeout(first);
    clearInterval(daily);
  };
}
