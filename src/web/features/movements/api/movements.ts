import type {
  MovementAggregate,
  MovementDetail,
  MovementInput,
  MovementSummary,
  NotificationView,
  ResultInput,
  UnitResult,
} from '../../../../shared/movements/movements.schema';
import type { Unit } from '../../../../shared/units/units.schema';
import { api } from '../../../lib/api';

export const listMovements = (year: number) => api.get<MovementSummary[]>('/movements', { year });
export const getMovement = (id: string) => api.get<MovementDetail>(`/movements/${id}`);
export const getAggregate = (id: string) => api.get<MovementAggregate>(`/movements/${id}/aggregate`);
export const createMovement = (input: MovementInput) => api.post<MovementDetail>('/movements', input);
export const updateMovement = (id: string, movement: MovementInput, version: number) =>
  api.put<MovementDetail>(`/movements/${id}`, { movement, version });
export const launchMovement = (id: string, version: number) =>
  api.post<MovementDetail>(`/movements/${id}/launch`, { version });
export const closeMovement = (id: string, version: number) =>
  api.post<MovementDetail>(`/movements/${id}/close`, { version });
export const reportResult = (id: string, unitId: string, input: ResultInput) =>
  api.put<UnitResult>(`/movements/${id}/results/${unitId}`, input);
export const listNotifications = () => api.get<NotificationView[]>('/movements/notifications');
export const resultsExportUrl = (id: string) => `/api/movements/${id}/results/export`;

/** Pickers for the movement form (read here rather than from another feature). */
export const listUnits = () => api.get<Unit[]>('/units');
export const listBlocksOfYear = (year: number) =>
  api.get<{ id: string; name: string; year: number }[]>('/registry/blocks', { year });
