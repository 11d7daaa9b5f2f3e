import { useState } from 'react';
import {
  App,
  Button,
  Checkbox,
  Flex,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import {
  CopyOutlined,
  DeleteOutlined,
  EditOutlined,
  PlayCircleOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import {
  CRITERION_KINDS,
  type CriterionInput,
  type ScoringBoard,
} from '../../../../shared/scoring/scoring.schema';
import { useI18n } from '../../../lib/i18n';
import { ApiError, errorMessage } from '../../../lib/api';
import { EmptyState } from '../../../lib/ui/states';
import { copyCriteria, openScoring, saveCriteria } from '../api/scoring';
import { fmt, treeOrder, type TreeRow } from './tree';

type Draft = CriterionInput & { key: number };

/** The covenant's criteria tree; the lead edits it (or copies last year's) while it is a draft, then opens it. */
export function CriteriaTab({ board, onChanged }: { board: ScoringBoard; onChanged: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [rows, setRows] = useState<Draft[]>([]);
  const [ties, setTies] = useState('');
  const [women, setWomen] = useState(true);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const editable = board.viewer.canLead && (!board.set || board.set.status === 'draft');

  function startEdit() {
    const codeOf = new Map(board.criteria.map((c) => [c.id, c.code]));
    setRows(
      treeOrder(board.criteria).map((c, i) => ({
        key: i,
        code: c.code,
        label: c.label,
        parentCode: c.parentId ? codeOf.get(c.parentId)! : null,
        kind: c.kind,
        maxPoints: c.maxPoints,
        minPoints: c.minPoints,
        evidenceRequired: c.evidenceRequired,
      })),
    );
    setTies((board.set?.tieRules ?? []).flatMap((r) => (r.kind === 'criterion' ? [r.code] : [])).join(', '));
    setWomen(board.set ? board.set.tieRules.some((r) => r.kind === 'women_share') : true);
    setErrors({});
    setEditing(true);
  }

  async function run(action: () => Promise<unknown>, done: string) {
    setBusy(true);
    try {
      await action();
      message.success(done);
      setEditing(false);
      onChanged();
    } catch (e) {
      if (e instanceof ApiError) setErrors(e.fields);
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const update = (key: number, patch: Partial<Draft>) =>
    setRows(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const groups = rows.filter((r) => r.kind === 'group').map((r) => ({ value: r.code, label: r.code }));

  return (
    <>
      <Flex gap={8} wrap justify="space-between" style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">
          {board.set
            ? `${t('scoring.tieRules')}: ${[
                t('scoring.tie.total'),
                ...board.set.tieRules.map((r) =>
                  r.kind === 'criterion'
                    ? t('scoring.tie.criterion', { code: r.code })
                    : t('scoring.tie.women', { pct: Math.round(r.threshold * 100) }),
                ),
              ].join(' → ')}`
            : t('scoring.noSet')}
        </Typography.Text>
        {editable ? (
          <Space wrap>
            <Button
              icon={<CopyOutlined />}
              loading={busy}
              onClick={() => run(() => copyCriteria(board.block.id), t('common.saved'))}
            >
              {t('scoring.copy')}
            </Button>
            <Button icon={<EditOutlined />} onClick={startEdit}>
              {t('scoring.editCriteria')}
            </Button>
            {board.set && board.criteria.length ? (
              <Popconfirm
                title={t('scoring.openConfirm')}
                onConfirm={() =>
                  run(() => openScoring(board.block.id, board.set!.version), t('scoring.opened'))
                }
              >
                <Button type="primary" icon={<PlayCircleOutlined />}>
                  {t('scoring.open')}
                </Button>
              </Popconfirm>
            ) : null}
          </Space>
        ) : null}
      </Flex>
      {board.criteria.length === 0 ? (
        <EmptyState text={t('scoring.noSet')} />
      ) : (
        <Table<TreeRow>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={treeOrder(board.criteria)}
          columns={[
            { title: t('scoring.col.code'), dataIndex: 'code', width: 70 },
            {
              title: t('scoring.col.criterion'),
              render: (_, r) => (
                <span style={{ paddingLeft: r.depth * 16, fontWeight: r.kind === 'group' ? 600 : 400 }}>
                  {r.label}
                </span>
              ),
            },
            {
              title: t('scoring.criteriaKind'),
              width: 120,
              render: (_, r) => <Tag>{t(`scoring.kind.${r.kind}`)}</Tag>,
            },
            {
              title: t('scoring.criteriaMin'),
              width: 100,
              align: 'right',
              render: (_, r) => fmt(r.minPoints),
            },
            { title: t('scoring.col.max'), width: 100, align: 'right', render: (_, r) => fmt(r.maxPoints) },
            {
              title: t('scoring.col.evidence'),
              width: 120,
              render: (_, r) => (r.evidenceRequired ? t('scoring.evidenceRequired') : ''),
            },
          ]}
        />
      )}

      <Modal
        open={editing}
        width={1100}
        title={t('scoring.editCriteria')}
        okText={t('common.save')}
        confirmLoading={busy}
        onCancel={() => setEditing(false)}
        onOk={() =>
          run(
            () =>
              saveCriteria(board.block.id, {
                criteria: rows.map(({ key: _key, ...r }) => r),
                tieRules: [
                  ...ties
                    .split(',')
                    .map((s) => s.trim())
                    .filter(Boolean)
                    .map((code) => ({ kind: 'criterion' as const, code })),
                  ...(women ? [{ kind: 'women_share' as const }] : []),
                ],
                ...(board.set ? { version: board.set.version } : {}),
              }),
            t('common.saved'),
          )
        }
      >
        {Object.keys(errors).length ? (
          <ul style={{ color: '#cf1322' }}>
            {Object.entries(errors).map(([k, v]) => (
              <li key={k}>{v}</li>
            ))}
          </ul>
        ) : null}
        <Table<Draft>
          size="small"
          rowKey="key"
          pagination={false}
          scroll={{ y: 420 }}
          dataSource={rows}
          columns={[
            {
              title: t('scoring.col.code'),
              width: 80,
              render: (_, r) => (
                <Input
                  size="small"
                  value={r.code}
                  onChange={(e) => update(r.key, { code: e.target.value })}
                />
              ),
            },
            {
              title: t('scoring.col.criterion'),
              render: (_, r) => (
                <Input
                  size="small"
                  value={r.label}
                  onChange={(e) => update(r.key, { label: e.target.value })}
                />
              ),
            },
            {
              title: t('scoring.criteriaParent'),
              width: 100,
              render: (_, r) => (
                <Select
                  size="small"
                  allowClear
                  style={{ width: '100%' }}
                  value={r.parentCode ?? undefined}
                  options={groups.filter((g) => g.value !== r.code)}
                  onChange={(v) => update(r.key, { parentCode: v ?? null })}
                />
              ),
            },
            {
              title: t('scoring.criteriaKind'),
              width: 130,
              render: (_, r) => (
                <Select
                  size="small"
                  style={{ width: '100%' }}
                  value={r.kind}
                  options={CRITERION_KINDS.map((k) => ({ value: k, label: t(`scoring.kind.${k}`) }))}
                  onChange={(v) => update(r.key, { kind: v })}
                />
              ),
            },
            {
              title: t('scoring.criteriaMin'),
              width: 90,
              render: (_, r) => (
                <InputNumber
                  size="small"
                  value={r.minPoints}
                  onChange={(v) => update(r.key, { minPoints: v ?? 0 })}
                />
              ),
            },
            {
              title: t('scoring.col.max'),
              width: 90,
              render: (_, r) => (
                <InputNumber
                  size="small"
                  value={r.maxPoints}
                  onChange={(v) => update(r.key, { maxPoints: v ?? 0 })}
                />
              ),
            },
            {
              title: t('scoring.col.evidence'),
              width: 80,
              align: 'center',
              render: (_, r) => (
                <Checkbox
                  checked={r.evidenceRequired}
                  onChange={(e) => update(r.key, { evidenceRequired: e.target.checked })}
                />
              ),
            },
            {
              width: 50,
              render: (_, r) => (
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('scoring.criteriaRemove')}
                  onClick={() => setRows(rows.filter((x) => x.key !== r.key))}
                />
              ),
            },
          ]}
        />
        <Flex gap={12} wrap align="center" style={{ marginTop: 8 }}>
          <Button
            icon={<PlusOutlined />}
            onClick={() =>
              setRows([
                ...rows,
                {
                  key: Math.max(0, ...rows.map((r) => r.key)) + 1,
                  code: '',
                  label: '',
                  parentCode: null,
                  kind: 'score',
                  maxPoints: 1,
                  minPoints: 0,
                  evidenceRequired: false,
                },
              ])
            }
          >
            {t('scoring.criteriaAdd')}
          </Button>
          <Input
            style={{ width: 300 }}
            addonBefore={t('scoring.tieRules')}
            placeholder={t('scoring.tieRulesHint')}
            value={ties}
            onChange={(e) => setTies(e.target.value)}
          />
          <Checkbox checked={women} onChange={(e) => setWomen(e.target.checked)}>
            {t('scoring.tieWomen')}
          </Checkbox>
        </Flex>
      </Modal>
    </>
  );
}
