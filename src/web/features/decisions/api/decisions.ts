import type {
  DecisionCreateInput,
  DecisionDetail,
  DecisionSummary,
  DecisionUpdateInput,
} from '../../../../shared/decisions/decisions.schema';
import { api } from '../../../lib/api';

export interface ApprovedDossier {
  id: string;
  code: string;
  title: string;
  year: number;
  proposingUnitName: string;
  authorityUnitId: string;
  passed: number;
}

export const listDecisions = (q: { year?: number; status?: string; issuerUnitId?: string }) =>
  api.get<DecisionSummary[]>('/decisions', q);
export const getDecision = (id: string, decidedOn?: string) =>
  api.get<DecisionDetail>(`/decisions/${id}`, decidedOn ? { decidedOn } : undefined);
export const listApprovedDossiers = () => api.get<ApprovedDossier[]>('/decisions/approved-dossiers');
export const createDecision = (input: DecisionCreateInput) => api.post<DecisionDetail>('/decisions', input);
export const updateDecision = (id: string, input: DecisionUpdateInput) =>
  api.put<DecisionDetail>(`/decisions/${id}`, input);
export const deleteDecision = (id: string, version: number) =>
  api.delete<{ id: string }>(`/decisions/${id}?version=${version}`);
export const issueDecision = (id: string, version: number) =>
  api.post<DecisionDetail>(`/decisions/${id}/issue`, { version });
export const wordUrl = (id: string) => `/api/decisions/${id}/word`;
export const excelUrl = (id: string) => `/api/decisions/${id}/excel`;
