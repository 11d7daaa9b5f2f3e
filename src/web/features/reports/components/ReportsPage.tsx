import { useMemo, useState } from 'react';
import { Alert, Button, Card, Input, Select, Space, Table, Typography } from 'antd';
import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import type { AwardLine } from '../../../../domain/reports/summary';
import { useI18n } from '../../../lib/i18n';
import { useResource } from '../../../lib/use-resource';
import { ErrorState, LoadingState, PageHeader } from '../../../lib/ui/states';
import { getSummary, summaryFileUrl } from '../api/reports';

/** `/reports`: the year-end summary of a year and scope, as tables, with its Word and Excel files. */
export function ReportsPage() {
  const { t } = useI18n();
  const [year, setYear] = useState(2020);
  const [scopeText, setScopeText] = useState('');
  const [scope, setScope] = useState('');
  const report = useResource(() => getSummary(year, scope), [year, scope]);
  const years = useMemo(() => {
    const now = new Date().getFullYear();
    return Array.from({ length: now - 2015 + 2 }, (_, i) => now + 1 - i);
  }, []);

  const r = report.data;
  return (
    <>
      <PageHeader
        title={t('reports.title')}
        subtitle={t('reports.subtitle')}
        extra={
          <Space wrap>
            <Select<number>
              aria-label={t('reports.year')}
              style={{ width: 110 }}
              value={year}
              onChange={setYear}
              options={years.map((y) => ({ value: y, label: String(y) }))}
            />
            <Input.Search
              aria-label={t('reports.scope')}
              placeholder={t('reports.scope')}
              style={{ width: 320 }}
              value={scopeText}
              onChange={(e) => setScopeText(e.target.value)}
              onSearch={(v) => setScope(v.trim())}
              enterButton={t('reports.show')}
              allowClear
            />
            <Button icon={<FileWordOutlined />} href={summaryFileUrl(year, scope, 'docx')}>
              {t('reports.word')}
            </Button>
            <Button icon={<FileExcelOutlined />} href={summaryFileUrl(year, scope, 'xlsx')}>
              {t('reports.excel')}
            </Button>
          </Space>
        }
      />
      {report.error && !r ? (
        <ErrorState error={report.error} onRetry={report.reload} />
      ) : !r ? (
        <LoadingState />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="summary-report">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {r.title}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('reports.scopeLabel', { scope: r.scope.label })}
          </Typography.Text>
          {r.empty ? <Alert type="info" showIcon message={t('reports.empty', { year: r.year })} /> : null}
          <Card size="small" title={t('reports.movements')}>
            {r.movements.length ? (
              r.movements.map((m, i) => (
                <div key={m.name} style={{ marginBottom: 12 }}>
                  <Typography.Text strong>
                    {i + 1}. {m.name}
                  </Typography.Text>
                  <ul style={{ margin: '4px 0' }}>
                    {m.totals.map((x) => (
                      <li key={x.label}>
                        {x.label}: {x.value}
                      </li>
                    ))}
                    {m.results.map((x) => (
                      <li key={x.unitName}>
                        {x.unitName}: {x.summary}
                      </li>
                    ))}
                  </ul>
                </div>
              ))
            ) : (
              <Typography.Text type="secondary">{t('reports.noMovements')}</Typography.Text>
            )}
          </Card>
          <Card size="small" title={t('reports.awards')}>
            {r.tracks.map((track) => (
              <div key={track.track} style={{ marginBottom: 16 }}>
                <Typography.Title level={5}>{track.label}</Typography.Title>
                <Table<AwardLine>
                  size="small"
                  pagination={false}
                  rowKey={(l) => `${l.issuer}|${l.awardCode}|${l.recipientKind}`}
                  dataSource={track.lines}
                  columns={[
                    { title: t('reports.col.issuer'), dataIndex: 'issuer' },
                    { title: t('reports.col.award'), dataIndex: 'awardLabel' },
                    { title: t('reports.col.code'), dataIndex: 'awardCode' },
                    { title: t('reports.col.recipient'), dataIndex: 'recipientKindLabel' },
                    { title: t('reports.col.count'), dataIndex: 'text', align: 'right' },
                  ]}
                />
              </div>
            ))}
          </Card>
        </Space>
      )}
    </>
  );
}
