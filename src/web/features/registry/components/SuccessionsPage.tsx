import { useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Row,
  Table,
  Timeline,
  TreeSelect,
  Typography,
} from 'antd';
import { DeleteOutlined, FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { successionCreateSchema } from '../../../../shared/registry/registry.schema';
import type { Unit } from '../../../../shared/units/units.schema';
import { useI18n } from '../../../lib/i18n';
import { useCan } from '../../../lib/session';
import { useResource } from '../../../lib/use-resource';
import { titleMatches } from '../../../lib/text';
import { DATE_FORMAT, formatIsoDate, toIsoDate } from '../../../lib/dates';
import { applyApiError, emptyToNull, parseForm, zodRules } from '../../../lib/forms';
import { errorMessage } from '../../../lib/api';
import { EmptyState, ErrorState, LoadingState, PageHeader } from '../../../lib/ui/states';
import {
  addSuccession,
  deleteSuccession,
  exportUrl,
  getLineage,
  listRecords,
  listUnitsForPicker,
  type RegistryRow,
} from '../api/registry';
import { unitOptions } from '../../../lib/unit-options';

const PAGE_SIZE = 20;

/**
 * "Sáp nhập, kế thừa": every succession (merger) on record, and for a chosen unit the units it came from
 * and the units that carry it on, with the dates — so a merged unit's history stays reachable.
 */
export function SuccessionsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const canWrite = useCan('write:unit:any');
  const [page, setPage] = useState(1);
  const [unitId, setUnitId] = useState<string>();
  const [adding, setAdding] = useState(false);
  const rows = useResource(() => listRecords('successions', { page, pageSize: PAGE_SIZE }), [page]);
  const units = useResource(listUnitsForPicker, []);
  const byCode = useMemo(() => new Map((units.data ?? []).map((u) => [u.code, u])), [units.data]);
  const tree = useMemo(() => unitOptions(units.data ?? []), [units.data]);

  async function remove(id: string) {
    try {
      await deleteSuccession(id);
      message.success(t('lineage.deleted'));
    } catch (e) {
      message.error(errorMessage(e));
    }
    rows.reload();
  }

  const unitCell = (name: unknown, code: unknown) => (
    <Typography.Link onClick={() => setUnitId(byCode.get(String(code))?.id)}>
      {String(name)} <Typography.Text type="secondary">({String(code)})</Typography.Text>
    </Typography.Link>
  );

  return (
    <>
      <PageHeader
        title={t('lineage.title')}
        subtitle={t('lineage.subtitle')}
        extra={
          <>
            <Button icon={<FileExcelOutlined />} href={exportUrl('successions', {})} download>
              {t('registry.export')}
            </Button>
            {canWrite ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                {t('lineage.create')}
              </Button>
            ) : null}
          </>
        }
      />
      <Row gutter={12}>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('lineage.listTitle')}>
            {rows.error ? (
              <ErrorState error={rows.error} onRetry={rows.reload} />
            ) : (
              <Table<RegistryRow>
                size="small"
                rowKey="id"
                dataSource={rows.data?.items ?? []}
                loading={rows.loading}
                locale={{ emptyText: <EmptyState text={t('lineage.empty')} /> }}
                pagination={{
                  current: page,
                  pageSize: PAGE_SIZE,
                  total: rows.data?.total ?? 0,
                  showSizeChanger: false,
                  hideOnSinglePage: true,
                  onChange: setPage,
                }}
                columns={[
                  {
                    title: t('lineage.predecessor'),
                    key: 'from',
                    render: (_v, r) => unitCell(r.predecessorName, r.predecessorCode),
                  },
                  {
                    title: t('lineage.successor'),
                    key: 'to',
                    render: (_v, r) => unitCell(r.successorName, r.successorCode),
                  },
                  {
                    title: t('lineage.effectiveDate'),
                    dataIndex: 'effectiveDate',
                    width: 110,
                    render: (v: string) => formatIsoDate(v),
                  },
                  { title: t('registry.note'), dataIndex: 'note', ellipsis: { showTitle: true } },
                  ...(canWrite
                    ? [
                        {
                          title: t('common.actions'),
                          key: 'actions',
                          width: 90,
                          render: (_v: unknown, r: RegistryRow) => (
                            <Popconfirm title={t('lineage.deleteConfirm')} onConfirm={() => remove(r.id)}>
                              <Button
                                type="text"
                                size="small"
                                danger
                                icon={<DeleteOutlined />}
                                aria-label={t('lineage.delete')}
                              />
                            </Popconfirm>
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('lineage.historyTitle')}>
            <TreeSelect
              allowClear
              showSearch
              filterTreeNode={titleMatches}
              treeDefaultExpandAll
              placeholder={t('lineage.pickUnit')}
              aria-label={t('lineage.pickUnit')}
              style={{ width: '100%', marginBottom: 12 }}
              value={unitId}
              onChange={(v: string | undefined) => setUnitId(v)}
              treeData={tree}
              loading={units.loading}
              styles={{ popup: { root: { maxHeight: 400, overflow: 'auto' } } }}
            />
            {unitId ? (
              <LineagePanel
                key={unitId}
                unit={units.data?.find((u) => u.id === unitId)}
                unitId={unitId}
                onPick={setUnitId}
              />
            ) : (
              <Typography.Text type="secondary">{t('lineage.pickHint')}</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
      {adding ? (
        <SuccessionModal
          tree={tree}
          onClose={() => setAdding(false)}
          onSaved={(successorId) => {
            setAdding(false);
            setUnitId(successorId);
            rows.reload();
          }}
        />
      ) : null}
    </>
  );
}

/** The chain back to the oldest predecessors and forward to the latest successors of one unit. */
function LineagePanel({ unitId, unit, onPick }: { unitId: string; unit?: Unit; onPick(id: string): void }) {
  const { t } = useI18n();
  const lineage = useResource(() => getLineage(unitId), [unitId]);
  if (lineage.error) return <ErrorState error={lineage.error} onRetry={lineage.reload} />;
  if (!lineage.data) return <LoadingState />;
  const { predecessors, successors } = lineage.data;
  if (!predecessors.length && !successors.length)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('lineage.none')} />;
  const item = (l: (typeof predecessors)[number], verb: string) => ({
    key: `${l.unitId}-${l.depth}`,
    color: 'gray',
    content: (
      <>
        <Typography.Link onClick={() => onPick(l.unitId)}>{l.name}</Typography.Link>{' '}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          ({l.code}) — {verb} {formatIsoDate(l.effectiveDate)}
          {l.depth > 1 ? ` · ${t('lineage.depth', { depth: l.depth })}` : ''}
        </Typography.Text>
      </>
    ),
  });
  return (
    <div data-testid="lineage">
      <Timeline
        items={[
          // Oldest first: the furthest predecessors at the top.
          ...[...predecessors].sort((a, b) => b.depth - a.depth).map((l) => item(l, t('lineage.mergedOn'))),
          {
            key: 'self',
            color: 'blue',
            content: <Typography.Text strong>{unit?.name ?? ''}</Typography.Text>,
          },
          ...successors.map((l) => item(l, t('lineage.succeededOn'))),
        ]}
      />
    </div>
  );
}

interface SuccessionValues {
  predecessorId?: string;
  successorId?: string;
  effectiveDate?: Dayjs;
  note?: string;
}

const successionToApi = {
  effectiveDate: (v: unknown) => toIsoDate(v as Dayjs | undefined),
  note: emptyToNull,
};
const successionRules = zodRules(successionCreateSchema, successionToApi);

function SuccessionModal({
  tree,
  onClose,
  onSaved,
}: {
  tree: ReturnType<typeof unitOptions>;
  onClose(): void;
  onSaved(successorId: string): void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<SuccessionValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();

  async function submit(values: SuccessionValues) {
    setError(undefined);
    const parsed = parseForm(form, successionCreateSchema, {
      predecessorId: values.predecessorId,
      successorId: values.successorId,
      effectiveDate: successionToApi.effectiveDate(values.effectiveDate),
      note: successionToApi.note(values.note),
    });
    if (!parsed.data) return setError(parsed.formError);
    setSaving(true);
    try {
      await addSuccession(parsed.data);
      message.success(t('lineage.created'));
      onSaved(parsed.data.successorId);
    } catch (e) {
      setError(applyApiError(form, e));
    } finally {
      setSaving(false);
    }
  }

  const picker = (
    <TreeSelect
      treeData={tree}
      showSearch
      filterTreeNode={titleMatches}
      treeDefaultExpandAll
      styles={{ popup: { root: { maxHeight: 360, overflow: 'auto' } } }}
    />
  );
  return (
    <Modal
      open
      title={t('lineage.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      width={600}
      destroyOnHidden
      maskClosable={false}
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" /> : null}
      <Form<SuccessionValues>
        form={form}
        layout="horizontal"
        labelCol={{ span: 8 }}
        wrapperCol={{ span: 16 }}
        disabled={saving}
        onFinish={submit}
      >
        <Form.Item
          name="predecessorId"
          label={t('lineage.predecessor')}
          rules={successionRules.predecessorId}
        >
          {picker}
        </Form.Item>
        <Form.Item name="successorId" label={t('lineage.successor')} rules={successionRules.successorId}>
          {picker}
        </Form.Item>
        <Form.Item
          name="effectiveDate"
          label={t('lineage.effectiveDate')}
          rules={successionRules.effectiveDate}
        >
          <DatePicker format={DATE_FORMAT} placeholder={t('common.dateFormatHint')} />
        </Form.Item>
        <Form.Item name="note" label={t('registry.note')} rules={successionRules.note}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
