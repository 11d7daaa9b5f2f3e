import { Suspense, useEffect, useState } from 'react';
import {
  App,
  Button,
  Flex,
  Layout,
  Menu,
  Modal,
  Result,
  Segmented,
  Space,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import {
  CompassOutlined,
  DesktopOutlined,
  KeyOutlined,
  LockOutlined,
  LogoutOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { ROLE_LABELS } from '../../shared/permissions';
import { useI18n, type Lang } from '../lib/i18n';
import { hasAny, useCurrentUser, useSession } from '../lib/session';
import { Link, navigate, usePathname } from '../lib/router';
import { errorMessage } from '../lib/api';
import { LoadingState } from '../lib/ui/states';
import { ChangePasswordForm } from '../features/auth/components/ChangePasswordForm';
import { SessionsDrawer } from '../features/auth/components/SessionsDrawer';
import { ROUTES } from './routes';
import { NotificationBell } from '../features/dossiers/components/NotificationBell';

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <Segmented<Lang>
      size="small"
      value={lang}
      onChange={setLang}
      aria-label={t('common.language')}
      options={[
        { label: 'VI', value: 'vi', title: 'Tiếng Việt' },
        { label: 'EN', value: 'en', title: 'English' },
      ]}
    />
  );
}

export function AppLayout() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const { logout } = useSession();
  const pathname = usePathname();
  const [passwordOpen, setPasswordOpen] = useState(false);
  const [sessionsOpen, setSessionsOpen] = useState(false);

  const allowed = ROUTES.filter((r) => hasAny(user, ...r.requires));
  const current = allowed.find((r) => pathname === r.path || pathname.startsWith(`${r.path}/`));

  // The start page is the first page the user may open.
  useEffect(() => {
    if (pathname === '/' && allowed[0]) navigate(allowed[0].path, { replace: true });
  }, [pathname, allowed]);

  useEffect(() => {
    document.title = current ? `${t(current.label)} · ${t('app.name')}` : t('app.fullName');
  }, [current, t]);

  async function signOut() {
    try {
      await logout();
      message.info(t('header.loggedOut'));
      navigate('/', { replace: true });
    } catch (e) {
      message.error(errorMessage(e));
    }
  }

  let content;
  if (current) {
    const Page = current.page;
    content = <Page />;
  } else if (pathname === '/' && allowed.length) {
    content = <LoadingState />;
  } else if (!allowed.length) {
    content = <Result icon={<LockOutlined style={{ color: '#8a94a3' }} />} title={t('common.noAccess')} />;
  } else {
    content = (
      <Result
        icon={<CompassOutlined style={{ color: '#8a94a3' }} />}
        title={t('common.notFoundTitle')}
        subTitle={t('common.notFound')}
        extra={
          <Button type="primary" onClick={() => navigate('/')}>
            {t('common.backHome')}
          </Button>
        }
      />
    );
  }

  return (
    <Layout className="vd-shell">
      <Layout.Header className="vd-header">
        <Flex align="center" gap={10} style={{ minWidth: 0 }}>
          <div className="vd-emblem vd-emblem-small" aria-hidden>
            VD
          </div>
          <Typography.Text strong className="vd-product">
            {t('app.name')}
            <span className="vd-product-tagline"> — {t('app.tagline')}</span>
          </Typography.Text>
        </Flex>
        <Space size={12} align="center">
          <span className="vd-user" data-testid="current-user">
            <UserOutlined /> <Typography.Text strong>{user.displayName}</Typography.Text>{' '}
            <Tag color="blue" bordered={false} style={{ marginInlineEnd: 0 }}>
              {ROLE_LABELS[user.role][lang]}
            </Tag>
          </span>
          {hasAny(user, 'read:notification:own') ? <NotificationBell /> : null}
          <LanguageSwitch />
          <Tooltip title={t('sessions.title')}>
            <Button size="small" icon={<DesktopOutlined />} onClick={() => setSessionsOpen(true)}>
              {t('header.sessions')}
            </Button>
          </Tooltip>
          <Button size="small" icon={<KeyOutlined />} onClick={() => setPasswordOpen(true)}>
            {t('header.changePassword')}
          </Button>
          <Button size="small" icon={<LogoutOutlined />} onClick={signOut}>
            {t('header.logout')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={210} theme="light" className="vd-sider">
          <div className="vd-sider-unit" title={user.unitName}>
            {user.unitName}
          </div>
          <Menu
            mode="inline"
            selectedKeys={current ? [current.path] : []}
            items={allowed.map((r) => ({
              key: r.path,
              icon: r.icon,
              label: <Link href={r.path}>{t(r.label)}</Link>,
            }))}
            aria-label="menu"
          />
        </Layout.Sider>
        <Layout.Content className="vd-content">
          <Suspense fallback={<LoadingState />}>{content}</Suspense>
        </Layout.Content>
      </Layout>
      <Modal
        open={passwordOpen}
        title={t('password.title')}
        footer={null}
        onCancel={() => setPasswordOpen(false)}
        destroyOnHidden
      >
        <ChangePasswordForm onDone={() => setPasswordOpen(false)} onCancel={() => setPasswordOpen(false)} />
      </Modal>
      <SessionsDrawer open={sessionsOpen} onClose={() => setSessionsOpen(false)} />
    </Layout>
  );
}
