import { useMemo, useState } from 'react';
import { Card, Flex, Select, Tabs, Tag, Typography } from 'antd';
import type { BlockSummary } from '../../../../shared/scoring/scoring.schema';
import { useI18n } from '../../../lib/i18n';
import { useResource } from '../../../lib/use-resource';
import { EmptyState, ErrorState, LoadingState, PageHeader } from '../../../lib/ui/states';
import { getBoard, listScoringBlocks } from '../api/scoring';
import { SheetTab } from './SheetTab';
import { MatrixTab } from './MatrixTab';
import { RankingTab } from './RankingTab';
import { CriteriaTab } from './CriteriaTab';

const STATUS_COLOR = { draft: 'default', open: 'processing', locked: 'success' } as const;

/** The block's default for this user: one it leads, else one it belongs to, else the first. */
const preferred = (blocks: BlockSummary[]) =>
  blocks.find((b) => b.canLead) ?? blocks.find((b) => b.member) ?? blocks[0];

/** "Chấm điểm khối thi đua": criteria, score sheets, summary table, ranking and the lead's proposal. */
export function ScoringPage() {
  const { t } = useI18n();
  const blocks = useResource(() => listScoringBlocks(), []);
  const [chosenYear, setYear] = useState<number>();
  const [chosenBlock, setBlock] = useState<string>();
  const all = useMemo(() => blocks.data ?? [], [blocks.data]);
  const years = useMemo(() => [...new Set(all.map((b) => b.year))].sort((a, b) => b - a), [all]);
  // The latest year whose scoring has begun, else the latest year.
  const year = chosenYear ?? all.find((b) => b.status !== null)?.year ?? years[0] ?? new Date().getFullYear();
  const ofYear = all.filter((b) => b.year === year);
  const blockId = ofYear.some((b) => b.blockId === chosenBlock) ? chosenBlock : preferred(ofYear)?.blockId;
  const board = useResource(() => (blockId ? getBoard(blockId) : Promise.resolve(undefined)), [blockId]);

  if (blocks.error && !blocks.data) return <ErrorState error={blocks.error} onRetry={blocks.reload} />;
  const b = board.data?.block.id === blockId ? board.data : undefined;
  const nameOf = (id: string | null) => b?.block.members.find((m) => m.unitId === id)?.name ?? '—';
  const reload = () => {
    board.reload();
    blocks.reload();
  };

  return (
    <>
      <PageHeader
        title={t('scoring.title')}
        subtitle={t('scoring.subtitle')}
        extra={
          <>
            <Select<number>
              aria-label={t('scoring.year')}
              style={{ width: 100 }}
              value={year}
              onChange={(y) => {
                setYear(y);
                setBlock(undefined);
              }}
              options={years.map((y) => ({ value: y, label: String(y) }))}
            />
            <Select<string>
              aria-label={t('scoring.block')}
              style={{ width: 420 }}
              value={blockId}
              onChange={setBlock}
              options={ofYear.map((x) => ({ value: x.blockId, label: x.name }))}
            />
          </>
        }
      />
      {blocks.loading && !blocks.data ? (
        <LoadingState />
      ) : !blockId ? (
        <Card size="small">
          <EmptyState text={t('scoring.noBlocks', { year })} />
        </Card>
      ) : board.error && !b ? (
        <ErrorState error={board.error} onRetry={board.reload} />
      ) : !b ? (
        <LoadingState />
      ) : (
        <Card size="small">
          <Flex gap={16} wrap style={{ marginBottom: 8 }} align="center">
            <Typography.Text strong>
              {b.block.name} — {b.block.year}
            </Typography.Text>
            <Tag color={b.set ? STATUS_COLOR[b.set.status] : 'default'} data-testid="scoring-status">
              {t(b.set ? `scoring.status.${b.set.status}` : 'scoring.status.none')}
            </Tag>
            <span>
              <Typography.Text type="secondary">{t('scoring.lead')}: </Typography.Text>
              {nameOf(b.block.leadUnitId)}
            </span>
            <span>
              <Typography.Text type="secondary">{t('scoring.deputy')}: </Typography.Text>
              {nameOf(b.block.deputyUnitId)}
            </span>
          </Flex>
          <Tabs
            defaultActiveKey={b.set?.status === 'open' || b.set?.status === 'locked' ? 'sheet' : 'criteria'}
            items={[
              {
                key: 'sheet',
                label: t('scoring.tab.sheet'),
                children: <SheetTab board={b} onChanged={reload} />,
              },
              ...(b.sheets.length > 1
                ? [{ key: 'matrix', label: t('scoring.tab.matrix'), children: <MatrixTab board={b} /> }]
                : []),
              {
                key: 'ranking',
                label: t('scoring.tab.ranking'),
                children: <RankingTab board={b} onChanged={reload} />,
              },
              {
                key: 'criteria',
                label: t('scoring.tab.criteria'),
                children: <CriteriaTab board={b} onChanged={reload} />,
              },
            ]}
          />
        </Card>
      )}
    </>
  );
}
