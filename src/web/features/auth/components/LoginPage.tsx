import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Segmented, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { loginSchema, type LoginInput } from '../../../../shared/auth/auth.schema';
import { useI18n, type Lang } from '../../../lib/i18n';
import { useSession } from '../../../lib/session';
import { applyApiError, parseForm, zodRules } from '../../../lib/forms';

const rules = zodRules(loginSchema);

export function LoginPage() {
  const { t, lang, setLang } = useI18n();
  const { login } = useSession();
  const [form] = Form.useForm<LoginInput>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string>();

  async function submit(values: LoginInput) {
    const parsed = parseForm(form, loginSchema, values);
    if (!parsed.data) return setError(parsed.formError);
    setSubmitting(true);
    setError(undefined);
    try {
      await login(parsed.data);
    } catch (e) {
      setError(applyApiError(form, e));
      setSubmitting(false);
    }
  }

  return (
    <div className="vd-login">
      <Card className="vd-login-card" variant="outlined">
        <div style={{ textAlign: 'center', marginBottom: 20 }}>
          <div className="vd-emblem" aria-hidden>
            VD
          </div>
          <Typography.Title level={3} style={{ margin: '8px 0 0' }}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
        </div>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {t('login.title')}
        </Typography.Title>
        {error ? (
          <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />
        ) : null}
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} disabled={submitting}>
          <Form.Item name="username" label={t('login.username')} rules={rules.username}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={rules.password}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting}>
            {t('login.submit')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 16, marginBottom: 8 }}>
          {t('login.footer')}
        </Typography.Paragraph>
        <div style={{ textAlign: 'center' }}>
          <Segmented<Lang>
            size="small"
            value={lang}
            onChange={setLang}
            options={[
              { label: 'Tiếng Việt', value: 'vi' },
              { label: 'English', value: 'en' },
            ]}
          />
        </div>
      </Card>
    </div>
  );
}
