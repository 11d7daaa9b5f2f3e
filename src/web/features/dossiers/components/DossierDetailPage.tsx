import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
  TreeSelect,
  Typography,
  Upload,
} from 'antd';
import { DownloadOutlined, PlusOutlined, SafetyCertificateOutlined, UploadOutlined } from '@ant-design/icons';
import {
  ATTACHMENT_KIND_LABELS,
  ATTACHMENT_KINDS,
  DOSSIER_STATUS_LABELS,
  type DossierDetail,
  type ImportPreview,
  type NomineeView,
} from '../../../../shared/dossiers/dossiers.schema';
import { actionsFrom, EDITABLE_STATUSES, type DossierAction } from '../../../../domain/dossiers/workflow';
import { AWARD_CODE_LIST, AWARD_CODES, type AwardCode } from '../../../../shared/registry/catalog';
import type { SuggestionRow } from '../../../../shared/eligibility/eligibility.schema';
import { useI18n, type MessageKey } from '../../../lib/i18n';
import { useCan, useCurrentUser } from '../../../lib/session';
import { useResource } from '../../../lib/use-resource';
import { formatInstant } from '../../../lib/dates';
import { errorMessage } from '../../../lib/api';
import { applyApiError } from '../../../lib/forms';
import { Link } from '../../../lib/router';
import { unitOptions } from '../../../lib/unit-options';
import { ErrorState, LoadingState, PageHeader } from '../../../lib/ui/states';
import { VerdictList, VerdictStatusTag } from '../../../lib/ui/VerdictList';
import {
  actOn,
  addFromSuggestions,
  addNominee,
  attachmentUrl,
  getDossier,
  getTimeline,
  importNominees,
  listUnits,
  removeAttachment,
  removeNominee,
  resolveNominee,
  runChecks,
  searchPeople,
  updateNominee,
  suggestions,
  TEMPLATE_URL,
  uploadAttachment,
} from '../api/dossiers';
import { DeadlineTag, STATUS_COLOR } from './DossiersPage';
import { DossierInfoModal } from './DossierInfoModal';

/** Steps this page offers (disclosure, council and decisions have their own pages). */
const HERE: DossierAction[] = ['submit', 'receive', 'start_review', 'return', 'reject', 'forward'];
const REASONED: DossierAction[] = ['return', 'reject'];

export function DossierDetailPage({ id }: { id: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const canWrite = useCan('write:dossier:own');
  const canReview = useCan('review:dossier:any');
  const dossier = useResource(() => getDossier(id), [id]);
  const timeline = useResource(() => getTimeline(id), [id]);
  const [busy, setBusy] = useState(false);
  const [dialog, setDialog] = useState<DossierAction | null>(null);
  const [editing, setEditing] = useState(false);
  const reload = () => {
    dossier.reload();
    timeline.reload();
  };
  if (dossier.error) return <ErrorState error={dossier.error} onRetry={dossier.reload} />;
  const d = dossier.data;
  if (!d) return <LoadingState />;
  const editable = canWrite && EDITABLE_STATUSES.includes(d.status);
  const reviewing = canReview && (d.status === 'received' || d.status === 'under_review');
  const role = canReview ? 'department' : 'unit';
  const actions = (canWrite || canReview ? actionsFrom(d.status, role) : []).filter((a) => HERE.includes(a));

  const run = async (
    action: DossierAction,
    extra: { reason?: string; transmittal?: string; forwardedToUnitId?: string } = {},
  ) => {
    setBusy(true);
    try {
      const after = await actOn(id, { action: action as 'submit', version: d.version, ...extra });
      message.success(t('dossiers.actionDone', { status: DOSSIER_STATUS_LABELS[after.status] }));
      setDialog(null);
      reload();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const check = async () => {
    setBusy(true);
    try {
      await runChecks(id);
      message.success(t('dossiers.checked'));
      reload();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader
        title={`${d.code} — ${d.title}`}
        subtitle={`${d.proposingUnitName} → ${d.authorityUnitName} · ${d.year}`}
        extra={
          <Space wrap>
            <Link href="/dossiers">{t('dossiers.back')}</Link>
            <Tag color={STATUS_COLOR[d.status]} data-testid="dossier-status">
              {DOSSIER_STATUS_LABELS[d.status]}
            </Tag>
            <DeadlineTag deadline={d.deadline} />
            {editable ? <Button onClick={() => setEditing(true)}>{t('dossiers.general')}</Button> : null}
            {(editable || reviewing || (canReview && d.status === 'submitted')) && d.nominees.length ? (
              <Button icon={<SafetyCertificateOutlined />} onClick={check} loading={busy}>
                {t('dossiers.check')}
              </Button>
            ) : null}
            {actions.map((a) => (
              <Button
                key={a}
                type={a === 'return' || a === 'reject' ? 'default' : 'primary'}
                danger={a === 'reject'}
                loading={busy}
                onClick={() => (REASONED.includes(a) || a === 'forward' ? setDialog(a) : run(a))}
              >
                {t(`dossiers.action.${a}` as MessageKey)}
              </Button>
            ))}
          </Space>
        }
      />
      {d.status === 'returned' && d.returnReason ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('dossiers.returnedBecause', { reason: d.returnReason })}
        />
      ) : null}
      {d.status === 'rejected' && d.rejectReason ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('dossiers.rejectedBecause', { reason: d.rejectReason })}
        />
      ) : null}
      <Nominees d={d} editable={editable} reviewing={reviewing} onChange={reload} />
      {d.quotas.length ? (
        <Card size="small" title={t('dossiers.quota')} style={{ marginTop: 12 }}>
          {d.quotas.map((q) => (
            <div key={q.awardCode}>
              <Tag color={q.exceeded ? 'red' : 'green'}>{AWARD_CODES[q.awardCode].label}</Tag> {q.detail}
            </div>
          ))}
        </Card>
      ) : null}
      <Attachments d={d} editable={editable} onChange={reload} />
      <Card size="small" title={t('dossiers.timeline')} style={{ marginTop: 12 }}>
        <Timeline
          items={(timeline.data ?? []).map((e) => ({
            children: (
              <span>
                <Typography.Text strong>{formatInstant(e.at)}</Typography.Text> · {e.actorName ?? ''} ·{' '}
                {DOSSIER_STATUS_LABELS[e.toStatus as DossierDetail['status']] ?? e.toStatus}
                {e.reason ? ` — ${e.reason}` : ''}
              </span>
            ),
          }))}
        />
      </Card>
      {editing ? <DossierInfoModal dossier={d} onClose={() => setEditing(false)} onSaved={reload} /> : null}
      {dialog ? (
        <ReasonDialog
          action={dialog}
          busy={busy}
          onCancel={() => setDialog(null)}
          onOk={(extra) => run(dialog, extra)}
        />
      ) : null}
    </>
  );
}

function ReasonDialog({
  action,
  busy,
  onOk,
  onCancel,
}: {
  action: DossierAction;
  busy: boolean;
  onOk: (extra: { reason?: string; transmittal?: string; forwardedToUnitId?: string }) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const units = useResource(() => (action === 'forward' ? listUnits() : Promise.resolve([])), [action]);
  return (
    <Modal
      open
      title={t(`dossiers.action.${action}` as MessageKey)}
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={async () => onOk(await form.validateFields())}
    >
      <Form form={form} layout="vertical">
        {action === 'forward' ? (
          <>
            <Form.Item name="forwardedToUnitId" label={t('dossiers.forwardTo')} rules={[{ required: true }]}>
              <TreeSelect treeData={unitOptions(units.data ?? [])} showSearch treeNodeFilterProp="title" />
            </Form.Item>
            <Form.Item
              name="transmittal"
              label={t('dossiers.transmittal')}
              rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập nội dung tờ trình' }]}
            >
              <Input.TextArea rows={4} maxLength={5000} />
            </Form.Item>
          </>
        ) : (
          <Form.Item
            name="reason"
            label={t('dossiers.reason')}
            rules={[{ required: true, whitespace: true, message: t('dossiers.reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function Nominees({
  d,
  editable,
  reviewing,
  onChange,
}: {
  d: DossierDetail;
  editable: boolean;
  reviewing: boolean;
  onChange: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const [adding, setAdding] = useState<'suggest' | RecipientKind | 'import' | null>(null);
  const [editing, setEditing] = useState<NomineeView | null>(null);
  const [resolving, setResolving] = useState<{ n: NomineeView; how: 'accept' | 'exclude' } | null>(null);
  const remove = async (n: NomineeView) => {
    try {
      await removeNominee(d.id, n.id);
      onChange();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  return (
    <Card
      size="small"
      title={t('dossiers.nominees')}
      extra={
        editable ? (
          <Space wrap>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding('suggest')}>
              {t('dossiers.fromSuggestions')}
            </Button>
            <Button icon={<PlusOutlined />} onClick={() => setAdding('individual')}>
              {t('dossiers.addPerson')}
            </Button>
            <Button icon={<PlusOutlined />} onClick={() => setAdding('collective')}>
              {t('dossiers.addUnit')}
            </Button>
            <Button icon={<PlusOutlined />} onClick={() => setAdding('household')}>
              {t('dossiers.addHousehold')}
            </Button>
            <Button icon={<UploadOutlined />} onClick={() => setAdding('import')}>
              {t('dossiers.import')}
            </Button>
          </Space>
        ) : null
      }
    >
      <Table<NomineeView>
        rowKey="id"
        size="small"
        dataSource={d.nominees}
        pagination={false}
        data-testid="nominees"
        expandable={{
          rowExpandable: (n) => Boolean(n.verdict?.checks.length),
          expandedRowRender: (n) => (n.verdict ? <VerdictList verdicts={[n.verdict]} /> : null),
        }}
        rowClassName={(n) => (n.excludedReason ? 'vd-row-muted' : '')}
        columns={[
          {
            title: t('dossiers.nominee'),
            render: (_: unknown, n) => (
              <span>
                <Typography.Text strong delete={Boolean(n.excludedReason)}>
                  {n.name}
                </Typography.Text>
                {n.code ? <Typography.Text type="secondary"> ({n.code})</Typography.Text> : null}
              </span>
            ),
          },
          {
            title: t('dossiers.award'),
            width: 220,
            render: (_: unknown, n) => AWARD_CODES[n.awardCode].label,
          },
          {
            title: t('dossiers.verdict'),
            width: 170,
            render: (_: unknown, n) =>
              !n.checkedAt ? (
                <Tag>{t('dossiers.unchecked')}</Tag>
              ) : n.verdictStatus === 'unknown' ? (
                <Tag>{t('dossiers.unchecked')}</Tag>
              ) : n.verdict ? (
                <VerdictStatusTag status={n.verdictStatus} />
              ) : (
                <Tag color="orange" title={t('dossiers.noRule')}>
                  {t('dossiers.noRule')}
                </Tag>
              ),
          },
          {
            title: t('dossiers.flags'),
            render: (_: unknown, n) => (
              <Flex vertical gap={2}>
                {n.flags.map((f) => (
                  <Typography.Text key={f.code} type="danger" style={{ fontSize: 12 }}>
                    ⚠ {f.message}
                  </Typography.Text>
                ))}
                {n.acceptedReason ? (
                  <Typography.Text type="success" style={{ fontSize: 12 }}>
                    {t('dossiers.accepted', { reason: n.acceptedReason })}
                  </Typography.Text>
                ) : null}
                {n.excludedReason ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('dossiers.excluded', { reason: n.excludedReason })}
                  </Typography.Text>
                ) : null}
              </Flex>
            ),
          },
          {
            width: 190,
            render: (_: unknown, n) => (
              <Space size={4}>
                {editable ? (
                  <>
                    <Button size="small" onClick={() => setEditing(n)}>
                      {t('dossiers.edit')}
                    </Button>
                    <Button size="small" danger onClick={() => remove(n)}>
                      {t('dossiers.remove')}
                    </Button>
                  </>
                ) : null}
                {reviewing && !n.excludedReason ? (
                  <>
                    {n.verdictStatus !== 'ineligible' &&
                    !n.acceptedReason &&
                    (n.verdictStatus === 'needs_review' || n.flags.length) ? (
                      <Button size="small" onClick={() => setResolving({ n, how: 'accept' })}>
                        {t('dossiers.accept')}
                      </Button>
                    ) : null}
                    <Button size="small" danger onClick={() => setResolving({ n, how: 'exclude' })}>
                      {t('dossiers.exclude')}
                    </Button>
                  </>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      {adding === 'suggest' ? (
        <SuggestionsModal d={d} onClose={() => setAdding(null)} onAdded={onChange} />
      ) : null}
      {adding === 'individual' || adding === 'collective' || adding === 'household' ? (
        <NomineeModal d={d} kind={adding} onClose={() => setAdding(null)} onAdded={onChange} />
      ) : null}
      {editing ? (
        <NomineeModal
          d={d}
          kind={editing.recipientKind}
          editing={editing}
          onClose={() => setEditing(null)}
          onAdded={onChange}
        />
      ) : null}
      {adding === 'import' ? (
        <ImportModal d={d} csrf={user.csrfToken} onClose={() => setAdding(null)} onAdded={onChange} />
      ) : null}
      {resolving ? (
        <ResolveModal
          d={d}
          n={resolving.n}
          how={resolving.how}
          onClose={() => setResolving(null)}
          onDone={() => {
            setResolving(null);
            onChange();
          }}
        />
      ) : null}
    </Card>
  );
}

function ResolveModal({
  d,
  n,
  how,
  onClose,
  onDone,
}: {
  d: DossierDetail;
  n: NomineeView;
  how: 'accept' | 'exclude';
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open
      title={t(how === 'accept' ? 'dossiers.acceptTitle' : 'dossiers.excludeTitle', { name: n.name })}
      confirmLoading={busy}
      onCancel={onClose}
      onOk={async () => {
        const { reason } = await form.validateFields();
        setBusy(true);
        try {
          await resolveNominee(d.id, n.id, how, reason);
          onDone();
        } catch (err) {
          message.error(errorMessage(err));
        } finally {
          setBusy(false);
        }
      }}
    >
      {n.flags.map((f) => (
        <Alert key={f.code} type="warning" message={f.message} style={{ marginBottom: 8 }} />
      ))}
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t('dossiers.reason')}
          rules={[{ required: true, whitespace: true, message: t('dossiers.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

const awardOptions = (kind?: 'individual' | 'collective' | 'household') =>
  AWARD_CODE_LIST.filter((c) => !kind || (AWARD_CODES[c].recipients as readonly string[]).includes(kind)).map(
    (c) => ({
      value: c,
      label: AWARD_CODES[c].label,
    }),
  );

function SuggestionsModal({
  d,
  onClose,
  onAdded,
}: {
  d: DossierDetail;
  onClose: () => void;
  onAdded: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [award, setAward] = useState<AwardCode>('LDTT');
  const [selected, setSelected] = useState<SuggestionRow[]>([]);
  const [busy, setBusy] = useState(false);
  const rows = useResource(() => suggestions(d.year, award), [d.year, award]);
  const add = async () => {
    setBusy(true);
    try {
      const added = await addFromSuggestions(d.id, {
        awardCode: award,
        personIds: selected.filter((r) => r.subjectKind === 'individual').map((r) => r.subjectId),
        unitIds: selected.filter((r) => r.subjectKind === 'collective').map((r) => r.subjectId),
      });
      message.success(t('dossiers.added', { n: added.length }));
      onAdded();
      onClose();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      width={900}
      title={t('dossiers.suggestionsTitle', { year: d.year })}
      onCancel={onClose}
      onOk={add}
      okText={t('dossiers.addSelected', { n: selected.length })}
      okButtonProps={{ disabled: !selected.length, loading: busy }}
    >
      <Typography.Paragraph type="secondary">{t('dossiers.suggestionsHint')}</Typography.Paragraph>
      <Select<AwardCode>
        aria-label={t('dossiers.award')}
        style={{ width: 320, marginBottom: 8 }}
        value={award}
        onChange={(v) => {
          setAward(v);
          setSelected([]);
        }}
        options={awardOptions()}
        showSearch
        optionFilterProp="label"
      />
      {rows.error ? <ErrorState error={rows.error} onRetry={rows.reload} /> : null}
      <Table<SuggestionRow>
        rowKey={(r) => `${r.subjectKind}:${r.subjectId}`}
        size="small"
        loading={rows.loading}
        dataSource={(rows.data?.items ?? []).filter((r) => r.status !== 'ineligible')}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        rowSelection={{
          selectedRowKeys: selected.map((r) => `${r.subjectKind}:${r.subjectId}`),
          onChange: (_, rs) => setSelected(rs),
        }}
        columns={[
          { title: t('dossiers.code'), dataIndex: 'code', width: 110 },
          { title: t('dossiers.nominee'), dataIndex: 'name' },
          { title: t('dossiers.unit'), dataIndex: 'unitName' },
          {
            title: t('dossiers.verdict'),
            width: 150,
            render: (_: unknown, r) => <VerdictStatusTag status={r.status} nearMiss={r.nearMiss} />,
          },
        ]}
      />
    </Modal>
  );
}

type RecipientKind = 'individual' | 'collective' | 'household';

/** Adds one nominee of any kind, or edits the title and summary of one (`editing`). */
function NomineeModal({
  d,
  kind,
  editing,
  onClose,
  onAdded,
}: {
  d: DossierDetail;
  kind: RecipientKind;
  editing?: NomineeView;
  onClose: () => void;
  onAdded: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{
    personId?: string;
    unitId?: string;
    householdName?: string;
    householdAddress?: string;
    awardCode: AwardCode;
    achievementSummary?: string;
  }>();
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const units = useResource(
    () => (kind === 'collective' && !editing ? listUnits() : Promise.resolve([])),
    [kind],
  );
  const search = async (q: string) => {
    if (q.trim().length < 2) return;
    const r = await searchPeople(q);
    setOptions(
      r.items.map((p) => ({ value: p.id, label: `${p.fullName} (${p.code}) — ${p.unitName ?? ''}` })),
    );
  };
  const title = editing
    ? editing.name
    : t(
        kind === 'individual'
          ? 'dossiers.addPerson'
          : kind === 'collective'
            ? 'dossiers.addUnit'
            : 'dossiers.addHousehold',
      );
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={async () => {
        const v = await form.validateFields();
        try {
          if (editing)
            await updateNominee(d.id, editing.id, {
              awardCode: v.awardCode,
              achievementSummary: v.achievementSummary ?? '',
            });
          else
            await addNominee(d.id, {
              recipientKind: kind,
              personId: v.personId ?? null,
              unitId: v.unitId ?? null,
              householdName: v.householdName ?? null,
              householdAddress: v.householdAddress ?? null,
              awardCode: v.awardCode,
              achievementSummary: v.achievementSummary ?? '',
            });
          onAdded();
          onClose();
        } catch (err) {
          message.error(applyApiError(form, err));
        }
      }}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          editing
            ? { awardCode: editing.awardCode, achievementSummary: editing.achievementSummary }
            : { awardCode: kind === 'individual' ? 'LDTT' : kind === 'collective' ? 'TTLDTT' : 'GIAY_KHEN' }
        }
      >
        {!editing && kind === 'individual' ? (
          <Form.Item name="personId" label={t('dossiers.nominee')} rules={[{ required: true }]}>
            <Select showSearch filterOption={false} onSearch={search} options={options} />
          </Form.Item>
        ) : null}
        {!editing && kind === 'collective' ? (
          <Form.Item name="unitId" label={t('dossiers.nominee')} rules={[{ required: true }]}>
            <TreeSelect treeData={unitOptions(units.data ?? [])} showSearch treeNodeFilterProp="title" />
          </Form.Item>
        ) : null}
        {!editing && kind === 'household' ? (
          <>
            <Form.Item
              name="householdName"
              label={t('dossiers.nominee')}
              rules={[{ required: true, whitespace: true, message: 'Nhập tên hộ gia đình' }]}
            >
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="householdAddress" label="Địa chỉ">
              <Input maxLength={300} />
            </Form.Item>
          </>
        ) : null}
        <Form.Item name="awardCode" label={t('dossiers.award')} rules={[{ required: true }]}>
          <Select options={awardOptions(kind)} showSearch optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="achievementSummary" label={t('dossiers.summary')}>
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ImportModal({
  d,
  csrf,
  onClose,
  onAdded,
}: {
  d: DossierDetail;
  csrf: string;
  onClose: () => void;
  onAdded: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const commit = async () => {
    if (!file) return;
    setBusy(true);
    try {
      await importNominees(d.id, file, true, csrf);
      onAdded();
      onClose();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      width={800}
      title={t('dossiers.import')}
      onCancel={onClose}
      onOk={commit}
      okText={t('dossiers.importCommit')}
      okButtonProps={{
        disabled: !preview || Object.keys(preview.errors).length > 0 || !preview.rows.length,
        loading: busy,
      }}
    >
      <Space style={{ marginBottom: 8 }}>
        <Button icon={<DownloadOutlined />} href={TEMPLATE_URL}>
          {t('dossiers.template')}
        </Button>
        <Upload
          accept=".xlsx"
          maxCount={1}
          showUploadList={false}
          beforeUpload={(f) => {
            setFile(f);
            importNominees(d.id, f, false, csrf).then(setPreview, (err: unknown) =>
              message.error(errorMessage(err)),
            );
            return false;
          }}
        >
          <Button icon={<UploadOutlined />}>{t('dossiers.upload')}</Button>
        </Upload>
      </Space>
      {preview ? (
        <>
          <Typography.Paragraph>
            {t('dossiers.importPreview', { n: preview.rows.length })}
          </Typography.Paragraph>
          {Object.values(preview.errors).map((e) => (
            <Alert key={e} type="error" message={e} style={{ marginBottom: 4 }} />
          ))}
          <Table
            rowKey="row"
            size="small"
            dataSource={preview.rows}
            pagination={false}
            columns={[
              { title: '#', dataIndex: 'row', width: 50 },
              { title: t('dossiers.code'), dataIndex: 'code' },
              { title: t('dossiers.nominee'), dataIndex: 'name' },
              {
                title: t('dossiers.award'),
                dataIndex: 'awardCode',
                render: (c: AwardCode) => AWARD_CODES[c]?.label ?? c,
              },
            ]}
          />
        </>
      ) : null}
    </Modal>
  );
}

function Attachments({
  d,
  editable,
  onChange,
}: {
  d: DossierDetail;
  editable: boolean;
  onChange: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const [kind, setKind] = useState<(typeof ATTACHMENT_KINDS)[number]>('submission_letter');
  const [busy, setBusy] = useState(false);
  const missing = d.requiredAttachments.filter((k) => !d.attachments.some((a) => a.kind === k));
  return (
    <Card
      size="small"
      title={t('dossiers.attachments')}
      style={{ marginTop: 12 }}
      extra={
        editable ? (
          <Space>
            <Select
              aria-label={t('dossiers.kind')}
              style={{ width: 260 }}
              value={kind}
              onChange={setKind}
              options={ATTACHMENT_KINDS.map((k) => ({ value: k, label: ATTACHMENT_KIND_LABELS[k] }))}
            />
            <Upload
              accept=".pdf,.docx,.jpg,.jpeg,.png"
              showUploadList={false}
              beforeUpload={(file) => {
                setBusy(true);
                uploadAttachment(d.id, kind, file, user.csrfToken)
                  .then(
                    (a) => {
                      message.success(t('dossiers.uploaded', { name: a.fileName }));
                      onChange();
                    },
                    (err: unknown) => message.error(errorMessage(err)),
                  )
                  .finally(() => setBusy(false));
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={busy} data-testid="upload-attachment">
                {t('dossiers.upload')}
              </Button>
            </Upload>
          </Space>
        ) : null
      }
    >
      {missing.length ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          message={t('dossiers.required', {
            kinds: missing.map((k) => ATTACHMENT_KIND_LABELS[k]).join(', '),
          })}
          description={editable ? t('dossiers.uploadHint') : undefined}
        />
      ) : null}
      <Table
        rowKey="id"
        size="small"
        dataSource={d.attachments}
        pagination={false}
        columns={[
          {
            title: t('dossiers.kind'),
            dataIndex: 'kind',
            width: 260,
            render: (k: (typeof ATTACHMENT_KINDS)[number]) => ATTACHMENT_KIND_LABELS[k],
          },
          {
            title: 'Tệp',
            render: (_: unknown, a) => (
              <a href={attachmentUrl(d.id, a.id)}>
                {a.fileName} ({Math.ceil(a.size / 1024)} KB)
              </a>
            ),
          },
          { width: 150, render: (_: unknown, a) => formatInstant(a.createdAt) },
          {
            width: 80,
            render: (_: unknown, a) =>
              editable ? (
                <Button
                  size="small"
                  danger
                  onClick={() =>
                    removeAttachment(d.id, a.id).then(onChange, (err: unknown) =>
                      message.error(errorMessage(err)),
                    )
                  }
                >
                  {t('dossiers.remove')}
                </Button>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}
