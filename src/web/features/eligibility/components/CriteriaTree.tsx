/**
 * A rule's criteria tree as a reader of the law would put it: each criterion's label, then the fact it
 * is computed from (described by the server's fact catalogue), the comparison in symbols (≥, <, …) and
 * the value in words, and the article it rests on. `any` nodes list alternatives; judgement leaves say
 * that a person (the council) must decide, or what presumes that decision.
 */
import { Tag, Tooltip, Typography } from 'antd';
import type { CriterionNode, FactLeaf, JudgementLeaf, Operator } from '../../../../domain/rules/types';
import type { PacksResponse } from '../../../../shared/eligibility/eligibility.schema';
import {
  DISCIPLINE_LEVEL_LABELS,
  LEAVE_KIND_LABELS,
  RATING_LABELS,
  RECOGNITION_LEVEL_LABELS,
  EFFECT_SCOPE_LABELS,
  INITIATIVE_KIND_LABELS,
} from '../../../../shared/registry/catalog';
import { useI18n } from '../../../lib/i18n';
import { CitationView } from '../../../lib/ui/VerdictList';
import { awardLabel } from './award-labels';

export type Fact = PacksResponse['facts'][number];
export type FactIndex = Map<string, Fact>;

export const OPERATOR_SYMBOLS: Record<Operator, string> = {
  eq: '=',
  neq: '≠',
  gt: '>',
  gte: '≥',
  lt: '<',
  lte: '≤',
  in: '∈',
};

const WORDS: Record<string, string> = {
  ...RATING_LABELS,
  ...DISCIPLINE_LEVEL_LABELS,
  ...LEAVE_KIND_LABELS,
  ...RECOGNITION_LEVEL_LABELS,
  ...EFFECT_SCOPE_LABELS,
  ...INITIATIVE_KIND_LABELS,
  none: 'Không bị kỷ luật',
};

/** A value as words: ratings, discipline levels, award codes by their Vietnamese names. */
export function valueText(value: unknown, yes: string, no: string): string {
  if (Array.isArray(value)) return value.map((v) => valueText(v, yes, no)).join(', ');
  if (typeof value === 'boolean') return value ? yes : no;
  if (typeof value === 'number') return value.toLocaleString('vi-VN');
  if (typeof value === 'string') {
    if (WORDS[value]) return `${WORDS[value]} (${value})`;
    const award = awardLabel(value);
    return award === value ? value : award;
  }
  if (value && typeof value === 'object')
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${valueText(v, yes, no)}`)
      .join('; ');
  return String(value);
}

const isAll = (n: CriterionNode): n is { all: CriterionNode[] } => 'all' in n;
const isAny = (n: CriterionNode): n is { id: string; label: string; any: CriterionNode[] } => 'any' in n;
const isJudgement = (n: CriterionNode): n is JudgementLeaf => 'judgement' in n;

function Comparison({
  leaf,
  facts,
}: {
  leaf: Omit<FactLeaf, 'id' | 'label' | 'citation'>;
  facts: FactIndex;
}) {
  const { t } = useI18n();
  const fact = facts.get(leaf.fact);
  const params = leaf.params && Object.keys(leaf.params).length ? leaf.params : undefined;
  return (
    <div style={{ fontSize: 13 }} className="vd-criterion-test">
      <Tooltip title={leaf.fact}>
        <Typography.Text type="secondary">{fact?.describe ?? leaf.fact}</Typography.Text>
      </Tooltip>{' '}
      <Typography.Text code>{OPERATOR_SYMBOLS[leaf.op] ?? leaf.op}</Typography.Text>{' '}
      <Typography.Text strong>{valueText(leaf.value, t('common.yes'), t('common.no'))}</Typography.Text>
      {params ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {' '}
          ({valueText(params, t('common.yes'), t('common.no'))})
        </Typography.Text>
      ) : null}
    </div>
  );
}

export function CriteriaTree({
  nodes,
  facts,
  depth = 0,
}: {
  nodes: readonly CriterionNode[];
  facts: FactIndex;
  depth?: number;
}) {
  const { t } = useI18n();
  return (
    <ol
      className="vd-criteria"
      style={{
        margin: 0,
        paddingInlineStart: depth ? 20 : 18,
        borderInlineStart: depth ? '2px solid #e6e9ef' : undefined,
      }}
    >
      {nodes.map((n, i) => {
        if (isAll(n))
          return (
            <li key={`all-${i}`} style={{ padding: '3px 0' }}>
              <Typography.Text type="secondary">{t('rules.allOf')}</Typography.Text>
              <CriteriaTree nodes={n.all} facts={facts} depth={depth + 1} />
            </li>
          );
        if (isAny(n))
          return (
            <li key={n.id} style={{ padding: '3px 0' }}>
              <Typography.Text strong>{n.label}</Typography.Text>{' '}
              <Tag bordered={false} color="purple">
                {t('rules.anyOf')}
              </Tag>
              <CriteriaTree nodes={n.any} facts={facts} depth={depth + 1} />
            </li>
          );
        if (isJudgement(n))
          return (
            <li key={n.id} style={{ padding: '3px 0' }}>
              <Typography.Text>{n.label}</Typography.Text>{' '}
              <Tag bordered={false} color="gold">
                {t('rules.judgement')}
              </Tag>
              {n.presumedBy ? (
                <div style={{ fontSize: 13 }}>
                  <Typography.Text type="secondary">{t('rules.presumedBy')}: </Typography.Text>
                  {n.presumedBy.explain}
                  <Comparison leaf={n.presumedBy} facts={facts} />
                </div>
              ) : null}
              <CitationView citation={n.citation} />
            </li>
          );
        return (
          <li key={n.id} style={{ padding: '3px 0' }}>
            <Typography.Text>{n.label}</Typography.Text>
            <Comparison leaf={n} facts={facts} />
            <CitationView citation={n.citation} />
          </li>
        );
      })}
    </ol>
  );
}
