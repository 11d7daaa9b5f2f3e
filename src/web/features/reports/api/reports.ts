import type { SummaryReport } from '../../../../domain/reports/summary';
import { api } from '../../../lib/api';

export const getSummary = (year: number, scope: string) =>
  api.get<SummaryReport>('/reports/summary', { year, scope: scope || undefined });

/** The file download address (GET with the session cookie). */
export const summaryFileUrl = (year: number, scope: string, format: 'docx' | 'xlsx') =>
  `/api/reports/summary?${new URLSearchParams({ year: String(year), format, ...(scope ? { scope } : {}) })}`;
