/**
 * How a verdict reads on screen: each check with ✓ / ✗ / ?, its detail and the article of law it rests on.
 * Shared by the suggestions page (features/eligibility) and the person profile (features/people), which
 * may not import each other. Citations not yet checked against the text of the law carry an orange
 * "Chưa đối chiếu" tag whose tooltip says why.
 */
import { Collapse, Flex, Space, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, QuestionCircleFilled } from '@ant-design/icons';
import type { CitationDto, VerdictDto } from '../../../shared/eligibility/eligibility.schema';
import { AWARD_CODES } from '../../../shared/registry/catalog';
import { useI18n, type MessageKey } from '../i18n';
import { EmptyState } from './states';

/** A check as the server explains it; trees are at most three levels deep. */
export interface CheckLike {
  id: string;
  criterion: string;
  status: 'met' | 'unmet' | 'unknown';
  detail: string;
  citation: CitationDto;
  presumed?: boolean;
  children?: CheckLike[];
}

export type VerdictStatus = 'eligible' | 'ineligible' | 'needs_review';

/** "Nghị định 91/2017/NĐ-CP, Điều 9, khoản 3". */
export function citationText(c: CitationDto): string {
  return [c.instrument, c.article, c.clause, c.point].filter(Boolean).join(', ');
}

export function UnverifiedTag({ note }: { note?: string }) {
  const { t } = useI18n();
  return (
    <Tooltip title={note ?? t('verdict.unverifiedHint')}>
      <Tag color="orange" style={{ marginInlineEnd: 0 }}>
        {t('verdict.unverified')}
      </Tag>
    </Tooltip>
  );
}

/** The citation, linked to the stored copy of the text when there is one. */
export function CitationView({ citation }: { citation: CitationDto }) {
  const text = citationText(citation);
  return (
    <Space size={6} wrap className="vd-citation">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {citation.source ? (
          <a href={citation.source} target="_blank" rel="noreferrer">
            {text}
          </a>
        ) : (
          text
        )}
        {citation.verified && citation.note ? ` (${citation.note})` : ''}
      </Typography.Text>
      {citation.verified ? null : <UnverifiedTag note={citation.note} />}
    </Space>
  );
}

const CHECK_LABEL: Record<CheckLike['status'], MessageKey> = {
  met: 'verdict.check.met',
  unmet: 'verdict.check.unmet',
  unknown: 'verdict.check.unknown',
};

export function CheckStatusIcon({ status }: { status: CheckLike['status'] }) {
  const { t } = useI18n();
  const label = t(CHECK_LABEL[status]);
  if (status === 'met')
    return <CheckCircleFilled style={{ color: '#389e0d' }} aria-label={label} title={label} />;
  if (status === 'unmet')
    return <CloseCircleFilled style={{ color: '#cf1322' }} aria-label={label} title={label} />;
  return <QuestionCircleFilled style={{ color: '#d46b08' }} aria-label={label} title={label} />;
}

/** Every check, nested alternatives indented under their heading. */
export function CheckList({ checks, depth = 0 }: { checks: readonly CheckLike[]; depth?: number }) {
  const { t } = useI18n();
  return (
    <ul className="vd-checks" style={{ listStyle: 'none', margin: 0, paddingInlineStart: depth ? 22 : 0 }}>
      {checks.map((c) => (
        <li key={c.id} style={{ padding: '4px 0' }} data-check-status={c.status}>
          <Flex gap={8} align="baseline">
            <CheckStatusIcon status={c.status} />
            <div style={{ minWidth: 0 }}>
              <Typography.Text strong={c.status !== 'met'}>{c.criterion}</Typography.Text>
              {c.presumed ? (
                <Tooltip title={t('verdict.presumedHint')}>
                  <Tag color="blue" bordered={false} style={{ marginInlineStart: 6 }}>
                    {t('verdict.presumed')}
                  </Tag>
                </Tooltip>
              ) : null}
              {c.detail ? <div style={{ fontSize: 13 }}>{c.detail}</div> : null}
              <CitationView citation={c.citation} />
            </div>
          </Flex>
          {c.children?.length ? <CheckList checks={c.children} depth={depth + 1} /> : null}
        </li>
      ))}
    </ul>
  );
}

const STATUS_TAG: Record<VerdictStatus | 'near_miss', { color: string; label: MessageKey }> = {
  eligible: { color: 'green', label: 'verdict.status.eligible' },
  needs_review: { color: 'gold', label: 'verdict.status.needs_review' },
  near_miss: { color: 'orange', label: 'verdict.status.near_miss' },
  ineligible: { color: 'red', label: 'verdict.status.ineligible' },
};

/** Eligible / to review / one criterion short / not eligible. */
export function VerdictStatusTag({ status, nearMiss }: { status: VerdictStatus; nearMiss?: boolean }) {
  const { t } = useI18n();
  const s = STATUS_TAG[nearMiss && status !== 'eligible' ? 'near_miss' : status];
  return <Tag color={s.color}>{t(s.label)}</Tag>;
}

/** The checks that stop a verdict (unmet first, then the ones that need a person's judgement). */
export function blockingChecks(checks: readonly CheckLike[]): CheckLike[] {
  const out = checks.filter((c) => c.status !== 'met');
  return [...out.filter((c) => c.status === 'unmet'), ...out.filter((c) => c.status === 'unknown')];
}

/** One subject's verdicts for a year: a panel per title or form, its checks inside. */
export function VerdictList({ verdicts }: { verdicts: readonly VerdictDto[] }) {
  const { t } = useI18n();
  if (!verdicts.length) return <EmptyState text={t('verdict.none')} />;
  return (
    <Collapse
      size="small"
      items={verdicts.map((v) => {
        const blocking = blockingChecks(v.checks);
        return {
          key: `${v.awardCode}:${v.subject.kind}`,
          label: (
            <Flex gap={8} align="center" wrap>
              <Typography.Text strong>{AWARD_CODES[v.awardCode]?.label ?? v.awardCode}</Typography.Text>
              <VerdictStatusTag status={v.status} />
              {blocking.length ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {blocking.map((c) => c.criterion).join('; ')}
                </Typography.Text>
              ) : null}
            </Flex>
          ),
          children: <CheckList checks={v.checks} />,
        };
      })}
    />
  );
}
