import { useState } from 'react';
import { Alert, App, Button, Flex, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import {
  FileAddOutlined,
  FileExcelOutlined,
  FileWordOutlined,
  FlagOutlined,
  LockOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import type { RankingRow, ScoringBoard } from '../../../../shared/scoring/scoring.schema';
import { useI18n } from '../../../lib/i18n';
import { errorMessage } from '../../../lib/api';
import { EmptyState } from '../../../lib/ui/states';
import { Link } from '../../../lib/router';
import { lockScoring, makeProposalDossier, propose, rankingExportUrl, rotate } from '../api/scoring';
import { fmt } from './tree';

/** The ranking board; for the lead: lock after the meeting, the proposal, next year's lead and deputy. */
export function RankingTab({ board, onChanged }: { board: ScoringBoard; onChanged: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<'lock' | 'propose' | 'rotate' | null>(null);
  const [busy, setBusy] = useState(false);
  const [lockForm] = Form.useForm<{ meetingNote: string }>();
  const [proposeForm] = Form.useForm<{ flagUnitId: string | null; bkUnitIds: string[]; note: string }>();
  const [rotateForm] = Form.useForm<{ leadUnitId?: string; deputyUnitId?: string }>();
  const set = board.set;
  if (!set || set.status === 'draft')
    return <EmptyState text={t(set ? 'scoring.status.draft' : 'scoring.noSet')} />;
  const locked = set.status === 'locked';
  const result = board.result;
  const nameOf = (id: string | null | undefined) =>
    board.block.members.find((m) => m.unitId === id)?.name ?? '—';
  const memberOptions = board.block.members.map((m) => ({ value: m.unitId, label: m.name }));
  // The dossier is the lead unit's own draft: only its officers make it (the deputy sees the link).
  const mayMakeDossier =
    board.viewer.canLead &&
    board.viewer.ownUnitId !== null &&
    board.viewer.ownUnitId === board.block.leadUnitId &&
    !!result?.proposedAt &&
    !result.proposalDossier &&
    (!!result.flagUnitId || result.bkUnitIds.length > 0);

  async function run(action: () => Promise<unknown>, done: string) {
    setBusy(true);
    try {
      await action();
      if (done) message.success(done);
      setDialog(null);
      onChanged();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const tieRules = [
    t('scoring.tie.total'),
    ...set.tieRules.map((r) =>
      r.kind === 'criterion'
        ? t('scoring.tie.criterion', { code: r.code })
        : t('scoring.tie.women', { pct: Math.round(r.threshold * 100) }),
    ),
  ];

  return (
    <>
      <Flex gap={12} wrap justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">
          {t('scoring.tieRules')}: {tieRules.join(' → ')}
        </Typography.Text>
        <Space wrap>
          <Button icon={<FileExcelOutlined />} href={rankingExportUrl(board.block.id, 'xlsx')} download>
            {t('scoring.downloadExcel')}
          </Button>
          <Button icon={<FileWordOutlined />} href={rankingExportUrl(board.block.id, 'docx')} download>
            {t('scoring.downloadWord')}
          </Button>
          {board.viewer.canLead && !locked ? (
            <Button type="primary" icon={<LockOutlined />} onClick={() => setDialog('lock')}>
              {t('scoring.lock')}
            </Button>
          ) : null}
          {board.viewer.canLead && locked ? (
            <>
              <Button
                type={mayMakeDossier || result?.proposalDossier ? 'default' : 'primary'}
                icon={<FlagOutlined />}
                disabled={!!result?.proposalDossier}
                onClick={() => {
                  proposeForm.setFieldsValue({
                    flagUnitId: result?.flagUnitId ?? board.ranking[0]?.unitId ?? null,
                    bkUnitIds: result?.bkUnitIds.length
                      ? result.bkUnitIds
                      : board.ranking.slice(1, 3).map((r) => r.unitId),
                    note: result?.proposalNote ?? '',
                  });
                  setDialog('propose');
                }}
              >
                {t('scoring.propose')}
              </Button>
              {mayMakeDossier ? (
                <Button
                  type="primary"
                  icon={<FileAddOutlined />}
                  loading={busy}
                  title={t('scoring.makeDossierHint')}
                  onClick={() =>
                    run(async () => {
                      const b = await makeProposalDossier(board.block.id);
                      message.success(
                        t('scoring.dossierMade', { code: b.result?.proposalDossier?.code ?? '' }),
                      );
                    }, '')
                  }
                >
                  {t('scoring.makeDossier')}
                </Button>
              ) : null}
              <Button icon={<SwapOutlined />} onClick={() => setDialog('rotate')}>
                {t('scoring.rotate', { year: board.block.year + 1 })}
              </Button>
            </>
          ) : null}
        </Space>
      </Flex>
      {locked ? (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('scoring.lockedBy', { note: set.meetingNote ?? '' })}
        />
      ) : (
        <Alert type="info" showIcon style={{ marginBottom: 8 }} title={t('scoring.provisional')} />
      )}
      {result && (result.flagUnitId || result.nextLeadUnitId) ? (
        <Flex gap={16} wrap style={{ marginBottom: 8 }} data-testid="scoring-result">
          {result.flagUnitId ? (
            <span>
              <Typography.Text type="secondary">{t('scoring.flag')}: </Typography.Text>
              <b>{nameOf(result.flagUnitId)}</b>
            </span>
          ) : null}
          {result.bkUnitIds.length ? (
            <span>
              <Typography.Text type="secondary">{t('scoring.bk')}: </Typography.Text>
              {result.bkUnitIds.map(nameOf).join('; ')}
            </span>
          ) : null}
          {result.proposalDossier ? (
            <span data-testid="proposal-dossier">
              <Link href={`/dossiers/${result.proposalDossier.id}`}>
                {t('scoring.dossierLink', { code: result.proposalDossier.code })}
              </Link>
            </span>
          ) : null}
          {result.nextLeadUnitId ? (
            <span>
              <Typography.Text type="secondary">{t('scoring.nextLead')}: </Typography.Text>
              <b>{nameOf(result.nextLeadUnitId)}</b> · {t('scoring.nextDeputy')}:{' '}
              {nameOf(result.nextDeputyUnitId)}
            </span>
          ) : null}
        </Flex>
      ) : null}
      <Table<RankingRow>
        size="small"
        rowKey="unitId"
        pagination={false}
        dataSource={board.ranking}
        data-testid="ranking-table"
        columns={[
          { title: t('scoring.rank'), dataIndex: 'rank', width: 70, align: 'center' },
          { title: t('scoring.member'), dataIndex: 'unitName' },
          { title: t('scoring.selfTotal'), width: 110, align: 'right', render: (_, r) => fmt(r.selfTotal) },
          { title: t('scoring.total'), width: 110, align: 'right', render: (_, r) => <b>{fmt(r.total)}</b> },
          {
            title: t('scoring.womenShare'),
            width: 90,
            align: 'right',
            render: (_, r) => (r.womenShare === null ? '—' : `${Math.round(r.womenShare * 100)}%`),
          },
          { title: t('scoring.decidedBy'), dataIndex: 'decidedBy', width: 260 },
          {
            title: t('scoring.proposal'),
            width: 200,
            render: (_, r) =>
              result?.flagUnitId === r.unitId ? (
                <Tag color="red">{t('scoring.flag')}</Tag>
              ) : result?.bkUnitIds.includes(r.unitId) ? (
                <Tag color="gold">{t('scoring.bk')}</Tag>
              ) : null,
          },
        ]}
      />

      <Modal
        open={dialog === 'lock'}
        title={t('scoring.lockTitle')}
        okText={t('scoring.lock')}
        confirmLoading={busy}
        onCancel={() => setDialog(null)}
        onOk={() =>
          lockForm
            .validateFields()
            .then((v) =>
              run(() => lockScoring(board.block.id, set.version, v.meetingNote), t('scoring.lockedDone')),
            )
        }
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('scoring.lockHint')}</Typography.Paragraph>
        <Form form={lockForm} layout="vertical">
          <Form.Item
            name="meetingNote"
            label={t('scoring.meetingNote')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={dialog === 'propose'}
        title={t('scoring.propose')}
        okText={t('common.save')}
        confirmLoading={busy}
        onCancel={() => setDialog(null)}
        onOk={() =>
          proposeForm.validateFields().then((v) =>
            run(
              () =>
                propose(board.block.id, {
                  flagUnitId: v.flagUnitId ?? null,
                  bkUnitIds: v.bkUnitIds ?? [],
                  note: v.note?.trim() || null,
                }),
              t('scoring.proposed'),
            ),
          )
        }
      >
        <Form form={proposeForm} layout="vertical">
          <Form.Item name="flagUnitId" label={t('scoring.flag')}>
            <Select allowClear options={memberOptions} aria-label={t('scoring.flag')} />
          </Form.Item>
          <Form.Item name="bkUnitIds" label={t('scoring.bk')}>
            <Select mode="multiple" allowClear options={memberOptions} aria-label={t('scoring.bk')} />
          </Form.Item>
          <Form.Item name="note" label={t('scoring.proposalNote')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={dialog === 'rotate'}
        title={t('scoring.rotate', { year: board.block.year + 1 })}
        okText={t('common.save')}
        confirmLoading={busy}
        onCancel={() => setDialog(null)}
        onOk={() =>
          rotateForm.validateFields().then((v) =>
            run(
              () =>
                rotate(board.block.id, {
                  ...(v.leadUnitId ? { leadUnitId: v.leadUnitId } : {}),
                  ...(v.deputyUnitId ? { deputyUnitId: v.deputyUnitId } : {}),
                }),
              t('scoring.rotated', { year: board.block.year + 1 }),
            ),
          )
        }
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('scoring.rotateHint')}</Typography.Paragraph>
        <Form form={rotateForm} layout="vertical">
          <Form.Item name="leadUnitId" label={t('scoring.nextLead')}>
            <Select allowClear placeholder={t('scoring.byRotation')} options={memberOptions} />
          </Form.Item>
          <Form.Item name="deputyUnitId" label={t('scoring.nextDeputy')}>
            <Select allowClear placeholder={t('scoring.byRotation')} options={memberOptions} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
