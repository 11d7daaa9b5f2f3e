import type { ColumnsType } from 'antd/es/table';
import { useAwardColumns } from '../../statistics/components/AwardsList';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import {
  Alert,
  Card,
  Col,
  Empty,
  Progress,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  Pie,
  PieChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { Dashboard, StatAwardItem, StatFilter } from '../../../../shared/statistics/statistics.schema';
import { formatIsoDate } from '../../../lib/dates';
import { useI18n } from '../../../lib/i18n';
import { useResource } from '../../../lib/use-resource';
import { ErrorState, LoadingState, PageHeader } from '../../../lib/ui/states';
import { getAwards, getDashboard, getDossiers, getFundSummary } from '../api/dashboard';

/** 1.234 */
const count = (n: number) => n.toLocaleString('vi-VN');
/** 30.000.000 đồng */
const money = (n: number) => `${count(n)} đồng`;
const COLORS = [
  '#1677ff',
  '#52c41a',
  '#faad14',
  '#eb2f96',
  '#722ed1',
  '#13c2c2',
  '#fa541c',
  '#2f54eb',
  '#a0d911',
];

type Drill =
  | { kind: 'awards'; title: string; filter: StatFilter & { year: number } }
  | { kind: 'dossiers'; title: string; q: { year: number; status?: string; late?: boolean } };

/**
 * `/dashboard`: the year at a glance for leaders and officers — awards per year and per unit, the titles
 * mix, the shares of women and front-line workers, dossiers by state and the late ones, quota use, prize
 * money per year and the emulation fund. Every chart opens the list behind the clicked number below it.
 */
export function DashboardPage() {
  const { t } = useI18n();
  const [year, setYear] = useState(2020);
  const [drill, setDrill] = useState<Drill | null>(null);
  const dash = useResource(() => getDashboard(year), [year]);
  const fund = useResource(() => getFundSummary(year), [year]);
  const years = useMemo(() => {
    const now = new Date().getFullYear();
    return Array.from({ length: now - 2010 + 2 }, (_, i) => now + 1 - i);
  }, []);
  const d = dash.data;
  // The list opens below the charts: bring it into view when a chart is clicked.
  const listRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (drill) listRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [drill]);
  const awards = (title: string, filter: StatFilter) =>
    setDrill({ kind: 'awards', title, filter: { ...filter, year: filter.year ?? year } });

  return (
    <>
      <PageHeader
        title={t('dash.title')}
        subtitle={t('dash.subtitle')}
        extra={
          <Select<number>
            aria-label={t('stats.year')}
            style={{ width: 110 }}
            value={year}
            onChange={(y) => {
              setYear(y);
              setDrill(null);
            }}
            options={years.map((y) => ({ value: y, label: String(y) }))}
          />
        }
      />
      {dash.error && !d ? (
        <ErrorState error={dash.error} onRetry={dash.reload} />
      ) : !d ? (
        <LoadingState />
      ) : (
        <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="dashboard">
          <Typography.Text type="secondary">
            {t('stats.scopeLabel', { scope: d.scope.label })} · {t('dash.clickHint')}
          </Typography.Text>
          {d.totals.awards === 0 ? <Alert type="info" showIcon message={t('stats.empty', { year })} /> : null}
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6} xl={4}>
              <Card size="small">
                <Statistic title={t('dash.awards')} value={count(d.totals.awards)} />
              </Card>
            </Col>
            <Col xs={12} md={6} xl={5}>
              <Card size="small">
                <Statistic title={t('dash.prize')} value={money(d.totals.prize)} />
              </Card>
            </Col>
            <Col xs={12} md={6} xl={5}>
              <Card size="small">
                <Statistic
                  title={t('dash.women')}
                  value={`${String(d.totals.femaleShare).replace('.', ',')}%`}
                  suffix={<small>({count(d.totals.female)})</small>}
                />
              </Card>
            </Col>
            <Col xs={12} md={6} xl={5}>
              <Card size="small">
                <Statistic
                  title={t('dash.frontLine')}
                  value={`${String(d.totals.frontLineShare).replace('.', ',')}%`}
                  suffix={<small>({count(d.totals.frontLine)})</small>}
                />
              </Card>
            </Col>
            <Col xs={12} md={6} xl={5}>
              <Card
                size="small"
                hoverable
                onClick={() => setDrill({ kind: 'dossiers', title: t('dash.late'), q: { year, late: true } })}
              >
                <Statistic
                  title={t('dash.lateDossiers')}
                  value={count(d.dossiers.late)}
                  valueStyle={d.dossiers.late ? { color: '#cf1322' } : undefined}
                />
              </Card>
            </Col>
          </Row>
          <Row gutter={[16, 16]}>
            <ChartCard title={t('dash.perYear')} empty={!d.perYear.length} testId="chart-per-year">
              <BarChart data={d.perYear} margin={{ top: 8, right: 16, bottom: 24, left: 16 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis
                  dataKey="year"
                  label={{ value: t('dash.perYear.year'), position: 'insideBottom', offset: -12 }}
                />
                <YAxis
                  tickFormatter={count}
                  label={{ value: t('dash.perYear.axis'), angle: -90, position: 'insideLeft' }}
                />
                <Tooltip
                  formatter={(v) => count(Number(v))}
                  labelFormatter={(l) => `${t('dash.perYear.year')} ${l}`}
                />
                <Bar
                  dataKey="awards"
                  name={t('dash.perYear.axis')}
                  fill={COLORS[0]}
                  cursor="pointer"
                  onClick={(_, i) => {
                    const y = d.perYear[i];
                    if (y) awards(`${t('dash.perYear')}: ${y.year}`, { year: y.year });
                  }}
                />
              </BarChart>
            </ChartCard>
            <ChartCard
              title={t('dash.prizePerYear')}
              empty={!d.perYear.some((y) => y.prize > 0)}
              testId="chart-prize"
            >
              <BarChart
                data={d.perYear.map((y) => ({ ...y, million: Math.round(y.prize / 100_000) / 10 }))}
                margin={{ top: 8, right: 16, bottom: 24, left: 16 }}
              >
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis
                  dataKey="year"
                  label={{ value: t('dash.perYear.year'), position: 'insideBottom', offset: -12 }}
                />
                <YAxis
                  tickFormatter={(v: number) => count(v)}
                  label={{ value: t('dash.prizePerYear.axis'), angle: -90, position: 'insideLeft' }}
                />
                <Tooltip
                  formatter={(_, __, item) => money((item.payload as { prize: number }).prize)}
                  labelFormatter={(l) => `${t('dash.perYear.year')} ${l}`}
                />
                <Bar
                  dataKey="million"
                  name={t('dash.prize')}
                  fill={COLORS[2]}
                  cursor="pointer"
                  onClick={(_, i) => {
                    const y = d.perYear[i];
                    if (y) awards(`${t('dash.prizePerYear')}: ${y.year}`, { year: y.year });
                  }}
                />
              </BarChart>
            </ChartCard>
            <ChartCard
              title={t('dash.perUnit')}
              empty={!d.perUnit.length}
              testId="chart-per-unit"
              height={320}
            >
              <BarChart
                layout="vertical"
                data={d.perUnit.slice(0, 10)}
                margin={{ top: 8, right: 24, bottom: 24, left: 8 }}
              >
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis
                  type="number"
                  tickFormatter={count}
                  label={{ value: t('dash.perUnit.axis'), position: 'insideBottom', offset: -12 }}
                />
                <YAxis type="category" dataKey="name" width={200} tick={{ fontSize: 11 }} />
                <Tooltip formatter={(v) => count(Number(v))} />
                <Bar
                  dataKey="awards"
                  name={t('dash.perUnit.axis')}
                  fill={COLORS[1]}
                  cursor="pointer"
                  onClick={(_, i) => {
                    const u = d.perUnit[i];
                    if (u) awards(u.name, u.unitId ? { unitId: u.unitId } : {});
                  }}
                />
              </BarChart>
            </ChartCard>
            <ChartCard title={t('dash.titles')} empty={!d.titles.length} testId="chart-titles" height={320}>
              <PieChart>
                <Pie
                  data={d.titles}
                  dataKey="awards"
                  nameKey="label"
                  outerRadius={100}
                  cursor="pointer"
                  label={(p: { value?: number }) => count(Number(p.value ?? 0))}
                  onClick={(_, i) => {
                    const x = d.titles[i];
                    if (x) awards(x.label, { code: x.code });
                  }}
                >
                  {d.titles.map((x, i) => (
                    <Cell key={x.code} fill={COLORS[i % COLORS.length]} />
                  ))}
                </Pie>
                <Tooltip formatter={(v) => count(Number(v))} />
                <Legend />
              </PieChart>
            </ChartCard>
            <ChartCard title={t('dash.sex')} empty={!d.sex.length} testId="chart-sex">
              <PieChart>
                <Pie
                  data={d.sex}
                  dataKey="awards"
                  nameKey="label"
                  outerRadius={90}
                  cursor="pointer"
                  label={(p: { value?: number; percent?: number }) =>
                    `${count(Number(p.value ?? 0))} (${Math.round((p.percent ?? 0) * 1000) / 10}%)`.replace(
                      '.',
                      ',',
                    )
                  }
                  onClick={(_, i) => {
                    const x = d.sex[i];
                    if (x)
                      awards(
                        `${t('dash.sex')}: ${x.label}`,
                        x.key === 'unknown' ? { recipientKind: 'individual' } : { sex: x.key },
                      );
                  }}
                >
                  {d.sex.map((x, i) => (
                    <Cell key={x.key} fill={[COLORS[3], COLORS[0], '#bfbfbf'][i] ?? COLORS[4]} />
                  ))}
                </Pie>
                <Tooltip formatter={(v) => count(Number(v))} />
                <Legend />
              </PieChart>
            </ChartCard>
            <ChartCard title={t('dash.leader')} empty={!d.leader.length} testId="chart-leader">
              <PieChart>
                <Pie
                  data={d.leader}
                  dataKey="awards"
                  nameKey="label"
                  outerRadius={90}
                  cursor="pointer"
                  label={(p: { value?: number; percent?: number }) =>
                    `${count(Number(p.value ?? 0))} (${Math.round((p.percent ?? 0) * 1000) / 10}%)`.replace(
                      '.',
                      ',',
                    )
                  }
                  onClick={(_, i) => {
                    const x = d.leader[i];
                    if (x) awards(`${t('dash.leader')}: ${x.label}`, { leader: x.key === 'leader' });
                  }}
                >
                  {d.leader.map((x, i) => (
                    <Cell key={x.key} fill={[COLORS[4], COLORS[1]][i] ?? COLORS[5]} />
                  ))}
                </Pie>
                <Tooltip formatter={(v) => count(Number(v))} />
                <Legend />
              </PieChart>
            </ChartCard>
            <ChartCard title={t('dash.dossiers')} empty={!d.dossiers.byStatus.length} testId="chart-dossiers">
              <BarChart data={d.dossiers.byStatus} margin={{ top: 8, right: 16, bottom: 24, left: 16 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="label" tick={{ fontSize: 11 }} />
                <YAxis
                  allowDecimals={false}
                  tickFormatter={count}
                  label={{ value: t('dash.dossiers.axis'), angle: -90, position: 'insideLeft' }}
                />
                <Tooltip formatter={(v) => count(Number(v))} />
                <Bar
                  dataKey="count"
                  name={t('dash.dossiers.axis')}
                  fill={COLORS[5]}
                  cursor="pointer"
                  onClick={(_, i) => {
                    const x = d.dossiers.byStatus[i];
                    if (x)
                      setDrill({
                        kind: 'dossiers',
                        title: `${t('dash.dossiers')}: ${x.label}`,
                        q: { year, status: x.status },
                      });
                  }}
                />
              </BarChart>
            </ChartCard>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('dash.quota')} style={{ height: '100%' }}>
                {d.quotas.length ? (
                  d.quotas.map((q) => (
                    <div key={q.awardCode} style={{ marginBottom: 12 }}>
                      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
                        <Typography.Text strong>{q.label}</Typography.Text>
                        <Typography.Text>
                          {t('dash.quota.used', { used: count(q.used), allowed: count(q.allowed) })}
                        </Typography.Text>
                      </Space>
                      <Progress
                        percent={
                          q.allowed ? Math.min(100, Math.round((q.used * 100) / q.allowed)) : q.used ? 100 : 0
                        }
                        status={q.exceeded ? 'exception' : 'normal'}
                      />
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {q.detail} — {q.citation}
                      </Typography.Text>
                    </div>
                  ))
                ) : (
                  <Typography.Text type="secondary">{t('dash.quota.none')}</Typography.Text>
                )}
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('dash.fund')} style={{ height: '100%' }} data-testid="fund-card">
                {fund.error && fund.data === undefined ? (
                  <Typography.Text type="secondary">{fund.error.message}</Typography.Text>
                ) : fund.data ? (
                  <Row gutter={[8, 8]}>
                    {(
                      [
                        ['income', fund.data.totals.income],
                        ['expense', fund.data.totals.expense],
                        ['balance', fund.data.totals.balance],
                        ['prizes', fund.data.totals.prizes],
                        ['movements', fund.data.totals.movements],
                      ] as const
                    ).map(([k, v]) => (
                      <Col key={k} xs={12}>
                        <Statistic
                          title={t(`dash.fund.${k}`)}
                          value={money(v)}
                          valueStyle={{ fontSize: 16 }}
                        />
                      </Col>
                    ))}
                  </Row>
                ) : fund.loading ? (
                  <LoadingState />
                ) : (
                  <Typography.Text type="secondary">{t('dash.fund.unavailable')}</Typography.Text>
                )}
              </Card>
            </Col>
          </Row>
          <div ref={listRef}>
            {drill ? (
              <Card
                size="small"
                title={t('dash.listFor', { what: drill.title })}
                data-testid="drill-down-card"
              >
                {drill.kind === 'awards' ? (
                  <AwardsTable filter={drill.filter} />
                ) : (
                  <DossiersTable q={drill.q} />
                )}
              </Card>
            ) : null}
          </div>
          <LateCard d={d} />
        </Space>
      )}
    </>
  );
}

function ChartCard(props: {
  title: string;
  empty: boolean;
  testId: string;
  height?: number;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Col xs={24} lg={12}>
      <Card size="small" title={props.title} data-testid={props.testId}>
        {props.empty ? (
          <Empty description={t('dash.noData')} />
        ) : (
          <ResponsiveContainer width="100%" height={props.height ?? 260}>
            {props.children as React.ReactElement}
          </ResponsiveContainer>
        )}
      </Card>
    </Col>
  );
}

/**
 * A page of the list behind a clicked number, 10 rows at a time; back to page 1 whenever the query changes.
 */
function PagedList<Q, T extends { id: string }>({
  query,
  load,
  columns,
}: {
  query: Q;
  load: (query: Q, page: number) => Promise<{ items: T[]; total: number }>;
  columns: ColumnsType<T>;
}) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const key = JSON.stringify(query);
  const [lastKey, setLastKey] = useState(key);
  if (key !== lastKey) {
    setLastKey(key);
    setPage(1);
  }
  const list = useResource(() => load(query, page), [key, page]);
  if (list.error && !list.data) return <ErrorState error={list.error} onRetry={list.reload} />;
  return (
    <Table<T>
      size="small"
      rowKey="id"
      data-testid="drill-down"
      loading={list.loading}
      dataSource={list.data?.items ?? []}
      pagination={{
        current: page,
        pageSize: 10,
        total: list.data?.total ?? 0,
        showSizeChanger: false,
        showTotal: (n) => t('common.total', { count: count(n) }),
        onChange: setPage,
      }}
      columns={columns}
    />
  );
}

/** The page of awards behind a clicked number (GET /api/statistics/awards). */
function AwardsTable({ filter }: { filter: StatFilter & { year: number } }) {
  return (
    <PagedList<StatFilter & { year: number }, StatAwardItem>
      query={filter}
      load={getAwards}
      columns={useAwardColumns()}
    />
  );
}

function DossiersTable({ q }: { q: { year: number; status?: string; late?: boolean } }) {
  const { t } = useI18n();
  return <PagedList query={q} load={getDossiers} columns={dossierColumns(t)} />;
}

function dossierColumns(t: ReturnType<typeof useI18n>['t']) {
  return [
    { title: t('dash.late.code'), dataIndex: 'code' },
    { title: t('dash.late.title'), dataIndex: 'title' },
    { title: t('dash.late.unit'), dataIndex: 'unitName' },
    { title: t('dash.late.status'), dataIndex: 'statusLabel' },
    { title: t('dash.late.due'), dataIndex: 'dueOn', render: (v: string | null) => formatIsoDate(v) },
    {
      title: t('dash.late.days'),
      dataIndex: 'daysLate',
      align: 'right' as const,
      render: (v: number) => (v > 0 ? <Tag color="red">{count(v)}</Tag> : ''),
    },
  ];
}

function LateCard({ d }: { d: Dashboard }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={`${t('dash.late')} (${count(d.dossiers.late)})`} data-testid="late-dossiers">
      {d.dossiers.lateList.length ? (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={d.dossiers.lateList}
          columns={dossierColumns(t)}
        />
      ) : (
        <Typography.Text type="secondary">{t('dash.late.none')}</Typography.Text>
      )}
    </Card>
  );
}
