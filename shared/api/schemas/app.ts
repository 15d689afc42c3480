import { z } from '../zod-vi';

export const appInfoSchema = z.object({
  version: z.string(),
  edition: z.enum(['electron', 'web', 'cli']),
  dataDir: z.string(),
  isConfigured: z.boolean(),
  now: z.string(),
  today: z.string(),
  /** Only until the first administrator has replaced the one-time password shown here. */
  firstRun: z.object({ username: z.string(), temporaryPassword: z.string() }).nullable(),
  /** Set while the last full verification (weekly, or `licence-desk verify`) found a problem. */
  integrityAlert: z.string().nullable(),
});
export type AppInfo = z.output<typeof appInfoSchema>;
