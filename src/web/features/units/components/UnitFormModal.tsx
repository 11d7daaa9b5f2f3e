import { useMemo, useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Select, TreeSelect } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  UNIT_KINDS,
  UNIT_KIND_LABELS,
  unitCreateSchema,
  unitUpdateSchema,
  type Unit,
  type UnitKind,
} from '../../../../shared/units/units.schema';
import { useI18n } from '../../../lib/i18n';
import { titleMatches } from '../../../lib/text';
import { DATE_FORMAT, fromIsoDate, toIsoDate, today } from '../../../lib/dates';
import { applyApiError, emptyToNull, parseForm, zodRules } from '../../../lib/forms';
import { createUnit, updateUnit } from '../api/units';
import { buildUnitTree, subtreeIds, type UnitNode } from './unit-tree';

interface Values {
  code: string;
  name: string;
  shortName?: string;
  kind?: UnitKind;
  parentId?: string;
  documentSymbol?: string;
  activeFrom?: Dayjs;
}

const toApi = {
  shortName: emptyToNull,
  documentSymbol: emptyToNull,
  parentId: (v: unknown) => v ?? null,
  activeFrom: (v: unknown) => toIsoDate(v as Dayjs | undefined),
};
const rules = zodRules(unitCreateSchema, toApi);

function payloadOf(values: Values) {
  return {
    code: values.code,
    name: values.name,
    shortName: toApi.shortName(values.shortName),
    kind: values.kind,
    parentId: toApi.parentId(values.parentId),
    documentSymbol: toApi.documentSymbol(values.documentSymbol),
    activeFrom: toApi.activeFrom(values.activeFrom),
  };
}

interface TreeOption {
  value: string;
  title: string;
  disabled?: boolean;
  children?: TreeOption[];
}

function toOptions(nodes: UnitNode[], excluded: Set<string>): TreeOption[] {
  return nodes.map((n) => ({
    value: n.id,
    title: `${n.code} — ${n.name}`,
    // Moving under an inactive unit or under itself is refused by the server; say so up front.
    disabled: excluded.has(n.id) || !n.active,
    children: n.children ? toOptions(n.children, excluded) : undefined,
  }));
}

/** Create a unit (`unit` undefined) or edit one; `onSaved` gets the unit as the server stored it. */
export function UnitFormModal({
  unit,
  units,
  defaultParentId,
  onClose,
  onSaved,
}: {
  unit?: Unit;
  units: Unit[];
  defaultParentId?: string;
  onClose(): void;
  onSaved(unit: Unit): void;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();

  const parentOptions = useMemo(
    () => toOptions(buildUnitTree(units), unit ? subtreeIds(units, unit.id) : new Set()),
    [units, unit],
  );

  const initialValues: Partial<Values> = unit
    ? {
        code: unit.code,
        name: unit.name,
        shortName: unit.shortName ?? undefined,
        kind: unit.kind,
        parentId: unit.parentId ?? undefined,
        documentSymbol: unit.documentSymbol ?? undefined,
        activeFrom: fromIsoDate(unit.activeFrom),
      }
    : { parentId: defaultParentId, activeFrom: today() };

  async function submit(values: Values) {
    setError(undefined);
    const payload = payloadOf(values);
    let saved: Unit;
    setSaving(true);
    try {
      if (unit) {
        // Send only what changed: the audit log then records exactly the edit that was made.
        const changed: Record<string, unknown> = { version: unit.version };
        for (const [key, value] of Object.entries(payload)) {
          if (value !== (unit as unknown as Record<string, unknown>)[key]) changed[key] = value;
        }
        const parsed = parseForm(form, unitUpdateSchema, changed);
        if (!parsed.data) return setError(parsed.formError);
        saved = Object.keys(changed).length > 1 ? await updateUnit(unit.id, parsed.data) : unit;
        message.success(t('common.saved'));
      } else {
        const parsed = parseForm(form, unitCreateSchema, payload);
        if (!parsed.data) return setError(parsed.formError);
        saved = await createUnit(parsed.data);
        message.success(t('units.created', { name: saved.name }));
      }
      onSaved(saved);
    } catch (e) {
      setError(applyApiError(form, e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={unit ? t('units.editTitle', { name: unit.name }) : t('units.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      width={640}
      destroyOnHidden
      maskClosable={false}
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" /> : null}
      <Form<Values>
        form={form}
        layout="horizontal"
        labelCol={{ span: 7 }}
        wrapperCol={{ span: 17 }}
        initialValues={initialValues}
        onFinish={submit}
        disabled={saving}
        name="unit"
      >
        <Form.Item name="code" label={t('units.code')} rules={rules.code} required normalize={upper}>
          <Input maxLength={32} autoFocus={!unit} />
        </Form.Item>
        <Form.Item name="name" label={t('units.name')} rules={rules.name} required>
          <Input maxLength={255} />
        </Form.Item>
        <Form.Item name="shortName" label={t('units.shortName')} rules={rules.shortName}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="kind" label={t('units.kind')} rules={rules.kind} required>
          <Select
            options={UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k][lang] }))}
            placeholder={t('units.kind')}
          />
        </Form.Item>
        <Form.Item name="parentId" label={t('units.parent')} rules={rules.parentId}>
          <TreeSelect
            treeData={parentOptions}
            allowClear
            showSearch
            treeDefaultExpandAll
            filterTreeNode={titleMatches}
            placeholder={t('units.parentNone')}
            styles={{ popup: { root: { maxHeight: 360, overflow: 'auto' } } }}
          />
        </Form.Item>
        <Form.Item
          name="documentSymbol"
          label={t('units.documentSymbol')}
          rules={rules.documentSymbol}
          normalize={upper}
        >
          <Input maxLength={20} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="activeFrom" label={t('units.activeFrom')} rules={rules.activeFrom} required>
          <DatePicker format={DATE_FORMAT} placeholder={t('common.dateFormatHint')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function upper(value: unknown) {
  return typeof value === 'string' ? value.toUpperCase() : value;
}
