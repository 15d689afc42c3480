import { z } from '../zod-vi';
import { optionalText, phone, email, requiredText } from './common';
import { AGENCY_CODE_PATTERN } from '../../domain/dossier-code';

const clock = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Giờ phải có dạng HH:mm (ví dụ 07:30).' });

export const officeSessionSchema = z
  .object({ start: clock, end: clock })
  .refine((s) => s.start < s.end, { error: 'Giờ kết thúc phải sau giờ bắt đầu.', path: ['end'] });

export const signerSchema = z.object({
  name: requiredText('Họ tên người ký', { max: 120 }),
  title: requiredText('Chức vụ', { max: 120 }),
  /** Signing mode under NĐ 30/2020 Điều 13: the head signs, a deputy signs KT. (ký thay). */
  capacity: z.enum(['head', 'deputy']),
});

export const settingsInputSchema = z.object({
  agency: z.object({
    governingBody: requiredText('Cơ quan chủ quản', { max: 200 }),
    name: requiredText('Tên cơ quan', { max: 200 }),
    shortSymbol: requiredText('Ký hiệu viết tắt của cơ quan', { max: 30 }),
    placeName: requiredText('Địa danh ghi trên văn bản', { max: 80 }),
    agencyCode: z
      .string()
      .trim()
      .regex(AGENCY_CODE_PATTERN, { error: 'Mã cơ quan chỉ gồm chữ, số và dấu chấm (tối đa 30 ký tự).' }),
    deskName: requiredText('Tên bộ phận tiếp nhận', { max: 200 }),
    address: optionalText('Địa chỉ', { max: 300 }),
    phone,
    email,
  }),
  office: z.object({
    /** Minutes east of UTC; Vietnam is +07:00 today. */
    utcOffsetMinutes: z.number().int().min(-720).max(840),
    sessions: z.array(officeSessionSchema).min(1).max(3),
    /** Dossiers received after this time count from the next working day (NĐ 61/2018 Điều 17); null = off. */
    cutoff: clock.nullable(),
    dueSoonWorkingDays: z.number().int().min(0).max(10),
    classificationGranularity: z.enum(['date', 'datetime']),
  }),
  signers: z.array(signerSchema).max(10),
  /** How the office runs its workflow; defaults follow NĐ 61/2018 and NĐ 30/2020 (see workflow domain). */
  workflow: z
    .object({
      requireTwoPeople: z.boolean(),
      maxSupplementRequests: z.number().int().min(1).max(5),
      signerRoles: z.array(z.enum(['director', 'unit_leader'])).min(1),
    })
    .default({ requireTwoPeople: true, maxSupplementRequests: 1, signerRoles: ['director'] }),
  /** Licence numbers: the format of the register (placeholders {n}, {yyyy}, {symbol}). */
  licensing: z
    .object({
      numberFormat: z.string().min(3).max(60),
      /** Who proposes inside the Sở ("Theo đề nghị của …" on a licence). */
      proposer: requiredText('Người đề nghị ghi trên giấy phép', { max: 200 }),
      /** Ký hiệu of the drafting unit on the file copy ("Lưu: VT, <unit>."). */
      draftingUnit: requiredText('Ký hiệu đơn vị soạn thảo', { max: 30 }),
    })
    .default({
      numberFormat: '{n}/{symbol}',
      proposer: 'Trưởng phòng Quản lý Báo chí, Xuất bản',
      draftingUnit: 'QLBCXB',
    }),
  receiverName: optionalText('Người tiếp nhận mặc định', { max: 120 }),
});

export const settingsSchema = settingsInputSchema.extend({
  isConfigured: z.boolean(),
});

export type SettingsInput = z.input<typeof settingsInputSchema>;
export type Settings = z.output<typeof settingsSchema>;
