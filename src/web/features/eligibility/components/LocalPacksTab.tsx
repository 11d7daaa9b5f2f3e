import { useState } from 'react';
import { Alert, App, Button, Flex, Input, Modal, Switch, Table, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { LocalPackRow } from '../../../../shared/eligibility/eligibility.schema';
import { ApiError, errorMessage } from '../../../lib/api';
import { formatInstant, formatIsoDate } from '../../../lib/dates';
import { useI18n } from '../../../lib/i18n';
import { EmptyState } from '../../../lib/ui/states';
import { createLocalPack, setLocalPackEnabled, updateLocalPack } from '../api/eligibility';

/** A starting point for a new local pack: one added criterion, no quota, to be edited. */
const TEMPLATE = {
  id: 'TINH-2026',
  name: 'Quy chế thi đua, khen thưởng của tỉnh',
  issuer: 'UBND tỉnh',
  effectiveFrom: '2026-01-01',
  criteria: [
    {
      awardCode: 'LDTT',
      recipientKind: 'individual',
      criterion: {
        id: 'absence',
        label: 'Nghỉ dưới 40 ngày làm việc',
        fact: 'absenceWorkingDays',
        params: { countedAsWork: ['maternity', 'injury_rescue', 'injury_combat'] },
        op: 'lt',
        value: 40,
        citation: { instrument: 'Quyết định … của UBND tỉnh', article: 'Điều …', verified: false },
      },
    },
  ],
  quotas: [],
  citation: { instrument: 'Quyết định … của UBND tỉnh', verified: false },
};

type Editing = { mode: 'create' } | { mode: 'edit'; row: LocalPackRow };

/** Local packs: listed with their switch; created and edited as JSON that the server validates. */
export function LocalPacksTab({
  rows,
  canWrite,
  onChanged,
}: {
  rows: LocalPackRow[];
  canWrite: boolean;
  onChanged(): void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string>();
  const [editing, setEditing] = useState<Editing>();

  async function toggle(row: LocalPackRow, enabled: boolean) {
    setBusy(row.id);
    try {
      await setLocalPackEnabled(row.id, enabled, row.version);
      message.success(enabled ? t('rules.local.enabledOn') : t('rules.local.enabledOff'));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(undefined);
      onChanged();
    }
  }

  return (
    <>
      {canWrite ? (
        <Flex justify="flex-end" style={{ marginBottom: 8 }}>
          <Button icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create' })}>
            {t('rules.local.create')}
          </Button>
        </Flex>
      ) : null}
      <Table<LocalPackRow>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: <EmptyState text={t('rules.local.empty')} /> }}
        columns={[
          {
            title: t('rules.local.id'),
            dataIndex: 'id',
            width: 140,
            render: (v: string) => <code>{v}</code>,
          },
          { title: t('rules.local.name'), dataIndex: 'name' },
          { title: t('rules.local.issuer'), dataIndex: 'issuer', width: 180 },
          {
            title: t('rules.period'),
            key: 'period',
            width: 200,
            render: (_v, r) =>
              `${formatIsoDate(r.effectiveFrom)} – ${r.effectiveTo ? formatIsoDate(r.effectiveTo) : t('rules.openEnded')}`,
          },
          {
            title: t('rules.local.enabled'),
            dataIndex: 'enabled',
            width: 110,
            render: (v: boolean, r) =>
              canWrite ? (
                <Switch
                  checked={v}
                  loading={busy === r.id}
                  onChange={(on) => toggle(r, on)}
                  aria-label={`${t('rules.local.enabled')} ${r.id}`}
                />
              ) : (
                <Tag color={v ? 'green' : 'default'}>{v ? t('rules.local.on') : t('rules.local.off')}</Tag>
              ),
          },
          {
            title: t('rules.local.updatedAt'),
            dataIndex: 'updatedAt',
            width: 150,
            render: (v: string, r) => (
              <>
                {formatInstant(v)}
                <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                  {t('rules.local.version', { version: r.version })}
                </Typography.Text>
              </>
            ),
          },
          ...(canWrite
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 90,
                  render: (_v: unknown, r: LocalPackRow) => (
                    <Button
                      size="small"
                      type="text"
                      icon={<EditOutlined />}
                      aria-label={`${t('common.edit')} ${r.id}`}
                      onClick={() => setEditing({ mode: 'edit', row: r })}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing ? (
        <LocalPackEditor
          editing={editing}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            onChanged();
          }}
        />
      ) : null}
    </>
  );
}

function LocalPackEditor({
  editing,
  onClose,
  onSaved,
}: {
  editing: Editing;
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const initial = editing.mode === 'create' ? TEMPLATE : editing.row.content;
  const [text, setText] = useState(() => JSON.stringify(initial, null, 2));
  const [error, setError] = useState<{ message: string; fields: [string, string][] }>();
  const [saving, setSaving] = useState(false);

  async function save() {
    setError(undefined);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (e) {
      return setError({ message: t('rules.local.badJson', { detail: errorMessage(e) }), fields: [] });
    }
    if (!body || typeof body !== 'object' || Array.isArray(body))
      return setError({ message: t('rules.local.notObject'), fields: [] });
    setSaving(true);
    try {
      if (editing.mode === 'create') {
        await createLocalPack(body);
      } else {
        // The id travels in the address; the switch keeps its state; the version guards concurrent edits.
        const { id: _id, enabled: _enabled, version: _version, ...rest } = body as Record<string, unknown>;
        await updateLocalPack(editing.row.id, {
          ...rest,
          enabled: editing.row.enabled,
          version: editing.row.version,
        });
      }
      message.success(t('common.saved'));
      onSaved();
    } catch (e) {
      setError({
        message: errorMessage(e),
        fields: e instanceof ApiError ? Object.entries(e.fields) : [],
      });
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      width={820}
      title={
        editing.mode === 'create' ? t('rules.local.create') : t('rules.local.edit', { id: editing.row.id })
      }
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={save}
      onCancel={onClose}
      confirmLoading={saving}
      maskClosable={false}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('rules.local.hint')}
      </Typography.Paragraph>
      {error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 8 }}
          title={error.message}
          description={
            error.fields.length ? (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {error.fields.map(([path, msg]) => (
                  <li key={path}>
                    <code>{path}</code>: {msg}
                  </li>
                ))}
              </ul>
            ) : undefined
          }
        />
      ) : null}
      <Input.TextArea
        aria-label={t('rules.local.json')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={22}
        spellCheck={false}
        style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 12 }}
      />
    </Modal>
  );
}
