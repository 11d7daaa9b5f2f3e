import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { DownloadOutlined, MinusCircleOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { AWARD_CODE_LIST, AWARD_CODES } from '../../../../shared/registry/catalog';
import {
  REGISTRATION_STATUS_LABELS,
  registrationItemInput,
  type RegistrationDetail,
  type RegistrationSummary,
} from '../../../../shared/movements/registration.schema';
import { useI18n } from '../../../lib/i18n';
import { useCan, useCurrentUser } from '../../../lib/session';
import { useResource } from '../../../lib/use-resource';
import { formatInstant } from '../../../lib/dates';
import { errorMessage } from '../../../lib/api';
import { ErrorState, LoadingState, PageHeader } from '../../../lib/ui/states';
import {
  approveRegistration,
  createRegistration,
  forwardRegistrations,
  getRegistration,
  getRegistrationAggregate,
  importItems,
  listRegistrations,
  returnRegistration,
  searchPeople,
  submitRegistration,
  TEMPLATE_URL,
  updateRegistration,
} from '../api/registration';

const STATUS_COLOR = {
  draft: 'default',
  submitted: 'processing',
  returned: 'error',
  approved: 'success',
} as const;

/** "Đăng ký thi đua": the unit's own list (units), the department's aggregated list (officers). */
export function RegistrationPage() {
  const { t } = useI18n();
  const canWrite = useCan('write:registration:own');
  const canDecide = useCan('decide:registration:any');
  const [year, setYear] = useState(new Date().getFullYear());
  const years = Array.from({ length: 8 }, (_, i) => new Date().getFullYear() + 1 - i);
  return (
    <>
      <PageHeader
        title={t('registration.title')}
        subtitle={t('registration.subtitle')}
        extra={
          <Select<number>
            aria-label={t('movements.year')}
            style={{ width: 110 }}
            value={year}
            onChange={setYear}
            options={years.map((y) => ({ value: y, label: String(y) }))}
          />
        }
      />
      {canWrite ? <OwnRegistration key={`own-${year}`} year={year} /> : null}
      {canDecide || !canWrite ? (
        <DepartmentList key={`dept-${year}`} year={year} canDecide={canDecide} />
      ) : null}
    </>
  );
}

function StatusTag({ status }: { status: RegistrationSummary['status'] }) {
  return <Tag color={STATUS_COLOR[status]}>{REGISTRATION_STATUS_LABELS[status]}</Tag>;
}

interface ItemRow {
  recipientKind: 'collective' | 'individual';
  personId?: string | null;
  awardCode?: string;
  note?: string;
}

function OwnRegistration({ year }: { year: number }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const list = useResource(() => listRegistrations(year), [year]);
  const mine = list.data?.find((r) => r.unitId === user.unitId) ?? list.data?.[0];
  const detail = useResource(
    () => (mine ? getRegistration(mine.id) : Promise.resolve(undefined)),
    [mine?.id, mine?.version],
  );
  const [form] = Form.useForm<{ note: string; items: ItemRow[] }>();
  const [error, setError] = useState<string>();
  const [people, setPeople] = useState<{ value: string; label: string }[]>([]);
  const d = detail.data;
  const editable = !!d && (d.status === 'draft' || d.status === 'returned');

  useEffect(() => {
    if (!d) return;
    form.setFieldsValue({
      note: d.note,
      items: d.items.map((i) => ({
        recipientKind: i.recipientKind,
        personId: i.personId,
        awardCode: i.awardCode,
        note: i.note,
      })),
    });
    setPeople(
      d.items.flatMap((i) =>
        i.personId ? [{ value: i.personId, label: `${i.personCode} — ${i.personName}` }] : [],
      ),
    );
  }, [d, form]);

  const reload = () => list.reload();
  const run = async (fn: () => Promise<unknown>, done: string) => {
    setError(undefined);
    try {
      await fn();
      message.success(done);
      reload();
    } catch (e) {
      setError(errorMessage(e));
      const fields = (e as { fields?: Record<string, string> }).fields;
      if (fields && Object.keys(fields).length)
        setError(`${errorMessage(e)} ${Object.values(fields).join('; ')}`);
    }
  };

  const itemsOf = (rows: ItemRow[] | undefined) =>
    (rows ?? []).map((r) => ({
      recipientKind: r.recipientKind,
      personId: r.recipientKind === 'individual' ? (r.personId ?? null) : null,
      awardCode: r.awardCode as (typeof AWARD_CODE_LIST)[number],
      note: r.note ?? '',
    }));

  const save = async () => {
    const v = form.getFieldsValue();
    const items = itemsOf(v.items);
    for (const [n, it] of items.entries()) {
      const p = registrationItemInput.safeParse(it);
      if (!p.success) {
        setError(`${t('registration.line', { n: n + 1 })}: ${p.error.issues[0]?.message}`);
        return false;
      }
    }
    await run(
      () => updateRegistration(d!.id, { note: v.note ?? '', items, version: d!.version }),
      t('common.saved'),
    );
    return true;
  };

  const searchFor = async (q: string) => {
    if (q.trim().length < 2) return;
    const r = await searchPeople(q);
    setPeople(r.items.map((p) => ({ value: p.id, label: `${p.code} — ${p.fullName}` })));
  };

  if (list.error) return <ErrorState error={list.error} onRetry={list.reload} />;
  if (list.loading && !list.data) return <LoadingState />;

  if (!mine)
    return (
      <Card size="small" title={t('registration.own', { unit: user.unitName })}>
        <Space direction="vertical">
          <Typography.Text>{t('registration.none', { year })}</Typography.Text>
          <Button
            type="primary"
            onClick={() =>
              run(
                () =>
                  createRegistration({ year, items: [{ recipientKind: 'collective', awardCode: 'TTLDTT' }] }),
                t('registration.created'),
              )
            }
          >
            {t('registration.create')}
          </Button>
        </Space>
      </Card>
    );

  return (
    <Card
      size="small"
      title={
        <Space>
          {t('registration.own', { unit: mine.unitName })}
          <StatusTag status={mine.status} />
        </Space>
      }
      extra={
        <Space wrap>
          <Button icon={<DownloadOutlined />} href={TEMPLATE_URL}>
            {t('registration.template')}
          </Button>
          {editable && d ? (
            <Upload
              accept=".xlsx"
              showUploadList={false}
              beforeUpload={(file) => {
                void run(
                  () => importItems(d.id, d.version, file, user.csrfToken),
                  t('registration.imported'),
                );
                return false;
              }}
            >
              <Button icon={<UploadOutlined />}>{t('registration.import')}</Button>
            </Upload>
          ) : null}
        </Space>
      }
    >
      {mine.status === 'returned' && mine.returnReason ? (
        <Alert
          type="warning"
          showIcon
          title={t('registration.returnedBecause')}
          description={mine.returnReason}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      {!d ? (
        <LoadingState />
      ) : (
        <Form form={form} layout="vertical" disabled={!editable}>
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, n) => (
                  <Space key={f.key} align="baseline" wrap data-testid={`item-${n}`}>
                    <Typography.Text type="secondary">{n + 1}.</Typography.Text>
                    <Form.Item name={[f.name, 'recipientKind']}>
                      <Select
                        style={{ width: 120 }}
                        aria-label={t('registration.recipient')}
                        options={[
                          { value: 'collective', label: t('registration.collective') },
                          { value: 'individual', label: t('registration.individual') },
                        ]}
                      />
                    </Form.Item>
                    <Form.Item noStyle shouldUpdate>
                      {() =>
                        form.getFieldValue(['items', f.name, 'recipientKind']) === 'individual' ? (
                          <Form.Item name={[f.name, 'personId']}>
                            <Select
                              showSearch
                              style={{ width: 260 }}
                              placeholder={t('registration.person')}
                              filterOption={false}
                              onSearch={(q) => void searchFor(q)}
                              options={people}
                            />
                          </Form.Item>
                        ) : null
                      }
                    </Form.Item>
                    <Form.Item name={[f.name, 'awardCode']}>
                      <Select
                        style={{ width: 280 }}
                        aria-label={t('registration.award')}
                        options={AWARD_CODE_LIST.map((c) => ({ value: c, label: AWARD_CODES[c].label }))}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'note']}>
                      <Input placeholder={t('registration.note')} style={{ width: 200 }} />
                    </Form.Item>
                    {editable ? (
                      <MinusCircleOutlined
                        aria-label={t('registration.removeLine')}
                        onClick={() => remove(f.name)}
                      />
                    ) : null}
                  </Space>
                ))}
                {editable ? (
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    onClick={() => add({ recipientKind: 'individual' })}
                  >
                    {t('registration.addLine')}
                  </Button>
                ) : null}
              </>
            )}
          </Form.List>
          <Form.Item name="note" label={t('registration.note')} style={{ marginTop: 12 }}>
            <Input.TextArea rows={2} />
          </Form.Item>
          {editable ? (
            <Space>
              <Button onClick={() => void save()}>{t('common.save')}</Button>
              <Button
                type="primary"
                onClick={() => {
                  Modal.confirm({
                    title: t('registration.submitConfirm'),
                    okText: t('registration.submit'),
                    cancelText: t('common.cancel'),
                    onOk: () => run(() => submitRegistration(d.id, d.version), t('registration.submitted')),
                  });
                }}
              >
                {t('registration.submit')}
              </Button>
            </Space>
          ) : (
            <Typography.Text type="secondary">
              {mine.submittedAt
                ? t('registration.submittedAt', { at: formatInstant(mine.submittedAt) })
                : null}
            </Typography.Text>
          )}
        </Form>
      )}
    </Card>
  );
}

function DepartmentList({ year, canDecide }: { year: number; canDecide: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const rows = useResource(() => listRegistrations(year), [year]);
  const agg = useResource(() => getRegistrationAggregate(year), [year]);
  const [returning, setReturning] = useState<RegistrationSummary>();
  const [reason, setReason] = useState('');
  const [open, setOpen] = useState<string>();
  const detail = useResource(
    () => (open ? getRegistration(open) : Promise.resolve(undefined as RegistrationDetail | undefined)),
    [open],
  );
  const reload = () => {
    rows.reload();
    agg.reload();
  };
  const run = async (fn: () => Promise<unknown>, done: string) => {
    try {
      await fn();
      message.success(done);
      reload();
      return true;
    } catch (e) {
      message.error(errorMessage(e));
      return false;
    }
  };
  const awards = useMemo(() => agg.data?.byAward ?? [], [agg.data]);

  if (rows.error) return <ErrorState error={rows.error} onRetry={rows.reload} />;
  return (
    <Card
      size="small"
      title={t('registration.department', { year })}
      style={{ marginTop: 12 }}
      extra={
        canDecide ? (
          <Button
            type="primary"
            disabled={!agg.data?.forwardable}
            onClick={() =>
              run(async () => {
                const r = await forwardRegistrations(year);
                message.info(t('registration.forwardedN', { n: r.forwarded }));
              }, t('registration.forwarded'))
            }
          >
            {t('registration.forward')} {agg.data?.forwardable ? `(${agg.data.forwardable})` : ''}
          </Button>
        ) : null
      }
    >
      {awards.length ? (
        <Space wrap style={{ marginBottom: 12 }}>
          {awards.map((a) => (
            <Tag key={`${a.awardCode}-${a.recipientKind}`}>
              {AWARD_CODES[a.awardCode as keyof typeof AWARD_CODES]?.label ?? a.awardCode} (
              {a.recipientKind === 'individual' ? t('registration.individual') : t('registration.collective')}
              ): <b>{a.count}</b>
            </Tag>
          ))}
        </Space>
      ) : null}
      <Table<RegistrationSummary>
        size="small"
        rowKey="id"
        pagination={false}
        loading={rows.loading}
        dataSource={rows.data ?? []}
        locale={{ emptyText: t('registration.emptyYear', { year }) }}
        expandable={{
          expandedRowKeys: open ? [open] : [],
          onExpand: (expanded, r) => setOpen(expanded ? r.id : undefined),
          expandedRowRender: () =>
            detail.data ? (
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={detail.data.items}
                columns={[
                  {
                    title: t('registration.recipient'),
                    key: 'r',
                    render: (_v, i) =>
                      i.recipientKind === 'individual'
                        ? `${i.personName ?? ''} (${i.personCode ?? ''})`
                        : t('registration.collective'),
                  },
                  {
                    title: t('registration.award'),
                    dataIndex: 'awardCode',
                    render: (c: string) => AWARD_CODES[c as keyof typeof AWARD_CODES]?.label ?? c,
                  },
                  { title: t('registration.note'), dataIndex: 'note' },
                ]}
              />
            ) : (
              <LoadingState />
            ),
        }}
        columns={[
          { title: t('movements.unit'), dataIndex: 'unitName' },
          {
            title: t('movements.status'),
            key: 's',
            width: 140,
            render: (_v, r) => (
              <Space direction="vertical" size={0}>
                <StatusTag status={r.status} />
                {r.forwarded ? <Tag color="purple">{t('registration.forwardedTag')}</Tag> : null}
              </Space>
            ),
          },
          { title: t('registration.collective'), dataIndex: 'collectiveCount', width: 90 },
          { title: t('registration.individual'), dataIndex: 'individualCount', width: 90 },
          { title: t('registration.returnReason'), dataIndex: 'returnReason' },
          {
            title: t('common.actions'),
            key: 'a',
            width: 200,
            render: (_v, r) =>
              canDecide && r.status === 'submitted' ? (
                <Space>
                  <Button
                    size="small"
                    type="primary"
                    onClick={() =>
                      run(() => approveRegistration(r.id, r.version), t('registration.approved'))
                    }
                  >
                    {t('registration.approve')}
                  </Button>
                  <Button size="small" danger onClick={() => setReturning(r)}>
                    {t('registration.return')}
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      {returning ? (
        <Modal
          open
          title={t('registration.returnTitle', { unit: returning.unitName })}
          okText={t('registration.return')}
          cancelText={t('common.cancel')}
          okButtonProps={{ disabled: !reason.trim() }}
          onCancel={() => setReturning(undefined)}
          onOk={async () => {
            if (
              await run(
                () => returnRegistration(returning.id, reason, returning.version),
                t('registration.returnedDone'),
              )
            ) {
              setReturning(undefined);
              setReason('');
            }
          }}
        >
          <Input.TextArea
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder={t('registration.reasonPlaceholder')}
            aria-label={t('registration.returnReason')}
          />
        </Modal>
      ) : null}
    </Card>
  );
}
