import type { Council, SessionView } from '../../../../shared/council/council.schema';
import type { Unit } from '../../../../shared/units/units.schema';
import { api } from '../../../lib/api';

export interface CouncilListItem {
  id: string;
  authorityUnitName: string;
  year: number;
  name: string;
  members: number;
  sessions: number;
  isMember: boolean;
}
export type Choice = 'yes' | 'no' | 'abstain';
export type Presence = 'present' | 'absent_written' | 'absent';

export const listCouncils = () => api.get<CouncilListItem[]>('/councils');
export const getCouncil = (id: string) => api.get<Council>(`/councils/${id}`);
export const createCouncil = (input: {
  authorityUnitId: string;
  year: number;
  name: string;
  quorum: { numerator: number; denominator: number; countsWritten: boolean };
}) => api.post<Council>('/councils', input);
export const addMember = (
  councilId: string,
  input: { fullName: string; position: string; councilRole: string; userId: string | null },
) => api.post<Council>(`/councils/${councilId}/members`, input);
export const removeMember = (memberId: string) => api.delete<Council>(`/councils/members/${memberId}`);
export const createSession = (councilId: string, input: { title: string; heldOn: string; place: string }) =>
  api.post<SessionView>(`/councils/${councilId}/sessions`, input);
export const getSession = (id: string) => api.get<SessionView>(`/councils/sessions/${id}`);
export const addToAgenda = (sessionId: string, dossierId: string) =>
  api.post<SessionView>(`/councils/sessions/${sessionId}/agenda`, { dossierId });
export const saveAttendance = (sessionId: string, entries: { memberId: string; presence: Presence }[]) =>
  api.put<SessionView>(`/councils/sessions/${sessionId}/attendance`, { entries });
export const openSession = (sessionId: string, version: number) =>
  api.post<SessionView>(`/councils/sessions/${sessionId}/open`, { version });
export const closeSession = (sessionId: string, version: number) =>
  api.post<SessionView>(`/councils/sessions/${sessionId}/close`, { version });
export const vote = (itemId: string, choice: Choice) =>
  api.post<{ itemId: string }>(`/councils/items/${itemId}/vote`, { choice });
export const paperBallot = (itemId: string, memberId: string, choice: Choice) =>
  api.post<{ itemId: string }>(`/councils/items/${itemId}/paper-ballots`, { memberId, choice });
export const minutesUrl = (sessionId: string) => `/api/councils/sessions/${sessionId}/minutes.docx`;
export const listUnits = () => api.get<Unit[]>('/units');
export const listCouncilUsers = () =>
  api.get<{ items: { id: string; username: string; displayName: string }[] }>('/users', {
    role: 'council_member',
    pageSize: 500,
  });
