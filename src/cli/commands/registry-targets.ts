/**
 * What `import` and `export` act on: one record kind (by its dataset key, a friendly alias, or its
 * Vietnamese sheet name), or everything (`dataset` for the JSON document, `workbook` for one .xlsx with a
 * sheet per kind).
 */
import { SHEETS, kindOfSheetName } from '../../server/features/registry/excel/sheets';
import { DATASET_ORDER, type DatasetKind } from '../../shared/registry/dataset.schema';
import { UsageError } from '../context';

export type RegistryTarget = { kind: DatasetKind } | { all: 'dataset' | 'workbook' };

/** Friendly names, compared without case, spaces, dashes or underscores. */
const ALIASES: Record<string, DatasetKind> = {
  unit: 'units',
  succession: 'successions',
  mergers: 'successions',
  block: 'blocks',
  person: 'people',
  personunit: 'personUnits',
  unithistory: 'personUnits',
  evaluation: 'personEvaluations',
  evaluations: 'personEvaluations',
  personevaluation: 'personEvaluations',
  leave: 'leaves',
  training: 'trainings',
  unitevaluation: 'unitEvaluations',
  discipline: 'disciplines',
  initiative: 'initiatives',
  research: 'initiatives',
  award: 'awards',
  awardhistory: 'awards',
  awardshistory: 'awards',
};

const squash = (s: string) => s.toLowerCase().replace(/[\s_-]/g, '');

export function resolveKind(word: string): DatasetKind | null {
  const n = squash(word);
  const exact = DATASET_ORDER.find((k) => k.toLowerCase() === n);
  return exact ?? ALIASES[n] ?? kindOfSheetName(word);
}

/** The kinds, one per line, for help texts. */
export const KIND_LIST = DATASET_ORDER.map((k) => `    ${k.padEnd(18)} ${SHEETS[k].sheetName}`).join('\n');

export function resolveTarget(command: string, word: string | undefined): RegistryTarget {
  if (!word) {
    throw new UsageError(
      `Thiếu loại dữ liệu: một loại (${DATASET_ORDER.join(', ')}), "dataset" hoặc "workbook" (missing target)`,
      command,
    );
  }
  const n = squash(word);
  if (n === 'dataset' || n === 'workbook') return { all: n };
  const kind = resolveKind(word);
  if (!kind) {
    throw new UsageError(
      `Không có loại dữ liệu "${word}"; dùng một trong: ${DATASET_ORDER.join(', ')}, dataset, workbook (unknown target)`,
      command,
    );
  }
  return { kind };
}

/** "Cán bộ (people)" */
export const kindLabel = (kind: string): string =>
  (DATASET_ORDER as string[]).includes(kind) ? `${SHEETS[kind as DatasetKind].sheetName} (${kind})` : kind;
