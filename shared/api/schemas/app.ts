import { z } from '../zod-vi';

export const appInfoSchema = z.object({
  version: z.string(),
  edition: z.enum(['electron', 'web', 'cli']),
  dataDir: z.string(),
  isConfigured: z.boolean(),
  now: z.string(),
  today: z.string(),
});
export type AppInfo = z.output<typeof appInfoSchema>;
