import { useMemo, useState } from 'react';
import { Alert, App, Form, Input, InputNumber, Modal, Select, TreeSelect } from 'antd';
import { blockSaveSchema, type Block } from '../../../../shared/registry/registry.schema';
import type { Unit } from '../../../../shared/units/units.schema';
import { useI18n } from '../../../lib/i18n';
import { titleMatches, viCollator } from '../../../lib/text';
import { applyApiError, parseForm, zodRules } from '../../../lib/forms';
import { createBlock, updateBlock } from '../api/registry';
import { unitOptions } from '../../../lib/unit-options';

export interface BlockDraft {
  year: number;
  name?: string;
  organizerUnitId?: string;
  memberUnitIds?: string[];
}

interface Values {
  year?: number;
  name?: string;
  organizerUnitId?: string;
  memberUnitIds?: string[];
  leadUnitId?: string;
  deputyUnitId?: string;
}

const rules = zodRules(blockSaveSchema, {
  leadUnitId: (v) => v ?? null,
  deputyUnitId: (v) => v ?? null,
  memberUnitIds: (v) => v ?? [],
});

/** Create a block for a year (optionally from last year's), or edit one (members, Khối trưởng, Khối phó). */
export function BlockFormModal({
  block,
  draft,
  units,
  onClose,
  onSaved,
}: {
  block?: Block;
  draft?: BlockDraft;
  units: Unit[];
  onClose(): void;
  onSaved(block: Block): void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const members = Form.useWatch('memberUnitIds', form) ?? [];
  const byId = useMemo(() => new Map(units.map((u) => [u.id, u])), [units]);
  const memberOptions = members
    .map((id) => ({ value: id, label: byId.get(id)?.name ?? id }))
    .sort((a, b) => viCollator.compare(a.label, b.label));
  const tree = useMemo(() => unitOptions(units), [units]);

  async function submit(values: Values) {
    setError(undefined);
    const parsed = parseForm(form, blockSaveSchema, {
      year: values.year,
      name: values.name,
      organizerUnitId: values.organizerUnitId,
      memberUnitIds: values.memberUnitIds ?? [],
      leadUnitId: values.leadUnitId ?? null,
      deputyUnitId: values.deputyUnitId ?? null,
      ...(block ? { version: block.version } : {}),
    });
    if (!parsed.data) return setError(parsed.formError);
    setSaving(true);
    try {
      const saved = block ? await updateBlock(block.id, parsed.data) : await createBlock(parsed.data);
      message.success(t('common.saved'));
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
      title={block ? t('blocks.editTitle', { name: block.name, year: block.year }) : t('blocks.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      width={680}
      destroyOnHidden
      maskClosable={false}
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" /> : null}
      <Form<Values>
        form={form}
        layout="horizontal"
        labelCol={{ span: 7 }}
        wrapperCol={{ span: 17 }}
        disabled={saving}
        onFinish={submit}
        onValuesChange={(changed: Values, all) => {
          // A lead or deputy who leaves the block is no longer its lead or deputy.
          if (changed.memberUnitIds) {
            const kept = new Set(all.memberUnitIds ?? []);
            if (all.leadUnitId && !kept.has(all.leadUnitId)) form.setFieldValue('leadUnitId', undefined);
            if (all.deputyUnitId && !kept.has(all.deputyUnitId))
              form.setFieldValue('deputyUnitId', undefined);
          }
        }}
        initialValues={
          block
            ? {
                year: block.year,
                name: block.name,
                organizerUnitId: block.organizerUnitId,
                memberUnitIds: block.members.map((m) => m.unitId),
                leadUnitId: block.leadUnitId ?? undefined,
                deputyUnitId: block.deputyUnitId ?? undefined,
              }
            : draft
        }
      >
        <Form.Item name="year" label={t('registry.year')} rules={rules.year}>
          <InputNumber min={1945} max={2100} style={{ width: 120 }} disabled={!!block} />
        </Form.Item>
        <Form.Item name="name" label={t('blocks.name')} rules={rules.name}>
          <Input maxLength={255} />
        </Form.Item>
        <Form.Item name="organizerUnitId" label={t('blocks.organizer')} rules={rules.organizerUnitId}>
          <TreeSelect
            treeData={tree}
            showSearch
            filterTreeNode={titleMatches}
            treeDefaultExpandAll
            styles={{ popup: { root: { maxHeight: 360, overflow: 'auto' } } }}
          />
        </Form.Item>
        <Form.Item name="memberUnitIds" label={t('blocks.members')} rules={rules.memberUnitIds}>
          <TreeSelect
            multiple
            treeData={tree}
            showSearch
            filterTreeNode={titleMatches}
            treeDefaultExpandAll
            maxTagCount="responsive"
            styles={{ popup: { root: { maxHeight: 360, overflow: 'auto' } } }}
          />
        </Form.Item>
        <Form.Item name="leadUnitId" label={t('blocks.lead')} rules={rules.leadUnitId}>
          <Select allowClear options={memberOptions} />
        </Form.Item>
        <Form.Item name="deputyUnitId" label={t('blocks.deputy')} rules={rules.deputyUnitId}>
          <Select allowClear options={memberOptions} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
