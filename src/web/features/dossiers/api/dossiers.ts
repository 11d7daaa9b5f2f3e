import type {
  AttachmentView,
  DossierActionInput,
  DossierCreateInput,
  DossierDetail,
  DossierEvent,
  DossierSummary,
  DossierUpdateInput,
  FromSuggestionsInput,
  ImportPreview,
  NomineeInput,
  NomineeView,
} from '../../../../shared/dossiers/dossiers.schema';
import type { Holiday, HolidayInput } from '../../../../shared/dossiers/holidays.schema';
import type { NotificationList } from '../../../../shared/dossiers/notifications.schema';
import type { SuggestionResponse } from '../../../../shared/eligibility/eligibility.schema';
import type { Unit } from '../../../../shared/units/units.schema';
import { api, upload } from '../../../lib/api';

export const listDossiers = (q: {
  year?: number;
  status?: string;
  lateOnly?: boolean;
  proposingUnitId?: string;
}) => api.get<DossierSummary[]>('/dossiers', q);
export const getDossier = (id: string) => api.get<DossierDetail>(`/dossiers/${id}`);
export const getTimeline = (id: string) => api.get<DossierEvent[]>(`/dossiers/${id}/timeline`);
export const createDossier = (input: DossierCreateInput) => api.post<DossierDetail>('/dossiers', input);
export const updateDossier = (id: string, input: DossierUpdateInput) =>
  api.put<DossierDetail>(`/dossiers/${id}`, input);
export const addNominee = (id: string, input: NomineeInput) =>
  api.post<NomineeView>(`/dossiers/${id}/nominees`, input);
export const updateNominee = (
  id: string,
  nomineeId: string,
  input: { awardCode?: string; achievementSummary?: string; initiativeId?: string | null },
) => api.put<NomineeView>(`/dossiers/${id}/nominees/${nomineeId}`, input);
export const removeNominee = (id: string, nomineeId: string) =>
  api.delete<void>(`/dossiers/${id}/nominees/${nomineeId}`);
export const addFromSuggestions = (id: string, input: FromSuggestionsInput) =>
  api.post<NomineeView[]>(`/dossiers/${id}/nominees/from-suggestions`, input);
export const runChecks = (id: string) => api.post<DossierDetail>(`/dossiers/${id}/checks`);
export const resolveNominee = (id: string, nomineeId: string, how: 'accept' | 'exclude', reason: string) =>
  api.post<NomineeView>(`/dossiers/${id}/nominees/${nomineeId}/${how}`, { reason });
export const actOn = (id: string, input: DossierActionInput) =>
  api.post<DossierDetail>(`/dossiers/${id}/actions`, input);
export const removeAttachment = (id: string, attachmentId: string) =>
  api.delete<void>(`/dossiers/${id}/attachments/${attachmentId}`);
export const attachmentUrl = (id: string, attachmentId: string) =>
  `/api/dossiers/${id}/attachments/${attachmentId}`;
export const TEMPLATE_URL = '/api/dossiers/template';

export const listMovements = (year: number) =>
  api.get<{ id: string; name: string }[]>('/movements', { year });
export const listUnits = () => api.get<Unit[]>('/units', { includeInactive: false });
export const suggestions = (year: number, awardCode: string) =>
  api.get<SuggestionResponse>('/eligibility/suggestions', { year, awardCode, pageSize: 200, page: 1 });
export const searchPeople = (q: string) =>
  api.get<{ items: { id: string; code: string; fullName: string; unitName: string | null }[] }>('/people', {
    q,
    pageSize: 30,
    page: 1,
  });

export const listHolidays = (year?: number) => api.get<Holiday[]>('/holidays', { year });
export const putHoliday = (input: HolidayInput) => api.put<Holiday>('/holidays', input);
export const deleteHoliday = (day: string) => api.delete<void>(`/holidays/${day}`);

export const listNotifications = () => api.get<NotificationList>('/notifications');
export const markRead = (id: string) => api.post<{ marked: number }>(`/notifications/${id}/read`);
export const markAllRead = () => api.post<{ marked: number }>('/notifications/read-all');

export const uploadAttachment = (id: string, kind: string, file: File, csrf: string) =>
  upload<AttachmentView>(`/api/dossiers/${id}/attachments?kind=${encodeURIComponent(kind)}`, file, csrf);
export const importNominees = (id: string, file: File, commit: boolean, csrf: string) =>
  upload<ImportPreview>(`/api/dossiers/${id}/nominees/import?commit=${commit}`, file, csrf);
