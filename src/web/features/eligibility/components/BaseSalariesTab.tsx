import { useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Table,
} from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { formatDong } from '../../../../domain/money';
import { baseSalaryInput, type BaseSalary } from '../../../../shared/eligibility/eligibility.schema';
import { errorMessage } from '../../../lib/api';
import { DATE_FORMAT, formatIsoDate, fromIsoDate, toIsoDate } from '../../../lib/dates';
import { applyApiError, emptyToNull, parseForm, zodRules } from '../../../lib/forms';
import { useI18n } from '../../../lib/i18n';
import { EmptyState } from '../../../lib/ui/states';
import { createBaseSalary, deleteBaseSalary, updateBaseSalary } from '../api/eligibility';

/** 1490000 → "1.490.000" in the amount box (Vietnamese thousands separator). */
const withDots = (v: number | string | undefined) =>
  v === undefined || v === '' ? '' : String(v).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
const withoutDots = (v: string | undefined) => Number((v ?? '').replace(/\D/g, ''));

/** The dated base-salary table that prize money is computed from. */
export function BaseSalariesTab({
  rows,
  canWrite,
  onChanged,
}: {
  rows: BaseSalary[];
  canWrite: boolean;
  onChanged(): void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<BaseSalary | 'new'>();

  async function remove(row: BaseSalary) {
    try {
      await deleteBaseSalary(row.id);
      message.success(t('rules.salary.deleted'));
    } catch (e) {
      message.error(errorMessage(e));
    }
    onChanged();
  }

  return (
    <>
      {canWrite ? (
        <Flex justify="flex-end" style={{ marginBottom: 8 }}>
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('rules.salary.create')}
          </Button>
        </Flex>
      ) : null}
      <Table<BaseSalary>
        className="vd-salaries"
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: <EmptyState text={t('rules.salary.empty')} /> }}
        columns={[
          {
            title: t('rules.salary.effectiveFrom'),
            dataIndex: 'effectiveFrom',
            width: 130,
            render: (v: string) => formatIsoDate(v),
          },
          {
            title: t('rules.salary.amount'),
            dataIndex: 'amount',
            width: 160,
            align: 'right',
            render: (v: number) => formatDong(v),
          },
          { title: t('rules.salary.instrument'), dataIndex: 'instrument', width: 240 },
          { title: t('rules.salary.note'), dataIndex: 'note' },
          ...(canWrite
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 100,
                  render: (_v: unknown, r: BaseSalary) => (
                    <Flex gap={4}>
                      <Button
                        size="small"
                        type="text"
                        icon={<EditOutlined />}
                        aria-label={`${t('common.edit')} ${formatIsoDate(r.effectiveFrom)}`}
                        onClick={() => setEditing(r)}
                      />
                      <Popconfirm title={t('rules.salary.deleteConfirm')} onConfirm={() => remove(r)}>
                        <Button
                          size="small"
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={`${t('rules.salary.delete')} ${formatIsoDate(r.effectiveFrom)}`}
                        />
                      </Popconfirm>
                    </Flex>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing ? (
        <SalaryForm
          row={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            onChanged();
          }}
        />
      ) : null}
    </>
  );
}

const toApi = {
  effectiveFrom: (v: unknown) => toIsoDate(v as Dayjs | undefined),
  note: emptyToNull,
};

function SalaryForm({ row, onClose, onSaved }: { row?: BaseSalary; onClose(): void; onSaved(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const rules = useMemo(() => zodRules(baseSalaryInput, toApi), []);

  async function submit(values: Record<string, unknown>) {
    setError(undefined);
    const parsed = parseForm(form, baseSalaryInput, {
      effectiveFrom: toApi.effectiveFrom(values.effectiveFrom),
      amount: values.amount,
      instrument: typeof values.instrument === 'string' ? values.instrument.trim() : values.instrument,
      note: toApi.note(values.note),
    });
    if (!parsed.data) return setError(parsed.formError);
    setSaving(true);
    try {
      if (row) await updateBaseSalary(row.id, { ...parsed.data, version: row.version });
      else await createBaseSalary(parsed.data);
      message.success(t('common.saved'));
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
      title={row ? t('rules.salary.edit') : t('rules.salary.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      maskClosable={false}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} /> : null}
      <Form
        form={form}
        layout="horizontal"
        labelCol={{ span: 8 }}
        wrapperCol={{ span: 16 }}
        disabled={saving}
        onFinish={submit}
        initialValues={
          row
            ? {
                effectiveFrom: fromIsoDate(row.effectiveFrom),
                amount: row.amount,
                instrument: row.instrument,
                note: row.note ?? '',
              }
            : undefined
        }
      >
        <Form.Item name="effectiveFrom" label={t('rules.salary.effectiveFrom')} rules={rules.effectiveFrom}>
          <DatePicker format={DATE_FORMAT} placeholder={t('common.dateFormatHint')} />
        </Form.Item>
        <Form.Item name="amount" label={t('rules.salary.amount')} rules={rules.amount}>
          <InputNumber<number>
            style={{ width: 200 }}
            min={0}
            step={10000}
            formatter={withDots}
            parser={withoutDots}
            suffix="đồng"
          />
        </Form.Item>
        <Form.Item name="instrument" label={t('rules.salary.instrument')} rules={rules.instrument}>
          <Input maxLength={200} placeholder="Nghị định 38/2019/NĐ-CP" />
        </Form.Item>
        <Form.Item name="note" label={t('rules.salary.note')} rules={rules.note}>
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
