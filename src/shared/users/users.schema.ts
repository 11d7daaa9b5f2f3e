import { z, plainText, uuid, pageQuery } from '../zod';
import { ROLES } from '../permissions';
import { newPassword } from '../auth/auth.schema';

const username = z
  .string({ message: 'Vui lòng nhập tên đăng nhập' })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,49}$/, {
    message: 'Tên đăng nhập gồm 3–50 ký tự: chữ thường không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới',
  });

export const userCreateSchema = z.strictObject({
  username,
  displayName: plainText('Họ và tên', 150),
  role: z.enum(ROLES, { message: 'Vai trò không hợp lệ' }),
  unitId: uuid,
  /** Initial password; the user must change it at first login. */
  password: newPassword,
});
export type UserCreateInput = z.infer<typeof userCreateSchema>;

export const userUpdateSchema = z.strictObject({
  displayName: plainText('Họ và tên', 150).optional(),
  role: z.enum(ROLES, { message: 'Vai trò không hợp lệ' }).optional(),
  unitId: uuid.optional(),
  active: z.boolean().optional(),
  version: z.number().int().min(1),
});
export type UserUpdateInput = z.infer<typeof userUpdateSchema>;

export const resetPasswordSchema = z.strictObject({ newPassword });
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  unitId: z.string(),
  unitName: z.string(),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  locked: z.boolean(),
  lastLoginAt: z.string().nullable(),
  version: z.number(),
});
export type User = z.infer<typeof userSchema>;

export const userListQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  role: z.enum(ROLES).optional(),
  unitId: uuid.optional(),
});
export type UserListQuery = z.infer<typeof userListQuery>;
