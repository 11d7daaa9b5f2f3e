import type {
  RegistrationAggregate,
  RegistrationCreateInput,
  RegistrationDetail,
  RegistrationSummary,
  RegistrationUpdateInput,
} from '../../../../shared/movements/registration.schema';
import type { ErrorBody } from '../../../../shared/errors';
import { api, ApiError, BAD_RESPONSE } from '../../../lib/api';

export const listRegistrations = (year: number) => api.get<RegistrationSummary[]>('/registrations', { year });
export const getRegistration = (id: string) => api.get<RegistrationDetail>(`/registrations/${id}`);
export const getRegistrationAggregate = (year: number) =>
  api.get<RegistrationAggregate>('/registrations/aggregate', { year });
export const createRegistration = (input: RegistrationCreateInput) =>
  api.post<RegistrationDetail>('/registrations', input);
export const updateRegistration = (id: string, input: RegistrationUpdateInput) =>
  api.put<RegistrationDetail>(`/registrations/${id}`, input);
export const submitRegistration = (id: string, version: number) =>
  api.post<RegistrationDetail>(`/registrations/${id}/submit`, { version });
export const approveRegistration = (id: string, version: number) =>
  api.post<RegistrationDetail>(`/registrations/${id}/approve`, { version });
export const returnRegistration = (id: string, reason: string, version: number) =>
  api.post<RegistrationDetail>(`/registrations/${id}/return`, { reason, version });
export const forwardRegistrations = (year: number) =>
  api.post<{ forwarded: number }>('/registrations/forward', { year });
export const TEMPLATE_URL = '/api/registrations/template';

/** People of the caller's unit for the individual lines (the people API scopes them). */
export const searchPeople = (q: string) =>
  api.get<{ items: { id: string; code: string; fullName: string; unitName: string | null }[] }>('/people', {
    q,
    pageSize: 30,
    page: 1,
  });

/** Sends the filled-in template; the server replaces the list's items, all or nothing. */
export async function importItems(id: string, version: number, file: File, csrfToken: string) {
  const form = new FormData();
  form.append('file', file, file.name);
  const res = await fetch(`/api/registrations/${id}/items/import?version=${version}`, {
    method: 'POST',
    body: form,
    credentials: 'same-origin',
    headers: { 'x-csrf-token': csrfToken, accept: 'application/json' },
  });
  const body = (await res.json().catch(() => undefined)) as unknown;
  if (res.ok) return body as RegistrationDetail;
  const e = body as Partial<ErrorBody> | undefined;
  throw typeof e?.code === 'string' && typeof e.message === 'string'
    ? new ApiError(res.status, e as ErrorBody)
    : new ApiError(res.status, { code: BAD_RESPONSE, message: `HTTP ${res.status}` });
}
