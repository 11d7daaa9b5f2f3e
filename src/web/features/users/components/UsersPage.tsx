import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Dropdown,
  Flex,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  TreeSelect,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { EditOutlined, MoreOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { ROLES, ROLE_LABELS, type Role } from '../../../../shared/permissions';
import type { User } from '../../../../shared/users/users.schema';
import { useI18n } from '../../../lib/i18n';
import { titleMatches } from '../../../lib/text';
import { useCan } from '../../../lib/session';
import { useResource } from '../../../lib/use-resource';
import { formatInstant } from '../../../lib/dates';
import { errorMessage } from '../../../lib/api';
import { EmptyState, ErrorState, PageHeader } from '../../../lib/ui/states';
import { listUnitsForPicker, listUsers, revokeUserSessions, unlockUser } from '../api/users';
import { unitOptions } from './unit-options';
import { UserFormModal } from './UserFormModal';
import { ResetPasswordModal } from './ResetPasswordModal';

const PAGE_SIZE = 20;

type Dialog = { kind: 'create' } | { kind: 'edit'; user: User } | { kind: 'reset'; user: User };

export function UsersPage() {
  const { t, lang } = useI18n();
  const { message, modal } = App.useApp();
  const canWrite = useCan('write:user:any');
  const canRevoke = useCan('revoke:session:any');
  const [q, setQ] = useState('');
  const [role, setRole] = useState<Role>();
  const [unitId, setUnitId] = useState<string>();
  const [page, setPage] = useState(1);
  const [dialog, setDialog] = useState<Dialog>();

  const users = useResource(
    () => listUsers({ q, role, unitId, page, pageSize: PAGE_SIZE }),
    [q, role, unitId, page],
  );
  const units = useResource(listUnitsForPicker, []);

  async function run(action: () => Promise<string>) {
    try {
      message.success(await action());
    } catch (e) {
      message.error(errorMessage(e));
    }
    users.reload();
  }

  function actionsFor(u: User) {
    const items = [{ key: 'reset', label: t('users.resetPassword') }];
    if (u.locked) items.push({ key: 'unlock', label: t('users.unlock') });
    if (canRevoke) items.push({ key: 'revoke', label: t('users.revokeSessions') });
    return items;
  }

  function onAction(u: User, key: string) {
    if (key === 'reset') setDialog({ kind: 'reset', user: u });
    if (key === 'unlock') {
      void run(async () => {
        await unlockUser(u.id);
        return t('users.unlocked', { name: u.displayName });
      });
    }
    if (key === 'revoke') {
      modal.confirm({
        title: t('users.revokeConfirm', { name: u.displayName }),
        okText: t('users.revokeSessions'),
        cancelText: t('common.cancel'),
        okButtonProps: { danger: true },
        onOk: () =>
          run(async () => {
            const { revoked } = await revokeUserSessions(u.id);
            return t('users.revokedSessions', { count: revoked, name: u.displayName });
          }),
      });
    }
  }

  const columns: ColumnsType<User> = [
    {
      title: t('users.username'),
      dataIndex: 'username',
      width: 140,
      render: (v: string) => <code>{v}</code>,
    },
    { title: t('users.displayName'), dataIndex: 'displayName' },
    { title: t('users.role'), dataIndex: 'role', width: 190, render: (r: Role) => ROLE_LABELS[r][lang] },
    { title: t('users.unit'), dataIndex: 'unitName', ellipsis: { showTitle: true } },
    {
      title: t('users.status'),
      key: 'status',
      width: 190,
      render: (_v, u) => (
        <Flex gap={4} wrap>
          {u.active ? <Tag color="green">{t('users.active')}</Tag> : <Tag>{t('users.inactive')}</Tag>}
          {u.locked ? <Tag color="red">{t('users.locked')}</Tag> : null}
          {u.mustChangePassword ? <Tag color="orange">{t('users.mustChange')}</Tag> : null}
        </Flex>
      ),
    },
    {
      title: t('users.lastLogin'),
      dataIndex: 'lastLoginAt',
      width: 150,
      render: (v: string | null) =>
        v ? formatInstant(v) : <Typography.Text type="secondary">{t('users.never')}</Typography.Text>,
    },
  ];
  if (canWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 80,
      render: (_v, u) => (
        <Space size={2}>
          <Tooltip title={t('common.edit')}>
            <Button
              type="text"
              size="small"
              icon={<EditOutlined />}
              aria-label={`${t('common.edit')} ${u.username}`}
              onClick={() => setDialog({ kind: 'edit', user: u })}
            />
          </Tooltip>
          <Dropdown
            trigger={['click']}
            menu={{ items: actionsFor(u), onClick: ({ key }) => onAction(u, key) }}
          >
            <Button
              type="text"
              size="small"
              icon={<MoreOutlined />}
              aria-label={`${t('users.more')} ${u.username}`}
            />
          </Dropdown>
        </Space>
      ),
    });
  }

  function saved() {
    setDialog(undefined);
    users.reload();
  }

  return (
    <>
      <PageHeader
        title={t('users.title')}
        subtitle={t('users.subtitle')}
        extra={
          canWrite ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
              {t('users.create')}
            </Button>
          ) : null
        }
      />
      <Card size="small">
        <Flex gap={8} align="center" wrap style={{ marginBottom: 8 }}>
          <Input.Search
            allowClear
            placeholder={t('users.searchPlaceholder')}
            style={{ width: 320 }}
            onSearch={(value) => {
              setQ(value.trim());
              setPage(1);
            }}
            aria-label={t('users.searchPlaceholder')}
          />
          <Select<Role>
            allowClear
            placeholder={t('users.allRoles')}
            style={{ width: 220 }}
            value={role}
            onChange={(value) => {
              setRole(value);
              setPage(1);
            }}
            options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r][lang] }))}
          />
          <TreeSelect
            allowClear
            showSearch
            filterTreeNode={titleMatches}
            treeDefaultExpandAll
            placeholder={t('users.allUnits')}
            style={{ width: 300 }}
            value={unitId}
            onChange={(value: string | undefined) => {
              setUnitId(value);
              setPage(1);
            }}
            treeData={unitOptions(units.data ?? [], { allowInactive: true })}
            loading={units.loading}
          />
          <Tooltip title={t('common.reload')}>
            <Button
              size="small"
              icon={<ReloadOutlined />}
              onClick={users.reload}
              aria-label={t('common.reload')}
              style={{ marginLeft: 'auto' }}
            />
          </Tooltip>
        </Flex>
        {users.error ? (
          <ErrorState error={users.error} onRetry={users.reload} />
        ) : (
          <Table<User>
            size="small"
            rowKey="id"
            columns={columns}
            dataSource={users.data?.items ?? []}
            loading={users.loading}
            rowClassName={(u) => (u.active ? '' : 'vd-row-inactive')}
            locale={{ emptyText: <EmptyState text={t('users.empty')} /> }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: users.data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (total) => t('common.total', { count: total }),
              onChange: setPage,
            }}
          />
        )}
      </Card>
      {dialog?.kind === 'create' || dialog?.kind === 'edit' ? (
        <UserFormModal
          user={dialog.kind === 'edit' ? dialog.user : undefined}
          units={units.data ?? []}
          onClose={() => setDialog(undefined)}
          onSaved={saved}
        />
      ) : null}
      {dialog?.kind === 'reset' ? (
        <ResetPasswordModal user={dialog.user} onClose={() => setDialog(undefined)} onSaved={saved} />
      ) : null}
    </>
  );
}
