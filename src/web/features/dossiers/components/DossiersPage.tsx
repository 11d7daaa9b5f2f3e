import { useState } from 'react';
import { App, Button, Checkbox, Form, Input, Modal, Select, Space, Table, Tabs, Tag, Tooltip } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import {
  DOSSIER_STATUS_LABELS,
  DOSSIER_STATUSES,
  type DossierSummary,
} from '../../../../shared/dossiers/dossiers.schema';
import { AWARD_TRACK_LABELS, AWARD_TRACKS } from '../../../../shared/registry/catalog';
import { useI18n } from '../../../lib/i18n';
import { useCan } from '../../../lib/session';
import { useResource } from '../../../lib/use-resource';
import { formatIsoDate } from '../../../lib/dates';
import { Link, navigate, usePathname } from '../../../lib/router';
import { applyApiError } from '../../../lib/forms';
import { ErrorState, PageHeader } from '../../../lib/ui/states';
import { createDossier, listDossiers } from '../api/dossiers';
import { DossierDetailPage } from './DossierDetailPage';

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
  const [creating, setCreating] = useState(false);
  const rows = useResource(
    () =>
      listDossiers({ year, status: status === 'all' ? undefined : status, lateOnly: lateOnly || undefined }),
    [year, status, lateOnly],
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
      {creating ? <CreateDossierModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}

function CreateDossierModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const v = (await form.validateFields()) as {
      year: number;
      title: string;
      track: (typeof AWARD_TRACKS)[number];
      note?: string;
    };
    setSaving(true);
    try {
      const d = await createDossier({ year: v.year, title: v.title, track: v.track, note: v.note ?? '' });
      message.success(t('dossiers.created', { code: d.code }));
      onClose();
      navigate(`/dossiers/${d.id}`);
    } catch (err) {
      message.error(applyApiError(form, err));
    } finally {
      setSaving(false);
    }
  };
  const year = new Date().getFullYear();
  return (
    <Modal
      open
      title={t('dossiers.new')}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={saving}
      okText={t('dossiers.save')}
    >
      <Form form={form} layout="vertical" initialValues={{ year: year - 1, track: 'regular' }}>
        <Form.Item name="year" label={t('dossiers.year')} rules={[{ required: true }]}>
          <Select
            options={Array.from({ length: 8 }, (_, i) => ({ value: year - i, label: String(year - i) }))}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('dossiers.name')}
          rules={[{ required: true, message: 'Vui lòng nhập trích yếu hồ sơ' }]}
        >
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="track" label={t('dossiers.track')}>
          <Select options={AWARD_TRACKS.map((k) => ({ value: k, label: AWARD_TRACK_LABELS[k] }))} />
        </Form.Item>
        <Form.Item name="note" label={t('dossiers.note')}>
          <Input.TextArea rows={2} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
