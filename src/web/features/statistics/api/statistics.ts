import type {
  FormId,
  FormModel,
  StatFilter,
  Statistics,
  StatAwardItem,
} from '../../../../shared/statistics/statistics.schema';
import type { Page } from '../../../../shared/paginated';
import { api } from '../../../lib/api';

export const getStatistics = (year: number, scope: string) =>
  api.get<Statistics>('/statistics', { year, scope: scope || undefined });

/** The file download address (GET with the session cookie). */
export const statisticsFileUrl = (year: number, scope: string, format: 'docx' | 'xlsx') =>
  `/api/statistics?${new URLSearchParams({ year: String(year), format, ...(scope ? { scope } : {}) })}`;

export const getForm = (id: FormId, year: number, scope: string) =>
  api.get<FormModel>(`/statistics/forms/${id}`, { year, scope: scope || undefined });

export const formFileUrl = (id: FormId, year: number, scope: string) =>
  `/api/statistics/forms/${id}?${new URLSearchParams({ year: String(year), format: 'xlsx', ...(scope ? { scope } : {}) })}`;

/** The awards behind a number. */
export const getAwards = (
  filter: StatFilter & { year: number },
  scope: string,
  page: number,
  pageSize = 20,
) =>
  api.get<Page<StatAwardItem>>('/statistics/awards', {
    ...filter,
    scope: scope || undefined,
    page,
    pageSize,
  });
