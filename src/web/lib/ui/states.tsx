/** Loading, error and empty states, and the page header, shared by every page. */
import type { ReactNode } from 'react';
import { Alert, Button, Empty, Flex, Spin, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n';
import type { ApiError } from '../api';

export function LoadingState({ tip }: { tip?: string }) {
  const { t } = useI18n();
  return (
    <Flex vertical align="center" justify="center" gap={8} style={{ padding: 48 }} role="status">
      <Spin />
      <Typography.Text type="secondary">{tip ?? t('common.loading')}</Typography.Text>
    </Flex>
  );
}

export function ErrorState({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <Alert
      type="error"
      showIcon
      title={t('common.errorTitle')}
      description={
        <>
          {error.message}
          {error.requestId ? (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {t('audit.requestId')}: {error.requestId}
            </Typography.Text>
          ) : null}
        </>
      }
      action={
        onRetry ? (
          <Button size="small" icon={<ReloadOutlined />} onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}

export function EmptyState({ text }: { text: string }) {
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text} />;
}

export function PageHeader({
  title,
  subtitle,
  extra,
}: {
  title: string;
  subtitle?: string;
  extra?: ReactNode;
}) {
  return (
    <Flex justify="space-between" align="flex-start" gap={16} wrap style={{ marginBottom: 12 }}>
      <div>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {subtitle ? (
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {subtitle}
          </Typography.Text>
        ) : null}
      </div>
      {extra ? (
        <Flex gap={8} wrap>
          {extra}
        </Flex>
      ) : null}
    </Flex>
  );
}
