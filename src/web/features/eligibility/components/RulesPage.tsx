import { useMemo, type ReactNode } from 'react';
import { Card, Tabs, Tag } from 'antd';
import { useI18n } from '../../../lib/i18n';
import { useCan } from '../../../lib/session';
import { useResource } from '../../../lib/use-resource';
import { ErrorState, LoadingState, PageHeader } from '../../../lib/ui/states';
import { getPacks, listBaseSalaries } from '../api/eligibility';
import { BaseSalariesTab } from './BaseSalariesTab';
import type { FactIndex } from './CriteriaTree';
import { LocalPacksTab } from './LocalPacksTab';
import { NationalPackView } from './NationalPackView';
import { PrizeCalculator } from './PrizeCalculator';

/**
 * `/rules`: the law as the engine reads it. National packs (read-only, with their citations and what is
 * still unverified), local packs and the base-salary table (editable by admins; the server checks the
 * permission again), and a prize calculator.
 */
export function RulesPage() {
  const { t } = useI18n();
  const canWriteRules = useCan('write:rules:any');
  const canWriteSalary = useCan('write:salary:any');
  const packs = useResource(getPacks, []);
  const salaries = useResource(listBaseSalaries, []);
  const facts: FactIndex = useMemo(
    () => new Map((packs.data?.facts ?? []).map((f) => [f.name, f])),
    [packs.data],
  );

  const nationalTab = packs.data ? (
    <Tabs
      size="small"
      items={packs.data.national.map((p) => ({
        key: p.id,
        label: (
          <>
            {p.id}
            {p.unverifiedCount ? (
              <Tag color="orange" bordered={false} style={{ marginInlineStart: 6 }}>
                {p.unverifiedCount}
              </Tag>
            ) : null}
          </>
        ),
        children: <NationalPackView pack={p} facts={facts} />,
      }))}
    />
  ) : null;

  const loadingOr = (node: ReactNode, r: typeof packs | typeof salaries) =>
    r.error && !r.data ? <ErrorState error={r.error} onRetry={r.reload} /> : r.data ? node : <LoadingState />;

  return (
    <>
      <PageHeader title={t('rules.title')} subtitle={t('rules.subtitle')} />
      <Card size="small">
        <Tabs
          items={[
            { key: 'national', label: t('rules.tab.national'), children: loadingOr(nationalTab, packs) },
            {
              key: 'local',
              label: t('rules.tab.local'),
              children: loadingOr(
                <LocalPacksTab
                  rows={packs.data?.local ?? []}
                  canWrite={canWriteRules}
                  onChanged={packs.reload}
                />,
                packs,
              ),
            },
            {
              key: 'salaries',
              label: t('rules.tab.salaries'),
              children: loadingOr(
                <BaseSalariesTab
                  rows={salaries.data ?? []}
                  canWrite={canWriteSalary}
                  onChanged={salaries.reload}
                />,
                salaries,
              ),
            },
            { key: 'prize', label: t('rules.tab.prize'), children: <PrizeCalculator /> },
          ]}
        />
      </Card>
    </>
  );
}
