import type { SubjectVerdicts } from '../../../../shared/eligibility/eligibility.schema';
import type {
  Unit,
  UnitCreateInput,
  UnitDeactivateInput,
  UnitUpdateInput,
} from '../../../../shared/units/units.schema';
import { api } from '../../../lib/api';

export const listUnits = () => api.get<Unit[]>('/units', { includeInactive: true });
export const createUnit = (input: UnitCreateInput) => api.post<Unit>('/units', input);
export const updateUnit = (id: string, input: UnitUpdateInput) => api.patch<Unit>(`/units/${id}`, input);
export const deactivateUnit = (id: string, input: UnitDeactivateInput) =>
  api.post<Unit>(`/units/${id}/deactivate`, input);
export const reactivateUnit = (id: string, version: number) =>
  api.post<Unit>(`/units/${id}/reactivate`, { version });

/** What the rules say about a collective for a year (the eligibility API; shown by the unit's drawer). */
export const getUnitEligibility = (id: string, year: number) =>
  api.get<SubjectVerdicts>(`/eligibility/units/${id}`, { year });
