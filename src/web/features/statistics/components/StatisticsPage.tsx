import { useMemo, useState } from 'react';
import { Alert, Button, Card, Drawer, Input, Select, Space, Table, Tabs, Typography } from 'antd';
import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import {
  FORM_IDS,
  type FormId,
  type FormModel,
  type FormRow,
  type StatFilter,
  type StatRow,
  type StatTable,
} from '../../../../shared/statistics/statistics.schema';
import { useI18n } from '../../../lib/i18n';
import { useResource } from '../../../lib/use-resource';
import { ErrorState, LoadingState, PageHeader } from '../../../lib/ui/states';
import { formFileUrl, getForm, getStatistics, statisticsFileUrl } from '../api/statistics';
import { AwardsList } from './AwardsList';
import { formatCount, formatMoney } from './format';

/**
 * `/statistics`: the statistics tables of a year and scope (each row opens the list of awards behind it),
 * their Word and Excel files, and the ministry's forms 0601–0603 with their Excel files.
 */
export function StatisticsPage() {
  const { t } = useI18n();
  const [year, setYear] = useState(2020);
  const [scopeText, setScopeText] = useState('');
  const [scope, setScope] = useState('');
  const [drill, setDrill] = useState<{ title: string; filter: StatFilter & { year: number } } | null>(null);
  const stats = useResource(() => getStatistics(year, scope), [year, scope]);
  const years = useMemo(() => {
    const now = new Date().getFullYear();
    return Array.from({ length: now - 2010 + 2 }, (_, i) => now + 1 - i);
  }, []);
  const s = stats.data;

  const tableView = (tb: StatTable) => (
    <Table<StatRow>
      size="small"
      rowKey="key"
      pagination={tb.rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      dataSource={tb.rows}
      onRow={(r) => ({
        onClick: () =>
          setDrill({
            title: `${tb.title}: ${r.label}`,
            filter: { year: r.filter.year ?? year, ...r.filter },
          }),
        style: { cursor: 'pointer' },
      })}
      columns={[
        { title: tb.dimension, dataIndex: 'label' },
        { title: t('stats.col.total'), dataIndex: 'total', align: 'right', render: formatCount },
        { title: t('stats.col.individual'), dataIndex: 'individual', align: 'right', render: formatCount },
        { title: t('stats.col.collective'), dataIndex: 'collective', align: 'right', render: formatCount },
        { title: t('stats.col.household'), dataIndex: 'household', align: 'right', render: formatCount },
        { title: t('stats.col.prize'), dataIndex: 'prize', align: 'right', render: formatMoney },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>
            <strong>{t('stats.sum')}</strong>
          </Table.Summary.Cell>
          {(['total', 'individual', 'collective', 'household'] as const).map((k, i) => (
            <Table.Summary.Cell key={k} index={i + 1} align="right">
              <strong>{formatCount(tb.totals[k])}</strong>
            </Table.Summary.Cell>
          ))}
          <Table.Summary.Cell index={5} align="right">
            <strong>{formatMoney(tb.totals.prize)}</strong>
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );

  return (
    <>
      <PageHeader
        title={t('stats.title')}
        subtitle={t('stats.subtitle')}
        extra={
          <Space wrap>
            <Select<number>
              aria-label={t('stats.year')}
              style={{ width: 110 }}
              value={year}
              onChange={setYear}
              options={years.map((y) => ({ value: y, label: String(y) }))}
            />
            <Input.Search
              aria-label={t('stats.scope')}
              placeholder={t('stats.scope')}
              style={{ width: 320 }}
              value={scopeText}
              onChange={(e) => setScopeText(e.target.value)}
              onSearch={(v) => setScope(v.trim())}
              enterButton={t('stats.show')}
              allowClear
            />
            <Button icon={<FileWordOutlined />} href={statisticsFileUrl(year, scope, 'docx')}>
              {t('stats.word')}
            </Button>
            <Button icon={<FileExcelOutlined />} href={statisticsFileUrl(year, scope, 'xlsx')}>
              {t('stats.excel')}
            </Button>
          </Space>
        }
      />
      {stats.error && !s ? (
        <ErrorState error={stats.error} onRetry={stats.reload} />
      ) : !s ? (
        <LoadingState />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="statistics">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {s.title}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('stats.scopeLabel', { scope: s.scope.label })}
          </Typography.Text>
          {stats.error ? <Alert type="error" showIcon message={stats.error.message} /> : null}
          {s.empty ? (
            <Alert type="info" showIcon message={t('stats.empty', { year: s.year })} />
          ) : (
            <Alert
              type="success"
              showIcon
              message={t('stats.totals', {
                awards: formatCount(s.totals.awards),
                individual: formatCount(s.totals.individual),
                collective: formatCount(s.totals.collective),
                household: formatCount(s.totals.household),
                prize: formatMoney(s.totals.prize),
              })}
              description={t('stats.clickHint')}
            />
          )}
          <Card size="small">
            <Tabs items={s.tables.map((tb) => ({ key: tb.key, label: tb.title, children: tableView(tb) }))} />
          </Card>
          <FormsCard year={year} scope={scope} />
        </Space>
      )}
      <Drawer
        open={drill !== null}
        width={1000}
        title={drill?.title ?? t('drill.title')}
        onClose={() => setDrill(null)}
        destroyOnHidden
      >
        {drill ? <AwardsList filter={drill.filter} scope={scope} /> : null}
      </Drawer>
    </>
  );
}

function FormsCard({ year, scope }: { year: number; scope: string }) {
  const { t } = useI18n();
  const [id, setId] = useState<FormId>('0603');
  const form = useResource(() => getForm(id, year, scope), [id, year, scope]);
  return (
    <Card
      size="small"
      title={t('stats.forms')}
      extra={
        <Space>
          <Select<FormId>
            aria-label={t('stats.forms')}
            style={{ width: 360 }}
            value={id}
            onChange={setId}
            options={FORM_IDS.map((f) => ({ value: f, label: t(`stats.form.${f}`) }))}
          />
          <Button icon={<FileExcelOutlined />} href={formFileUrl(id, year, scope)}>
            {t('stats.forms.excel')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('stats.forms.note')}</Typography.Paragraph>
      {form.error && !form.data ? (
        <ErrorState error={form.error} onRetry={form.reload} />
      ) : form.data ? (
        <FormView form={form.data} />
      ) : (
        <LoadingState />
      )}
    </Card>
  );
}

function FormView({ form }: { form: FormModel }) {
  const { t } = useI18n();
  const h = form.header;
  return (
    <div data-testid={`form-${form.id}`}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
        <div>
          <Typography.Text strong>{h.formNumber}</Typography.Text>
          <br />
          <Typography.Text italic>{h.issuedBy}</Typography.Text>
          <br />
          <Typography.Text>Ngày nhận báo cáo: {h.receiveDate}</Typography.Text>
        </div>
        <div>
          <Typography.Text strong>Đơn vị báo cáo: {h.reportingUnit}</Typography.Text>
          <br />
          <Typography.Text strong>Đơn vị nhận báo cáo: {h.receivingUnit}</Typography.Text>
        </div>
      </Space>
      <Typography.Title level={5} style={{ textAlign: 'center' }}>
        {h.title}
      </Typography.Title>
      <p style={{ textAlign: 'center', fontStyle: 'italic' }}>{h.period}</p>
      <Table<FormRow>
        size="small"
        bordered
        pagination={false}
        rowKey={(r) => `${r.code}|${r.label}`}
        dataSource={form.rows}
        scroll={{ x: true }}
        columns={[
          {
            title: '',
            dataIndex: 'label',
            render: (v: string, r) => (r.bold || r.heading ? <strong>{v}</strong> : v),
          },
          { title: t('stats.form.code'), dataIndex: 'code', align: 'center' },
          ...(form.measureColumn
            ? [{ title: t('stats.form.measure'), dataIndex: 'measure', align: 'center' as const }]
            : []),
          ...form.columns.map((c, i) => ({
            title: `${c.header} (${c.number})`,
            key: String(i),
            align: 'right' as const,
            render: (_: unknown, r: FormRow) => {
              const v = r.values[i + 0];
              return v === null || v === undefined ? '' : formatCount(v);
            },
          })),
        ]}
      />
      <ul>
        {form.notes.map((n) => (
          <li key={n}>
            <Typography.Text type="secondary">{n}</Typography.Text>
          </li>
        ))}
      </ul>
    </div>
  );
}
