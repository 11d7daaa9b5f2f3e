import { useState } from 'react';
import { Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { StatAwardItem, StatFilter } from '../../../../shared/statistics/statistics.schema';
import { RECIPIENT_KIND_LABELS, type RecipientKind } from '../../../../shared/registry/catalog';
import { formatIsoDate } from '../../../lib/dates';
import { useI18n } from '../../../lib/i18n';
import { useResource } from '../../../lib/use-resource';
import { ErrorState } from '../../../lib/ui/states';
import { getAwards } from '../api/statistics';
import { formatMoney } from './format';

/** The columns of a list of awards (this drill-down and the dashboard's). */
export function useAwardColumns(): ColumnsType<StatAwardItem> {
  const { t } = useI18n();
  return [
    { title: t('drill.recipient'), dataIndex: 'recipientName' },
    {
      title: t('drill.kind'),
      dataIndex: 'recipientKind',
      render: (k: string) => <Tag>{RECIPIENT_KIND_LABELS[k as RecipientKind] ?? k}</Tag>,
    },
    { title: t('drill.unit'), dataIndex: 'unitName' },
    { title: t('drill.award'), dataIndex: 'awardLabel' },
    { title: t('drill.issuer'), dataIndex: 'issuer' },
    {
      title: t('drill.decision'),
      render: (_, r) => `${r.decisionNumber} (${formatIsoDate(r.decisionDate)})`,
    },
    {
      title: t('drill.prize'),
      dataIndex: 'prize',
      align: 'right',
      render: (v: number) => (v ? formatMoney(v) : ''),
    },
  ];
}

/** The awards behind one number of a table: a page at a time from GET /api/statistics/awards. */
export function AwardsList({ filter, scope }: { filter: StatFilter & { year: number }; scope: string }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const key = JSON.stringify(filter) + scope;
  const [lastKey, setLastKey] = useState(key);
  if (key !== lastKey) {
    setLastKey(key);
    setPage(1);
  }
  const list = useResource(() => getAwards(filter, scope, page), [key, page]);
  const columns = useAwardColumns();
  if (list.error && !list.data) return <ErrorState error={list.error} onRetry={list.reload} />;
  return (
    <div data-testid="drill-down">
      <Table<StatAwardItem>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (n) => t('common.total', { count: n.toLocaleString('vi-VN') }),
          onChange: setPage,
        }}
        columns={columns}
      />
    </div>
  );
}
