import type {
  DisciplineCreateInput,
  EvaluationUpsertInput,
  LeaveCreateInput,
  PersonListQuery,
  PersonProfile,
  PersonSummary,
  PersonUpdateInput,
  TrainingCreateInput,
  TransferInput,
} from '../../../../shared/people/people.schema';
import type { SubjectVerdicts } from '../../../../shared/eligibility/eligibility.schema';
import type { Unit } from '../../../../shared/units/units.schema';
import type { Page } from '../../../../shared/paginated';
import { api, type Query } from '../../../lib/api';

/** The list's filters as the server reads them (`isLeader` travels as "true"/"false"). */
export type PeopleFilter = Partial<Omit<PersonListQuery, 'isLeader' | 'includeSubunits'>> & {
  isLeader?: boolean;
};

const toQuery = (f: PeopleFilter): Query => ({
  q: f.q,
  unitId: f.unitId,
  sex: f.sex,
  isLeader: f.isLeader === undefined ? undefined : String(f.isLeader),
});

export const listPeople = (f: PeopleFilter & { page: number; pageSize: number }) =>
  api.get<Page<PersonSummary>>('/people', { ...toQuery(f), page: f.page, pageSize: f.pageSize });

/**
 * The Excel export of what the list shows, through the registry's people export. That route filters by
 * `q` and `unitId` only (sex and leadership are not among its filters yet), so the page offers the export
 * only without those two filters; the parameters are sent anyway so nothing changes here once it does.
 */
export function peopleExportUrl(f: PeopleFilter): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(toQuery(f))) if (v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return `/api/registry/records/people/export${qs ? `?${qs}` : ''}`;
}

export const getProfile = (id: string) => api.get<PersonProfile>(`/people/${id}`);
export const updatePerson = (id: string, input: PersonUpdateInput) =>
  api.patch<PersonSummary>(`/people/${id}`, input);
export const transferPerson = (id: string, input: TransferInput) =>
  api.post<PersonSummary>(`/people/${id}/transfer`, input);
export const saveEvaluation = (id: string, year: number, input: EvaluationUpsertInput) =>
  api.put<{ year: number }>(`/people/${id}/evaluations/${year}`, input);

export type RecordKind = 'leaves' | 'trainings' | 'disciplines';
export interface RecordInputs {
  leaves: LeaveCreateInput;
  trainings: TrainingCreateInput;
  disciplines: DisciplineCreateInput;
}
export const addPersonRecord = <K extends RecordKind>(id: string, kind: K, input: RecordInputs[K]) =>
  api.post<{ id: string }>(`/people/${id}/${kind}`, input);
export const deletePersonRecord = (id: string, kind: RecordKind, recordId: string) =>
  api.delete<{ deleted: true }>(`/people/${id}/${kind}/${recordId}`);

/** Units for the pickers (the units feature owns the tree page; here only the list is needed). */
export const listUnitsForPicker = () => api.get<Unit[]>('/units', { includeInactive: true });

/** What the rules say about this person for a year (the eligibility API; shown by the profile's panel). */
export const getPersonEligibility = (id: string, year: number) =>
  api.get<SubjectVerdicts>(`/eligibility/people/${id}`, { year });
