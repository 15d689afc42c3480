import { z } from '../zod-vi';
import { findTextProblem, normalizeTyped } from '../../domain/text-rules';

const problemMessages = {
  control: 'chứa ký tự điều khiển hoặc ký tự ẩn không được phép',
  emoji: 'không được chứa biểu tượng cảm xúc (emoji)',
} as const;

interface TextOptions {
  max: number;
  multiline?: boolean;
}

/** A required free-text field: NFC, trimmed, non-empty, bounded, printable. */
export function requiredText(label: string, { max, multiline = false }: TextOptions) {
  return z
    .string({ error: `${label} là bắt buộc.` })
    .transform(normalizeTyped)
    .pipe(
      z
        .string()
        .min(1, { error: `${label} không được để trống.` })
        .max(max, { error: `${label} tối đa ${max} ký tự.` })
        .superRefine((value, ctx) => {
          const problem = findTextProblem(value, multiline);
          if (problem) ctx.addIssue({ code: 'custom', message: `${label} ${problemMessages[problem]}.` });
        }),
    );
}

/** An optional free-text field: empty input becomes null. */
export function optionalText(label: string, { max, multiline = false }: TextOptions) {
  return z
    .string()
    .nullish()
    .transform((value) => (value == null ? '' : normalizeTyped(value)))
    .pipe(
      z
        .string()
        .max(max, { error: `${label} tối đa ${max} ký tự.` })
        .superRefine((value, ctx) => {
          const problem = findTextProblem(value, multiline);
          if (problem) ctx.addIssue({ code: 'custom', message: `${label} ${problemMessages[problem]}.` });
        })
        .transform((value) => (value === '' ? null : value)),
    );
}

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Ngày phải có dạng YYYY-MM-DD.' })
  .refine(isRealDate, { error: 'Ngày không tồn tại.' });

/** An instant with an explicit offset: Asia/Ho_Chi_Minh was +08 before 1975, so offsets are never implied. */
export const isoDateTime = z.iso.datetime({
  offset: true,
  error: 'Thời điểm phải có dạng ISO 8601 kèm múi giờ.',
});

export const id = z.number().int().positive();

function isRealDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export const phone = z
  .string()
  .nullish()
  .transform((value) => (value == null ? '' : value.normalize('NFC').trim()))
  .pipe(
    z
      .string()
      .regex(/^$|^\+?[0-9 .()-]{8,20}$/, {
        error: 'Số điện thoại chỉ gồm chữ số (8–20 ký tự), có thể có + ở đầu.',
      })
      .transform((value) => (value === '' ? null : value)),
  );

export const email = z
  .string()
  .nullish()
  .transform((value) => (value == null ? '' : value.trim()))
  .pipe(
    z
      .union([z.literal(''), z.email({ error: 'Địa chỉ email không hợp lệ.' }).max(254)])
      .transform((value) => (value === '' ? null : value)),
  );
