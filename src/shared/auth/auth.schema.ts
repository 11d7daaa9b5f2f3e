import { z } from '../zod';
import { PERMISSIONS, ROLES } from '../permissions';

export const loginSchema = z.strictObject({
  username: z
    .string({ message: 'Vui lòng nhập tên đăng nhập' })
    .trim()
    .min(1, { message: 'Vui lòng nhập tên đăng nhập' })
    .max(50, { message: 'Tên đăng nhập tối đa 50 ký tự' }),
  password: z
    .string({ message: 'Vui lòng nhập mật khẩu' })
    .min(1, { message: 'Vui lòng nhập mật khẩu' })
    .max(200, { message: 'Mật khẩu tối đa 200 ký tự' }),
});
export type LoginInput = z.infer<typeof loginSchema>;

/** Password policy: long enough to resist guessing; no composition theatre beyond letters and digits. */
export const newPassword = z
  .string({ message: 'Vui lòng nhập mật khẩu mới' })
  .min(10, { message: 'Mật khẩu mới phải có ít nhất 10 ký tự' })
  .max(200, { message: 'Mật khẩu tối đa 200 ký tự' })
  .refine((s) => /\p{L}/u.test(s) && /\d/.test(s), { message: 'Mật khẩu mới phải có cả chữ và số' });

export const changePasswordSchema = z
  .strictObject({
    currentPassword: z.string({ message: 'Vui lòng nhập mật khẩu hiện tại' }).min(1, {
      message: 'Vui lòng nhập mật khẩu hiện tại',
    }),
    newPassword,
    confirmPassword: z.string({ message: 'Vui lòng nhập lại mật khẩu mới' }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ['confirmPassword'],
    message: 'Mật khẩu nhập lại không khớp',
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ['newPassword'],
    message: 'Mật khẩu mới phải khác mật khẩu hiện tại',
  });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const currentUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  unitId: z.string(),
  unitName: z.string(),
  permissions: z.array(z.enum(PERMISSIONS)),
  mustChangePassword: z.boolean(),
  /** Send back in the `X-CSRF-Token` header on every write. */
  csrfToken: z.string(),
});
export type CurrentUser = z.infer<typeof currentUserSchema>;

export const sessionInfoSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;
