import type {
  Block,
  BlockSaveInput,
  Lineage,
  SuccessionCreateInput,
} from '../../../../shared/registry/registry.schema';
import type { ImportSummary } from '../../../../shared/registry/import.schema';
import type { DatasetKind } from '../../../../shared/registry/dataset.schema';
import type { ErrorBody } from '../../../../shared/errors';
import type { Unit } from '../../../../shared/units/units.schema';
import type { Page } from '../../../../shared/paginated';
import { api, ApiError, NETWORK_ERROR, BAD_RESPONSE } from '../../../lib/api';

/** Filters of the registry lists; the export takes exactly the same ones. */
export type RecordFilter = {
  q?: string;
  year?: number;
  unitId?: string;
  rating?: string;
  level?: string;
  awardCode?: string;
  recipientKind?: string;
  track?: string;
};

/** A registry record as listed: the exchange record plus display columns (names) and its id. */
export type RegistryRow = Record<string, unknown> & { id: string };

export const listRecords = (kind: DatasetKind, f: RecordFilter & { page: number; pageSize: number }) =>
  api.get<Page<RegistryRow>>(`/registry/records/${kind}`, f);

function queryString(f: object): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(f))
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}

/** What is filtered is what is exported: the same filters, to the export route. */
export const exportUrl = (kind: DatasetKind, f: RecordFilter) =>
  `/api/registry/records/${kind}/export${queryString(f)}`;

export type ImportTarget = DatasetKind | 'workbook' | 'dataset';
export const templateUrl = (target: DatasetKind | 'workbook') => `/api/registry/templates/${target}`;

export const listBlocks = (year?: number) => api.get<Block[]>('/registry/blocks', { year });
export const createBlock = (input: BlockSaveInput) => api.post<Block>('/registry/blocks', input);
export const updateBlock = (id: string, input: BlockSaveInput) =>
  api.put<Block>(`/registry/blocks/${id}`, input);

export const getLineage = (unitId: string) => api.get<Lineage>(`/registry/units/${unitId}/lineage`);
export const addSuccession = (input: SuccessionCreateInput) =>
  api.post<{ id: string }>('/registry/successions', input);
export const deleteSuccession = (id: string) => api.delete<{ deleted: true }>(`/registry/successions/${id}`);

export const listUnitsForPicker = () => api.get<Unit[]>('/units', { includeInactive: true });

/**
 * Sends an import file (multipart field "file") with upload progress, which `fetch` cannot report: an
 * XMLHttpRequest carrying the session cookie and the CSRF token like every other write. Failures become the
 * same `ApiError`s as the API client's.
 */
export function uploadImport(
  file: File,
  target: ImportTarget,
  mode: 'preview' | 'commit',
  csrfToken: string,
  onProgress: (percent: number) => void,
  signal?: AbortSignal,
): Promise<ImportSummary> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/registry/import${queryString({ target, mode })}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => reject(new ApiError(0, { code: NETWORK_ERROR, message: '' }));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300 && body) return resolve(body as ImportSummary);
      const e = body as Partial<ErrorBody> | undefined;
      reject(
        typeof e?.code === 'string' && typeof e.message === 'string'
          ? new ApiError(xhr.status, e as ErrorBody)
          : new ApiError(xhr.status, { code: BAD_RESPONSE, message: '' }),
      );
    };
    signal?.addEventListener('abort', () => xhr.abort());
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
