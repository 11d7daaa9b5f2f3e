import { useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import {
  resetPasswordSchema,
  type ResetPasswordInput,
  type User,
} from '../../../../shared/users/users.schema';
import { useI18n } from '../../../lib/i18n';
import { applyApiError, parseForm, zodRules } from '../../../lib/forms';
import { resetUserPassword } from '../api/users';

const rules = zodRules(resetPasswordSchema);

export function ResetPasswordModal({
  user,
  onClose,
  onSaved,
}: {
  user: User;
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ResetPasswordInput>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();

  async function submit(values: ResetPasswordInput) {
    setError(undefined);
    const parsed = parseForm(form, resetPasswordSchema, values);
    if (!parsed.data) return setError(parsed.formError);
    setSaving(true);
    try {
      await resetUserPassword(user.id, parsed.data);
      message.success(t('users.resetDone', { name: user.displayName }));
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
      title={t('users.resetTitle', { name: user.displayName })}
      okText={t('users.resetPassword')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" /> : null}
      <Form form={form} layout="vertical" onFinish={submit} disabled={saving}>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          rules={rules.newPassword}
          extra={t('users.initialPasswordHint')}
        >
          <Input.Password autoComplete="new-password" autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
