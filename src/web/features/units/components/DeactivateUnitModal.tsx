import { useState } from 'react';
import { Alert, App, DatePicker, Form, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { unitDeactivateSchema, type Unit } from '../../../../shared/units/units.schema';
import { useI18n } from '../../../lib/i18n';
import { DATE_FORMAT, toIsoDate, today } from '../../../lib/dates';
import { applyApiError, parseForm, zodRules } from '../../../lib/forms';
import { deactivateUnit } from '../api/units';

const rules = zodRules(unitDeactivateSchema, { activeTo: (v) => toIsoDate(v as Dayjs | undefined) });

export function DeactivateUnitModal({
  unit,
  onClose,
  onSaved,
}: {
  unit: Unit;
  onClose(): void;
  onSaved(unit: Unit): void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ activeTo?: Dayjs }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();

  async function submit(values: { activeTo?: Dayjs }) {
    setError(undefined);
    const parsed = parseForm(form, unitDeactivateSchema, {
      activeTo: toIsoDate(values.activeTo),
      version: unit.version,
    });
    if (!parsed.data) return setError(parsed.formError);
    setSaving(true);
    try {
      const saved = await deactivateUnit(unit.id, parsed.data);
      message.success(t('units.deactivated', { name: saved.name }));
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
      title={t('units.deactivateTitle', { name: unit.name })}
      okText={t('units.deactivate')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('units.deactivateHint')}</Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ activeTo: today() }}
        onFinish={submit}
        disabled={saving}
      >
        <Form.Item name="activeTo" label={t('units.activeTo')} rules={rules.activeTo} required>
          <DatePicker format={DATE_FORMAT} placeholder={t('common.dateFormatHint')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
