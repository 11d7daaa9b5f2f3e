import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Modal,
  Popconfirm,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import {
  COUNCIL_ROLE_LABELS,
  PRESENCE_LABELS,
  PRESENCES,
  type SessionItem,
  type SessionView,
} from '../../../../shared/council/council.schema';
import { useI18n } from '../../../lib/i18n';
import { useCan } from '../../../lib/session';
import { useResource } from '../../../lib/use-resource';
import { errorMessage } from '../../../lib/api';
import { formatIsoDate } from '../../../lib/dates';
import { Link } from '../../../lib/router';
import { ErrorState, LoadingState, PageHeader } from '../../../lib/ui/states';
import {
  addToAgenda,
  closeSession,
  getSession,
  minutesUrl,
  openSession,
  paperBallot,
  saveAttendance,
  vote,
  type Choice,
  type Presence,
} from '../api/council';

const STATUS_COLOR = { planned: 'default', open: 'processing', closed: 'success' } as const;
const pct = (x: number) => `${(Math.round(x * 10000) / 100).toString().replace('.', ',')}%`;

/**
 * One council session: attendance and quorum, the agenda, ballots (members vote from here; the secretary
 * enters paper ballots), and after the close the tally against each threshold. Choices are never shown:
 * the server does not return them.
 */
export function SessionPage({ sessionId }: { sessionId: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const manages = useCan('manage:council:any');
  const session = useResource(() => getSession(sessionId), [sessionId]);
  const [presence, setPresence] = useState<Record<string, Presence>>({});
  const [paperFor, setPaperFor] = useState<SessionItem>();
  const [busy, setBusy] = useState<string>();

  if (session.error && !session.data) return <ErrorState error={session.error} onRetry={session.reload} />;
  const v = session.data;
  if (!v) return <LoadingState />;
  const s = v.session;
  const total = s.membersTotal ?? v.members.length;

  const act = async (key: string, work: () => Promise<unknown>, done = t('council.saved')) => {
    setBusy(key);
    try {
      await work();
      message.success(done);
      session.reload();
    } catch (e) {
      message.error(errorMessage(e));
      session.reload();
    } finally {
      setBusy(undefined);
    }
  };

  const voteButtons = (item: SessionItem, n: number) => {
    if (item.iVoted)
      return (
        <Tag color="green" data-testid={`voted-${n}`}>
          {t('council.voted')}
        </Tag>
      );
    if (!v.me.canVote) return null;
    return (
      <Space size={4}>
        {(['yes', 'no', 'abstain'] as Choice[]).map((c) => (
          <Button
            key={c}
            size="small"
            type={c === 'yes' ? 'primary' : 'default'}
            danger={c === 'no'}
            loading={busy === `${item.id}:${c}`}
            disabled={busy !== undefined}
            data-testid={`vote-${c}-${n}`}
            onClick={() => void act(`${item.id}:${c}`, () => vote(item.id, c), t('council.voteRecorded'))}
          >
            {t(`council.${c}`)}
          </Button>
        ))}
      </Space>
    );
  };

  const closed = s.status === 'closed';
  return (
    <>
      <PageHeader
        title={s.title}
        subtitle={`${s.councilName} · ${formatIsoDate(s.heldOn)}${s.place ? ` · ${s.place}` : ''}`}
        extra={
          <>
            <Link href="/council">{t('council.back')}</Link>
            <Tag color={STATUS_COLOR[s.status]} data-testid="session-status">
              {t(`council.status.${s.status}`)}
            </Tag>
            {manages && s.status === 'planned' ? (
              <Button
                type="primary"
                data-testid="open-session"
                loading={busy === 'open'}
                onClick={() => void act('open', () => openSession(s.id, s.version))}
              >
                {t('council.openSession')}
              </Button>
            ) : null}
            {manages && s.status === 'open' ? (
              <Popconfirm
                title={t('council.confirmClose')}
                onConfirm={() => act('close', () => closeSession(s.id, s.version))}
              >
                <Button type="primary" data-testid="close-session" loading={busy === 'close'}>
                  {t('council.closeSession')}
                </Button>
              </Popconfirm>
            ) : null}
            <Button href={minutesUrl(s.id)} data-testid="minutes-download">
              {t('council.minutes')}
            </Button>
          </>
        }
      />
      {s.ballotMode === 'secret' ? (
        <Alert type="info" showIcon message={t('council.secretNote')} style={{ marginBottom: 12 }} />
      ) : null}
      {s.status === 'open' && v.me.memberId && !v.me.canVote ? (
        <Alert type="warning" showIcon message={t('council.cannotVote')} style={{ marginBottom: 12 }} />
      ) : null}

      <Card size="small" title={t('council.agenda')} style={{ marginBottom: 16 }}>
        <Table<SessionItem>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={v.items}
          columns={[
            { title: '#', key: 'no', width: 40, render: (_, __, i) => i + 1 },
            {
              title: t('council.nominee'),
              key: 'name',
              render: (_, i) => (
                <>
                  <Typography.Text strong>{i.name}</Typography.Text>
                  {i.detail ? <div style={{ fontSize: 12, color: '#595959' }}>{i.detail}</div> : null}
                  <div style={{ fontSize: 12, color: '#8c8c8c' }}>{i.dossierCode}</div>
                </>
              ),
            },
            { title: t('council.award'), dataIndex: 'awardLabel' },
            {
              title: t('council.threshold'),
              key: 'threshold',
              render: (_, i) =>
                i.thresholdLabel ? (
                  <span title={i.thresholdCitation ?? ''}>
                    {i.thresholdLabel}
                    <div style={{ fontSize: 12, color: '#595959' }}>
                      {t('council.needed', { n: i.required ?? 0, total })}
                    </div>
                  </span>
                ) : (
                  '—'
                ),
            },
            {
              title: t('council.ballots'),
              key: 'ballots',
              width: 90,
              align: 'right',
              render: (_, i) => `${i.ballots}/${total}`,
            },
            ...(closed
              ? [
                  { title: t('council.yes'), dataIndex: 'yes', width: 80, align: 'right' as const },
                  { title: t('council.no'), dataIndex: 'no', width: 100, align: 'right' as const },
                  { title: t('council.abstain'), dataIndex: 'abstain', width: 110, align: 'right' as const },
                  {
                    title: t('council.share'),
                    key: 'share',
                    width: 120,
                    align: 'right' as const,
                    render: (_: unknown, i: SessionItem) =>
                      i.shareOfMembers === null ? '' : pct(i.shareOfMembers),
                  },
                  {
                    title: t('council.result'),
                    key: 'result',
                    width: 110,
                    render: (_: unknown, i: SessionItem, n: number) => (
                      <Tag color={i.result === 'passed' ? 'green' : 'red'} data-testid={`result-${n + 1}`}>
                        {i.result === 'passed' ? t('council.passed') : t('council.failed')}
                      </Tag>
                    ),
                  },
                ]
              : [
                  {
                    title: t('council.yourVote'),
                    key: 'vote',
                    width: 320,
                    render: (_: unknown, i: SessionItem, n: number) => (
                      <Space>
                        {voteButtons(i, n + 1)}
                        {manages && s.status === 'open' ? (
                          <Button size="small" data-testid={`paper-${n + 1}`} onClick={() => setPaperFor(i)}>
                            {t('council.paper')}
                          </Button>
                        ) : null}
                      </Space>
                    ),
                  },
                ]),
          ]}
        />
        {manages && s.status === 'planned' && v.candidates.length ? (
          <Card size="small" type="inner" title={t('council.candidates')} style={{ marginTop: 12 }}>
            {v.candidates.map((c) => (
              <Space key={c.dossierId} style={{ display: 'flex', marginBottom: 6 }} wrap>
                <Typography.Text strong>{c.code}</Typography.Text>
                <span>{c.title}</span>
                <Tag>{c.nominees}</Tag>
                {c.disclosureClosesOn ? (
                  <Typography.Text type="secondary">
                    {t('council.disclosureUntil', { date: formatIsoDate(c.disclosureClosesOn) })}
                  </Typography.Text>
                ) : null}
                {c.unhandledComments ? (
                  <Tag color="orange">{t('council.unhandledComments', { n: c.unhandledComments })}</Tag>
                ) : null}
                <Button
                  size="small"
                  data-testid={`agenda-add-${c.code}`}
                  loading={busy === c.dossierId}
                  onClick={() => void act(c.dossierId, () => addToAgenda(s.id, c.dossierId))}
                >
                  {t('council.addToAgenda')}
                </Button>
              </Space>
            ))}
          </Card>
        ) : null}
      </Card>

      <Card
        size="small"
        title={
          <Space>
            {t('council.attendance')}
            <Tag color={v.quorum.ok ? 'green' : 'orange'} title={v.quorum.citation} data-testid="quorum">
              {t('council.quorum', { counted: v.quorum.counted, total, required: v.quorum.required })}
            </Tag>
          </Space>
        }
        extra={
          manages && s.status === 'planned' ? (
            <Button
              data-testid="save-attendance"
              loading={busy === 'attendance'}
              onClick={() =>
                void act('attendance', () =>
                  saveAttendance(
                    s.id,
                    v.members.map((m) => ({
                      memberId: m.id,
                      presence: presence[m.id] ?? m.presence ?? 'present',
                    })),
                  ),
                )
              }
            >
              {t('council.saveAttendance')}
            </Button>
          ) : null
        }
      >
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={v.members}
          columns={[
            { title: t('council.fullName'), dataIndex: 'fullName' },
            { title: t('council.position'), dataIndex: 'position' },
            {
              title: t('council.role'),
              dataIndex: 'councilRole',
              render: (r: keyof typeof COUNCIL_ROLE_LABELS) => COUNCIL_ROLE_LABELS[r],
            },
            {
              title: t('council.presence'),
              key: 'presence',
              width: 280,
              render: (_, m) =>
                manages && s.status === 'planned' ? (
                  <Select<Presence>
                    size="small"
                    style={{ width: 250 }}
                    aria-label={`${t('council.presence')} ${m.fullName}`}
                    value={presence[m.id] ?? m.presence ?? 'present'}
                    onChange={(p) => setPresence((x) => ({ ...x, [m.id]: p }))}
                    options={PRESENCES.map((p) => ({ value: p, label: PRESENCE_LABELS[p] }))}
                  />
                ) : m.presence ? (
                  PRESENCE_LABELS[m.presence]
                ) : (
                  '—'
                ),
            },
            {
              title: t('council.ballots'),
              key: 'ballots',
              width: 150,
              render: (_, m) =>
                s.status === 'planned'
                  ? ''
                  : t('council.memberBallots', { n: m.ballots, total: v.items.length }),
            },
          ]}
        />
      </Card>

      {paperFor ? (
        <PaperBallotModal
          view={v}
          item={paperFor}
          onClose={() => setPaperFor(undefined)}
          onSaved={() => {
            setPaperFor(undefined);
            session.reload();
          }}
        />
      ) : null}
      {closed ? (
        <Descriptions size="small" style={{ marginTop: 12 }} column={1}>
          <Descriptions.Item label={t('council.threshold')}>
            {[...new Set(v.items.map((i) => i.thresholdCitation).filter(Boolean))].join('; ')}
          </Descriptions.Item>
        </Descriptions>
      ) : null}
    </>
  );
}

function PaperBallotModal({
  view,
  item,
  onClose,
  onSaved,
}: {
  view: SessionView;
  item: SessionItem;
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [memberId, setMemberId] = useState<string>();
  const [choice, setChoice] = useState<Choice>();
  const [saving, setSaving] = useState(false);
  const eligible = view.members.filter((m) => m.presence === 'present' || m.presence === 'absent_written');
  return (
    <Modal
      open
      title={`${t('council.paper')}: ${item.name}`}
      okText={t('council.paper')}
      okButtonProps={{
        disabled: !memberId || !choice,
        loading: saving,
        ...({ 'data-testid': 'paper-save' } as Record<string, string>),
      }}
      onCancel={onClose}
      onOk={async () => {
        setSaving(true);
        try {
          await paperBallot(item.id, memberId!, choice!);
          message.success(
            t('council.paperSaved', { name: view.members.find((m) => m.id === memberId)?.fullName ?? '' }),
          );
          onSaved();
        } catch (e) {
          message.error(errorMessage(e));
        } finally {
          setSaving(false);
        }
      }}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Select<string>
          style={{ width: '100%' }}
          placeholder={t('council.paperMember')}
          aria-label={t('council.paperMember')}
          value={memberId}
          onChange={setMemberId}
          options={eligible.map((m) => ({
            value: m.id,
            label: `${m.fullName} — ${PRESENCE_LABELS[m.presence!]}`,
          }))}
        />
        <Radio.Group value={choice} onChange={(e) => setChoice(e.target.value as Choice)}>
          <Radio value="yes">{t('council.yes')}</Radio>
          <Radio value="no">{t('council.no')}</Radio>
          <Radio value="abstain">{t('council.abstain')}</Radio>
        </Radio.Group>
      </Space>
    </Modal>
  );
}
