import { useEffect, useState } from 'react';
import { Button, Card, Flex, Input, Select, Table, Tag, Tooltip, TreeSelect, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { FileExcelOutlined, ReloadOutlined } from '@ant-design/icons';
import { SEX_LABELS, SEXES, type Sex } from '../../../../shared/registry/catalog';
import type { PersonSummary } from '../../../../shared/people/people.schema';
import { useI18n } from '../../../lib/i18n';
import { titleMatches } from '../../../lib/text';
import { useResource } from '../../../lib/use-resource';
import { formatIsoDate } from '../../../lib/dates';
import { Link, navigate, usePathname } from '../../../lib/router';
import { EmptyState, ErrorState, PageHeader } from '../../../lib/ui/states';
import { listPeople, listUnitsForPicker, peopleExportUrl, type PeopleFilter } from '../api/people';
import { unitOptions } from '../../../lib/unit-options';
import { useDebounced } from '../../../lib/use-debounced';
import { PersonProfilePage } from './PersonProfilePage';
import { rememberListUrl } from './list-url';

/** 1000 → "1.000" (Vietnamese digit grouping). */
const formatCount = (n: number) => n.toLocaleString('vi-VN');

const PAGE_SIZE = 20;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `/people` is the list, `/people/<id>` a person's profile (one menu entry for both). */
export function PeopleRoute() {
  const pathname = usePathname();
  const id = pathname.split('/')[2];
  if (id && UUID.test(id)) return <PersonProfilePage key={id} id={id} />;
  return <PeoplePage />;
}

interface ListState extends PeopleFilter {
  page: number;
}

/** Filters live in the address, so "back" from a profile returns to the same list. */
function readState(): ListState {
  const p = new URLSearchParams(window.location.search);
  const sex = p.get('sex');
  const leader = p.get('isLeader');
  return {
    q: p.get('q') ?? undefined,
    unitId: p.get('unitId') ?? undefined,
    sex: (SEXES as readonly string[]).includes(sex ?? '') ? (sex as Sex) : undefined,
    isLeader: leader === 'true' ? true : leader === 'false' ? false : undefined,
    page: Math.max(1, Number(p.get('page')) || 1),
  };
}

function writeState(s: ListState) {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  if (s.unitId) p.set('unitId', s.unitId);
  if (s.sex) p.set('sex', s.sex);
  if (s.isLeader !== undefined) p.set('isLeader', String(s.isLeader));
  if (s.page > 1) p.set('page', String(s.page));
  const qs = p.toString();
  const url = `/people${qs ? `?${qs}` : ''}`;
  window.history.replaceState(null, '', url);
  rememberListUrl(url);
}

export function PeoplePage() {
  const { t } = useI18n();
  const [initial] = useState(readState);
  const [text, setText] = useState(initial.q ?? '');
  const q = useDebounced(text.trim(), 350);
  const [filter, setFilter] = useState<Omit<ListState, 'q'>>(initial);
  const state: ListState = { ...filter, q: q || undefined };
  const { unitId, sex, isLeader, page } = filter;

  // A new search starts from the first page.
  const [lastQ, setLastQ] = useState(q);
  if (q !== lastQ) {
    setLastQ(q);
    if (page !== 1) setFilter((f) => ({ ...f, page: 1 }));
  }

  useEffect(
    () => writeState({ q: q || undefined, unitId, sex, isLeader, page }),
    [q, unitId, sex, isLeader, page],
  );

  const people = useResource(
    () => listPeople({ q: q || undefined, unitId, sex, isLeader, page, pageSize: PAGE_SIZE }),
    [q, unitId, sex, isLeader, page],
  );
  const units = useResource(listUnitsForPicker, []);

  const set = (patch: Partial<ListState>) => setFilter((f) => ({ ...f, ...patch, page: 1 }));

  const columns: ColumnsType<PersonSummary> = [
    {
      title: t('people.code'),
      dataIndex: 'code',
      width: 170,
      render: (v: string) => <code style={{ whiteSpace: 'nowrap' }}>{v}</code>,
    },
    {
      title: t('people.fullName'),
      dataIndex: 'fullName',
      render: (v: string, p) => (
        <Link href={`/people/${p.id}`} onClick={(e) => e.stopPropagation()}>
          {v}
        </Link>
      ),
    },
    { title: t('people.sex'), dataIndex: 'sex', width: 80, render: (v: Sex) => SEX_LABELS[v] },
    {
      title: t('people.dateOfBirth'),
      dataIndex: 'dateOfBirth',
      width: 105,
      render: (v: string | null) => formatIsoDate(v),
    },
    { title: t('people.position'), dataIndex: 'position', width: 200, ellipsis: { showTitle: true } },
    { title: t('people.unit'), dataIndex: 'unitName', ellipsis: { showTitle: true } },
    {
      title: t('people.isLeader'),
      dataIndex: 'isLeader',
      width: 90,
      align: 'center',
      render: (v: boolean) => (v ? <Tag color="blue">{t('people.leaderTag')}</Tag> : null),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('people.title')}
        subtitle={t('people.subtitle')}
        extra={
          <Button icon={<FileExcelOutlined />} href={peopleExportUrl(state)} download>
            {t('registry.export')}
          </Button>
        }
      />
      <Card size="small">
        <Flex gap={8} align="center" wrap style={{ marginBottom: 8 }}>
          <Input.Search
            allowClear
            placeholder={t('people.searchPlaceholder')}
            style={{ width: 300 }}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(value) => setText(value)}
            aria-label={t('people.searchPlaceholder')}
          />
          <TreeSelect
            allowClear
            showSearch
            filterTreeNode={titleMatches}
            treeDefaultExpandAll
            placeholder={t('people.allUnits')}
            aria-label={t('people.unit')}
            style={{ width: 300 }}
            value={unitId}
            onChange={(value: string | undefined) => set({ unitId: value })}
            treeData={unitOptions(units.data ?? [])}
            loading={units.loading}
            styles={{ popup: { root: { maxHeight: 400, overflow: 'auto' } } }}
          />
          <Select<Sex>
            allowClear
            placeholder={t('people.allSexes')}
            aria-label={t('people.sex')}
            style={{ width: 130 }}
            value={sex}
            onChange={(value) => set({ sex: value })}
            options={SEXES.map((s) => ({ value: s, label: SEX_LABELS[s] }))}
          />
          <Select<'true' | 'false'>
            allowClear
            placeholder={t('people.allLeaders')}
            aria-label={t('people.isLeader')}
            style={{ width: 190 }}
            value={isLeader === undefined ? undefined : isLeader ? 'true' : 'false'}
            onChange={(value) => set({ isLeader: value === undefined ? undefined : value === 'true' })}
            options={[
              { value: 'true', label: t('people.leadersOnly') },
              { value: 'false', label: t('people.staffOnly') },
            ]}
          />
          <Typography.Text type="secondary" style={{ marginLeft: 'auto' }}>
            {people.data?.totalIsLowerBound
              ? t('people.totalAtLeast', { count: formatCount(people.data.total) })
              : t('common.total', { count: people.data?.total ?? 0 })}
          </Typography.Text>
          <Tooltip title={t('common.reload')}>
            <Button
              size="small"
              icon={<ReloadOutlined />}
              onClick={people.reload}
              aria-label={t('common.reload')}
            />
          </Tooltip>
        </Flex>
        {people.error ? (
          <ErrorState error={people.error} onRetry={people.reload} />
        ) : (
          <Table<PersonSummary>
            className="vd-people-table"
            size="small"
            rowKey="id"
            columns={columns}
            dataSource={people.data?.items ?? []}
            loading={people.loading}
            onRow={(p) => ({ onClick: () => navigate(`/people/${p.id}`), style: { cursor: 'pointer' } })}
            locale={{ emptyText: <EmptyState text={t('people.empty')} /> }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: people.data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (total) =>
                people.data?.totalIsLowerBound
                  ? t('people.totalAtLeast', { count: formatCount(total) })
                  : t('common.total', { count: total }),
              onChange: (p) => setFilter((f) => ({ ...f, page: p })),
            }}
          />
        )}
      </Card>
    </>
  );
}
