import { useMemo, useState } from 'react';
import {
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { COUNCIL_ROLE_LABELS, COUNCIL_ROLES, type Council } from '../../../../shared/council/council.schema';
import { useI18n } from '../../../lib/i18n';
import { useCan } from '../../../lib/session';
import { useResource } from '../../../lib/use-resource';
import { errorMessage } from '../../../lib/api';
import { DATE_FORMAT, formatIsoDate, toIsoDate } from '../../../lib/dates';
import { Link, usePathname } from '../../../lib/router';
import { EmptyState, ErrorState, LoadingState, PageHeader } from '../../../lib/ui/states';
import {
  addMember,
  createCouncil,
  createSession,
  getCouncil,
  listCouncilUsers,
  listCouncils,
  listUnits,
  removeMember,
} from '../api/council';
import { SessionPage } from './SessionPage';

export const STATUS_COLOR = { planned: 'default', open: 'processing', closed: 'success' } as const;

/** `/council` (the council, its members and sessions) and `/council/sessions/<id>` (one session). */
export function CouncilRoute() {
  const pathname = usePathname();
  const m = /^\/council\/sessions\/([0-9a-f-]{36})$/.exec(pathname);
  return m ? <SessionPage sessionId={m[1]!} /> : <CouncilPage />;
}

function CouncilPage() {
  const { t } = useI18n();
  const manages = useCan('manage:council:any');
  const councils = useResource(() => listCouncils(), []);
  const [chosen, setChosen] = useState<string>();
  const list = useMemo(() => councils.data ?? [], [councils.data]);
  const councilId = list.some((c) => c.id === chosen)
    ? chosen
    : (list.find((c) => c.isMember) ?? list[0])?.id;
  const council = useResource(
    () => (councilId ? getCouncil(councilId) : Promise.resolve(undefined)),
    [councilId],
  );

  if (councils.error && !councils.data)
    return <ErrorState error={councils.error} onRetry={councils.reload} />;
  if (!councils.data) return <LoadingState />;
  const c = council.data?.id === councilId ? council.data : undefined;

  return (
    <>
      <PageHeader
        title={t('council.title')}
        subtitle={t('council.subtitle')}
        extra={
          list.length ? (
            <Select<string>
              aria-label={t('council.pick')}
              style={{ width: 520 }}
              value={councilId}
              onChange={setChosen}
              options={list.map((x) => ({ value: x.id, label: `${x.year} — ${x.name}` }))}
            />
          ) : undefined
        }
      />
      {list.length === 0 ? <EmptyState text={t('council.none')} /> : null}
      {manages ? <CreateCouncil onCreated={(id) => (setChosen(id), councils.reload())} /> : null}
      {c ? (
        <CouncilDetail
          council={c}
          manages={manages}
          onChanged={(next) => {
            council.reload();
            councils.reload();
            void next;
          }}
        />
      ) : councilId ? (
        <LoadingState />
      ) : null}
    </>
  );
}

function CreateCouncil({ onCreated }: { onCreated(id: string): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const units = useResource(() => (open ? listUnits() : Promise.resolve([])), [open]);
  const [form] = Form.useForm<{
    authorityUnitId: string;
    year: number;
    name: string;
    numerator: number;
    denominator: number;
    countsWritten: boolean;
  }>();
  if (!open)
    return (
      <Button style={{ marginBottom: 12 }} onClick={() => setOpen(true)}>
        {t('council.create')}
      </Button>
    );
  return (
    <Card size="small" title={t('council.create')} style={{ marginBottom: 16 }}>
      <Form
        form={form}
        layout="inline"
        initialValues={{ year: new Date().getFullYear(), numerator: 2, denominator: 3, countsWritten: true }}
        onFinish={async (v) => {
          try {
            const c = await createCouncil({
              authorityUnitId: v.authorityUnitId,
              name: v.name,
              year: Number(v.year),
              quorum: { numerator: v.numerator, denominator: v.denominator, countsWritten: v.countsWritten },
            });
            message.success(t('council.saved'));
            setOpen(false);
            onCreated(c.id);
          } catch (e) {
            message.error(errorMessage(e));
          }
        }}
      >
        <Form.Item name="authorityUnitId" label={t('council.authority')} rules={[{ required: true }]}>
          <Select
            style={{ width: 320 }}
            showSearch
            optionFilterProp="label"
            options={(units.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item name="year" label={t('council.year')} rules={[{ required: true }]}>
          <Input type="number" style={{ width: 90 }} />
        </Form.Item>
        <Form.Item name="name" label={t('council.name')} rules={[{ required: true }]}>
          <Input style={{ width: 360 }} />
        </Form.Item>
        <Form.Item name="numerator" label={t('council.quorumLabel')}>
          <InputNumber min={1} max={100} style={{ width: 60 }} />
        </Form.Item>
        <Form.Item name="denominator" label="/">
          <InputNumber min={1} max={100} style={{ width: 60 }} />
        </Form.Item>
        <Form.Item name="countsWritten" valuePropName="checked">
          <Checkbox>{t('council.quorumCountsWritten')}</Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('council.create')}
        </Button>
      </Form>
    </Card>
  );
}

function CouncilDetail({
  council,
  manages,
  onChanged,
}: {
  council: Council;
  manages: boolean;
  onChanged(c?: Council): void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const users = useResource(() => (manages ? listCouncilUsers() : Promise.resolve({ items: [] })), [manages]);
  const [memberForm] = Form.useForm<{
    fullName: string;
    position?: string;
    councilRole: string;
    userId?: string;
  }>();
  const [sessionForm] = Form.useForm<{ title: string; heldOn: Dayjs; place?: string }>();
  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
      message.success(t('council.saved'));
      onChanged();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <>
      <Card
        size="small"
        style={{ marginBottom: 16 }}
        title={
          <Space>
            {t('council.members')}
            <Tag>{council.ballotMode === 'secret' ? t('council.secret') : t('council.openBallot')}</Tag>
            <Typography.Text type="secondary">{council.authorityUnitName}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="quorum-rule">
              {t('council.quorumRule', {
                num: council.quorum.numerator,
                den: council.quorum.denominator,
                who: council.quorum.countsWritten ? t('council.quorumWritten') : t('council.quorumPresent'),
              })}
            </Typography.Text>
          </Space>
        }
      >
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={council.members}
          columns={[
            { title: '#', key: 'no', width: 40, render: (_, __, i) => i + 1 },
            { title: t('council.fullName'), dataIndex: 'fullName' },
            { title: t('council.position'), dataIndex: 'position' },
            {
              title: t('council.role'),
              dataIndex: 'councilRole',
              render: (r: keyof typeof COUNCIL_ROLE_LABELS) => COUNCIL_ROLE_LABELS[r],
            },
            { title: t('council.login'), dataIndex: 'username', render: (u: string | null) => u ?? '—' },
            ...(manages
              ? [
                  {
                    key: 'remove',
                    width: 80,
                    render: (_: unknown, m: Council['members'][number]) => (
                      <Popconfirm title={t('council.remove')} onConfirm={() => run(() => removeMember(m.id))}>
                        <Button size="small" danger>
                          {t('council.remove')}
                        </Button>
                      </Popconfirm>
                    ),
                  },
                ]
              : []),
          ]}
        />
        {manages ? (
          <Form
            form={memberForm}
            layout="inline"
            style={{ marginTop: 12, rowGap: 8 }}
            initialValues={{ councilRole: 'member' }}
            onFinish={(v) =>
              run(async () => {
                await addMember(council.id, {
                  fullName: v.fullName,
                  position: v.position ?? '',
                  councilRole: v.councilRole,
                  userId: v.userId ?? null,
                });
                memberForm.resetFields();
              })
            }
          >
            <Form.Item name="fullName" rules={[{ required: true }]}>
              <Input placeholder={t('council.fullName')} aria-label={t('council.fullName')} />
            </Form.Item>
            <Form.Item name="position">
              <Input placeholder={t('council.position')} aria-label={t('council.position')} />
            </Form.Item>
            <Form.Item name="councilRole">
              <Select
                style={{ width: 200 }}
                aria-label={t('council.role')}
                options={COUNCIL_ROLES.map((r) => ({ value: r, label: COUNCIL_ROLE_LABELS[r] }))}
              />
            </Form.Item>
            <Form.Item name="userId">
              <Select
                allowClear
                style={{ width: 220 }}
                placeholder={t('council.login')}
                aria-label={t('council.login')}
                options={(users.data?.items ?? []).map((u) => ({
                  value: u.id,
                  label: `${u.displayName} (${u.username})`,
                }))}
              />
            </Form.Item>
            <Button htmlType="submit">{t('council.addMember')}</Button>
          </Form>
        ) : null}
      </Card>
      <Card size="small" title={t('council.sessions')}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={council.sessions}
          locale={{ emptyText: '—' }}
          columns={[
            {
              title: t('council.sessionTitle'),
              dataIndex: 'title',
              render: (title: string, s) => (
                <Link href={`/council/sessions/${s.id}`} data-testid="session-link">
                  {title}
                </Link>
              ),
            },
            { title: t('council.heldOn'), dataIndex: 'heldOn', width: 120, render: formatIsoDate },
            { title: t('council.place'), dataIndex: 'place' },
            { title: t('council.agenda'), dataIndex: 'items', width: 110, align: 'right' },
            {
              title: '',
              dataIndex: 'status',
              width: 140,
              render: (s: 'planned' | 'open' | 'closed') => (
                <Tag color={STATUS_COLOR[s]}>{t(`council.status.${s}`)}</Tag>
              ),
            },
          ]}
        />
        {manages ? (
          <Form
            form={sessionForm}
            layout="inline"
            style={{ marginTop: 12, rowGap: 8 }}
            onFinish={(v) =>
              run(async () => {
                await createSession(council.id, {
                  title: v.title,
                  heldOn: toIsoDate(v.heldOn)!,
                  place: v.place ?? '',
                });
                sessionForm.resetFields();
              })
            }
          >
            <Form.Item name="title" rules={[{ required: true }]}>
              <Input
                style={{ width: 320 }}
                placeholder={t('council.sessionTitle')}
                aria-label={t('council.sessionTitle')}
              />
            </Form.Item>
            <Form.Item name="heldOn" rules={[{ required: true }]}>
              <DatePicker
                format={DATE_FORMAT}
                placeholder={t('council.heldOn')}
                aria-label={t('council.heldOn')}
              />
            </Form.Item>
            <Form.Item name="place">
              <Input placeholder={t('council.place')} aria-label={t('council.place')} />
            </Form.Item>
            <Button htmlType="submit" data-testid="new-session">
              {t('council.newSession')}
            </Button>
          </Form>
        ) : null}
      </Card>
    </>
  );
}
