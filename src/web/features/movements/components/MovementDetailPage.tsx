import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Space,
  Statistic,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { ArrowLeftOutlined, EditOutlined, FileExcelOutlined } from '@ant-design/icons';
import {
  formatIndicatorValue,
  MOVEMENT_KIND_LABELS,
  MOVEMENT_STATUS_LABELS,
  TARGET_KIND_LABELS,
  type IndicatorAggregateView,
  type MovementDetail,
  type UnitResult,
} from '../../../../shared/movements/movements.schema';
import { useI18n } from '../../../lib/i18n';
import { Link } from '../../../lib/router';
import { useCan, useCurrentUser } from '../../../lib/session';
import { useResource } from '../../../lib/use-resource';
import { formatIsoDate } from '../../../lib/dates';
import { errorMessage } from '../../../lib/api';
import { applyApiError } from '../../../lib/forms';
import { ErrorState, LoadingState, PageHeader } from '../../../lib/ui/states';
import {
  closeMovement,
  getAggregate,
  getMovement,
  launchMovement,
  reportResult,
  resultsExportUrl,
} from '../api/movements';
import { IndicatorChart } from './IndicatorChart';
import { MovementFormModal } from './MovementFormModal';

type Indicator = MovementDetail['indicators'][number];

export function MovementDetailPage({ id }: { id: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const canWrite = useCan('write:movement:any');
  const canReport = useCan('report:movement:own');
  const movement = useResource(() => getMovement(id), [id]);
  const aggregate = useResource(() => getAggregate(id), [id]);
  const [editing, setEditing] = useState<{ unitId: string; unitName: string; result?: UnitResult }>();
  const [editingMovement, setEditingMovement] = useState(false);

  if (movement.error) return <ErrorState error={movement.error} onRetry={movement.reload} />;
  if (!movement.data) return <LoadingState />;
  const m = movement.data;
  const reload = () => {
    movement.reload();
    aggregate.reload();
  };
  const act = async (fn: () => Promise<unknown>, done: string) => {
    try {
      await fn();
      message.success(done);
      reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const mayReportFor = (unitId: string) =>
    m.status === 'launched' && (canWrite || (canReport && unitId === user.unitId));
  const byUnit = new Map(m.results.map((r) => [r.unitId, r]));
  const dept = aggregate.data?.groups.find((g) => g.scope === 'department');
  const blocks = aggregate.data?.groups.filter((g) => g.scope === 'block') ?? [];

  return (
    <>
      <PageHeader
        title={m.name}
        subtitle={`${MOVEMENT_KIND_LABELS[m.kind]} · ${m.launchingUnitName} · ${formatIsoDate(m.periodFrom)} – ${formatIsoDate(m.periodTo)}`}
        extra={
          <>
            <Link href={`/movements?year=${m.year}`}>
              <Button icon={<ArrowLeftOutlined />}>{t('movements.backToList')}</Button>
            </Link>
            <Button icon={<FileExcelOutlined />} href={resultsExportUrl(m.id)}>
              {t('movements.exportResults')}
            </Button>
            {canWrite && m.status !== 'closed' ? (
              <Button icon={<EditOutlined />} onClick={() => setEditingMovement(true)}>
                {t('common.edit')}
              </Button>
            ) : null}
            {canWrite && m.status === 'draft' ? (
              <Button
                type="primary"
                onClick={() => act(() => launchMovement(m.id, m.version), t('movements.launched'))}
              >
                {t('movements.launch')}
              </Button>
            ) : null}
            {canWrite && m.status === 'launched' ? (
              <Button
                danger
                onClick={() => act(() => closeMovement(m.id, m.version), t('movements.closedDone'))}
              >
                {t('movements.close')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('movements.status')}>
            <Tag>{MOVEMENT_STATUS_LABELS[m.status]}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('movements.target')}>
            {TARGET_KIND_LABELS[m.targetKind]} ({m.targets.length} {t('movements.units')})
          </Descriptions.Item>
          {m.goals ? <Descriptions.Item label={t('movements.goals')}>{m.goals}</Descriptions.Item> : null}
          {m.criteria ? (
            <Descriptions.Item label={t('movements.criteria')}>{m.criteria}</Descriptions.Item>
          ) : null}
          {m.directives ? (
            <Descriptions.Item label={t('movements.directives')}>{m.directives}</Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>

      {dept && dept.indicators.length ? (
        <Card size="small" title={t('movements.aggregate')} style={{ marginTop: 12 }}>
          {[dept, ...blocks].map((g) => (
            <div key={`${g.scope}-${g.key}`} style={{ marginBottom: 8 }}>
              <Typography.Text type="secondary">
                {g.scope === 'department' ? t('movements.aggDepartment') : t('movements.aggBlock')}: {g.label}{' '}
                — {t('movements.reportedOf', { reported: g.reportedUnits, units: g.units })}
              </Typography.Text>
              <Row gutter={[12, 12]} style={{ marginTop: 4 }}>
                {g.indicators.map((a) => (
                  <Col key={a.code} xs={24} sm={12} lg={6}>
                    <Statistic title={a.label} value={aggregateText(a)} />
                  </Col>
                ))}
              </Row>
            </div>
          ))}
        </Card>
      ) : null}

      <Card size="small" title={t('movements.results')} style={{ marginTop: 12 }}>
        <Table
          size="small"
          rowKey="unitId"
          pagination={false}
          dataSource={m.targets}
          scroll={{ x: true }}
          columns={[
            { title: '#', key: 'n', width: 40, render: (_v, _u, i) => i + 1 },
            { title: t('movements.unit'), dataIndex: 'unitName', width: 260 },
            ...m.indicators.map((ind) => ({
              title: ind.label,
              key: ind.code,
              width: 150,
              render: (_v: unknown, u: { unitId: string }) =>
                formatIndicatorValue(ind.kind, byUnit.get(u.unitId)?.values[ind.code]),
            })),
            {
              title: t('movements.summary'),
              key: 'summary',
              render: (_v, u) =>
                byUnit.get(u.unitId)?.summary ?? (
                  <Typography.Text type="secondary">{t('movements.notReported')}</Typography.Text>
                ),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 90,
              render: (_v, u) =>
                mayReportFor(u.unitId) ? (
                  <Button
                    size="small"
                    icon={<EditOutlined />}
                    onClick={() =>
                      setEditing({ unitId: u.unitId, unitName: u.unitName, result: byUnit.get(u.unitId) })
                    }
                  >
                    {t('movements.report')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>

      {m.indicators.length && m.targets.length ? (
        <Card size="small" title={t('movements.charts')} style={{ marginTop: 12 }}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            {m.indicators.map((ind) => (
              <IndicatorChart
                key={ind.code}
                title={ind.label}
                kind={ind.kind}
                target={ind.target}
                bars={m.targets.map((u) => ({
                  label: u.unitName,
                  value: byUnit.get(u.unitId)?.values[ind.code],
                }))}
              />
            ))}
          </Space>
        </Card>
      ) : null}

      {editingMovement ? (
        <MovementFormModal
          year={m.year}
          movement={m}
          onClose={() => setEditingMovement(false)}
          onSaved={() => {
            setEditingMovement(false);
            message.success(t('common.saved'));
            reload();
          }}
        />
      ) : null}
      {editing ? (
        <ResultModal
          movementId={m.id}
          indicators={m.indicators}
          unitId={editing.unitId}
          unitName={editing.unitName}
          result={editing.result}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            message.success(t('common.saved'));
            reload();
          }}
        />
      ) : null}
    </>
  );
}

/**
 * Yes/no and indicators with a per-unit target read as "units meeting it" (8/8, 100%): the article's "100%
 * of members gave 03 days' salary"; without a target, counts and money read as their sum.
 */
function aggregateText(a: IndicatorAggregateView): string {
  if (a.met !== null) return `${a.met}/${a.units} đạt (${a.metShare?.toLocaleString('vi-VN')}%)`;
  return formatIndicatorValue(a.kind, a.value);
}

/** A unit's results: free text and one field per indicator, of the indicator's kind. */
function ResultModal({
  movementId,
  indicators,
  unitId,
  unitName,
  result,
  onClose,
  onSaved,
}: {
  movementId: string;
  indicators: Indicator[];
  unitId: string;
  unitName: string;
  result: UnitResult | undefined;
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  async function submit(values: { summary?: string; values?: Record<string, number | boolean | null> }) {
    const clean = Object.fromEntries(
      Object.entries(values.values ?? {}).filter(([, v]) => v !== null && v !== undefined),
    );
    setSaving(true);
    try {
      await reportResult(movementId, unitId, {
        summary: values.summary ?? '',
        values: clean,
        version: result?.version ?? null,
      });
      onSaved();
    } catch (e) {
      setError(applyApiError(form, e));
    } finally {
      setSaving(false);
    }
  }
  return (
    <Modal
      open
      title={`${t('movements.reportTitle')}: ${unitName}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ summary: result?.summary ?? '', values: result?.values ?? {} }}
      >
        {indicators.map((ind) => (
          <Form.Item
            key={ind.code}
            name={['values', ind.code]}
            label={`${ind.label}${ind.kind === 'money' ? ' (đồng)' : ind.kind === 'percent' ? ' (%)' : ''}`}
            valuePropName={ind.kind === 'boolean' ? 'checked' : 'value'}
          >
            {ind.kind === 'boolean' ? (
              <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />
            ) : (
              <InputNumber<number>
                min={0}
                max={ind.kind === 'percent' ? 100 : undefined}
                precision={ind.kind === 'percent' ? 2 : 0}
                style={{ width: 220 }}
                formatter={(v) =>
                  v === undefined || v === null || String(v) === '' ? '' : Number(v).toLocaleString('vi-VN')
                }
                parser={(v) => Number((v ?? '').replace(/\./g, '').replace(',', '.'))}
              />
            )}
          </Form.Item>
        ))}
        <Form.Item name="summary" label={t('movements.summary')}>
          <Input.TextArea rows={4} maxLength={20000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
