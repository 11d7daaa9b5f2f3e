/**
 * The registry lists ("Sổ theo dõi"): for each record kind its columns and the filters the server applies
 * to it (records.repository.ts), with the catalogue's Vietnamese labels.
 */
import { Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import {
  AWARD_CODES,
  AWARD_CODE_LIST,
  AWARD_TRACKS,
  AWARD_TRACK_LABELS,
  DISCIPLINE_LEVELS,
  DISCIPLINE_LEVEL_LABELS,
  EFFECT_SCOPE_LABELS,
  INITIATIVE_KIND_LABELS,
  LEAVE_KIND_LABELS,
  RATINGS,
  RATING_LABELS,
  RECIPIENT_KINDS,
  RECIPIENT_KIND_LABELS,
  RECOGNITION_LEVELS,
  RECOGNITION_LEVEL_LABELS,
  TRAINING_GRADE_LABELS,
} from '../../../../shared/registry/catalog';
import type { DatasetKind } from '../../../../shared/registry/dataset.schema';
import type { MessageKey, Translate } from '../../../lib/i18n';
import { formatIsoDate } from '../../../lib/dates';
import type { RecordFilter, RegistryRow } from '../api/registry';

export type ListKind = Extract<
  DatasetKind,
  'personEvaluations' | 'unitEvaluations' | 'awards' | 'initiatives' | 'disciplines' | 'leaves' | 'trainings'
>;
export const LIST_KINDS: ListKind[] = [
  'personEvaluations',
  'unitEvaluations',
  'awards',
  'initiatives',
  'disciplines',
  'leaves',
  'trainings',
];

export const KIND_LABELS: Record<ListKind, MessageKey> = {
  personEvaluations: 'registry.kind.personEvaluations',
  unitEvaluations: 'registry.kind.unitEvaluations',
  awards: 'registry.kind.awards',
  initiatives: 'registry.kind.initiatives',
  disciplines: 'registry.kind.disciplines',
  leaves: 'registry.kind.leaves',
  trainings: 'registry.kind.trainings',
};

type Options = { value: string; label: string }[];
const opts = <K extends string>(codes: readonly K[], labels: Record<K, string>): Options =>
  codes.map((c) => ({ value: c, label: labels[c] }));

/** The kind-specific select filters: which query parameter, its label, its values. */
export interface SelectFilter {
  param: keyof Pick<RecordFilter, 'rating' | 'level' | 'awardCode' | 'recipientKind' | 'track'>;
  label: MessageKey;
  options: Options;
  width: number;
}

const ratingFilter: SelectFilter = {
  param: 'rating',
  label: 'registry.rating',
  options: RATINGS.map((r) => ({ value: r, label: `${r} — ${RATING_LABELS[r]}` })),
  width: 260,
};

export const KIND_FILTERS: Record<ListKind, SelectFilter[]> = {
  personEvaluations: [ratingFilter],
  unitEvaluations: [ratingFilter],
  awards: [
    {
      param: 'awardCode',
      label: 'registry.award',
      options: AWARD_CODE_LIST.map((c) => ({ value: c, label: AWARD_CODES[c].label })),
      width: 260,
    },
    {
      param: 'recipientKind',
      label: 'registry.recipientKind',
      options: opts(RECIPIENT_KINDS, RECIPIENT_KIND_LABELS),
      width: 150,
    },
    { param: 'track', label: 'registry.track', options: opts(AWARD_TRACKS, AWARD_TRACK_LABELS), width: 220 },
  ],
  initiatives: [
    {
      param: 'level',
      label: 'registry.recognitionLevel',
      options: opts(RECOGNITION_LEVELS, RECOGNITION_LEVEL_LABELS),
      width: 170,
    },
  ],
  disciplines: [
    {
      param: 'level',
      label: 'registry.disciplineLevel',
      options: opts(DISCIPLINE_LEVELS, DISCIPLINE_LEVEL_LABELS),
      width: 170,
    },
  ],
  leaves: [],
  trainings: [],
};

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const label = (labels: Record<string, string>, v: unknown) => (v ? (labels[String(v)] ?? String(v)) : '');
const date = (v: unknown) => formatIsoDate(str(v));
const period = (r: RegistryRow, present: string) =>
  `${date(r.fromDate)} – ${r.toDate ? date(r.toDate) : present}`;
const code = (v: unknown) => <code style={{ whiteSpace: 'nowrap' }}>{str(v)}</code>;
/** The rating's code (what officers write) with its full name on hover. */
const rating = (v: unknown) => (
  <Tooltip title={label(RATING_LABELS, v)}>
    <Tag color={v === 'HTXSNV' ? 'green' : v === 'KHTNV' ? 'red' : 'blue'}>{str(v)}</Tag>
  </Tooltip>
);

export function columnsFor(kind: ListKind, t: Translate): ColumnsType<RegistryRow> {
  const present = t('people.present');
  const person: ColumnsType<RegistryRow> = [
    { title: t('people.code'), dataIndex: 'personCode', width: 170, render: code },
    { title: t('people.fullName'), dataIndex: 'personName', width: 190 },
    { title: t('people.unit'), dataIndex: 'unitName', ellipsis: { showTitle: true } },
  ];
  const decision = {
    title: t('registry.decision'),
    key: 'decision',
    width: 200,
    render: (_v: unknown, r: RegistryRow) => `${str(r.decisionNumber)}, ${date(r.decisionDate)}`,
  };
  switch (kind) {
    case 'personEvaluations':
      return [
        { title: t('registry.year'), dataIndex: 'year', width: 64 },
        ...person,
        { title: t('registry.rating'), dataIndex: 'rating', width: 90, render: rating },
        { title: t('registry.employmentStart'), dataIndex: 'employmentStartDate', width: 120, render: date },
        { title: t('registry.note'), dataIndex: 'note', width: 160, ellipsis: { showTitle: true } },
      ];
    case 'unitEvaluations':
      return [
        { title: t('registry.year'), dataIndex: 'year', width: 64 },
        { title: t('registry.unitCode'), dataIndex: 'unitCode', width: 160, render: code },
        { title: t('people.unit'), dataIndex: 'unitName', ellipsis: { showTitle: true } },
        { title: t('registry.rating'), dataIndex: 'rating', width: 90, render: rating },
        { title: t('registry.memberCount'), dataIndex: 'memberCount', width: 110, align: 'right' },
        { title: t('registry.note'), dataIndex: 'note', width: 160, ellipsis: { showTitle: true } },
      ];
    case 'awards':
      return [
        { title: t('registry.year'), dataIndex: 'year', width: 64 },
        {
          title: t('registry.award'),
          dataIndex: 'awardCode',
          width: 230,
          render: (v: unknown) => AWARD_CODES[str(v) as keyof typeof AWARD_CODES]?.label ?? str(v),
        },
        {
          title: t('registry.recipient'),
          dataIndex: 'recipientName',
          render: (v: unknown, r) => (
            <>
              {str(v)}{' '}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                ({label(RECIPIENT_KIND_LABELS, r.recipientKind)})
              </Typography.Text>
            </>
          ),
        },
        {
          title: t('registry.track'),
          dataIndex: 'track',
          width: 180,
          render: (v: unknown) => label(AWARD_TRACK_LABELS, v),
        },
        { title: t('registry.issuer'), dataIndex: 'issuer', width: 200, ellipsis: { showTitle: true } },
        decision,
      ];
    case 'initiatives':
      return [
        { title: t('registry.code'), dataIndex: 'code', width: 140, render: code },
        {
          title: t('registry.initiativeTitle'),
          dataIndex: 'title',
          render: (v: unknown, r) => (
            <>
              {str(v)}{' '}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                ({label(INITIATIVE_KIND_LABELS, r.kind)})
              </Typography.Text>
            </>
          ),
        },
        { title: t('registry.authors'), dataIndex: 'authorNames', width: 200, ellipsis: { showTitle: true } },
        {
          title: t('registry.recognitionLevel'),
          dataIndex: 'level',
          width: 110,
          render: (v: unknown) => label(RECOGNITION_LEVEL_LABELS, v),
        },
        {
          title: t('registry.effectScope'),
          dataIndex: 'effectScope',
          width: 170,
          render: (v: unknown) => label(EFFECT_SCOPE_LABELS, v),
        },
        { title: t('registry.recognitionDate'), dataIndex: 'recognitionDate', width: 105, render: date },
      ];
    case 'disciplines':
      return [
        ...person,
        {
          title: t('registry.disciplineLevel'),
          dataIndex: 'level',
          width: 130,
          render: (v: unknown) => <Tag color="red">{label(DISCIPLINE_LEVEL_LABELS, v)}</Tag>,
        },
        decision,
        { title: t('people.period'), key: 'period', width: 190, render: (_v, r) => period(r, present) },
        { title: t('registry.reason'), dataIndex: 'reason', width: 200, ellipsis: { showTitle: true } },
      ];
    case 'leaves':
      return [
        ...person,
        {
          title: t('people.leaveKind'),
          dataIndex: 'kind',
          width: 260,
          render: (v: unknown) => label(LEAVE_KIND_LABELS, v),
        },
        { title: t('people.period'), key: 'period', width: 190, render: (_v, r) => period(r, present) },
        { title: t('registry.note'), dataIndex: 'note', width: 200, ellipsis: { showTitle: true } },
      ];
    case 'trainings':
      return [
        ...person,
        { title: t('people.period'), key: 'period', width: 190, render: (_v, r) => period(r, present) },
        {
          title: t('people.institution'),
          dataIndex: 'institution',
          width: 260,
          ellipsis: { showTitle: true },
        },
        {
          title: t('people.grade'),
          dataIndex: 'grade',
          width: 100,
          render: (v: unknown) => label(TRAINING_GRADE_LABELS, v),
        },
        {
          title: t('people.goodConduct'),
          dataIndex: 'goodConduct',
          width: 130,
          render: (v: unknown) => (v ? t('common.yes') : t('common.no')),
        },
      ];
  }
}
