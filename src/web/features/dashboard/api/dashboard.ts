import type {
  Dashboard,
  StatAwardItem,
  StatDossierItem,
  StatFilter,
} from '../../../../shared/statistics/statistics.schema';
import type { Page } from '../../../../shared/paginated';
import { api, ApiError } from '../../../lib/api';

export const getDashboard = (year: number) => api.get<Dashboard>('/statistics/dashboard', { year });

export const getAwards = (filter: StatFilter & { year: number }, page: number, pageSize = 10) =>
  api.get<Page<StatAwardItem>>('/statistics/awards', { ...filter, page, pageSize });

export const getDossiers = (
  q: { year: number; status?: string; late?: boolean },
  page: number,
  pageSize = 10,
) => api.get<Page<StatDossierItem>>('/statistics/dossiers', { ...q, page, pageSize });

/** What the dashboard shows of the emulation fund (GET /api/fund/summary, the fund feature's API). */
export interface FundCard {
  year: number;
  totals: { income: number; expense: number; balance: number; prizes: number; movements: number };
}

/**
 * The fund's year summary, or null when there is none to show: the fund is not set up yet (404), the user
 * may not read it (403), or the year has no ledger. Other failures are real errors.
 */
export async function getFundSummary(year: number): Promise<FundCard | null> {
  try {
    const r = await api.get<Partial<FundCard>>('/fund/summary', { year });
    return r && r.totals ? (r as FundCard) : null;
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 403)) return null;
    throw e;
  }
}
