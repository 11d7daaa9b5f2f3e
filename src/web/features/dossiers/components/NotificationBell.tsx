import { useEffect, useState } from 'react';
import { Badge, Button, List, Popover, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import type { NotificationList } from '../../../../shared/dossiers/notifications.schema';
import { useI18n } from '../../../lib/i18n';
import { formatInstant } from '../../../lib/dates';
import { navigate } from '../../../lib/router';
import { listNotifications, markAllRead, markRead } from '../api/dossiers';

/** The header's bell: the unit's notifications with the unread count, refreshed every minute. */
const LINKS: Record<string, string> = { dossier: '/dossiers', movement: '/movements' };

export function NotificationBell() {
  const { t } = useI18n();
  const [data, setData] = useState<NotificationList>({ unread: 0, items: [] });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    listNotifications().then(
      (r) => live && setData(r),
      () => undefined,
    );
    const timer = window.setTimeout(() => setTick((x) => x + 1), 60_000);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [tick]);
  const refresh = () => setTick((x) => x + 1);
  const content = (
    <div style={{ width: 380, maxHeight: 420, overflow: 'auto' }}>
      <List
        size="small"
        locale={{ emptyText: t('notifications.none') }}
        dataSource={data.items}
        renderItem={(n) => (
          <List.Item
            style={{
              cursor: n.entityId && LINKS[n.entityType ?? ''] ? 'pointer' : undefined,
              opacity: n.readAt ? 0.6 : 1,
            }}
            onClick={() => {
              void markRead(n.id).then(refresh, () => undefined);
              // Dossiers (issue 6) and launched movements (issue 5) open their page.
              const base = LINKS[n.entityType ?? ''];
              if (base && n.entityId) navigate(`${base}/${n.entityId}`);
            }}
          >
            <List.Item.Meta
              title={<Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>}
              description={
                <span style={{ fontSize: 12 }}>
                  {formatInstant(n.createdAt)}
                  {n.body && !n.kind.startsWith('dossier.deadline') ? ` — ${n.body}` : ''}
                </span>
              }
            />
          </List.Item>
        )}
      />
      {data.unread ? (
        <Button type="link" size="small" onClick={() => void markAllRead().then(refresh, () => undefined)}>
          {t('notifications.markAll')}
        </Button>
      ) : null}
    </div>
  );
  return (
    <Popover trigger="click" title={t('notifications.title')} content={content} placement="bottomRight">
      <Badge count={data.unread} size="small" overflowCount={99}>
        <Button
          size="small"
          icon={<BellOutlined />}
          aria-label={`${t('notifications.title')}: ${t('notifications.unread', { n: data.unread })}`}
          data-testid="notification-bell"
        />
      </Badge>
    </Popover>
  );
}
