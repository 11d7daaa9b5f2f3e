import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  Flex,
  Input,
  Progress,
  Row,
  Segmented,
  Select,
  Table,
  Tooltip,
  TreeSelect,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { FileExcelOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  SUGGESTION_FILTERS,
  type QuotaResponse,
  type SuggestionRow,
} from '../../../../shared/eligibility/eligibility.schema';
import {
  AWARD_CODE_LIST,
  RECIPIENT_KIND_LABELS,
  RECIPIENT_KINDS,
  type AwardCode,
  type RecipientKind,
} from '../../../../shared/registry/catalog';
import { useI18n, type MessageKey } from '../../../lib/i18n';
import { useCan } from '../../../lib/session';
import { titleMatches } from '../../../lib/text';
import { useResource } from '../../../lib/use-resource';
import { useDebounced } from '../../../lib/use-debounced';
import { unitOptions } from '../../../lib/unit-options';
import { Link } from '../../../lib/router';
import { EmptyState, ErrorState, PageHeader } from '../../../lib/ui/states';
import {
  blockingChecks,
  CheckList,
  CheckStatusIcon,
  CitationView,
  VerdictStatusTag,
} from '../../../lib/ui/VerdictList';
import {
  getQuotas,
  listBlocks,
  listSuggestions,
  listUnitsForPicker,
  suggestionsExportUrl,
  type SuggestionFilter,
} from '../api/eligibility';
import { awardLabel, awardShort } from './award-labels';

const PAGE_SIZE = 20;
const FIRST_YEAR = 2000;
type StatusFilter = (typeof SUGGESTION_FILTERS)[number];
const STATUS_KEYS: Record<StatusFilter, MessageKey> = {
  eligible: 'verdict.status.eligible',
  needs_review: 'verdict.status.needs_review',
  near_miss: 'verdict.status.near_miss',
  ineligible: 'verdict.status.ineligible',
};
const rowKey = (r: SuggestionRow) => `${r.subjectKind}:${r.subjectId}:${r.awardCode}`;

/**
 * `/eligibility`: who qualifies for which title or form in a year, who needs a council's judgement and who
 * is one criterion short, with every reason cited; the quotas used against allowed; exported as filtered.
 */
export function EligibilityPage() {
  const { t } = useI18n();
  const canReadBlocks = useCan('read:block:any');
  const thisYear = new Date().getFullYear();
  // Titles are considered after the year ends: last year is the one being judged.
  const [filter, setFilter] = useState<Omit<SuggestionFilter, 'q'>>({ year: thisYear - 1 });
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 350);
  const [page, setPage] = useState(1);
  const [lastQ, setLastQ] = useState(q);
  if (q !== lastQ) {
    setLastQ(q);
    setPage(1);
  }
  const current: SuggestionFilter = { ...filter, q: q || undefined };
  const key = JSON.stringify(current);
  const rows = useResource(
    () => listSuggestions({ ...current, page, pageSize: PAGE_SIZE }),
    // `key` is `current`, serialised: a new request only when a filter really changed.
    [key, page],
  );
  const quotas = useResource(() => getQuotas(filter.year, filter.unitId), [filter.year, filter.unitId]);
  const units = useResource(listUnitsForPicker, []);
  const blocks = useResource(
    () => (canReadBlocks ? listBlocks(filter.year) : Promise.resolve([])),
    [canReadBlocks, filter.year],
  );
  const set = (patch: Partial<SuggestionFilter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setPage(1);
  };
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_v, i) => thisYear - i);
  const data = rows.data;

  const columns: ColumnsType<SuggestionRow> = [
    {
      title: t('elig.name'),
      dataIndex: 'name',
      width: 220,
      render: (v: string, r) => (
        <>
          {r.subjectKind === 'individual' ? (
            <Link href={`/people/${r.subjectId}?year=${filter.year}`}>{v}</Link>
          ) : (
            v
          )}
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              <code>{r.code}</code> · {RECIPIENT_KIND_LABELS[r.subjectKind]}
            </Typography.Text>
          </div>
        </>
      ),
    },
    { title: t('elig.unit'), dataIndex: 'unitName', width: 220, ellipsis: { showTitle: true } },
    { title: t('elig.award'), dataIndex: 'awardCode', width: 190, render: (v: string) => awardLabel(v) },
    {
      title: t('elig.status'),
      dataIndex: 'status',
      width: 150,
      render: (_v, r) => <VerdictStatusTag status={r.status} nearMiss={r.nearMiss} />,
    },
    {
      title: t('elig.reasons'),
      key: 'reasons',
      render: (_v, r) => {
        const blocking = blockingChecks(r.checks);
        if (!blocking.length) return <Typography.Text type="secondary">{t('elig.allMet')}</Typography.Text>;
        return (
          <ul style={{ margin: 0, paddingInlineStart: 0, listStyle: 'none' }}>
            {blocking.map((c) => (
              <li key={c.id}>
                <CheckStatusIcon status={c.status} /> {c.criterion}
                {c.detail ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {' '}
                    — {c.detail}
                  </Typography.Text>
                ) : null}
              </li>
            ))}
          </ul>
        );
      },
    },
  ];

  return (
    <>
      <PageHeader
        title={t('elig.title')}
        subtitle={t('elig.subtitle')}
        extra={
          <Button icon={<FileExcelOutlined />} href={suggestionsExportUrl(current)} download>
            {t('elig.export')}
          </Button>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={8} align="center" wrap>
          <Select<number>
            aria-label={t('elig.year')}
            style={{ width: 110 }}
            value={filter.year}
            onChange={(year) => set({ year, blockId: undefined })}
            options={years.map((y) => ({ value: y, label: `${t('elig.year')} ${y}` }))}
          />
          <TreeSelect
            allowClear
            showSearch
            filterTreeNode={titleMatches}
            treeDefaultExpandAll
            placeholder={t('elig.allUnits')}
            aria-label={t('elig.unit')}
            style={{ width: 250 }}
            value={filter.unitId}
            onChange={(unitId: string | undefined) => set({ unitId })}
            treeData={unitOptions(units.data ?? [])}
            loading={units.loading}
            styles={{ popup: { root: { maxHeight: 400, overflow: 'auto', minWidth: 360 } } }}
          />
          {canReadBlocks ? (
            <Select<string>
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('elig.allBlocks')}
              aria-label={t('elig.block')}
              style={{ width: 200 }}
              value={filter.blockId}
              onChange={(blockId) => set({ blockId })}
              options={(blocks.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
              loading={blocks.loading}
              popupMatchSelectWidth={false}
            />
          ) : null}
          <Select<AwardCode>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('elig.allAwards')}
            aria-label={t('elig.award')}
            style={{ width: 240 }}
            value={filter.awardCode}
            onChange={(awardCode) => set({ awardCode })}
            options={AWARD_CODE_LIST.map((c) => ({ value: c, label: awardLabel(c) }))}
            popupMatchSelectWidth={false}
          />
          <Select<RecipientKind>
            allowClear
            placeholder={t('elig.allKinds')}
            aria-label={t('elig.recipientKind')}
            style={{ width: 150 }}
            value={filter.recipientKind}
            onChange={(recipientKind) => set({ recipientKind })}
            options={RECIPIENT_KINDS.map((k) => ({ value: k, label: RECIPIENT_KIND_LABELS[k] }))}
          />
          <Input.Search
            allowClear
            placeholder={t('elig.searchPlaceholder')}
            aria-label={t('elig.searchPlaceholder')}
            style={{ width: 240 }}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={setText}
          />
        </Flex>
        <Flex gap={8} align="center" wrap style={{ marginTop: 8 }}>
          <Segmented<StatusFilter | 'all'>
            aria-label={t('elig.status')}
            value={filter.status ?? 'all'}
            onChange={(v) => set({ status: v === 'all' ? undefined : v })}
            options={[
              ...SUGGESTION_FILTERS.map((s) => ({ value: s, label: t(STATUS_KEYS[s]) })),
              { value: 'all' as const, label: t('common.all') },
            ]}
          />
          {data ? (
            <Typography.Text type="secondary" style={{ marginLeft: 'auto' }} data-testid="elig-pack">
              {t('elig.basis', { name: data.pack.name })} · {t('elig.scope', { scope: data.scope })}
            </Typography.Text>
          ) : null}
        </Flex>
      </Card>

      <QuotaBars quotas={quotas.data?.items ?? []} />

      {data?.counts.length ? (
        <Row gutter={[8, 8]} style={{ marginBottom: 12 }} data-testid="elig-counts">
          {data.counts.map((c) => {
            const selected = filter.awardCode === c.awardCode;
            return (
              <Col key={c.awardCode} xs={12} md={8} lg={6} xl={4}>
                <Card
                  size="small"
                  hoverable
                  onClick={() => set({ awardCode: selected ? undefined : c.awardCode })}
                  style={{ height: '100%', borderColor: selected ? '#1677ff' : undefined }}
                  aria-pressed={selected}
                  role="button"
                >
                  <Typography.Text strong ellipsis={{ tooltip: awardLabel(c.awardCode) }}>
                    {awardShort(c.awardCode)}
                  </Typography.Text>
                  <Flex gap={10} style={{ fontSize: 12, marginTop: 4 }} wrap>
                    <Tooltip title={t('verdict.status.eligible')}>
                      <span style={{ color: '#389e0d' }}>✓ {c.eligible}</span>
                    </Tooltip>
                    <Tooltip title={t('verdict.status.needs_review')}>
                      <span style={{ color: '#d48806' }}>? {c.needsReview}</span>
                    </Tooltip>
                    <Tooltip title={t('verdict.status.near_miss')}>
                      <span style={{ color: '#d46b08' }}>−1 {c.nearMiss}</span>
                    </Tooltip>
                  </Flex>
                </Card>
              </Col>
            );
          })}
        </Row>
      ) : null}

      <Card size="small">
        <Flex justify="flex-end" align="center" gap={8} style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary">{t('common.total', { count: data?.total ?? 0 })}</Typography.Text>
          <Tooltip title={t('common.reload')}>
            <Button
              size="small"
              icon={<ReloadOutlined />}
              onClick={rows.reload}
              aria-label={t('common.reload')}
            />
          </Tooltip>
        </Flex>
        {rows.error ? (
          <ErrorState error={rows.error} onRetry={rows.reload} />
        ) : (
          <Table<SuggestionRow>
            className="vd-elig-table"
            size="small"
            rowKey={rowKey}
            columns={columns}
            dataSource={data?.items ?? []}
            loading={rows.loading}
            expandable={{ expandedRowRender: (r) => <CheckList checks={r.checks} /> }}
            locale={{ emptyText: <EmptyState text={t('elig.empty')} /> }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (total) => t('common.total', { count: total }),
              onChange: setPage,
            }}
          />
        )}
      </Card>
    </>
  );
}

/** Used against allowed per quota (CSTĐCS ≤ 15% of LĐTT, …); red when over. */
function QuotaBars({ quotas }: { quotas: QuotaResponse['items'] }) {
  const { t } = useI18n();
  if (!quotas.length) return null;
  return (
    <Card size="small" title={t('elig.quotas')} style={{ marginBottom: 12 }} data-testid="elig-quotas">
      <Flex vertical gap={6}>
        {quotas.map((q) => (
          <div key={q.quotaId} data-testid={`quota-${q.awardCode}`}>
            <Flex gap={12} align="center" wrap>
              <Typography.Text strong style={{ color: q.exceeded ? '#cf1322' : undefined, minWidth: 300 }}>
                {t('elig.quotaLine', { award: awardShort(q.awardCode), used: q.used, allowed: q.allowed })}
              </Typography.Text>
              <Tooltip title={q.detail}>
                <Progress
                  style={{ width: 260, margin: 0 }}
                  percent={
                    q.allowed ? Math.min(100, Math.round((q.used / q.allowed) * 100)) : q.used ? 100 : 0
                  }
                  status={q.exceeded ? 'exception' : 'normal'}
                  strokeColor={q.exceeded ? '#cf1322' : undefined}
                  format={() => `${q.used} / ${q.allowed}`}
                />
              </Tooltip>
              {q.exceeded ? (
                <Alert type="error" showIcon title={t('elig.quotaExceeded')} style={{ padding: '0 8px' }} />
              ) : null}
              <CitationView citation={q.citation} />
            </Flex>
          </div>
        ))}
      </Flex>
    </Card>
  );
}
