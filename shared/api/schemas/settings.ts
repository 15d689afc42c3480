import { z } from '../zod-vi';
import { optionalText, phone, email, requiredText } from './common';
import { AGENCY_CODE_PATTERN } from '../../domain/dossier-code';
import { isAllUpperCase } from '../../domain/authority-names';

const clock = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Giờ phải có dạng HH:mm (ví dụ 07:30).' });

export const officeSessionSchema = z
  .object({ start: clock, end: clock })
  .refine((s) => s.start < s.end, { error: 'Giờ kết thúc phải sau giờ bắt đầu.', path: ['end'] });

export const signerSchema = z.object({
  name: requiredText('Họ tên người ký', { max: 120 }),
  title: requiredText('Chức vụ', { max: 120 }),
  /**
   * Signing mode under NĐ 30/2020 Điều 13: the head signs, a deputy signs KT. (ký thay). For the UBND tỉnh
   * (chế độ tập thể) both sign TM. Ủy ban nhân dân: the Chủ tịch as head, a Phó Chủ tịch as KT. Chủ tịch.
   */
  capacity: z.enum(['head', 'deputy']),
});

/** The people who sign for one authority, in order of preference (the first is offered first). */
const signerList = (authority: string) =>
  z
    .array(signerSchema)
    .max(10)
    .superRefine((signers, ctx) => {
      const seen = new Set<string>();
      signers.forEach((signer, index) => {
        if (seen.has(signer.name)) {
          ctx.addIssue({
            code: 'custom',
            path: [index, 'name'],
            message: `${authority}: người ký “${signer.name}” đã có trong danh sách.`,
          });
        }
        seen.add(signer.name);
      });
    });

/**
 * A name as written inside a sentence ("Theo đề nghị của Giám đốc Sở Văn hóa, Thể thao và Du lịch"); the
 * upper-case headings are derived from it (shared/domain/authority-names.ts, NĐ 30/2020 Phụ lục I–II). A
 * name typed all in capitals cannot be written back into a sentence, so it is refused.
 */
const sentenceName = (label: string, example: string) =>
  requiredText(label, { max: 200 }).refine((value) => !isAllUpperCase(value), {
    error: `${label}: nhập như khi viết trong câu, ví dụ “${example}” (tiêu đề văn bản được in hoa tự động).`,
  });

export const settingsInputSchema = z.object({
  agency: z.object({
    /** Cơ quan chủ quản; may use the abbreviation NĐ 30/2020 Phụ lục I allows, e.g. 'UBND tỉnh Bắc Ninh'. */
    governingBody: sentenceName('Cơ quan chủ quản', 'UBND tỉnh Bắc Ninh'),
    /** The Sở: the agency that receives dossiers, processes them and issues the licences of its own authority. */
    name: sentenceName('Tên cơ quan', 'Sở Văn hóa, Thể thao và Du lịch'),
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
  /**
   * Who signs for each issuing authority (issue 12 §3; procedure_versions.issuer): the Sở (Giám đốc, or a Phó
   * Giám đốc signing KT.) and the provincial People's Committee, which issues some licences itself (e.g.
   * XB-TLKKD since NĐ 138/2025) and signs TM. Ủy ban nhân dân (Chủ tịch, or a Phó Chủ tịch signing KT.).
   */
  authorities: z.object({
    so: z.object({ signers: signerList('Người ký của Sở') }),
    ubnd: z.object({
      name: sentenceName('Tên Ủy ban nhân dân tỉnh', 'Ủy ban nhân dân tỉnh Bắc Ninh'),
      signers: signerList('Người ký của Ủy ban nhân dân tỉnh'),
    }),
  }),
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
  /**
   * Fields an older LicenceDesk stored in another form and this one converted on reading (upper-case names put
   * in sentence case, the UBND's name derived): the settings screen asks the administrator to check them.
   */
  needsReview: z.array(z.string()),
});

export type SettingsInput = z.input<typeof settingsInputSchema>;
export type Settings = z.output<typeof settingsSchema>;
