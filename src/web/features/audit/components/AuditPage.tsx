import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Flex,
  Input,
  Row,
  Select,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ReloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import type { AuditEntry, AuditVerifyResult } from '../../../../shared/audit/audit.schema';
import { useI18n } from '../../../lib/i18n';
import { useResource } from '../../../lib/use-resource';
import { DATE_FORMAT, formatInstant, toIsoDate } from '../../../lib/dates';
import { ApiError } from '../../../lib/api';
import { EmptyState, ErrorState, PageHeader } from '../../../lib/ui/states';
import { listAudit, listAuditEntityTypes, verifyAudit } from '../api/audit';

const PAGE_SIZE = 50;

export function AuditPage() {
  const { t } = useI18n();
  const [entityType, setEntityType] = useState<string>();
  const [action, setAction] = useState('');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [page, setPage] = useState(1);
  const [verifying, setVerifying] = useState(false);
  const [verify, setVerify] = useState<AuditVerifyResult | ApiError>();

  const from = toIsoDate(range?.[0]);
  const to = toIsoDate(range?.[1]);
  const entries = useResource(
    () => listAudit({ entityType, action: action || undefined, from, to, page, pageSize: PAGE_SIZE }),
    [entityType, action, from, to, page],
  );
  const entityTypes = useResource(listAuditEntityTypes, []);

  async function runVerify() {
    setVerifying(true);
    try {
      setVerify(await verifyAudit());
    } catch (e) {
      if (e instanceof ApiError) setVerify(e);
      else throw e;
    } finally {
      setVerifying(false);
    }
  }

  const columns: ColumnsType<AuditEntry> = [
    { title: t('audit.seq'), dataIndex: 'seq', width: 70, align: 'right' },
    { title: t('audit.at'), dataIndex: 'at', width: 140, render: (v: string) => formatInstant(v) },
    {
      title: t('audit.actor'),
      dataIndex: 'actorName',
      width: 200,
      render: (v: string | null) =>
        v ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>,
    },
    { title: t('audit.action'), dataIndex: 'action', width: 200, render: (v: string) => <code>{v}</code> },
    {
      title: t('audit.entityType'),
      dataIndex: 'entityType',
      width: 130,
      render: (v: string) => <Tag bordered={false}>{v}</Tag>,
    },
    {
      title: t('audit.entityId'),
      dataIndex: 'entityId',
      ellipsis: true,
      render: (v: string | null) =>
        v ? (
          <Typography.Text style={{ fontSize: 12 }} copyable>
            {v}
          </Typography.Text>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        subtitle={t('audit.subtitle')}
        extra={
          <Button icon={<SafetyCertificateOutlined />} onClick={runVerify} loading={verifying}>
            {t('audit.verify')}
          </Button>
        }
      />
      {verify ? <VerifyResult result={verify} onClose={() => setVerify(undefined)} /> : null}
      <Card size="small">
        <Flex gap={8} align="center" wrap style={{ marginBottom: 8 }}>
          <Select
            allowClear
            placeholder={t('audit.filterEntity')}
            style={{ width: 200 }}
            value={entityType}
            loading={entityTypes.loading}
            options={(entityTypes.data ?? []).map((e) => ({ value: e, label: e }))}
            onChange={(v: string | undefined) => {
              setEntityType(v);
              setPage(1);
            }}
          />
          <Input.Search
            allowClear
            placeholder={t('audit.filterAction')}
            style={{ width: 260 }}
            onSearch={(v) => {
              setAction(v.trim());
              setPage(1);
            }}
            aria-label={t('audit.filterAction')}
          />
          <DatePicker.RangePicker
            format={DATE_FORMAT}
            value={range}
            onChange={(v) => {
              setRange(v);
              setPage(1);
            }}
            placeholder={[t('common.dateFormatHint'), t('common.dateFormatHint')]}
            aria-label={t('audit.filterDates')}
          />
          <Tooltip title={t('common.reload')}>
            <Button
              size="small"
              icon={<ReloadOutlined />}
              onClick={entries.reload}
              aria-label={t('common.reload')}
              style={{ marginLeft: 'auto' }}
            />
          </Tooltip>
        </Flex>
        {entries.error ? (
          <ErrorState error={entries.error} onRetry={entries.reload} />
        ) : (
          <Table<AuditEntry>
            size="small"
            rowKey="seq"
            columns={columns}
            dataSource={entries.data?.items ?? []}
            loading={entries.loading}
            locale={{ emptyText: <EmptyState text={t('audit.empty')} /> }}
            expandable={{ expandedRowRender: (entry) => <EntryDetail entry={entry} /> }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: entries.data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (total) => t('common.total', { count: total }),
              onChange: setPage,
            }}
          />
        )}
      </Card>
    </>
  );
}

function VerifyResult({ result, onClose }: { result: AuditVerifyResult | ApiError; onClose(): void }) {
  const { t } = useI18n();
  const common = {
    showIcon: true,
    closable: { onClose },
    style: { marginBottom: 12 },
    role: 'status',
  } as const;
  if (result instanceof ApiError) return <Alert {...common} type="error" title={result.message} />;
  if (result.ok)
    return <Alert {...common} type="success" title={t('audit.verifyOk', { checked: result.checked })} />;
  return (
    <Alert
      {...common}
      type="error"
      title={t('audit.verifyBroken', {
        seq: result.firstBrokenSeq ?? '?',
        checked: result.checked,
        reason: result.reason ?? '',
      })}
    />
  );
}

/** Before/after values as JSON text (rendered as text: nothing in a value can become markup). */
function EntryDetail({ entry }: { entry: AuditEntry }) {
  const { t } = useI18n();
  return (
    <div style={{ padding: '4px 8px' }}>
      <Descriptions size="small" column={2} style={{ marginBottom: 8 }}>
        <Descriptions.Item label={t('audit.requestId')}>{entry.requestId ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('audit.hash')}>
          <Typography.Text style={{ fontSize: 12 }} code>
            {entry.hash}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Row gutter={12}>
        <Col span={12}>
          <Typography.Text strong>{t('audit.before')}</Typography.Text>
          <JsonBlock value={entry.before} />
        </Col>
        <Col span={12}>
          <Typography.Text strong>{t('audit.after')}</Typography.Text>
          <JsonBlock value={entry.after} />
        </Col>
      </Row>
    </div>
  );
}

function JsonBlock({ value }: { value: unknown }) {
  const { t } = useI18n();
  if (value === null || value === undefined) {
    return <div className="vd-json vd-json-empty">{t('audit.none')}</div>;
  }
  return <pre className="vd-json">{JSON.stringify(value, null, 2)}</pre>;
}
