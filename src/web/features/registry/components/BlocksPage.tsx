import { useMemo, useState } from 'react';
import { Button, Card, Col, Empty, Flex, Row, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { CopyOutlined, EditOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import type { Block } from '../../../../shared/registry/registry.schema';
import { useI18n } from '../../../lib/i18n';
import { useCan } from '../../../lib/session';
import { useResource } from '../../../lib/use-resource';
import { viCollator } from '../../../lib/text';
import { ErrorState, LoadingState, PageHeader } from '../../../lib/ui/states';
import { listBlocks, listUnitsForPicker } from '../api/registry';
import { BlockFormModal, type BlockDraft } from './BlockFormModal';

/** "Khối thi đua": the blocks of a year with their members and leads, and the rotation across years. */
export function BlocksPage() {
  const { t } = useI18n();
  const canWrite = useCan('write:block:any');
  const blocks = useResource(() => listBlocks(), []);
  const units = useResource(() => (canWrite ? listUnitsForPicker() : Promise.resolve([])), [canWrite]);
  const [chosenYear, setYear] = useState<number>();
  const [dialog, setDialog] = useState<{ block?: Block; draft?: BlockDraft }>();

  const all = useMemo(() => blocks.data ?? [], [blocks.data]);
  const years = useMemo(() => [...new Set(all.map((b) => b.year))].sort((a, b) => b - a), [all]);
  const year = chosenYear ?? years[0] ?? new Date().getFullYear();
  const ofYear = all.filter((b) => b.year === year).sort((a, b) => viCollator.compare(a.name, b.name));

  if (blocks.error && !blocks.data) return <ErrorState error={blocks.error} onRetry={blocks.reload} />;

  const memberName = (b: Block, id: string | null) => b.members.find((m) => m.unitId === id)?.name;

  return (
    <>
      <PageHeader
        title={t('blocks.title')}
        subtitle={t('blocks.subtitle')}
        extra={
          <>
            <Select<number>
              aria-label={t('registry.year')}
              style={{ width: 110 }}
              value={year}
              onChange={setYear}
              options={[...new Set([...years, year])].map((y) => ({ value: y, label: String(y) }))}
            />
            <Tooltip title={t('common.reload')}>
              <Button icon={<ReloadOutlined />} onClick={blocks.reload} aria-label={t('common.reload')} />
            </Tooltip>
            {canWrite ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ draft: { year } })}>
                {t('blocks.create')}
              </Button>
            ) : null}
          </>
        }
      />
      {blocks.loading && !blocks.data ? (
        <LoadingState />
      ) : ofYear.length === 0 ? (
        <Card size="small">
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('blocks.empty', { year })} />
        </Card>
      ) : (
        <Row gutter={[12, 12]}>
          {ofYear.map((b) => (
            <Col key={b.id} xs={24} xl={ofYear.length > 1 ? 12 : 24}>
              <Card
                size="small"
                title={b.name}
                extra={
                  canWrite ? (
                    <Space size={2}>
                      <Tooltip title={t('common.edit')}>
                        <Button
                          type="text"
                          size="small"
                          icon={<EditOutlined />}
                          aria-label={`${t('common.edit')} ${b.name}`}
                          onClick={() => setDialog({ block: b })}
                        />
                      </Tooltip>
                      <Tooltip title={t('blocks.copyToNextYear', { year: b.year + 1 })}>
                        <Button
                          type="text"
                          size="small"
                          icon={<CopyOutlined />}
                          aria-label={t('blocks.copyToNextYear', { year: b.year + 1 })}
                          onClick={() =>
                            setDialog({
                              draft: {
                                year: b.year + 1,
                                name: b.name,
                                organizerUnitId: b.organizerUnitId,
                                memberUnitIds: b.members.map((m) => m.unitId),
                              },
                            })
                          }
                        />
                      </Tooltip>
                    </Space>
                  ) : null
                }
              >
                <Flex gap={16} wrap style={{ marginBottom: 8 }}>
                  <span>
                    <Typography.Text type="secondary">{t('blocks.organizer')}: </Typography.Text>
                    {b.organizerName}
                  </span>
                  <span>
                    <Typography.Text type="secondary">{t('blocks.lead')}: </Typography.Text>
                    <Typography.Text strong>{memberName(b, b.leadUnitId) ?? '—'}</Typography.Text>
                  </span>
                  <span>
                    <Typography.Text type="secondary">{t('blocks.deputy')}: </Typography.Text>
                    <Typography.Text strong>{memberName(b, b.deputyUnitId) ?? '—'}</Typography.Text>
                  </span>
                </Flex>
                <Table
                  size="small"
                  rowKey="unitId"
                  pagination={false}
                  dataSource={b.members}
                  columns={[
                    { title: '#', key: 'n', width: 40, render: (_v, _m, i) => i + 1 },
                    {
                      title: t('registry.unitCode'),
                      dataIndex: 'code',
                      width: 140,
                      render: (v: string) => <code>{v}</code>,
                    },
                    { title: t('blocks.member'), dataIndex: 'name' },
                    {
                      title: t('blocks.role'),
                      key: 'role',
                      width: 110,
                      render: (_v, m) =>
                        m.unitId === b.leadUnitId ? (
                          <Tag color="gold">{t('blocks.lead')}</Tag>
                        ) : m.unitId === b.deputyUnitId ? (
                          <Tag color="blue">{t('blocks.deputy')}</Tag>
                        ) : null,
                    },
                  ]}
                />
              </Card>
            </Col>
          ))}
        </Row>
      )}
      <Rotation blocks={all} year={year} onPickYear={setYear} />
      {dialog ? (
        <BlockFormModal
          block={dialog.block}
          draft={dialog.draft}
          units={units.data ?? []}
          onClose={() => setDialog(undefined)}
          onSaved={(saved) => {
            setDialog(undefined);
            setYear(saved.year);
            blocks.reload();
          }}
        />
      ) : null}
    </>
  );
}

/** Who led each block (by name) year by year: the rotation of Khối trưởng and Khối phó. */
function Rotation({
  blocks,
  year,
  onPickYear,
}: {
  blocks: Block[];
  year: number;
  onPickYear(y: number): void;
}) {
  const { t } = useI18n();
  const names = [...new Set(blocks.map((b) => b.name))].sort(viCollator.compare);
  if (!blocks.length) return null;
  const nameOf = (b: Block, id: string | null) => b.members.find((m) => m.unitId === id)?.name ?? '—';
  return (
    <Card size="small" title={t('blocks.rotation')} style={{ marginTop: 12 }}>
      {names.map((name) => {
        const rows = blocks.filter((b) => b.name === name).sort((a, b) => b.year - a.year);
        return (
          <div key={name} style={{ marginBottom: 8 }}>
            {names.length > 1 ? <Typography.Text strong>{name}</Typography.Text> : null}
            <Table<Block>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={rows}
              rowClassName={(b) => (b.year === year ? 'ant-table-row-selected' : '')}
              onRow={(b) => ({ onClick: () => onPickYear(b.year), style: { cursor: 'pointer' } })}
              columns={[
                { title: t('registry.year'), dataIndex: 'year', width: 80 },
                { title: t('blocks.lead'), key: 'lead', render: (_v, b) => nameOf(b, b.leadUnitId) },
                { title: t('blocks.deputy'), key: 'deputy', render: (_v, b) => nameOf(b, b.deputyUnitId) },
                {
                  title: t('blocks.memberCount'),
                  key: 'n',
                  width: 120,
                  align: 'right',
                  render: (_v, b) => b.members.length,
                },
              ]}
            />
          </div>
        );
      })}
    </Card>
  );
}
