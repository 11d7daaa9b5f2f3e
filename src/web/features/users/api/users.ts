import type {
  ResetPasswordInput,
  User,
  UserCreateInput,
  UserListQuery,
  UserUpdateInput,
} from '../../../../shared/users/users.schema';
import type { Unit } from '../../../../shared/units/units.schema';
import type { Page } from '../../../../shared/paginated';
import { api } from '../../../lib/api';

export const listUsers = (query: Partial<UserListQuery>) => api.get<Page<User>>('/users', query);
export const createUser = (input: UserCreateInput) => api.post<User>('/users', input);
export const updateUser = (id: string, input: UserUpdateInput) => api.patch<User>(`/users/${id}`, input);
export const resetUserPassword = (id: string, input: ResetPasswordInput) =>
  api.post<User>(`/users/${id}/reset-password`, input);
export const unlockUser = (id: string) => api.post<User>(`/users/${id}/unlock`);
export const revokeUserSessions = (id: string) =>
  api.post<{ revoked: number }>(`/users/${id}/revoke-sessions`);

/** Units for the unit pickers (the units feature owns the tree page; here we only need the list). */
export const listUnitsForPicker = () => api.get<Unit[]>('/units', { includeInactive: true });
