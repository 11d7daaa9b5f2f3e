import { useEffect } from 'react';
import { App as AntApp, Button, ConfigProvider, Result, theme as antdTheme } from 'antd';
import viVN from 'antd/locale/vi_VN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import 'dayjs/locale/en';
import { I18nProvider, useI18n } from '../lib/i18n';
import { SessionProvider, useSession } from '../lib/session';
import { setClientMessages } from '../lib/api';
import { LoadingState } from '../lib/ui/states';
import { LoginPage } from '../features/auth/components/LoginPage';
import { ForcedPasswordChangePage } from '../features/auth/components/ForcedPasswordChangePage';
import { AppLayout } from './AppLayout';

/** Calm, dense, readable at 1366×768: one government blue, small radii, compact controls. */
const prefersReducedMotion =
  typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;

const theme = {
  algorithm: antdTheme.defaultAlgorithm,
  token: {
    // Honour the system setting (and keeps browser tests free of half-open dropdowns).
    motion: !prefersReducedMotion,
    colorPrimary: '#1d4f91',
    colorInfo: '#1d4f91',
    borderRadius: 4,
    fontSize: 14,
    fontFamily: "'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', 'Helvetica Neue', Arial, sans-serif",
    colorBgLayout: '#f2f4f7',
  },
  components: {
    Layout: { headerBg: '#ffffff', headerHeight: 48, headerPadding: '0 16px', siderBg: '#ffffff' },
    Menu: { itemHeight: 36, itemMarginBlock: 2, itemSelectedBg: '#e7eef8', itemSelectedColor: '#1d4f91' },
    Table: { headerBg: '#f5f7fa', cellPaddingBlockSM: 6 },
  },
};

function Gate() {
  const { state, refresh } = useSession();
  const { t } = useI18n();
  switch (state.status) {
    case 'loading':
      return <LoadingState />;
    case 'error':
      return (
        <Result
          status="warning"
          title={t('common.errorTitle')}
          subTitle={state.error.message}
          extra={<Button onClick={() => void refresh()}>{t('common.retry')}</Button>}
        />
      );
    case 'anonymous':
      return <LoginPage />;
    case 'signed-in':
      return state.user.mustChangePassword ? <ForcedPasswordChangePage /> : <AppLayout />;
  }
}

function Localised() {
  const { lang, t } = useI18n();
  useEffect(() => {
    dayjs.locale(lang);
    setClientMessages({
      network: t('common.networkError'),
      badResponse: (status) => t('common.unexpectedError', { status }),
    });
  }, [lang, t]);
  return (
    <ConfigProvider
      locale={lang === 'vi' ? viVN : enUS}
      theme={theme}
      componentSize="middle"
      form={{ validateMessages: { required: t('form.required') } }}
    >
      <AntApp>
        <SessionProvider>
          <Gate />
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function Root() {
  return (
    <I18nProvider>
      <Localised />
    </I18nProvider>
  );
}
