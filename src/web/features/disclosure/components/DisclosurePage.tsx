import { useState } from 'react';
import { App, Button, Card, Flex, Input, InputNumber, Space, Table, Tabs, Tag, Typography } from 'antd';
import type {
  Disclosure,
  DisclosureCandidate,
  DisclosureComment,
} from '../../../../shared/disclosure/disclosure.schema';
import { useI18n } from '../../../lib/i18n';
import { useCan } from '../../../lib/session';
import { useResource } from '../../../lib/use-resource';
import { errorMessage } from '../../../lib/api';
import { formatInstant, formatIsoDate } from '../../../lib/dates';
import { EmptyState, ErrorState, PageHeader } from '../../../lib/ui/states';
import {
  handleComment,
  listCandidates,
  listComments,
  listDisclosures,
  publicPageUrl,
  publishDisclosure,
} from '../api/disclosure';

/** "Công khai lấy ý kiến": publish lists of dossiers under review, follow the comments, mark them handled. */
export function DisclosurePage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const mayReview = useCan('review:dossier:any');
  const candidates = useResource(() => (mayReview ? listCandidates() : Promise.resolve([])), [mayReview]);
  const disclosures = useResource(() => listDisclosures('all'), []);
  const [days, setDays] = useState<Record<string, number>>({});
  const [busy, setBusy] = useState<string>();
  const [selected, setSelected] = useState<Disclosure>();

  if (disclosures.error && !disclosures.data)
    return <ErrorState error={disclosures.error} onRetry={disclosures.reload} />;

  const publish = async (c: DisclosureCandidate) => {
    setBusy(c.dossierId);
    try {
      const d = await publishDisclosure(c.dossierId, days[c.dossierId] ?? c.minWorkingDays);
      message.success(t('disclosure.published', { code: d.dossierCode, date: formatIsoDate(d.closesOn) }));
      candidates.reload();
      disclosures.reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(undefined);
    }
  };

  const all = disclosures.data ?? [];
  const table = (rows: Disclosure[]) => (
    <Table<Disclosure>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={rows}
      locale={{ emptyText: t('disclosure.none') }}
      columns={[
        {
          title: t('disclosure.dossier'),
          key: 'dossier',
          render: (_, d) => (
            <>
              <Typography.Text strong>{d.dossierCode}</Typography.Text> — {d.dossierTitle}
              <div>
                <Typography.Text type="secondary">{d.proposingUnitName}</Typography.Text>
              </div>
            </>
          ),
        },
        { title: t('disclosure.nominees'), dataIndex: 'nominees', width: 110, align: 'right' },
        {
          title: t('disclosure.period'),
          key: 'period',
          width: 200,
          render: (_, d) => `${formatIsoDate(d.opensOn)} – ${formatIsoDate(d.closesOn)}`,
        },
        {
          title: t('disclosure.comments'),
          key: 'comments',
          width: 170,
          render: (_, d) => (
            <Space>
              <span>{d.comments}</span>
              {d.unhandled > 0 ? (
                <Tag color="orange">{t('disclosure.unhandled', { n: d.unhandled })}</Tag>
              ) : d.comments > 0 ? (
                <Tag color="green">{t('disclosure.allHandled')}</Tag>
              ) : null}
            </Space>
          ),
        },
        {
          key: 'actions',
          width: 230,
          render: (_, d) => (
            <Space>
              <a href={publicPageUrl(d.id)} target="_blank" rel="noreferrer">
                {t('disclosure.publicPage')}
              </a>
              <Button size="small" data-testid={`comments-${d.dossierCode}`} onClick={() => setSelected(d)}>
                {t('disclosure.viewComments')}
              </Button>
            </Space>
          ),
        },
      ]}
    />
  );

  return (
    <>
      <PageHeader title={t('disclosure.title')} subtitle={t('disclosure.subtitle')} />
      {mayReview ? (
        <Card size="small" title={t('disclosure.candidates')} style={{ marginBottom: 16 }}>
          <Table<DisclosureCandidate>
            rowKey="dossierId"
            size="small"
            pagination={false}
            loading={candidates.loading}
            dataSource={candidates.data ?? []}
            locale={{ emptyText: t('disclosure.noCandidates') }}
            columns={[
              { title: t('disclosure.code'), dataIndex: 'code', width: 150 },
              { title: t('disclosure.dossier'), dataIndex: 'title' },
              { title: t('disclosure.unit'), dataIndex: 'proposingUnitName' },
              { title: t('disclosure.nominees'), dataIndex: 'nominees', width: 110, align: 'right' },
              {
                title: t('disclosure.workingDays'),
                key: 'days',
                width: 260,
                render: (_, c) => (
                  <Space>
                    <InputNumber
                      aria-label={t('disclosure.workingDays')}
                      min={c.minWorkingDays}
                      max={60}
                      value={days[c.dossierId] ?? c.minWorkingDays}
                      onChange={(v) => setDays((s) => ({ ...s, [c.dossierId]: v ?? c.minWorkingDays }))}
                      style={{ width: 70 }}
                    />
                    <Typography.Text type="secondary" title={c.citation} style={{ fontSize: 12 }}>
                      {t('disclosure.minDays', { n: c.minWorkingDays })}
                    </Typography.Text>
                  </Space>
                ),
              },
              {
                key: 'publish',
                width: 120,
                render: (_, c) => (
                  <Button
                    type="primary"
                    size="small"
                    loading={busy === c.dossierId}
                    data-testid={`disclose-${c.code}`}
                    onClick={() => void publish(c)}
                  >
                    {t('disclosure.publish')}
                  </Button>
                ),
              },
            ]}
          />
        </Card>
      ) : null}
      <Card size="small">
        <Tabs
          items={[
            { key: 'open', label: t('disclosure.open'), children: table(all.filter((d) => d.open)) },
            { key: 'closed', label: t('disclosure.closed'), children: table(all.filter((d) => !d.open)) },
          ]}
        />
      </Card>
      {selected ? (
        <CommentsCard disclosure={selected} mayHandle={mayReview} onChanged={() => disclosures.reload()} />
      ) : null}
    </>
  );
}

function CommentsCard({
  disclosure,
  mayHandle,
  onChanged,
}: {
  disclosure: Disclosure;
  mayHandle: boolean;
  onChanged(): void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const comments = useResource(() => listComments(disclosure.dossierId), [disclosure.dossierId]);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string>();

  const mark = async (c: DisclosureComment) => {
    setBusy(c.id);
    try {
      await handleComment(c.id, notes[c.id] ?? '');
      message.success(t('disclosure.handled'));
      comments.reload();
      onChanged();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      title={t('disclosure.commentsOf', { code: disclosure.dossierCode })}
      data-testid="comments-card"
    >
      {comments.error ? <ErrorState error={comments.error} onRetry={comments.reload} /> : null}
      {comments.data && comments.data.length === 0 ? <EmptyState text={t('disclosure.noComments')} /> : null}
      <Flex vertical gap={12}>
        {(comments.data ?? []).map((c) => (
          <Card key={c.id} size="small" type="inner" data-testid="comment">
            <Typography.Text strong>{c.authorName}</Typography.Text>{' '}
            <Typography.Text type="secondary">
              ({c.contact}) · {t('disclosure.sentAt')} {formatInstant(c.createdAt)} · {t('disclosure.about')}:{' '}
              {c.nomineeName ?? t('disclosure.wholeList')}
            </Typography.Text>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '8px 0' }}>
              {c.body}
            </Typography.Paragraph>
            {c.handledAt ? (
              <Tag color="green" style={{ whiteSpace: 'normal' }}>
                {t('disclosure.handledBy', {
                  name: c.handledByName ?? '',
                  at: formatInstant(c.handledAt),
                  note: c.handlingNote ?? '',
                })}
              </Tag>
            ) : mayHandle ? (
              <Space.Compact style={{ width: '100%', maxWidth: 720 }}>
                <Input
                  aria-label={t('disclosure.handlingNote')}
                  placeholder={t('disclosure.handlingNote')}
                  value={notes[c.id] ?? ''}
                  onChange={(e) => setNotes((s) => ({ ...s, [c.id]: e.target.value }))}
                  maxLength={2000}
                />
                <Button
                  type="primary"
                  loading={busy === c.id}
                  disabled={!(notes[c.id] ?? '').trim()}
                  data-testid="handle-comment"
                  onClick={() => void mark(c)}
                >
                  {t('disclosure.markHandled')}
                </Button>
              </Space.Compact>
            ) : (
              <Tag color="orange">{t('disclosure.unhandled', { n: 1 })}</Tag>
            )}
          </Card>
        ))}
      </Flex>
    </Card>
  );
}
