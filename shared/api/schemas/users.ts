import { z } from '../zod-vi';
import { id, optionalText, requiredText } from './common';
import { roles } from '../../domain/workflow/roles';

export const usernameSchema = z
  .string({ error: 'Tên đăng nhập là bắt buộc.' })
  .trim()
  .regex(/^[a-zA-Z0-9._-]{3,40}$/, {
    error: 'Tên đăng nhập gồm 3–40 chữ cái không dấu, chữ số, dấu chấm, gạch dưới hoặc gạch ngang.',
  });

/** Long passphrases beat composition rules (NIST SP 800-63B §5.1.1): length is what we require. */
export const newPasswordSchema = z
  .string({ error: 'Mật khẩu là bắt buộc.' })
  .min(10, { error: 'Mật khẩu mới phải có ít nhất 10 ký tự.' })
  .max(200, { error: 'Mật khẩu tối đa 200 ký tự.' });

export const roleListSchema = z
  .array(z.enum(roles, { error: 'Vai trò không hợp lệ.' }))
  .min(1, { error: 'Chọn ít nhất một vai trò.' })
  .max(roles.length);

export const userSchema = z.object({
  id,
  username: z.string(),
  fullName: z.string(),
  title: z.string().nullable(),
  roles: z.array(z.enum(roles)),
  isActive: z.boolean(),
  mustChangePassword: z.boolean(),
  version: z.number().int(),
});
export type UserView = z.output<typeof userSchema>;

export const loginInput = z.object({
  username: z.string().trim().min(1, { error: 'Nhập tên đăng nhập.' }).max(40),
  password: z.string().min(1, { error: 'Nhập mật khẩu.' }).max(200),
});
export const loginOutput = z.object({ sessionToken: z.string(), user: userSchema });

export const changePasswordInput = z
  .object({
    currentPassword: z.string().min(1, { error: 'Nhập mật khẩu hiện tại.' }).max(200),
    newPassword: newPasswordSchema,
  })
  .refine((v) => v.currentPassword !== v.newPassword, {
    error: 'Mật khẩu mới phải khác mật khẩu hiện tại.',
    path: ['newPassword'],
  });

export const userCreateInput = z.object({
  username: usernameSchema,
  fullName: requiredText('Họ tên', { max: 120 }),
  title: optionalText('Chức vụ', { max: 120 }),
  roles: roleListSchema,
  temporaryPassword: newPasswordSchema,
});

export const userUpdateInput = z.object({
  id,
  fullName: requiredText('Họ tên', { max: 120 }),
  title: optionalText('Chức vụ', { max: 120 }),
  roles: roleListSchema,
  isActive: z.boolean(),
  version: z.number().int(),
});

export const resetPasswordInput = z.object({ id, temporaryPassword: newPasswordSchema });
