import { useState } from 'react';
import { Alert, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import {
  INDICATOR_KIND_LABELS,
  INDICATOR_KINDS,
  MOVEMENT_KIND_LABELS,
  MOVEMENT_KINDS,
  movementInput,
  TARGET_KIND_LABELS,
  TARGET_KINDS,
  type MovementDetail,
} from '../../../../shared/movements/movements.schema';
import { useI18n } from '../../../lib/i18n';
import { useResource } from '../../../lib/use-resource';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '../../../lib/dates';
import { applyApiError } from '../../../lib/forms';
import { createMovement, listBlocksOfYear, listUnits, updateMovement } from '../api/movements';

interface Values {
  name: string;
  kind: string;
  launchingUnitId: string;
  periodFrom: Dayjs;
  periodTo: Dayjs;
  targetKind: string;
  targetBlockId?: string;
  targetRootUnitId?: string;
  targetUnitIds?: string[];
  goals?: string;
  criteria?: string;
  directives?: string;
  indicators?: { code: string; label: string; kind: string; target?: number | null }[];
}

/**
 * A new movement (draft), or an existing one (after launch the server accepts only changes to the texts and
 * the period): the same schema as the server parses, messages in Vietnamese.
 */
export function MovementFormModal({
  year,
  movement,
  onClose,
  onSaved,
}: {
  year: number;
  movement?: MovementDetail;
  onClose(): void;
  onSaved(m: MovementDetail): void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const units = useResource(() => listUnits(), []);
  const blocks = useResource(() => listBlocksOfYear(year), [year]);
  const targetKind = Form.useWatch('targetKind', form);
  const unitOpts = (units.data ?? []).map((u) => ({ value: u.id, label: `${u.code} — ${u.name}` }));

  async function submit(values: Values) {
    const parsed = movementInput.safeParse({
      ...values,
      year,
      periodFrom: toIsoDate(values.periodFrom),
      periodTo: toIsoDate(values.periodTo),
      targetBlockId: values.targetBlockId ?? null,
      targetRootUnitId: values.targetRootUnitId ?? null,
      targetUnitIds: values.targetUnitIds ?? [],
      goals: values.goals ?? '',
      criteria: values.criteria ?? '',
      directives: values.directives ?? '',
      indicators: (values.indicators ?? []).map((i) => ({ ...i, target: i.target ?? null })),
    });
    if (!parsed.success) {
      setError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      return;
    }
    setSaving(true);
    try {
      onSaved(
        movement
          ? await updateMovement(movement.id, parsed.data, movement.version)
          : await createMovement(parsed.data),
      );
    } catch (e) {
      setError(applyApiError(form, e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      width={820}
      title={movement ? t('movements.edit') : t('movements.create')}
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          movement
            ? {
                name: movement.name,
                kind: movement.kind,
                launchingUnitId: movement.launchingUnitId,
                periodFrom: fromIsoDate(movement.periodFrom),
                periodTo: fromIsoDate(movement.periodTo),
                targetKind: movement.targetKind,
                targetBlockId: movement.targetBlockId ?? undefined,
                targetRootUnitId: movement.targetRootUnitId ?? undefined,
                targetUnitIds: movement.targetUnitIds,
                goals: movement.goals,
                criteria: movement.criteria,
                directives: movement.directives,
                indicators: movement.indicators.map(({ code, label, kind, target }) => ({
                  code,
                  label,
                  kind,
                  target,
                })),
              }
            : {
                kind: 'thematic',
                targetKind: 'block',
                periodFrom: fromIsoDate(`${year}-01-01`),
                periodTo: fromIsoDate(`${year}-12-31`),
                indicators: [],
              }
        }
      >
        <Form.Item name="name" label={t('movements.name')} rules={[{ required: true }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="kind" label={t('movements.kind')} rules={[{ required: true }]}>
            <Select
              style={{ width: 160 }}
              options={MOVEMENT_KINDS.map((k) => ({ value: k, label: MOVEMENT_KIND_LABELS[k] }))}
            />
          </Form.Item>
          <Form.Item name="periodFrom" label={t('movements.periodFrom')} rules={[{ required: true }]}>
            <DatePicker format={DATE_FORMAT} />
          </Form.Item>
          <Form.Item name="periodTo" label={t('movements.periodTo')} rules={[{ required: true }]}>
            <DatePicker format={DATE_FORMAT} />
          </Form.Item>
        </Space>
        <Form.Item name="launchingUnitId" label={t('movements.launchingUnit')} rules={[{ required: true }]}>
          <Select showSearch optionFilterProp="label" options={unitOpts} loading={units.loading} />
        </Form.Item>
        <Form.Item name="targetKind" label={t('movements.target')} rules={[{ required: true }]}>
          <Select options={TARGET_KINDS.map((k) => ({ value: k, label: TARGET_KIND_LABELS[k] }))} />
        </Form.Item>
        {targetKind === 'block' ? (
          <Form.Item name="targetBlockId" label={t('movements.targetBlock')} rules={[{ required: true }]}>
            <Select options={(blocks.data ?? []).map((b) => ({ value: b.id, label: b.name }))} />
          </Form.Item>
        ) : targetKind === 'subtree' ? (
          <Form.Item name="targetRootUnitId" label={t('movements.targetRoot')} rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" options={unitOpts} />
          </Form.Item>
        ) : (
          <Form.Item name="targetUnitIds" label={t('movements.targetUnits')} rules={[{ required: true }]}>
            <Select mode="multiple" showSearch optionFilterProp="label" options={unitOpts} />
          </Form.Item>
        )}
        <Form.Item name="goals" label={t('movements.goals')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="criteria" label={t('movements.criteria')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="directives" label={t('movements.directives')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.List name="indicators">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'code']} rules={[{ required: true }]}>
                    <Input placeholder={t('movements.indicatorCode')} style={{ width: 130 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'label']} rules={[{ required: true }]}>
                    <Input placeholder={t('movements.indicatorLabel')} style={{ width: 280 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'kind']} rules={[{ required: true }]}>
                    <Select
                      placeholder={t('movements.indicatorKind')}
                      style={{ width: 150 }}
                      options={INDICATOR_KINDS.map((k) => ({ value: k, label: INDICATOR_KIND_LABELS[k] }))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'target']}>
                    <InputNumber
                      placeholder={t('movements.indicatorTarget')}
                      min={0}
                      style={{ width: 120 }}
                    />
                  </Form.Item>
                  <MinusCircleOutlined
                    onClick={() => remove(f.name)}
                    aria-label={t('movements.removeIndicator')}
                  />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'count' })}>
                {t('movements.addIndicator')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
