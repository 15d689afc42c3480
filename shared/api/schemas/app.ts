import { z } from '../zod-vi';

export const appInfoSchema = z.object({
  version: z.string(),
  edition: z.enum(['electron', 'web', 'office', 'cli']),
  dataDir: z.string(),
  isConfigured: z.boolean(),
  now: z.string(),
  today: z.string(),
  /**
   * Only until the first administrator has replaced the one-time password shown here; always null on the office
   * server, where anyone on the network may call app.info (the password is on the server's console).
   */
  firstRun: z.object({ username: z.string(), temporaryPassword: z.string() }).nullable(),
  /** Set while the last full verification (weekly, or `licence-desk verify`) found a problem. */
  integrityAlert: z.string().nullable(),
});
export type AppInfo = z.output<typeof appInfoSchema>;
