import { useMemo, useState, type ReactNode } from 'react';
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Select, Switch, TreeSelect } from 'antd';
import type { Dayjs } from 'dayjs';
import type { z } from '../../../../shared/zod';
import { useI18n } from '../../../lib/i18n';
import { titleMatches } from '../../../lib/text';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '../../../lib/dates';
import { applyApiError, emptyToNull, parseForm, zodRules } from '../../../lib/forms';
import type { UnitOption } from '../../../lib/unit-options';

type FieldType = 'text' | 'textarea' | 'date' | 'select' | 'switch' | 'year' | 'unit';

export interface FieldSpec {
  name: string;
  label: string;
  type: FieldType;
  options?: { value: string; label: string }[];
  units?: UnitOption[];
  disabled?: boolean;
  placeholder?: string;
  extra?: ReactNode;
  maxLength?: number;
}

/** What the API carries for a widget's value: days as `yyyy-mm-dd`, an empty input as null. */
function toApiOf(type: FieldType): (value: unknown) => unknown {
  if (type === 'date') return (v) => toIsoDate(v as Dayjs | null | undefined) ?? null;
  if (type === 'switch') return (v) => (v === undefined ? undefined : Boolean(v));
  if (type === 'year') return (v) => (v === null || v === undefined || v === '' ? null : Number(v));
  return emptyToNull;
}

/** The form's initial values from API values (dates back to days). */
export function fromApi(fields: FieldSpec[], values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = values[f.name];
    out[f.name] = f.type === 'date' ? fromIsoDate(v as string | null) : (v ?? undefined);
  }
  return out;
}

/**
 * A small form over one shared zod schema (the one the server parses): each field gets the schema's
 * per-field rules, the whole payload is parsed on submit (cross-field rules such as "Đến ngày phải sau từ
 * ngày" land on their field), and the server's field errors are put back on the fields.
 * `prepare` turns the form's API values into the request (adds `version`, drops unchanged fields…).
 */
export function RecordFormModal<S extends z.ZodObject>({
  title,
  schema,
  fields,
  initialValues,
  prepare = (v) => v,
  onSave,
  onClose,
  width = 560,
}: {
  title: string;
  schema: S;
  fields: FieldSpec[];
  initialValues?: Record<string, unknown>;
  prepare?: (values: Record<string, unknown>) => Record<string, unknown>;
  onSave(data: z.infer<S>): Promise<unknown>;
  onClose(): void;
  width?: number;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const converters = useMemo(
    () =>
      Object.fromEntries(fields.map((f) => [f.name, toApiOf(f.type)])) as Record<
        string,
        (v: unknown) => unknown
      >,
    [fields],
  );
  const rules = useMemo(
    () => zodRules(schema, converters as never) as Record<string, unknown[]>,
    [schema, converters],
  );

  async function submit(values: Record<string, unknown>) {
    setError(undefined);
    const apiValues: Record<string, unknown> = {};
    for (const f of fields) {
      if (f.disabled) continue;
      const v = converters[f.name]!(values[f.name]);
      if (v !== undefined) apiValues[f.name] = v;
    }
    const parsed = parseForm(form, schema, prepare(apiValues));
    if (!parsed.data) return setError(parsed.formError);
    setSaving(true);
    try {
      await onSave(parsed.data);
    } catch (e) {
      setError(applyApiError(form, e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      width={width}
      destroyOnHidden
      maskClosable={false}
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" /> : null}
      <Form
        form={form}
        layout="horizontal"
        labelCol={{ span: 8 }}
        wrapperCol={{ span: 16 }}
        disabled={saving}
        onFinish={submit}
        initialValues={initialValues}
      >
        {fields.map((f) => {
          const fieldRules = f.disabled ? [] : ((rules[f.name] ?? []) as never[]);
          return (
            <Form.Item
              key={f.name}
              name={f.name}
              label={f.label}
              rules={fieldRules}
              extra={f.extra}
              valuePropName={f.type === 'switch' ? 'checked' : 'value'}
            >
              {widget(f, t('common.dateFormatHint'))}
            </Form.Item>
          );
        })}
      </Form>
    </Modal>
  );
}

function widget(f: FieldSpec, dateHint: string) {
  switch (f.type) {
    case 'text':
      return <Input maxLength={f.maxLength ?? 255} disabled={f.disabled} placeholder={f.placeholder} />;
    case 'textarea':
      return <Input.TextArea maxLength={f.maxLength ?? 1000} rows={2} disabled={f.disabled} />;
    case 'date':
      return <DatePicker format={DATE_FORMAT} placeholder={dateHint} disabled={f.disabled} />;
    case 'select':
      return <Select allowClear options={f.options} disabled={f.disabled} placeholder={f.placeholder} />;
    case 'switch':
      return <Switch disabled={f.disabled} />;
    case 'year':
      return <InputNumber min={1945} max={2100} disabled={f.disabled} style={{ width: 120 }} />;
    case 'unit':
      return (
        <TreeSelect
          treeData={f.units}
          showSearch
          filterTreeNode={titleMatches}
          treeDefaultExpandAll
          disabled={f.disabled}
          styles={{ popup: { root: { maxHeight: 360, overflow: 'auto' } } }}
        />
      );
  }
}
