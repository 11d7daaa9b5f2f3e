/** The eligibility and rules API as the pages call it (contracts: shared/eligibility/eligibility.schema). */
import type {
  BaseSalary,
  BaseSalaryInput,
  LocalPackRow,
  PacksResponse,
  PrizeResponse,
  QuotaResponse,
  SuggestionQuery,
  SuggestionResponse,
} from '../../../../shared/eligibility/eligibility.schema';
import type { Block } from '../../../../shared/registry/registry.schema';
import type { Unit } from '../../../../shared/units/units.schema';
import { api, type Query } from '../../../lib/api';

/** The page's filters; the export takes exactly the same ones. */
export type SuggestionFilter = Omit<SuggestionQuery, 'page' | 'pageSize'>;

const toQuery = (f: SuggestionFilter): Query => ({ ...f });

export const listSuggestions = (f: SuggestionFilter & { page: number; pageSize: number }) =>
  api.get<SuggestionResponse>('/eligibility/suggestions', {
    ...toQuery(f),
    page: f.page,
    pageSize: f.pageSize,
  });

/** What is filtered is what is exported. */
export function suggestionsExportUrl(f: SuggestionFilter): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(toQuery(f)))
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  return `/api/eligibility/suggestions/export?${params.toString()}`;
}

export const getQuotas = (year: number, unitId?: string) =>
  api.get<QuotaResponse>('/eligibility/quotas', { year, unitId });

export const listUnitsForPicker = () => api.get<Unit[]>('/units', { includeInactive: true });
export const listBlocks = (year: number) => api.get<Block[]>('/registry/blocks', { year });

// ── rules

export const getPacks = () => api.get<PacksResponse>('/rules/packs');
/** The body is what the admin typed (checked by the server, whose messages are shown as they come). */
export const createLocalPack = (body: unknown) => api.post<LocalPackRow>('/rules/local-packs', body);
export const updateLocalPack = (id: string, body: unknown) =>
  api.put<LocalPackRow>(`/rules/local-packs/${encodeURIComponent(id)}`, body);
export const setLocalPackEnabled = (id: string, enabled: boolean, version: number) =>
  api.post<LocalPackRow>(`/rules/local-packs/${encodeURIComponent(id)}/enabled`, { enabled, version });

export const listBaseSalaries = () => api.get<BaseSalary[]>('/rules/base-salaries');
export const createBaseSalary = (input: BaseSalaryInput) =>
  api.post<BaseSalary>('/rules/base-salaries', input);
export const updateBaseSalary = (id: string, input: BaseSalaryInput & { version: number }) =>
  api.put<BaseSalary>(`/rules/base-salaries/${id}`, input);
export const deleteBaseSalary = (id: string) => api.delete<{ id: string }>(`/rules/base-salaries/${id}`);

export interface PrizeQuery {
  awardCode: string;
  recipientKind: string;
  issuerLevel?: string;
  decisionDate: string;
  year?: number;
}
export const computePrize = (q: PrizeQuery) => api.get<PrizeResponse>('/rules/prize', { ...q });
