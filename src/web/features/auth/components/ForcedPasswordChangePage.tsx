import { Alert, Button, Card, Typography } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { useI18n } from '../../../lib/i18n';
import { useCurrentUser, useSession } from '../../../lib/session';
import { ChangePasswordForm } from './ChangePasswordForm';

/** Shown instead of the app while the server requires a new password (every other route answers 403). */
export function ForcedPasswordChangePage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const { refresh, logout } = useSession();
  return (
    <div className="vd-login">
      <Card className="vd-login-card" style={{ width: 440 }}>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('password.forcedTitle')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {user.displayName} ({user.username})
        </Typography.Paragraph>
        <Alert type="warning" showIcon title={t('password.forcedHint')} style={{ marginBottom: 16 }} />
        <ChangePasswordForm onDone={() => void refresh()} />
        <Button
          type="link"
          icon={<LogoutOutlined />}
          onClick={() => void logout()}
          style={{ paddingLeft: 0, marginTop: 8 }}
        >
          {t('header.logout')}
        </Button>
      </Card>
    </div>
  );
}
