import { z } from '../zod-vi';
import { email, id, isoDate, isoDateTime, optionalText, phone, requiredText } from './common';
import { applicantKinds, channels, dossierStatuses } from '../../domain/dossier-status';
import { ledgerLineSchema } from './calendar';

export const applicantSchema = z.object({
  kind: z.enum(applicantKinds, { error: 'Chọn loại người nộp: tổ chức hoặc cá nhân.' }),
  name: requiredText('Tên tổ chức, cá nhân', { max: 255 }),
  idNumber: optionalText('Số CCCD / mã số doanh nghiệp / số quyết định thành lập', { max: 50 }),
  address: optionalText('Địa chỉ', { max: 500 }),
  phone,
  email,
});

export const receivedComponentSchema = z.object({
  name: requiredText('Tên thành phần hồ sơ', { max: 300 }),
  copies: z
    .number({ error: 'Số bản phải là số.' })
    .int({ error: 'Số bản phải là số nguyên.' })
    .min(0, { error: 'Số bản không được âm.' })
    .max(99, { error: 'Số bản tối đa 99.' }),
  isProvided: z.boolean(),
  isOriginal: z.boolean(),
});

export const receiveInputSchema = z.object({
  /** Generated once per open form: a double-clicked submit must not create two dossiers. */
  requestId: z.uuid({ error: 'Mã yêu cầu không hợp lệ.' }),
  procedureId: z
    .string({ error: 'Chọn thủ tục hành chính.' })
    .min(1, { error: 'Chọn thủ tục hành chính.' })
    .max(40),
  applicant: applicantSchema,
  components: z.array(receivedComponentSchema).max(50, { error: 'Tối đa 50 thành phần hồ sơ.' }),
  setCount: z
    .number()
    .int()
    .min(1, { error: 'Số bộ hồ sơ ít nhất là 1.' })
    .max(20, { error: 'Tối đa 20 bộ.' }),
  channel: z.enum(channels, { error: 'Chọn kênh nộp hồ sơ.' }),
  /** When the complete dossier was received; omitted = now. */
  receivedAt: isoDateTime.nullish(),
  returnMethod: z.enum(['desk', 'post'], { error: 'Chọn nơi nhận kết quả.' }),
  notes: optionalText('Ghi chú', { max: 2000, multiline: true }),
});
export type ReceiveInput = z.input<typeof receiveInputSchema>;

export const dossierRowSchema = z.object({
  id,
  code: z.string(),
  procedureId: z.string(),
  procedureCode: z.string().nullable(),
  procedureName: z.string(),
  applicantName: z.string(),
  applicantKind: z.enum(applicantKinds),
  channel: z.enum(channels),
  status: z.enum(dossierStatuses),
  receivedAt: z.string(),
  dueDate: isoDate.nullable(),
  dueAt: z.string().nullable(),
  /** Working days left until the due date (negative when overdue); null when paused or finished. */
  workingDaysLeft: z.number().int().nullable(),
  timeliness: z.enum(['in_time', 'due_soon', 'overdue', 'paused', 'early', 'on_time', 'late']).nullable(),
  /** While a supplement request is open: working days the clock has stood ("Tạm dừng – chờ bổ sung (n ngày)"). */
  pausedWorkingDays: z.number().int().nullable(),
  version: z.number().int(),
  /** Provided components without a scan yet (the list marks such dossiers; "số hóa hồ sơ", issue 13). */
  scansMissing: z.number().int(),
});
export type DossierRow = z.output<typeof dossierRowSchema>;

export const dossierDetailSchema = dossierRowSchema.extend({
  applicant: z.object({
    kind: z.enum(applicantKinds),
    name: z.string(),
    idNumber: z.string().nullable(),
    address: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
  }),
  components: z.array(receivedComponentSchema),
  setCount: z.number().int(),
  returnMethod: z.enum(['desk', 'post']),
  notes: z.string().nullable(),
  countFrom: isoDate.nullable(),
  deadline: z.object({ amount: z.number().int(), unit: z.enum(['wd', 'cd', 'h']) }),
  ledger: z.array(ledgerLineSchema),
  receiverName: z.string(),
  registerEntryNo: z.number().int(),
  possibleDuplicates: z.array(z.object({ id, code: z.string(), applicantName: z.string() })),
});
export type DossierDetail = z.output<typeof dossierDetailSchema>;

export const listInputSchema = z.object({
  query: z.string().max(200, { error: 'Từ khóa tìm kiếm tối đa 200 ký tự.' }).optional(),
  status: z.enum(dossierStatuses).optional(),
  procedureId: z.string().max(40).optional(),
  /** Keyset cursor from the previous page: paging stays O(page) at 1,000,000 dossiers. */
  cursor: z.object({ receivedMs: z.number().int(), id }).optional(),
  limit: z.number().int().min(1).max(500).default(100),
});

export const listOutputSchema = z.object({
  items: z.array(dossierRowSchema),
  total: z.number().int(),
  /** The total is a floor ("hơn 10.000"): counting every match of a broad search would be slower than the page. */
  totalIsCapped: z.boolean(),
  nextCursor: z.object({ receivedMs: z.number().int(), id }).nullable(),
});

export const dueDatePreviewInput = z.object({
  procedureId: z.string().min(1).max(40),
  receivedAt: isoDateTime.nullish(),
});
export const dueDatePreviewOutput = z.object({
  countFrom: isoDate,
  dueDate: isoDate,
  dueAt: z.string(),
  deadline: z.object({ amount: z.number().int(), unit: z.enum(['wd', 'cd', 'h']) }),
});

export const documentOutputSchema = z.object({
  fileName: z.string(),
  mimeType: z.literal('application/pdf'),
  base64: z.string(),
});

export const receiptInputSchema = z.object({
  dossierId: id,
  copies: z.union([z.literal(1), z.literal(2)]).default(1),
});
