import type { SummaryReport } from '../../../../domain/reports/summary';
import type {
  NarrativeHistory,
  NarrativeSaveInput,
  ScopeOption,
} from '../../../../shared/reports/summary.schema';
import { api } from '../../../lib/api';

/** The report; `version`: an older narrative version (none: the latest). */
export const getSummary = (year: number, scope: string, version?: number) =>
  api.get<SummaryReport>('/reports/summary', { year, scope: scope || undefined, version });

/** The file download address (GET with the session cookie). */
export const summaryFileUrl = (year: number, scope: string, format: 'docx' | 'xlsx', version?: number) =>
  `/api/reports/summary?${new URLSearchParams({
    year: String(year),
    format,
    ...(scope ? { scope } : {}),
    ...(version ? { version: String(version) } : {}),
  })}`;

export const getScopes = (year: number) => api.get<ScopeOption[]>('/reports/scopes', { year });

export const getHistory = (year: number, scope: string) =>
  api.get<NarrativeHistory>('/reports/summary/versions', { year, scope: scope || undefined });

export const saveNarrative = (input: NarrativeSaveInput) =>
  api.put<NarrativeHistory>('/reports/summary/narrative', input);

export const publishSummary = (year: number, scope: string) =>
  api.post<{ id: string; slug: string; url: string }>('/reports/summary/publish', { year, scope });
