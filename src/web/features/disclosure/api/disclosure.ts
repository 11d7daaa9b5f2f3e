import type {
  Disclosure,
  DisclosureCandidate,
  DisclosureComment,
} from '../../../../shared/disclosure/disclosure.schema';
import { api } from '../../../lib/api';

export const listDisclosures = (status: 'open' | 'closed' | 'all' = 'all') =>
  api.get<Disclosure[]>('/disclosures', { status });
export const listCandidates = () => api.get<DisclosureCandidate[]>('/disclosures/candidates');
export const publishDisclosure = (dossierId: string, workingDays: number) =>
  api.post<Disclosure>('/disclosures', { dossierId, workingDays });
export const listComments = (dossierId: string) =>
  api.get<DisclosureComment[]>(`/disclosures/dossiers/${dossierId}/comments`);
export const handleComment = (commentId: string, note: string) =>
  api.post<{ id: string }>(`/disclosures/comments/${commentId}/handle`, { note });
/** The public page of a disclosure (server-rendered, no login). */
export const publicPageUrl = (id: string) => `/cong-khai/${id}`;
