import type {
  FundBudget,
  FundBudgetInput,
  FundChecks,
  FundEntry,
  FundEntryInput,
  FundEntryUpdate,
  FundPendingPrize,
  FundSummary,
  FundUnit,
} from '../../../../shared/fund/fund.schema';
import { api } from '../../../lib/api';

export const fundSummary = (year: number) => api.get<FundSummary>('/fund/summary', { year });
export const fundUnits = () => api.get<FundUnit[]>('/fund/units');
export const fundEntries = (year: number, unitId?: string) =>
  api.get<FundEntry[]>('/fund/entries', { year, unitId });
export const createFundEntry = (input: FundEntryInput) => api.post<FundEntry>('/fund/entries', input);
export const updateFundEntry = (id: string, input: FundEntryUpdate) =>
  api.put<FundEntry>(`/fund/entries/${id}`, input);
export const deleteFundEntry = (id: string, version: number) =>
  api.delete<{ id: string }>(`/fund/entries/${id}?version=${version}`);
export const pendingPrizes = (year: number, unitId?: string) =>
  api.get<FundPendingPrize[]>('/fund/pending-prizes', { year, unitId });
export const recordPrize = (decisionId: string) => api.post<FundEntry>('/fund/prizes', { decisionId });
export const fundChecks = (year: number, unitId: string) =>
  api.get<FundChecks>('/fund/checks', { year, unitId });
export const fundBudgets = (year: number) => api.get<FundBudget[]>('/fund/budgets', { year });
export const setFundBudget = (input: FundBudgetInput) => api.put<FundBudget>('/fund/budgets', input);
export const ledgerExcelUrl = (year: number, unitId?: string) =>
  `/api/fund/entries.xlsx?year=${year}${unitId ? `&unitId=${unitId}` : ''}`;
