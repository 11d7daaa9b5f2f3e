import { useState } from 'react';
import { Button, Card, Flex, Input, Select, Table, Tabs, Tooltip, TreeSelect, Typography } from 'antd';
import { FileExcelOutlined, ReloadOutlined } from '@ant-design/icons';
import { useI18n } from '../../../lib/i18n';
import { titleMatches } from '../../../lib/text';
import { useResource } from '../../../lib/use-resource';
import { navigate, usePathname } from '../../../lib/router';
import { EmptyState, ErrorState, PageHeader } from '../../../lib/ui/states';
import {
  exportUrl,
  listRecords,
  listUnitsForPicker,
  type RecordFilter,
  type RegistryRow,
} from '../api/registry';
import { columnsFor, KIND_FILTERS, KIND_LABELS, LIST_KINDS, type ListKind } from './record-kinds';
import { unitOptions } from '../../../lib/unit-options';
import { useDebounced } from '../../../lib/use-debounced';

const PAGE_SIZE = 20;
const FIRST_YEAR = 2000;

/** `/registry/<kind>`: one registry list per tab, server-paginated, filtered, exported as filtered. */
export function RecordsPage() {
  const pathname = usePathname();
  const fromPath = pathname.split('/')[2] as ListKind | undefined;
  const kind: ListKind = fromPath && LIST_KINDS.includes(fromPath) ? fromPath : LIST_KINDS[0]!;
  return <RecordsList key={kind} kind={kind} />;
}

function RecordsList({ kind }: { kind: ListKind }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 350);
  const [filter, setFilter] = useState<Omit<RecordFilter, 'q'>>({});
  const [page, setPage] = useState(1);
  const [lastQ, setLastQ] = useState(q);
  if (q !== lastQ) {
    setLastQ(q);
    setPage(1);
  }
  const current: RecordFilter = { ...filter, q: q || undefined };
  const key = JSON.stringify(current);

  const rows = useResource(
    () => listRecords(kind, { ...current, page, pageSize: PAGE_SIZE }),
    // `key` is `current`, serialised: a new request only when a filter really changed.
    [kind, key, page],
  );
  const units = useResource(listUnitsForPicker, []);
  const set = (patch: Partial<RecordFilter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setPage(1);
  };
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_v, i) => thisYear - i);

  return (
    <>
      <PageHeader
        title={t('registry.title')}
        subtitle={t('registry.subtitle')}
        extra={
          <Button icon={<FileExcelOutlined />} href={exportUrl(kind, current)} download>
            {t('registry.export')}
          </Button>
        }
      />
      <Card size="small">
        <Tabs
          size="small"
          activeKey={kind}
          onChange={(k) => navigate(`/registry/${k}`)}
          items={LIST_KINDS.map((k) => ({ key: k, label: t(KIND_LABELS[k]) }))}
          style={{ marginTop: -8 }}
        />
        <Flex gap={8} align="center" wrap style={{ marginBottom: 8 }}>
          <Input.Search
            allowClear
            placeholder={t('registry.searchPlaceholder')}
            style={{ width: 260 }}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={setText}
            aria-label={t('registry.searchPlaceholder')}
          />
          <Select<number>
            allowClear
            placeholder={t('registry.allYears')}
            aria-label={t('registry.year')}
            style={{ width: 120 }}
            value={filter.year}
            onChange={(year) => set({ year })}
            options={years.map((y) => ({ value: y, label: String(y) }))}
          />
          <TreeSelect
            allowClear
            showSearch
            filterTreeNode={titleMatches}
            treeDefaultExpandAll
            placeholder={t('people.allUnits')}
            aria-label={t('people.unit')}
            style={{ width: 260 }}
            value={filter.unitId}
            onChange={(unitId: string | undefined) => set({ unitId })}
            treeData={unitOptions(units.data ?? [])}
            loading={units.loading}
            styles={{ popup: { root: { maxHeight: 400, overflow: 'auto', minWidth: 360 } } }}
          />
          {KIND_FILTERS[kind].map((f) => (
            <Select<string>
              key={f.param}
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t(f.label)}
              aria-label={t(f.label)}
              style={{ width: f.width }}
              value={filter[f.param]}
              onChange={(value) => set({ [f.param]: value })}
              options={f.options}
              popupMatchSelectWidth={false}
            />
          ))}
          <Typography.Text type="secondary" style={{ marginLeft: 'auto' }}>
            {t('common.total', { count: rows.data?.total ?? 0 })}
          </Typography.Text>
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
          <Table<RegistryRow>
            size="small"
            rowKey="id"
            columns={columnsFor(kind, t)}
            dataSource={rows.data?.items ?? []}
            loading={rows.loading}
            locale={{ emptyText: <EmptyState text={t('registry.empty')} /> }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: rows.data?.total ?? 0,
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
