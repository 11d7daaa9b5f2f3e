import { useState, type ReactNode } from 'react';
import {
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Popconfirm,
  Space,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import {
  ArrowLeftOutlined,
  DeleteOutlined,
  EditOutlined,
  PlusOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import {
  AWARD_CODES,
  AWARD_TRACK_LABELS,
  DISCIPLINE_LEVEL_LABELS,
  EFFECT_SCOPE_LABELS,
  INITIATIVE_KIND_LABELS,
  LEAVE_KIND_LABELS,
  RATING_LABELS,
  RECOGNITION_LEVEL_LABELS,
  SEX_LABELS,
  TRAINING_GRADE_LABELS,
  type AwardCode,
  type AwardTrack,
  type DisciplineLevel,
  type EffectScope,
  type InitiativeKind,
  type LeaveKind,
  type Rating,
  type RecognitionLevel,
  type TrainingGrade,
} from '../../../../shared/registry/catalog';
import type { PersonProfile } from '../../../../shared/people/people.schema';
import { useI18n } from '../../../lib/i18n';
import { useCan } from '../../../lib/session';
import { useResource } from '../../../lib/use-resource';
import { formatIsoDate } from '../../../lib/dates';
import { errorMessage } from '../../../lib/api';
import { Link } from '../../../lib/router';
import { EmptyState, ErrorState, LoadingState } from '../../../lib/ui/states';
import { deletePersonRecord, getProfile, listUnitsForPicker, type RecordKind } from '../api/people';
import { PersonDialog, type Dialog } from './PersonDialogs';
import { lastListUrl } from './list-url';
import { EligibilityPanel } from './EligibilityPanel';

type P = PersonProfile;
const period = (from: string, to: string | null, present: string) =>
  `${formatIsoDate(from)} – ${to ? formatIsoDate(to) : present}`;
const label = <K extends string>(labels: Record<K, string>, code: string | null) =>
  code ? (labels[code as K] ?? code) : '';

/** One person's record on one page: identity, then each part of the registry in its own tab. */
export function PersonProfilePage({ id }: { id: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const canWrite = useCan('write:person:any', 'write:person:own');
  const canSeeEligibility = useCan('read:eligibility:any', 'read:eligibility:own');
  const profile = useResource(() => getProfile(id), [id]);
  const units = useResource(() => (canWrite ? listUnitsForPicker() : Promise.resolve([])), [canWrite]);
  const [dialog, setDialog] = useState<Dialog>();

  if (profile.error && !profile.data) return <ErrorState error={profile.error} onRetry={profile.reload} />;
  if (!profile.data) return <LoadingState />;
  const data = profile.data;
  const { person } = data;
  const present = t('people.present');

  async function remove(kind: RecordKind, recordId: string) {
    try {
      await deletePersonRecord(id, kind, recordId);
      message.success(t('people.deleted'));
    } catch (e) {
      message.error(errorMessage(e));
    }
    profile.reload();
  }

  const deleteColumn = <T extends { id: string }>(kind: RecordKind): ColumnsType<T> =>
    canWrite
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 90,
            render: (_v, r) => (
              <Popconfirm title={t('people.deleteConfirm')} onConfirm={() => remove(kind, r.id)}>
                <Button
                  type="text"
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('people.delete')}
                />
              </Popconfirm>
            ),
          },
        ]
      : [];

  const addButton = (text: string, d: Dialog) =>
    canWrite ? (
      <Button size="small" icon={<PlusOutlined />} onClick={() => setDialog(d)}>
        {text}
      </Button>
    ) : null;

  const section = <T extends { id: string }>(
    rows: T[],
    columns: ColumnsType<T>,
    empty: string,
    toolbar?: ReactNode,
  ) => (
    <>
      {toolbar ? (
        <Flex justify="flex-end" style={{ marginBottom: 8 }}>
          {toolbar}
        </Flex>
      ) : null}
      <Table<T>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        locale={{ emptyText: <EmptyState text={empty} /> }}
      />
    </>
  );

  const tabs = [
    {
      key: 'history',
      label: `${t('people.tabHistory')} (${data.unitHistory.length})`,
      children: section<P['unitHistory'][number]>(
        data.unitHistory,
        [
          {
            title: t('people.period'),
            key: 'period',
            width: 210,
            render: (_v, r) => period(r.fromDate, r.toDate, present),
          },
          {
            title: t('people.unit'),
            dataIndex: 'unitName',
            render: (v: string, r) => `${v} (${r.unitCode})`,
          },
          { title: t('people.position'), dataIndex: 'position', width: 240 },
        ],
        t('people.noHistory'),
        addButton(t('people.transfer'), { kind: 'transfer' }),
      ),
    },
    {
      key: 'evaluations',
      label: `${t('people.tabEvaluations')} (${data.evaluations.length})`,
      children: section<P['evaluations'][number]>(
        data.evaluations,
        [
          { title: t('registry.year'), dataIndex: 'year', width: 70 },
          {
            title: t('registry.rating'),
            dataIndex: 'rating',
            render: (v: Rating) => (
              <Space size={6}>
                <Tag color={v === 'HTXSNV' ? 'green' : v === 'KHTNV' ? 'red' : 'blue'}>{v}</Tag>
                {RATING_LABELS[v]}
              </Space>
            ),
          },
          { title: t('registry.evaluatingUnit'), dataIndex: 'unitName', ellipsis: { showTitle: true } },
          {
            title: t('registry.employmentStart'),
            dataIndex: 'employmentStartDate',
            width: 130,
            render: (v: string | null) => formatIsoDate(v),
          },
          { title: t('registry.note'), dataIndex: 'note', ellipsis: { showTitle: true } },
          ...(canWrite
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 90,
                  render: (_v: unknown, r: P['evaluations'][number]) => (
                    <Tooltip title={t('common.edit')}>
                      <Button
                        type="text"
                        size="small"
                        icon={<EditOutlined />}
                        aria-label={`${t('common.edit')} ${r.year}`}
                        onClick={() => setDialog({ kind: 'evaluation', evaluation: r })}
                      />
                    </Tooltip>
                  ),
                },
              ]
            : []),
        ],
        t('people.noEvaluations'),
        addButton(t('people.addEvaluation'), { kind: 'evaluation' }),
      ),
    },
    {
      key: 'leaves',
      label: `${t('people.tabLeaves')} (${data.leaves.length})`,
      children: section<P['leaves'][number]>(
        data.leaves,
        [
          { title: t('people.leaveKind'), dataIndex: 'kind', render: (v: LeaveKind) => LEAVE_KIND_LABELS[v] },
          {
            title: t('people.period'),
            key: 'period',
            width: 210,
            render: (_v, r) => period(r.fromDate, r.toDate, present),
          },
          { title: t('registry.note'), dataIndex: 'note', ellipsis: { showTitle: true } },
          ...deleteColumn<P['leaves'][number]>('leaves'),
        ],
        t('people.noLeaves'),
        addButton(t('people.addLeave'), { kind: 'leaves' }),
      ),
    },
    {
      key: 'trainings',
      label: `${t('people.tabTrainings')} (${data.trainings.length})`,
      children: section<P['trainings'][number]>(
        data.trainings,
        [
          {
            title: t('people.period'),
            key: 'period',
            width: 210,
            render: (_v, r) => period(r.fromDate, r.toDate, present),
          },
          { title: t('people.institution'), dataIndex: 'institution', ellipsis: { showTitle: true } },
          {
            title: t('people.grade'),
            dataIndex: 'grade',
            width: 120,
            render: (v: TrainingGrade | null) => label(TRAINING_GRADE_LABELS, v),
          },
          {
            title: t('people.goodConduct'),
            dataIndex: 'goodConduct',
            width: 150,
            render: (v: boolean) => (v ? t('common.yes') : t('common.no')),
          },
          ...deleteColumn<P['trainings'][number]>('trainings'),
        ],
        t('people.noTrainings'),
        addButton(t('people.addTraining'), { kind: 'trainings' }),
      ),
    },
    {
      key: 'disciplines',
      label: `${t('people.tabDisciplines')} (${data.disciplines.length})`,
      children: section<P['disciplines'][number]>(
        data.disciplines,
        [
          {
            title: t('registry.disciplineLevel'),
            dataIndex: 'level',
            width: 140,
            render: (v: DisciplineLevel) => <Tag color="red">{DISCIPLINE_LEVEL_LABELS[v]}</Tag>,
          },
          {
            title: t('registry.decision'),
            key: 'decision',
            width: 220,
            render: (_v, r) => `${r.decisionNumber}, ${formatIsoDate(r.decisionDate)}`,
          },
          {
            title: t('people.period'),
            key: 'period',
            width: 210,
            render: (_v, r) => period(r.fromDate, r.toDate, present),
          },
          { title: t('registry.reason'), dataIndex: 'reason', ellipsis: { showTitle: true } },
          ...deleteColumn<P['disciplines'][number]>('disciplines'),
        ],
        t('people.noDisciplines'),
        addButton(t('people.addDiscipline'), { kind: 'disciplines' }),
      ),
    },
    {
      key: 'initiatives',
      label: `${t('people.tabInitiatives')} (${data.initiatives.length})`,
      children: section<P['initiatives'][number]>(
        data.initiatives,
        [
          {
            title: t('registry.code'),
            dataIndex: 'code',
            width: 140,
            render: (v: string) => <code>{v}</code>,
          },
          {
            title: t('registry.initiativeTitle'),
            dataIndex: 'title',
            render: (v: string, r) => (
              <>
                {v}{' '}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  ({label(INITIATIVE_KIND_LABELS, r.kind as InitiativeKind)})
                </Typography.Text>
              </>
            ),
          },
          {
            title: t('registry.recognitionLevel'),
            dataIndex: 'level',
            width: 110,
            render: (v: RecognitionLevel) => label(RECOGNITION_LEVEL_LABELS, v),
          },
          {
            title: t('registry.effectScope'),
            dataIndex: 'effectScope',
            width: 170,
            render: (v: EffectScope) => label(EFFECT_SCOPE_LABELS, v),
          },
          {
            title: t('registry.recognitionDate'),
            dataIndex: 'recognitionDate',
            width: 110,
            render: (v: string) => formatIsoDate(v),
          },
        ],
        t('people.noInitiatives'),
      ),
    },
    {
      key: 'awards',
      label: `${t('people.tabAwards')} (${data.awards.length})`,
      children: section<P['awards'][number]>(
        data.awards,
        [
          { title: t('registry.year'), dataIndex: 'year', width: 70 },
          {
            title: t('registry.award'),
            dataIndex: 'awardCode',
            render: (v: string) => AWARD_CODES[v as AwardCode]?.label ?? v,
          },
          {
            title: t('registry.track'),
            dataIndex: 'track',
            width: 190,
            render: (v: AwardTrack) => label(AWARD_TRACK_LABELS, v),
          },
          { title: t('registry.issuer'), dataIndex: 'issuer', ellipsis: { showTitle: true } },
          {
            title: t('registry.decision'),
            key: 'decision',
            width: 210,
            render: (_v, r) => {
              const text = `${r.decisionNumber}, ${formatIsoDate(r.decisionDate)}`;
              // Awards written by an issued decision link to it (and show when a later decision revoked them).
              if (!r.decisionId) return text;
              return (
                <>
                  <Link href={`/decisions/${r.decisionId}`} data-testid="award-decision-link">
                    {text}
                  </Link>
                  {r.revokedByDecisionId ? (
                    <>
                      {' '}
                      <Link href={`/decisions/${r.revokedByDecisionId}`}>
                        <Tag color="red">{t('decisions.revoked')}</Tag>
                      </Link>
                    </>
                  ) : null}
                </>
              );
            },
          },
        ],
        t('people.noAwards'),
      ),
    },
  ];

  return (
    <>
      <Flex justify="space-between" align="flex-start" gap={16} wrap style={{ marginBottom: 12 }}>
        <div>
          <Link href={lastListUrl()}>
            <ArrowLeftOutlined /> {t('people.backToList')}
          </Link>
          <Typography.Title level={4} style={{ margin: '4px 0 0' }}>
            {person.fullName}{' '}
            <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 400 }}>
              <code>{person.code}</code>
            </Typography.Text>
            {person.isLeader ? (
              <Tag color="blue" style={{ marginLeft: 8, verticalAlign: 'middle' }}>
                {t('people.leaderTag')}
              </Tag>
            ) : null}
          </Typography.Title>
        </div>
        {canWrite ? (
          <Space>
            <Button icon={<EditOutlined />} onClick={() => setDialog({ kind: 'edit' })}>
              {t('people.edit')}
            </Button>
            <Button icon={<SwapOutlined />} onClick={() => setDialog({ kind: 'transfer' })}>
              {t('people.transfer')}
            </Button>
          </Space>
        ) : null}
      </Flex>
      <Card size="small" title={t('people.identity')} style={{ marginBottom: 12 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'code', label: t('people.code'), children: <code>{person.code}</code> },
            { key: 'name', label: t('people.fullName'), children: person.fullName },
            { key: 'sex', label: t('people.sex'), children: SEX_LABELS[person.sex] },
            { key: 'dob', label: t('people.dateOfBirth'), children: formatIsoDate(person.dateOfBirth) },
            { key: 'eth', label: t('people.ethnicity'), children: person.ethnicity ?? '' },
            {
              key: 'pid',
              label: t('people.personalId'),
              children: person.personalIdNumber ? <code>{person.personalIdNumber}</code> : '',
            },
            { key: 'pos', label: t('people.position'), children: person.position ?? '' },
            { key: 'unit', label: t('people.unit'), children: person.unitName ?? '' },
            {
              key: 'leader',
              label: t('people.isLeader'),
              children: person.isLeader ? t('common.yes') : t('common.no'),
            },
          ]}
        />
      </Card>
      <Card size="small">
        <Tabs size="small" items={tabs} />
      </Card>
      {canSeeEligibility ? <EligibilityPanel personId={id} /> : null}
      {dialog ? (
        <PersonDialog
          dialog={dialog}
          profile={data}
          units={units.data ?? []}
          onClose={() => setDialog(undefined)}
          onSaved={() => {
            setDialog(undefined);
            profile.reload();
          }}
        />
      ) : null}
    </>
  );
}
