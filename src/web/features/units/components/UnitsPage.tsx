import { useEffect, useMemo, useState, type Key } from 'react';
import {
  App,
  Button,
  Card,
  Flex,
  Input,
  Popconfirm,
  Space,
  Switch,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import {
  EditOutlined,
  PlusOutlined,
  ReloadOutlined,
  StopOutlined,
  TrophyOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import { UNIT_KIND_LABELS, type Unit } from '../../../../shared/units/units.schema';
import { useI18n } from '../../../lib/i18n';
import { useCan } from '../../../lib/session';
import { useResource } from '../../../lib/use-resource';
import { formatIsoDate } from '../../../lib/dates';
import { errorMessage } from '../../../lib/api';
import { EmptyState, ErrorState, PageHeader } from '../../../lib/ui/states';
import { listUnits, reactivateUnit } from '../api/units';
import { buildUnitTree, countNodes, filterUnitTree, parentKeys, type UnitNode } from './unit-tree';
import { UnitFormModal } from './UnitFormModal';
import { DeactivateUnitModal } from './DeactivateUnitModal';
import { UnitEligibilityDrawer } from './UnitEligibilityDrawer';

/** Tree indent per level, and the width antd gives the expand icon (17px + 8px margin). */
const INDENT = 18;
const EXPAND_ICON = 25;

type Dialog =
  | { kind: 'create'; parentId?: string }
  | { kind: 'edit'; unit: Unit }
  | { kind: 'deactivate'; unit: Unit }
  | { kind: 'eligibility'; unit: Unit };

export function UnitsPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const canWrite = useCan('write:unit:any');
  const canSeeEligibility = useCan('read:eligibility:any', 'read:eligibility:own');
  const units = useResource(listUnits, []);
  const [text, setText] = useState('');
  const [showInactive, setShowInactive] = useState(true);
  const [dialog, setDialog] = useState<Dialog>();
  const [expanded, setExpanded] = useState<readonly Key[]>([]);

  const all = useMemo(() => units.data ?? [], [units.data]);
  const tree = useMemo(() => buildUnitTree(all), [all]);
  const visible = useMemo(() => filterUnitTree(tree, { text, showInactive }), [tree, text, showInactive]);

  // Whole tree open by default, and again whenever the data or the filter changes what is shown.
  useEffect(() => setExpanded(parentKeys(visible)), [visible]);

  async function reactivate(unit: Unit) {
    try {
      const saved = await reactivateUnit(unit.id, unit.version);
      message.success(t('units.reactivated', { name: saved.name }));
      units.reload();
    } catch (e) {
      message.error(errorMessage(e));
      units.reload();
    }
  }

  const columns: ColumnsType<UnitNode> = [
    {
      title: t('units.name'),
      dataIndex: 'name',
      key: 'name',
      render: (_v, u) => (
        // Sized to the space the tree indent leaves, so a wrapped name lines up under its first line.
        <span className="vd-unit-cell" style={{ width: `calc(100% - ${u.depth * INDENT + EXPAND_ICON}px)` }}>
          <Typography.Text strong={!u.parentId} className="vd-unit-name">
            {u.name}
          </Typography.Text>
          {u.shortName ? (
            <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12 }}>
              ({u.shortName})
            </Typography.Text>
          ) : null}
          {u.active ? null : (
            <Tag style={{ marginLeft: 6 }} bordered={false}>
              {t('units.inactive')}
            </Tag>
          )}
          {u.isDemo ? (
            <Tag style={{ marginLeft: 6 }} bordered={false} color="gold">
              {t('units.demo')}
            </Tag>
          ) : null}
        </span>
      ),
    },
    {
      title: t('units.code'),
      dataIndex: 'code',
      key: 'code',
      width: 130,
      render: (v: string) => <code>{v}</code>,
    },
    {
      title: t('units.kind'),
      dataIndex: 'kind',
      key: 'kind',
      width: 215,
      render: (_v, u) => UNIT_KIND_LABELS[u.kind][lang],
    },
    {
      title: t('units.activePeriod'),
      key: 'period',
      width: 180,
      render: (_v, u) =>
        `${formatIsoDate(u.activeFrom)} – ${u.activeTo ? formatIsoDate(u.activeTo) : t('units.present')}`,
    },
  ];
  if (canSeeEligibility)
    columns.push({
      title: t('verdict.panelTitle'),
      key: 'eligibility',
      width: 90,
      render: (_v, u) => (
        <Tooltip title={t('verdict.panelTitle')}>
          <Button
            type="text"
            size="small"
            icon={<TrophyOutlined />}
            aria-label={`${t('verdict.panelTitle')} ${u.code}`}
            onClick={() => setDialog({ kind: 'eligibility', unit: u })}
          />
        </Tooltip>
      ),
    });
  if (canWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_v, u) => (
        <Space size={2}>
          <Tooltip title={t('common.edit')}>
            <Button
              type="text"
              size="small"
              icon={<EditOutlined />}
              aria-label={`${t('common.edit')} ${u.code}`}
              onClick={() => setDialog({ kind: 'edit', unit: u })}
            />
          </Tooltip>
          <Tooltip title={t('units.createChild')}>
            <Button
              type="text"
              size="small"
              icon={<PlusOutlined />}
              disabled={!u.active}
              aria-label={`${t('units.createChild')} ${u.code}`}
              onClick={() => setDialog({ kind: 'create', parentId: u.id })}
            />
          </Tooltip>
          {u.active ? (
            <Tooltip title={t('units.deactivate')}>
              <Button
                type="text"
                size="small"
                danger
                icon={<StopOutlined />}
                aria-label={`${t('units.deactivate')} ${u.code}`}
                onClick={() => setDialog({ kind: 'deactivate', unit: u })}
              />
            </Tooltip>
          ) : (
            // No tooltip here: it would sit over the confirmation's buttons.
            <Popconfirm
              title={t('units.reactivateConfirm', { name: u.name })}
              onConfirm={() => reactivate(u)}
            >
              <Button
                type="text"
                size="small"
                icon={<UndoOutlined />}
                title={t('units.reactivate')}
                aria-label={`${t('units.reactivate')} ${u.code}`}
              />
            </Popconfirm>
          )}
        </Space>
      ),
    });
  }

  function saved() {
    setDialog(undefined);
    units.reload();
  }

  return (
    <>
      <PageHeader
        title={t('units.title')}
        subtitle={t('units.subtitle')}
        extra={
          canWrite ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
              {t('units.create')}
            </Button>
          ) : null
        }
      />
      <Card size="small">
        <Flex gap={12} align="center" wrap style={{ marginBottom: 8 }}>
          <Input.Search
            allowClear
            placeholder={t('units.filterPlaceholder')}
            style={{ width: 320 }}
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-label={t('units.filterPlaceholder')}
          />
          <label style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
            <Switch size="small" checked={showInactive} onChange={setShowInactive} />
            {t('units.showInactive')}
          </label>
          <Typography.Text type="secondary" style={{ marginLeft: 'auto' }}>
            {t('units.count', { shown: countNodes(visible), total: all.length })}
          </Typography.Text>
          <Tooltip title={t('common.reload')}>
            <Button
              size="small"
              icon={<ReloadOutlined />}
              onClick={units.reload}
              aria-label={t('common.reload')}
            />
          </Tooltip>
        </Flex>
        {units.error ? (
          <ErrorState error={units.error} onRetry={units.reload} />
        ) : (
          <Table<UnitNode>
            className="vd-units-table"
            size="small"
            rowKey="id"
            columns={columns}
            dataSource={visible}
            loading={units.loading}
            pagination={false}
            expandable={{ expandedRowKeys: expanded, onExpandedRowsChange: setExpanded, indentSize: INDENT }}
            rowClassName={(u) => (u.active ? '' : 'vd-row-inactive')}
            locale={{
              emptyText: <EmptyState text={all.length ? t('units.emptyFiltered') : t('units.empty')} />,
            }}
          />
        )}
      </Card>
      {dialog?.kind === 'create' || dialog?.kind === 'edit' ? (
        <UnitFormModal
          unit={dialog.kind === 'edit' ? dialog.unit : undefined}
          defaultParentId={dialog.kind === 'create' ? dialog.parentId : undefined}
          units={all}
          onClose={() => setDialog(undefined)}
          onSaved={saved}
        />
      ) : null}
      {dialog?.kind === 'eligibility' ? (
        <UnitEligibilityDrawer unit={dialog.unit} onClose={() => setDialog(undefined)} />
      ) : null}
      {dialog?.kind === 'deactivate' ? (
        <DeactivateUnitModal unit={dialog.unit} onClose={() => setDialog(undefined)} onSaved={saved} />
      ) : null}
    </>
  );
}
