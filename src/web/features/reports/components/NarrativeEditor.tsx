import { useState } from 'react';
import { Alert, App, Button, Form, Input, Space } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import type { Narrative } from '../../../../domain/reports/summary';
import {
  NARRATIVE_SECTIONS,
  NOTE_MAX,
  SECTION_MAX,
  narrativeSaveInput,
  narrativeSections,
} from '../../../../shared/reports/summary.schema';
import { applyApiError, parseForm, zodRule } from '../../../lib/forms';
import { useI18n } from '../../../lib/i18n';
import { saveNarrative } from '../api/reports';

interface Props {
  year: number;
  scope: string;
  /** The version the editor starts from (the latest, whose texts fill the form). */
  base: Narrative;
  onSaved(): void;
  onCancel(): void;
}

type Values = Record<string, string>;

/** The narrative sections' editor: one text area per section and a note; saving makes a new version. */
export function NarrativeEditor({ year, scope, base, onSaved, onCancel }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const initial = Object.fromEntries([...base.sections.map((s) => [s.key, s.text]), ['note', '']]) as Values;

  async function submit(values: Values) {
    const { note, ...sections } = values;
    const input = { year, scope, baseVersion: base.version, note: note ?? '', sections };
    const parsed = parseForm(form, narrativeSaveInput, input);
    if (!parsed.data) {
      setError(parsed.formError);
      return;
    }
    setSaving(true);
    setError(undefined);
    try {
      await saveNarrative(parsed.data);
      message.success(t('reports.narrative.saved'));
      onSaved();
    } catch (e) {
      setError(applyApiError(form, e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={submit}
      data-testid="narrative-editor"
    >
      {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} /> : null}
      {NARRATIVE_SECTIONS.map((s) => (
        <Form.Item
          key={s.key}
          name={s.key}
          label={t(`reports.section.${s.key}`)}
          rules={[zodRule(narrativeSections.shape[s.key])]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 16 }} maxLength={SECTION_MAX} showCount />
        </Form.Item>
      ))}
      <Form.Item name="note" label={t('reports.narrative.note')}>
        <Input maxLength={NOTE_MAX} placeholder={t('reports.narrative.notePlaceholder')} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving}>
          {t('reports.narrative.save', { version: base.version + 1 })}
        </Button>
        <Button onClick={onCancel}>{t('reports.narrative.cancel')}</Button>
      </Space>
    </Form>
  );
}
