import { useState } from 'react';
import { Alert, App, Button, Form, Input } from 'antd';
import type { FormRule } from 'antd';
import { changePasswordSchema, type ChangePasswordInput } from '../../../../shared/auth/auth.schema';
import { useI18n } from '../../../lib/i18n';
import { applyApiError, parseForm, zodRules } from '../../../lib/forms';
import { changePassword } from '../api/auth';

const rules = zodRules(changePasswordSchema);

/**
 * A field checked by the schema's cross-field refinements (e.g. "the two new passwords match"); the
 * field's own rules come from `rules`, so only refinement (`custom`) issues are taken here.
 */
const crossFieldRule =
  (field: keyof ChangePasswordInput): FormRule =>
  ({ getFieldsValue }) => ({
    validator: async () => {
      const result = changePasswordSchema.safeParse(getFieldsValue());
      const issue = result.success
        ? undefined
        : result.error.issues.find((i) => i.code === 'custom' && i.path[0] === field);
      if (issue) throw new Error(issue.message);
    },
  });

/** Change one's own password; `onDone` runs after the server accepted it. */
export function ChangePasswordForm({ onDone, onCancel }: { onDone(): void; onCancel?: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ChangePasswordInput>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string>();

  async function submit(values: ChangePasswordInput) {
    const parsed = parseForm(form, changePasswordSchema, values);
    if (!parsed.data) return setError(parsed.formError);
    setSubmitting(true);
    setError(undefined);
    try {
      const result = await changePassword(parsed.data);
      message.success(t('password.changed', { count: result.revokedOtherSessions }));
      form.resetFields();
      onDone();
    } catch (e) {
      setError(applyApiError(form, e));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Form form={form} layout="vertical" onFinish={submit} disabled={submitting} requiredMark={false}>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" /> : null}
      <Form.Item name="currentPassword" label={t('password.current')} rules={rules.currentPassword}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('password.new')}
        rules={[...rules.newPassword, crossFieldRule('newPassword')]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        rules={[...rules.confirmPassword, crossFieldRule('confirmPassword')]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <div style={{ display: 'flex', gap: 8, justifyContent: 'flex-end' }}>
        {onCancel ? <Button onClick={onCancel}>{t('common.cancel')}</Button> : null}
        <Button type="primary" htmlType="submit" loading={submitting}>
          {t('password.submit')}
        </Button>
      </div>
    </Form>
  );
}
