import { z } from '../zod-vi';

/**
 * How the desktop app works, chosen on its first start: on its own local store ("Dùng trên máy này") or as a
 * client of the office server ("Kết nối máy chủ của cơ quan"), pinned to the certificate a person confirmed.
 */
export const fingerprintSchema = z
  .string()
  .transform((value) =>
    (
      value
        .replace(/[^0-9a-fA-F]/g, '')
        .toUpperCase()
        .match(/.{2}/g) ?? []
    ).join(':'),
  )
  .pipe(
    z
      .string()
      .regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/, 'Mã SHA-256 gồm 64 chữ số hệ 16 (có thể có dấu “:”).'),
  );

export const officeUrlSchema = z
  .string()
  .trim()
  .transform((value) => (/^[a-z]+:\/\//i.test(value) ? value : `https://${value}`))
  .pipe(
    z
      .url({ error: 'Địa chỉ máy chủ không hợp lệ (ví dụ https://192.168.1.10:8443/).' })
      .refine((value) => value.startsWith('https://'), 'Máy chủ của cơ quan chỉ dùng https://.')
      .transform((value) => `${new URL(value).origin}/`),
  );

export const connectionSettingsSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('local') }),
  z.object({ mode: z.literal('office'), url: officeUrlSchema, fingerprint: fingerprintSchema }),
]);
export type ConnectionSettings = z.output<typeof connectionSettingsSchema>;

/** Main-process methods of the desktop app (not served by any backend): declared here like the contract. */
export const connectionMethods = {
  /** The saved choice, or null on the first start. */
  'connection.get': { input: z.object({}).strict(), output: connectionSettingsSchema.nullable() },
  /** Connects once and reads the certificate the server presents, for the person to compare. */
  'connection.probe': {
    input: z.object({ url: officeUrlSchema }),
    output: z.object({ url: z.string(), fingerprint: z.string(), subject: z.string(), validTo: z.string() }),
  },
  /** Saves the choice and restarts the app in that mode. */
  'connection.choose': { input: connectionSettingsSchema, output: z.object({ restarting: z.literal(true) }) },
} as const;
export type ConnectionMethod = keyof typeof connectionMethods;
