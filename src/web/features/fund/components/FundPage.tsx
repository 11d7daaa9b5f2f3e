import { useMemo, useState } from 'react';
import type { ButtonProps } from 'antd';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Popconfirm,
  Radio,
  Row,
  Select,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { DownloadOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import {
  EXPENSE_CATEGORIES,
  FUND_CATEGORY_LABELS,
  FUND_DIRECTION_LABELS,
  INCOME_CATEGORIES,
  fundEntryInput,
  fundEntryUpdate,
  type FundCategory,
  type FundEntry,
  type FundPendingPrize,
  type FundVerdictDto,
} from '../../../../shared/fund/fund.schema';
import { formatDong } from '../../../../domain/money/vietnamese-words';
import { useI18n } from '../../../lib/i18n';
import { useCan } from '../../../lib/session';
import { useResource } from '../../../lib/use-resource';
import { formatIsoDate, fromIsoDate, toIsoDate } from '../../../lib/dates';
import { errorMessage } from '../../../lib/api';
import { applyApiError, parseForm } from '../../../lib/forms';
import { ErrorState, LoadingState, PageHeader } from '../../../lib/ui/states';
import {
  createFundEntry,
  updateFundEntry,
  deleteFundEntry,
  fundBudgets,
  fundChecks,
  fundEntries,
  fundSummary,
  fundUnits,
  ledgerExcelUrl,
  pendingPrizes,
  recordPrize,
  setFundBudget,
} from '../api/fund';

const STATUS_COLORS: Record<FundVerdictDto['status'], string> = {
  ok: 'green',
  violation: 'red',
  unknown: 'default',
};

/** `/fund`: the emulation fund's ledger, balance, prize payments not yet recorded and the legal checks. */
export function FundPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const canWrite = useCan('write:fund:any');
  const [year, setYear] = useState<number>(
    Number(new URLSearchParams(window.location.search).get('year')) || 2020,
  );
  const [picked, setPicked] = useState<string>();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<FundEntry>();
  const units = useResource(() => fundUnits(), []);
  const summary = useResource(() => fundSummary(year), [year]);
  // The unit shown first is the first with activity in the year, so it is chosen once the summary is in
  // (choosing the first unit by name before that made the ledger load twice and jump to another unit).
  const decided = picked !== undefined || summary.data !== undefined || summary.error !== undefined;
  const unitId = picked ?? summary.data?.units[0]?.unitId ?? units.data?.[0]?.id;
  const entries = useResource(
    () => (decided ? fundEntries(year, unitId) : Promise.resolve(undefined)),
    [decided, year, unitId],
  );
  const pending = useResource(
    () => (decided ? pendingPrizes(year, unitId) : Promise.resolve(undefined)),
    [decided, year, unitId],
  );
  const checks = useResource(
    () => (decided && unitId ? fundChecks(year, unitId) : Promise.resolve(undefined)),
    [decided, year, unitId],
  );
  const years = useMemo(() => {
    const now = new Date().getFullYear();
    return Array.from({ length: now - 2015 + 2 }, (_, i) => now + 1 - i);
  }, []);
  const reloadAll = () => {
    summary.reload();
    entries.reload();
    pending.reload();
    checks.reload();
  };
  if (summary.error && !summary.data) return <ErrorState error={summary.error} onRetry={summary.reload} />;
  const unit = summary.data?.units.find((u) => u.unitId === unitId);

  return (
    <>
      <PageHeader
        title={t('fund.title')}
        subtitle={t('fund.subtitle')}
        extra={
          <>
            <Select<number>
              aria-label={t('fund.year')}
              style={{ width: 110 }}
              value={year}
              onChange={setYear}
              options={years.map((y) => ({ value: y, label: String(y) }))}
            />
            <Select<string>
              aria-label={t('fund.unit')}
              data-testid="fund-unit"
              style={{ width: 320 }}
              value={unitId}
              onChange={setPicked}
              options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            />
            <Button icon={<ReloadOutlined />} onClick={reloadAll} aria-label={t('common.reload')} />
            <Button icon={<DownloadOutlined />} href={ledgerExcelUrl(year, unitId)}>
              {t('fund.excel')}
            </Button>
            {canWrite ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setAdding(true)}
                data-testid="fund-add"
              >
                {t('fund.add')}
              </Button>
            ) : null}
          </>
        }
      />
      {summary.loading && !summary.data ? <LoadingState /> : null}
      {decided && !unitId && units.data ? <Alert type="info" title={t('fund.noUnit')} /> : null}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {(
          [
            ['fund.opening', unit?.opening ?? 0, 'fund-opening'],
            ['fund.income', unit?.income ?? 0, 'fund-income'],
            ['fund.expense', unit?.expense ?? 0, 'fund-expense'],
            ['fund.balance', unit?.balance ?? 0, 'fund-balance'],
            ['fund.prizes', unit?.prizes ?? 0, 'fund-prizes'],
            ['fund.movements', unit?.movements ?? 0, 'fund-movements'],
          ] as const
        ).map(([label, value, testId]) => (
          <Col key={label} xs={12} md={8} xl={4}>
            <Card size="small">
              <Statistic
                title={t(label)}
                value={formatDong(value)}
                loading={!unit && summary.loading}
                data-testid={testId}
              />
            </Card>
          </Col>
        ))}
      </Row>

      <Table<FundEntry>
        size="small"
        rowKey="id"
        loading={entries.loading || !decided}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        dataSource={entries.data ?? []}
        locale={{ emptyText: t('fund.empty', { year }) }}
        data-testid="fund-ledger"
        columns={[
          { title: t('fund.date'), dataIndex: 'entryDate', width: 110, render: formatIsoDate },
          {
            title: t('fund.direction'),
            dataIndex: 'direction',
            width: 80,
            render: (d: FundEntry['direction']) => (
              <Tag color={d === 'income' ? 'green' : 'volcano'}>{FUND_DIRECTION_LABELS[d]}</Tag>
            ),
          },
          {
            title: t('fund.category'),
            dataIndex: 'category',
            width: 230,
            render: (c: FundCategory) => FUND_CATEGORY_LABELS[c],
          },
          { title: t('fund.description'), dataIndex: 'description' },
          { title: t('fund.decision'), dataIndex: 'decisionNumber', width: 130 },
          {
            title: t('fund.amount'),
            dataIndex: 'amount',
            width: 170,
            align: 'right',
            render: (a: number) => formatDong(a),
          },
          ...(canWrite
            ? [
                {
                  title: '',
                  key: 'actions',
                  width: 130,
                  render: (_: unknown, e: FundEntry) => (
                    <Flex>
                      <Button size="small" type="link" onClick={() => setEditing(e)}>
                        {t('common.edit')}
                      </Button>
                      <Popconfirm
                        title={t('fund.deleteConfirm')}
                        onConfirm={async () => {
                          try {
                            await deleteFundEntry(e.id, e.version);
                            message.success(t('fund.deleted'));
                            reloadAll();
                          } catch (err) {
                            message.error(errorMessage(err));
                          }
                        }}
                      >
                        <Button size="small" danger type="link">
                          {t('fund.delete')}
                        </Button>
                      </Popconfirm>
                    </Flex>
                  ),
                },
              ]
            : []),
        ]}
      />

      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('fund.pending')}>
            <Table<FundPendingPrize>
              size="small"
              rowKey="decisionId"
              pagination={false}
              loading={pending.loading || !decided}
              dataSource={pending.data ?? []}
              locale={{ emptyText: t('fund.pendingEmpty') }}
              columns={[
                { title: t('fund.decision'), dataIndex: 'number', width: 120 },
                { title: t('fund.date'), dataIndex: 'decidedOn', width: 100, render: formatIsoDate },
                { title: t('fund.description'), dataIndex: 'summary', ellipsis: true },
                {
                  title: t('fund.amount'),
                  dataIndex: 'prizeTotal',
                  align: 'right',
                  width: 150,
                  render: (a: number) => formatDong(a),
                },
                ...(canWrite
                  ? [
                      {
                        title: '',
                        key: 'record',
                        width: 120,
                        render: (_: unknown, p: FundPendingPrize) => (
                          <Button
                            size="small"
                            onClick={async () => {
                              try {
                                await recordPrize(p.decisionId);
                                message.success(t('fund.recorded', { number: p.number }));
                                reloadAll();
                              } catch (err) {
                                message.error(errorMessage(err));
                              }
                            }}
                          >
                            {t('fund.record')}
                          </Button>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card
            size="small"
            title={t('fund.checks', { pack: checks.data?.packName ?? '' })}
            data-testid="fund-checks"
          >
            {unitId && canWrite ? (
              <BudgetForm
                key={`${unitId}-${year}`}
                unitId={unitId}
                year={year}
                onSaved={() => {
                  checks.reload();
                  summary.reload();
                }}
              />
            ) : null}
            <List<FundVerdictDto>
              dataSource={checks.data?.verdicts ?? []}
              renderItem={(v) => (
                <List.Item>
                  <Flex vertical gap={4}>
                    <span>
                      <Tag color={STATUS_COLORS[v.status]}>{t(`fund.check.${v.status}`)}</Tag> {v.reason}
                    </span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {v.citation.ref}: {v.citation.text}
                    </Typography.Text>
                  </Flex>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>

      {editing ? (
        <AddEntryModal
          key={editing.id}
          year={year}
          unitId={editing.unitId}
          units={units.data ?? []}
          entry={editing}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            message.success(t('fund.addOk'));
            reloadAll();
          }}
        />
      ) : null}
      {adding ? (
        <AddEntryModal
          year={year}
          unitId={unitId}
          units={units.data ?? []}
          onClose={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            message.success(t('fund.addOk'));
            reloadAll();
          }}
        />
      ) : null}
    </>
  );
}

function BudgetForm({ unitId, year, onSaved }: { unitId: string; year: number; onSaved: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const budgets = useResource(() => fundBudgets(year), [year]);
  const current = budgets.data?.find((b) => b.unitId === unitId);
  const [spending, setSpending] = useState<number | null>(null);
  const [remote, setRemote] = useState<boolean | null>(null);
  const value = spending ?? current?.recurrentSpending ?? null;
  const isRemote = remote ?? current?.remoteArea ?? false;
  return (
    <Descriptions size="small" column={1} style={{ marginBottom: 8 }}>
      <Descriptions.Item label={t('fund.budget')}>
        <Flex gap={8} wrap align="center">
          <InputNumber<number>
            style={{ width: 220 }}
            min={0}
            step={1_000_000}
            value={value}
            onChange={(v) => setSpending(v)}
            formatter={(v) => String(v ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, '.')}
            parser={(v) => Number((v ?? '').replace(/\./g, ''))}
            aria-label={t('fund.budget')}
          />
          <Checkbox checked={isRemote} onChange={(e) => setRemote(e.target.checked)}>
            {t('fund.remote')}
          </Checkbox>
          <Button
            size="small"
            disabled={value === null}
            onClick={async () => {
              try {
                await setFundBudget({ unitId, year, recurrentSpending: value ?? 0, remoteArea: isRemote });
                message.success(t('fund.budgetOk'));
                budgets.reload();
                onSaved();
              } catch (err) {
                message.error(errorMessage(err));
              }
            }}
          >
            {t('fund.budgetSave')}
          </Button>
        </Flex>
      </Descriptions.Item>
    </Descriptions>
  );
}

interface EntryForm {
  unitId?: string;
  entryDate?: Dayjs;
  direction: 'income' | 'expense';
  category?: FundCategory;
  amount?: number;
  description?: string;
}

function AddEntryModal(props: {
  year: number;
  unitId: string | undefined;
  units: { id: string; name: string }[];
  /** Editing this entry (a prize payment from a decision keeps its unit, amount and category). */
  entry?: FundEntry;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<EntryForm>();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string>();
  const direction = Form.useWatch('direction', form) ?? 'income';
  // A prize payment from a decision keeps the decision's unit, amount and category (only date and text change).
  const locked = Boolean(props.entry?.decisionId);
  const categories = direction === 'income' ? INCOME_CATEGORIES : EXPENSE_CATEGORIES;

  async function submit(values: EntryForm) {
    const payload = {
      unitId: values.unitId,
      year: props.year,
      entryDate: toIsoDate(values.entryDate),
      direction: values.direction,
      category: values.category,
      amount: values.amount,
      description: values.description ?? '',
    };
    const entry = props.entry;
    setSaving(true);
    try {
      if (entry) {
        const parsed = parseForm(form, fundEntryUpdate, { ...payload, version: entry.version });
        if (!parsed.data) return setFormError(parsed.formError);
        await updateFundEntry(entry.id, parsed.data);
      } else {
        const parsed = parseForm(form, fundEntryInput, payload);
        if (!parsed.data) return setFormError(parsed.formError);
        await createFundEntry(parsed.data);
      }
      props.onSaved();
    } catch (err) {
      setFormError(applyApiError(form, err));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={props.entry ? t('common.edit') : t('fund.add')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'fund-save' } as ButtonProps}
    >
      {formError ? <Alert type="error" title={formError} style={{ marginBottom: 12 }} /> : null}
      <Form<EntryForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          props.entry
            ? {
                unitId: props.entry.unitId,
                direction: props.entry.direction,
                category: props.entry.category,
                entryDate: fromIsoDate(props.entry.entryDate),
                amount: props.entry.amount,
                description: props.entry.description,
              }
            : { unitId: props.unitId, direction: 'income', entryDate: fromIsoDate(`${props.year}-01-01`) }
        }
      >
        <Form.Item name="unitId" label={t('fund.unit')} rules={[{ required: true }]}>
          <Select disabled={locked} options={props.units.map((u) => ({ value: u.id, label: u.name }))} />
        </Form.Item>
        <Form.Item name="direction" label={t('fund.direction')}>
          <Radio.Group
            disabled={locked}
            onChange={() => form.setFieldValue('category', undefined)}
            options={[
              { value: 'income', label: FUND_DIRECTION_LABELS.income },
              { value: 'expense', label: FUND_DIRECTION_LABELS.expense },
            ]}
          />
        </Form.Item>
        <Form.Item name="category" label={t('fund.category')} rules={[{ required: true }]}>
          <Select
            disabled={locked}
            data-testid="fund-category"
            options={categories.map((c) => ({ value: c, label: FUND_CATEGORY_LABELS[c] }))}
          />
        </Form.Item>
        <Form.Item name="entryDate" label={t('fund.date')} rules={[{ required: true }]}>
          <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} data-testid="fund-date" />
        </Form.Item>
        <Form.Item name="amount" label={t('fund.amount')} rules={[{ required: true }]}>
          <InputNumber<number>
            disabled={locked}
            style={{ width: '100%' }}
            data-testid="fund-amount"
            formatter={(v) => String(v ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, '.')}
            parser={(v) => Number((v ?? '').replace(/\./g, ''))}
          />
        </Form.Item>
        <Form.Item name="description" label={t('fund.description')}>
          <Input.TextArea rows={2} maxLength={500} data-testid="fund-description" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
