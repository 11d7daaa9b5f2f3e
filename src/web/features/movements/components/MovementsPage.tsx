import { useMemo, useState } from 'react';
import { Badge, Button, Card, List, Select, Table, Tag, Tooltip, Typography } from 'antd';
import { BellOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  MOVEMENT_KIND_LABELS,
  MOVEMENT_STATUS_LABELS,
  type MovementSummary,
} from '../../../../shared/movements/movements.schema';
import { useI18n } from '../../../lib/i18n';
import { Link, navigate, usePathname } from '../../../lib/router';
import { useCan } from '../../../lib/session';
import { useResource } from '../../../lib/use-resource';
import { formatIsoDate, formatInstant } from '../../../lib/dates';
import { ErrorState, LoadingState, PageHeader } from '../../../lib/ui/states';
import { listMovements, listNotifications } from '../api/movements';
import { MovementDetailPage } from './MovementDetailPage';
import { MovementFormModal } from './MovementFormModal';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `/movements` lists a year's movements; `/movements/<id>` shows one. */
export function MovementsRoute() {
  const pathname = usePathname();
  const id = pathname.split('/')[2];
  if (id && UUID.test(id)) return <MovementDetailPage key={id} id={id} />;
  return <MovementsPage />;
}

const STATUS_COLOR = { draft: 'default', launched: 'processing', closed: 'success' } as const;

function MovementsPage() {
  const { t } = useI18n();
  const canWrite = useCan('write:movement:any');
  const initialYear = Number(new URLSearchParams(window.location.search).get('year')) || 2020;
  const [year, setYear] = useState(initialYear);
  const [creating, setCreating] = useState(false);
  const rows = useResource(() => listMovements(year), [year]);
  const notes = useResource(() => listNotifications(), []);
  const years = useMemo(() => {
    const now = new Date().getFullYear();
    return Array.from({ length: now - 2015 + 2 }, (_, i) => now + 1 - i);
  }, []);

  if (rows.error && !rows.data) return <ErrorState error={rows.error} onRetry={rows.reload} />;
  const pickYear = (y: number) => {
    setYear(y);
    navigate(`/movements?year=${y}`, { replace: true });
  };

  return (
    <>
      <PageHeader
        title={t('movements.title')}
        subtitle={t('movements.subtitle')}
        extra={
          <>
            <Select<number>
              aria-label={t('movements.year')}
              style={{ width: 110 }}
              value={year}
              onChange={pickYear}
              options={years.map((y) => ({ value: y, label: String(y) }))}
            />
            <Tooltip title={t('common.reload')}>
              <Button icon={<ReloadOutlined />} onClick={rows.reload} aria-label={t('common.reload')} />
            </Tooltip>
            {canWrite ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('movements.create')}
              </Button>
            ) : null}
          </>
        }
      />
      {rows.loading && !rows.data ? (
        <LoadingState />
      ) : (
        <Table<MovementSummary>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={rows.data ?? []}
          locale={{ emptyText: t('movements.empty', { year }) }}
          columns={[
            { title: '#', key: 'n', width: 44, render: (_v, _m, i) => i + 1 },
            {
              title: t('movements.name'),
              dataIndex: 'name',
              render: (name: string, m) => <Link href={`/movements/${m.id}`}>{name}</Link>,
            },
            {
              title: t('movements.kind'),
              dataIndex: 'kind',
              width: 120,
              render: (k: MovementSummary['kind']) => MOVEMENT_KIND_LABELS[k],
            },
            { title: t('movements.launchingUnit'), dataIndex: 'launchingUnitName', width: 260 },
            {
              title: t('movements.period'),
              key: 'period',
              width: 200,
              render: (_v, m) => `${formatIsoDate(m.periodFrom)} – ${formatIsoDate(m.periodTo)}`,
            },
            {
              title: t('movements.reported'),
              key: 'reported',
              width: 110,
              render: (_v, m) => `${m.reportedCount}/${m.targetCount}`,
            },
            {
              title: t('movements.status'),
              dataIndex: 'status',
              width: 130,
              render: (s: MovementSummary['status']) => (
                <Tag color={STATUS_COLOR[s]}>{MOVEMENT_STATUS_LABELS[s]}</Tag>
              ),
            },
          ]}
        />
      )}
      {notes.data?.length ? (
        <Card
          size="small"
          style={{ marginTop: 12 }}
          title={
            <>
              <BellOutlined /> {t('movements.notifications')} <Badge count={notes.data.length} color="blue" />
            </>
          }
        >
          <List
            size="small"
            dataSource={notes.data.slice(0, 8)}
            renderItem={(n) => (
              <List.Item>
                <List.Item.Meta
                  title={
                    n.entityType === 'movement' && n.entityId ? (
                      <Link href={`/movements/${n.entityId}`}>{n.title}</Link>
                    ) : (
                      n.title
                    )
                  }
                  description={
                    <>
                      {n.body}{' '}
                      <Typography.Text type="secondary">({formatInstant(n.createdAt)})</Typography.Text>
                    </>
                  }
                />
              </List.Item>
            )}
          />
        </Card>
      ) : null}
      {creating ? (
        <MovementFormModal
          year={year}
          onClose={() => setCreating(false)}
          onSaved={(m) => {
            setCreating(false);
            navigate(`/movements/${m.id}`);
          }}
        />
      ) : null}
    </>
  );
}
