import type { ChangePasswordInput, SessionInfo } from '../../../../shared/auth/auth.schema';
import { api } from '../../../lib/api';

export const changePassword = (input: ChangePasswordInput) =>
  api.post<{ revokedOtherSessions: number }>('/auth/change-password', input);

export const listMySessions = () => api.get<SessionInfo[]>('/auth/sessions');

export const revokeMySession = (id: string) =>
  api.delete<{ revoked: true }>(`/auth/sessions/${encodeURIComponent(id)}`);
