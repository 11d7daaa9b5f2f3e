import { useState } from 'react';
import { Button, Checkbox, Select, Space, Table, Tabs, Tag, Tooltip, TreeSelect } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import {
  DOSSIER_STATUS_LABELS,
  DOSSIER_STATUSES,
  type DossierSummary,
} from '../../../../shared/dossiers/dossiers.schema';
import { useI18n } from '../../../lib/i18n';
import { useCan } from '../../../lib/session';
import { useResource } from '../../../lib/use-resource';
import { formatIsoDate } from '../../../lib/dates';
import { Link, usePathname } from '../../../lib/router';
import { ErrorState, PageHeader } from '../../../lib/ui/states';
import { listDossiers, listUnits } from '../api/dossiers';
import { unitOptions } from '../../../lib/unit-options';
import { DossierDetailPage } from './DossierDetailPage';
import { DossierInfoModal } from './DossierInfoModal';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const STATUS_COLOR: Record<DossierSummary['status'], string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'error',
  received: 'cyan',
  under_review: 'blue',
  disclosed: 'purple',
  in_council: 'geekblue',
  approved: 'green',
  decided: 'success',
  rejected: 'red',
  forwarded: 'gold',
};

/** `/dossiers` lists; `/dossiers/<id>` opens one dossier. */
export function DossiersRoute() {
  const id = usePathname().split('/')[2];
  if (id && UUID.test(id)) return <DossierDetailPage key={id} id={id} />;
  return <DossiersPage />;
}

/** The countdown of the current step: "sắp đến hạn" (≤ 2 working days), "quá hạn". */
export function DeadlineTag({ deadline }: { deadline: DossierSummary['deadline'] }) {
  const { t } = useI18n();
  if (deadline.state === 'none' || deadline.left === null) return null;
  const text =
    deadline.state === 'late'
      ? t('dossiers.late', { n: -deadline.left })
      : deadline.state === 'soon'
        ? t('dossiers.soon', { n: deadline.left })
        : t('dossiers.ok', { n: deadline.left });
  const color = deadline.state === 'late' ? 'red' : deadline.state === 'soon' ? 'orange' : 'default';
  return (
    <Tooltip
      title={[deadline.task, t('dossiers.dueOn', { date: formatIsoDate(deadline.dueOn) })]
        .filter(Boolean)
        .join(' — ')}
    >
      <Tag color={color} data-testid="deadline-tag">
        {text}
      </Tag>
    </Tooltip>
  );
}

function DossiersPage() {
  const { t } = useI18n();
  const canWrite = useCan('write:dossier:own');
  const [year, setYear] = useState<number | undefined>(undefined);
  const [status, setStatus] = useState<string>('all');
  const [lateOnly, setLateOnly] = useState(false);
  const [unitId, setUnitId] = useState<string | undefined>(undefined);
  const seesAll = useCan('read:dossier:any');
  const units = useResource(() => (seesAll ? listUnits() : Promise.resolve([])), [seesAll]);
  const [creating, setCreating] = useState(false);
  const rows = useResource(
    () =>
      listDossiers({
        year,
        status: status === 'all' ? undefined : status,
        lateOnly: lateOnly || undefined,
        proposingUnitId: unitId,
      }),
    [year, status, lateOnly, unitId],
  );
  const years = Array.from({ length: 8 }, (_, i) => new Date().getFullYear() + 1 - i);
  return (
    <>
      <PageHeader
        title={t('dossiers.title')}
        subtitle={t('dossiers.subtitle')}
        extra={
          <Space>
            <Select<number | undefined>
              aria-label={t('dossiers.year')}
              allowClear
              placeholder={t('dossiers.year')}
              style={{ width: 110 }}
              value={year}
              onChange={setYear}
              options={years.map((y) => ({ value: y, label: String(y) }))}
            />
            {seesAll ? (
              <TreeSelect
                aria-label={t('dossiers.unit')}
                allowClear
                placeholder={t('dossiers.unit')}
                style={{ width: 260 }}
                value={unitId}
                onChange={setUnitId}
                treeData={unitOptions(units.data ?? [])}
                showSearch
                treeNodeFilterProp="title"
              />
            ) : null}
            <Checkbox checked={lateOnly} onChange={(e) => setLateOnly(e.target.checked)}>
              {t('dossiers.lateOnly')}
            </Checkbox>
            {canWrite ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('dossiers.new')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Tabs
        activeKey={status}
        onChange={setStatus}
        items={[
          { key: 'all', label: t('dossiers.all') },
          ...DOSSIER_STATUSES.map((s) => ({ key: s, label: DOSSIER_STATUS_LABELS[s] })),
        ]}
      />
      {rows.error ? (
        <ErrorState error={rows.error} onRetry={rows.reload} />
      ) : (
        <Table<DossierSummary>
          rowKey="id"
          size="small"
          loading={rows.loading}
          dataSource={rows.data ?? []}
          locale={{ emptyText: t('dossiers.none') }}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[
            {
              title: t('dossiers.code'),
              dataIndex: 'code',
              width: 130,
              render: (code: string, r) => <Link href={`/dossiers/${r.id}`}>{code}</Link>,
            },
            { title: t('dossiers.name'), dataIndex: 'title' },
            { title: t('dossiers.unit'), dataIndex: 'proposingUnitName', width: 220 },
            { title: t('dossiers.year'), dataIndex: 'year', width: 70 },
            { title: t('dossiers.nomineeCount'), dataIndex: 'nomineeCount', width: 90, align: 'right' },
            {
              title: t('dossiers.status'),
              dataIndex: 'status',
              width: 150,
              render: (s: DossierSummary['status']) => (
                <Tag color={STATUS_COLOR[s]}>{DOSSIER_STATUS_LABELS[s]}</Tag>
              ),
            },
            {
              title: t('dossiers.deadline'),
              width: 230,
              render: (_: unknown, r) => <DeadlineTag deadline={r.deadline} />,
            },
          ]}
        />
      )}
      {creating ? <DossierInfoModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}
