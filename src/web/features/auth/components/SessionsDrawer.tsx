import { useState } from 'react';
import { App, Button, Drawer, Popconfirm, Table, Tag, Typography } from 'antd';
import type { SessionInfo } from '../../../../shared/auth/auth.schema';
import { useI18n } from '../../../lib/i18n';
import { useResource } from '../../../lib/use-resource';
import { formatInstant } from '../../../lib/dates';
import { errorMessage } from '../../../lib/api';
import { EmptyState, ErrorState } from '../../../lib/ui/states';
import { listMySessions, revokeMySession } from '../api/auth';

/** The signed-in user's own sessions, each revocable except the current one. */
export function SessionsDrawer({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useI18n();
  return (
    <Drawer title={t('sessions.title')} open={open} onClose={onClose} size={760} destroyOnHidden>
      {/* Mounted only while open, so each opening loads fresh data. */}
      {open ? <SessionsList /> : null}
    </Drawer>
  );
}

function SessionsList() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const sessions = useResource(listMySessions, []);
  const [busy, setBusy] = useState<string>();

  async function revoke(session: SessionInfo) {
    setBusy(session.id);
    try {
      await revokeMySession(session.id);
      message.success(t('sessions.revoked'));
      sessions.reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(undefined);
    }
  }

  if (sessions.error) return <ErrorState error={sessions.error} onRetry={sessions.reload} />;
  return (
    <Table<SessionInfo>
      size="small"
      rowKey="id"
      loading={sessions.loading}
      dataSource={sessions.data ?? []}
      pagination={false}
      tableLayout="fixed"
      locale={{ emptyText: <EmptyState text={t('sessions.empty')} /> }}
      columns={[
        {
          title: t('sessions.createdAt'),
          dataIndex: 'createdAt',
          width: 150,
          render: (v: string, s) => (
            <>
              {formatInstant(v)} {s.current ? <Tag color="blue">{t('sessions.current')}</Tag> : null}
            </>
          ),
        },
        {
          title: t('sessions.lastSeenAt'),
          dataIndex: 'lastSeenAt',
          width: 130,
          render: (v: string) => formatInstant(v),
        },
        {
          title: t('sessions.expiresAt'),
          dataIndex: 'expiresAt',
          width: 130,
          render: (v: string) => formatInstant(v),
        },
        {
          title: t('sessions.client'),
          key: 'client',
          render: (_v, s) => (
            <Typography.Text
              style={{ fontSize: 12 }}
              ellipsis={{ tooltip: `${s.ip ?? ''} ${s.userAgent ?? ''}` }}
            >
              {s.ip ?? ''} {s.userAgent ?? ''}
            </Typography.Text>
          ),
        },
        {
          title: t('common.actions'),
          key: 'actions',
          width: 90,
          render: (_v, s) =>
            s.current ? null : (
              <Popconfirm title={t('sessions.revokeConfirm')} onConfirm={() => revoke(s)}>
                <Button size="small" danger loading={busy === s.id}>
                  {t('sessions.revoke')}
                </Button>
              </Popconfirm>
            ),
        },
      ]}
    />
  );
}
