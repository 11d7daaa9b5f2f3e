import { Card, Collapse, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import type { CriterionNode, PrizeCoefficient, Quota, VoteThreshold } from '../../../../domain/rules/types';
import type { CitationDto, PacksResponse } from '../../../../shared/eligibility/eligibility.schema';
import { RECIPIENT_KIND_LABELS } from '../../../../shared/registry/catalog';
import { formatIsoDate } from '../../../lib/dates';
import { useI18n, type MessageKey } from '../../../lib/i18n';
import { CitationView, UnverifiedTag } from '../../../lib/ui/VerdictList';
import { awardLabel } from './award-labels';
import { CriteriaTree, type FactIndex } from './CriteriaTree';

type Pack = PacksResponse['national'][number];

const percent = (share: number) => `${(share * 100).toLocaleString('vi-VN', { maximumFractionDigits: 2 })}%`;
const decimal = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 3 });

export const ISSUER_LEVEL_KEYS: Record<string, MessageKey> = {
  any: 'rules.issuer.any',
  unit_head: 'rules.issuer.unit_head',
  commune: 'rules.issuer.commune',
};
const ROUNDING_KEYS: Record<string, MessageKey> = {
  floor: 'rules.rounding.floor',
  round: 'rules.rounding.round',
  ceil: 'rules.rounding.ceil',
};

const citationColumn = <T extends { citation: CitationDto }>(title: string) => ({
  title,
  key: 'citation',
  render: (_v: unknown, r: T) => <CitationView citation={r.citation} />,
});

/** One national rule pack: its instruments, every rule's criteria, quotas, prize coefficients, votes. */
export function NationalPackView({ pack, facts }: { pack: Pack; facts: FactIndex }) {
  const { t } = useI18n();
  const quotas = pack.quotas as Quota[];
  const prizes = pack.prizes as PrizeCoefficient[];
  const votes = pack.votes as VoteThreshold[];
  const household = pack.householdMultiplier as { value: number; citation: CitationDto } | undefined;

  return (
    <Flex vertical gap={12} data-testid={`pack-${pack.id}`}>
      <Card size="small">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'name', label: t('rules.packName'), children: pack.name },
            {
              key: 'period',
              label: t('rules.period'),
              children: `${formatIsoDate(pack.effectiveFrom)} – ${pack.effectiveTo ? formatIsoDate(pack.effectiveTo) : t('rules.openEnded')}`,
            },
            {
              key: 'instruments',
              label: t('rules.instruments'),
              children: (
                <Flex vertical gap={2}>
                  {pack.instruments.map((c, i) => (
                    <CitationView key={i} citation={c} />
                  ))}
                </Flex>
              ),
            },
            {
              key: 'unverified',
              label: t('rules.unverifiedCount'),
              children: pack.unverifiedCount ? (
                <Flex gap={6} align="center">
                  <UnverifiedTag note={t('rules.unverifiedCountHint')} />
                  <Typography.Text strong data-testid="unverified-count">
                    {pack.unverifiedCount}
                  </Typography.Text>
                </Flex>
              ) : (
                0
              ),
            },
          ]}
        />
      </Card>

      <Card size="small" title={t('rules.rules', { count: pack.rules.length })}>
        <Collapse
          size="small"
          items={pack.rules.map((r) => ({
            key: `${r.awardCode}:${r.recipientKind}`,
            label: (
              <Flex gap={8} align="center" wrap>
                <Typography.Text strong>{awardLabel(r.awardCode)}</Typography.Text>
                <Tag bordered={false}>{RECIPIENT_KIND_LABELS[r.recipientKind]}</Tag>
                {r.note ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.note}
                  </Typography.Text>
                ) : null}
              </Flex>
            ),
            children: <CriteriaTree nodes={r.criteria as CriterionNode[]} facts={facts} />,
          }))}
        />
      </Card>

      <Card size="small" title={t('rules.quotas')}>
        <Table<Quota>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={quotas}
          columns={[
            { title: t('rules.award'), dataIndex: 'awardCode', render: (v: string) => awardLabel(v) },
            {
              title: t('rules.quotaShare'),
              key: 'share',
              render: (_v, q) =>
                t('rules.quotaShareText', {
                  share: percent(q.maxShare),
                  basis: awardLabel(q.basisAwardCode),
                }),
            },
            {
              title: t('rules.rounding'),
              dataIndex: 'rounding',
              width: 130,
              render: (v: string) => (ROUNDING_KEYS[v] ? t(ROUNDING_KEYS[v]) : v),
            },
            {
              title: t('rules.ceiling'),
              dataIndex: 'ceiling',
              width: 110,
              render: (v: boolean | undefined) => (v ? t('common.yes') : t('common.no')),
            },
            citationColumn<Quota>(t('rules.citation')),
          ]}
        />
      </Card>

      <Card size="small" title={t('rules.prizes')}>
        <Table<PrizeCoefficient>
          size="small"
          rowKey={(p) => `${p.awardCode}:${p.recipientKind}:${p.issuerLevel ?? ''}`}
          pagination={false}
          dataSource={prizes}
          columns={[
            { title: t('rules.award'), dataIndex: 'awardCode', render: (v: string) => awardLabel(v) },
            {
              title: t('rules.recipientKind'),
              dataIndex: 'recipientKind',
              width: 120,
              render: (v: keyof typeof RECIPIENT_KIND_LABELS) => RECIPIENT_KIND_LABELS[v],
            },
            {
              title: t('rules.issuerLevel'),
              dataIndex: 'issuerLevel',
              width: 200,
              render: (v: string | undefined) => (v && ISSUER_LEVEL_KEYS[v] ? t(ISSUER_LEVEL_KEYS[v]) : ''),
            },
            {
              title: t('rules.coefficient'),
              dataIndex: 'coefficient',
              width: 90,
              align: 'right',
              render: (v: number) => decimal(v),
            },
            citationColumn<PrizeCoefficient>(t('rules.citation')),
          ]}
        />
        {household ? (
          <Flex gap={8} align="center" style={{ marginTop: 8 }} wrap>
            <Typography.Text>
              {t('rules.householdMultiplier', { value: decimal(household.value) })}
            </Typography.Text>
            <CitationView citation={household.citation} />
          </Flex>
        ) : null}
      </Card>

      <Card size="small" title={t('rules.votes')}>
        <Table<VoteThreshold>
          size="small"
          rowKey={(v) => v.awardCodes.join(',')}
          pagination={false}
          dataSource={votes}
          columns={[
            {
              title: t('rules.award'),
              dataIndex: 'awardCodes',
              render: (v: string[]) => v.map(awardLabel).join('; '),
            },
            {
              title: t('rules.voteShare'),
              dataIndex: 'minShareOfMembers',
              width: 220,
              render: (v: number) => t('rules.voteShareText', { share: percent(v) }),
            },
            citationColumn<VoteThreshold>(t('rules.citation')),
          ]}
        />
      </Card>
    </Flex>
  );
}
