import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Empty, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import {
  EditOutlined,
  FileExcelOutlined,
  FileWordOutlined,
  GlobalOutlined,
  HistoryOutlined,
} from '@ant-design/icons';
import type { AwardLine, SummaryReport } from '../../../../domain/reports/summary';
import type { NarrativeVersion } from '../../../../shared/reports/summary.schema';
import { foldVietnamese } from '../../../../shared/vietnamese';
import { errorMessage } from '../../../lib/api';
import { formatInstant } from '../../../lib/dates';
import { useI18n } from '../../../lib/i18n';
import { useCan } from '../../../lib/session';
import { useResource } from '../../../lib/use-resource';
import { ErrorState, LoadingState, PageHeader } from '../../../lib/ui/states';
import { getHistory, getScopes, getSummary, publishSummary, summaryFileUrl } from '../api/reports';
import { NarrativeEditor } from './NarrativeEditor';

/**
 * `/reports`: the year-end summary of a year and scope — the numbers as tables, the narrative sections
 * (latest version, or an older one picked in the history), their editor, the Word and Excel files, and
 * publishing as a news item of the portal.
 */
export function ReportsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const canWrite = useCan('write:report:any');
  const [year, setYear] = useState(2020);
  const [scope, setScope] = useState('');
  /** An older narrative version being looked at (undefined: the latest). */
  const [version, setVersion] = useState<number>();
  const [editing, setEditing] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const report = useResource(() => getSummary(year, scope, version), [year, scope, version]);
  const history = useResource(() => getHistory(year, scope), [year, scope]);
  const scopes = useResource(() => getScopes(year), [year]);
  const years = useMemo(() => {
    const now = new Date().getFullYear();
    return Array.from({ length: now - 2015 + 2 }, (_, i) => now + 1 - i);
  }, []);

  const pick = (next: { year?: number; scope?: string }) => {
    if (next.year !== undefined) setYear(next.year);
    if (next.scope !== undefined) setScope(next.scope);
    setVersion(undefined);
    setEditing(false);
  };

  async function publish() {
    setPublishing(true);
    try {
      const item = await publishSummary(year, scope);
      message.success(t('reports.published', { url: item.url }));
      history.reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setPublishing(false);
    }
  }

  const scopeOptions = [
    { label: t('reports.scope.all'), options: [{ value: '', label: t('reports.scope.everything') }] },
    {
      label: t('reports.scope.blocks'),
      options: (scopes.data ?? [])
        .filter((s) => s.kind === 'block')
        .map((s) => ({ value: s.code, label: s.label })),
    },
    {
      label: t('reports.scope.units'),
      options: (scopes.data ?? [])
        .filter((s) => s.kind === 'unit')
        .map((s) => ({ value: s.code, label: s.label })),
    },
  ].filter((g) => g.options.length);

  const r = report.data;
  const h = history.data;
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
              onChange={(y) => pick({ year: y })}
              options={years.map((y) => ({ value: y, label: String(y) }))}
            />
            <Select<string>
              aria-label={t('reports.scope')}
              data-testid="scope-picker"
              style={{ width: 380 }}
              showSearch
              // Diacritic-insensitive: "khuyen nong" finds "Khuyến nông".
              filterOption={(input, option) =>
                foldVietnamese(String(option?.label ?? '')).includes(foldVietnamese(input.trim()))
              }
              value={scope}
              loading={scopes.loading}
              onChange={(s) => pick({ scope: s ?? '' })}
              options={scopeOptions}
              placeholder={t('reports.scope')}
            />
            <Button icon={<FileWordOutlined />} href={summaryFileUrl(year, scope, 'docx', version)}>
              {t('reports.word')}
            </Button>
            <Button icon={<FileExcelOutlined />} href={summaryFileUrl(year, scope, 'xlsx')}>
              {t('reports.excel')}
            </Button>
            {canWrite ? (
              <Popconfirm
                title={t('reports.publishConfirm')}
                okText={t('reports.publish')}
                cancelText={t('reports.narrative.cancel')}
                onConfirm={publish}
              >
                <Button icon={<GlobalOutlined />} loading={publishing}>
                  {t('reports.publish')}
                </Button>
              </Popconfirm>
            ) : null}
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
          {report.error ? <Alert type="error" showIcon message={report.error.message} /> : null}
          {h?.publishedNewsId ? <Tag color="green">{t('reports.publishedTag')}</Tag> : null}
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
            {r.tracks.length ? null : (
              <Typography.Text type="secondary">{t('reports.noAwards')}</Typography.Text>
            )}
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
          <Card
            size="small"
            title={t('reports.narrative.title')}
            data-testid="narrative"
            extra={
              canWrite && !editing && version === undefined ? (
                // Not while the report reloads: the editor must start from the latest saved version.
                <Button
                  size="small"
                  icon={<EditOutlined />}
                  disabled={report.loading}
                  onClick={() => setEditing(true)}
                >
                  {t('reports.narrative.edit')}
                </Button>
              ) : null
            }
          >
            {version !== undefined ? (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 12 }}
                message={t('reports.narrative.olderShown', { version })}
                action={
                  <Button size="small" onClick={() => setVersion(undefined)}>
                    {t('reports.narrative.showLatest')}
                  </Button>
                }
              />
            ) : null}
            {editing && version === undefined ? (
              <NarrativeEditor
                key={`${year}|${scope}|${r.narrative.version}`}
                year={year}
                scope={scope}
                base={r.narrative}
                onSaved={() => {
                  setEditing(false);
                  report.reload();
                  history.reload();
                }}
                onCancel={() => setEditing(false)}
              />
            ) : (
              <NarrativeView report={r} />
            )}
          </Card>
          <Card
            size="small"
            title={
              <>
                <HistoryOutlined /> {t('reports.history.title')}
              </>
            }
            data-testid="history"
          >
            <Table<NarrativeVersion>
              size="small"
              pagination={false}
              rowKey="version"
              dataSource={h?.versions ?? []}
              locale={{ emptyText: t('reports.history.empty') }}
              rowClassName={(v) => (v.version === r.narrative.version ? 'ant-table-row-selected' : '')}
              columns={[
                { title: t('reports.history.version'), dataIndex: 'version', width: 90 },
                {
                  title: t('reports.history.savedAt'),
                  dataIndex: 'savedAt',
                  render: (v: string) => formatInstant(v),
                },
                { title: t('reports.history.savedBy'), dataIndex: 'savedBy' },
                { title: t('reports.history.note'), dataIndex: 'note' },
                {
                  title: '',
                  key: 'show',
                  render: (_: unknown, v) =>
                    v.version === r.narrative.version ? (
                      <Tag>{t('reports.history.shown')}</Tag>
                    ) : (
                      <Button
                        size="small"
                        onClick={() => {
                          setEditing(false);
                          setVersion(v.version === h?.currentVersion ? undefined : v.version);
                        }}
                      >
                        {t('reports.history.show')}
                      </Button>
                    ),
                },
              ]}
            />
          </Card>
        </Space>
      )}
    </>
  );
}

function NarrativeView({ report }: { report: SummaryReport }) {
  const { t } = useI18n();
  const n = report.narrative;
  if (n.empty)
    return <Empty description={t('reports.narrative.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <div data-testid="narrative-view">
      <Typography.Text type="secondary">
        {t('reports.narrative.versionLine', {
          version: n.version,
          at: formatInstant(n.savedAt),
          by: n.savedBy ?? '',
        })}
      </Typography.Text>
      {n.sections
        .filter((s) => s.paragraphs.length)
        .map((s) => (
          <div key={s.key} style={{ marginTop: 12 }}>
            <Typography.Title level={5}>{s.heading}</Typography.Title>
            {s.paragraphs.map((p, i) => (
              <Typography.Paragraph key={i}>{p}</Typography.Paragraph>
            ))}
          </div>
        ))}
    </div>
  );
}
