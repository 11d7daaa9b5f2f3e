import type { ButtonProps } from 'antd';
import { useEffect, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import {
  ArrowDownOutlined,
  ArrowLeftOutlined,
  ArrowUpOutlined,
  CheckCircleOutlined,
  DeleteOutlined,
  FileExcelOutlined,
  FileWordOutlined,
  RollbackOutlined,
} from '@ant-design/icons';
import {
  DECISION_KIND_LABELS,
  DECISION_STATUS_LABELS,
  SIGN_MODES,
  SIGN_MODE_LABELS,
  type DecisionDetail,
  type RecipientLine,
} from '../../../../shared/decisions/decisions.schema';
import { formatDong } from '../../../../domain/money/vietnamese-words';
import { useI18n } from '../../../lib/i18n';
import { Link, navigate } from '../../../lib/router';
import { useCan } from '../../../lib/session';
import { useResource } from '../../../lib/use-resource';
import { DATE_FORMAT, formatInstant, formatIsoDate, fromIsoDate, toIsoDate } from '../../../lib/dates';
import { errorMessage } from '../../../lib/api';
import { ErrorState, LoadingState } from '../../../lib/ui/states';
import {
  createDecision,
  deleteDecision,
  excelUrl,
  getDecision,
  issueDecision,
  updateDecision,
  wordUrl,
} from '../api/decisions';

const dots = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

interface EditorValues {
  decidedOn?: ReturnType<typeof fromIsoDate>;
  summary: string;
  signMode: DecisionDetail['signMode'];
  signerName: string;
  signerTitle: string;
  place: string;
  basis: string;
  recipientsNote: string;
}

export function DecisionDetailPage({ id }: { id: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const canWrite = useCan('write:decision:any');
  const canIssue = useCan('issue:decision:any');
  /** A date typed in the editor but not saved: the prize money is previewed for it. */
  const [previewDate, setPreviewDate] = useState<string | undefined>();
  const res = useResource(() => getDecision(id, previewDate), [id, previewDate]);
  const [form] = Form.useForm<EditorValues>();
  const [busy, setBusy] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const d = res.data;

  useEffect(() => {
    if (!d || previewDate !== undefined) return;
    form.setFieldsValue({
      decidedOn: fromIsoDate(d.decidedOn),
      summary: d.summary,
      signMode: d.signMode,
      signerName: d.signerName,
      signerTitle: d.signerTitle,
      place: d.place,
      basis: d.basis,
      recipientsNote: d.recipientsNote,
    });
  }, [d, form, previewDate]);

  if (res.error && !d) return <ErrorState error={res.error} onRetry={res.reload} />;
  if (!d) return <LoadingState />;
  const draft = d.status === 'draft';
  const editable = draft && canWrite;

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const save = () =>
    run(async () => {
      const v = await form.validateFields();
      await updateDecision(d.id, {
        version: d.version,
        decidedOn: toIsoDate(v.decidedOn) ?? null,
        summary: v.summary,
        signMode: v.signMode,
        signerName: v.signerName ?? '',
        signerTitle: v.signerTitle ?? '',
        place: v.place ?? '',
        basis: v.basis ?? '',
        recipientsNote: v.recipientsNote ?? '',
      });
      message.success(t('decisions.saved'));
      setPreviewDate(undefined);
      res.reload();
    });
  const move = (line: RecipientLine, delta: number) =>
    run(async () => {
      const order = d.recipients.map((r) => r.id);
      const i = order.indexOf(line.id);
      const j = i + delta;
      if (j < 0 || j >= order.length) return;
      [order[i], order[j]] = [order[j]!, order[i]!];
      await updateDecision(d.id, { version: d.version, recipientOrder: order });
      res.reload();
    });
  const issue = () =>
    Modal.confirm({
      title: t('decisions.issueConfirmTitle'),
      content: t('decisions.issueConfirm', { total: formatDong(d.total), n: d.recipients.length }),
      okText: t('decisions.issue'),
      okButtonProps: { 'data-testid': 'decision-issue-confirm' } as ButtonProps,
      onOk: () =>
        run(async () => {
          const done = await issueDecision(d.id, d.version);
          message.success(t('decisions.issued', { number: done.number ?? '' }));
          setPreviewDate(undefined);
          res.reload();
        }),
    });
  const remove = () =>
    run(async () => {
      await deleteDecision(d.id, d.version);
      message.success(t('decisions.deleted'));
      navigate('/decisions');
    });
  const revoke = (kind: 'revocation' | 'correction') =>
    run(async () => {
      const awardIds = d.recipients
        .filter((r) => selected.includes(r.id) && r.awardId)
        .map((r) => r.awardId!);
      const created = await createDecision({
        kind,
        dossierIds: [],
        referencesDecisionId: d.id,
        awardIds,
      });
      message.success(t('decisions.revokeCreated'));
      navigate(`/decisions/${created.id}`);
    });

  return (
    <>
      <Flex justify="space-between" align="flex-start" gap={16} wrap style={{ marginBottom: 12 }}>
        <div>
          <Link href="/decisions">
            <ArrowLeftOutlined /> {t('decisions.back')}
          </Link>
          <Typography.Title level={4} style={{ margin: '4px 0 0' }} data-testid="decision-number">
            {d.number ? t('decisions.heading', { number: d.number }) : t('decisions.draftNumber')}{' '}
            <Tag color={draft ? 'default' : 'success'}>{DECISION_STATUS_LABELS[d.status]}</Tag>
            {d.kind !== 'award' ? <Tag color="orange">{DECISION_KIND_LABELS[d.kind]}</Tag> : null}
          </Typography.Title>
          <Typography.Text type="secondary">{d.summary}</Typography.Text>
        </div>
        <Space wrap>
          <Button icon={<FileWordOutlined />} href={wordUrl(d.id)} data-testid="decision-word">
            {t('decisions.word')}
          </Button>
          <Button icon={<FileExcelOutlined />} href={excelUrl(d.id)} data-testid="decision-excel">
            {t('decisions.excel')}
          </Button>
          {draft && canIssue ? (
            <Button
              type="primary"
              icon={<CheckCircleOutlined />}
              onClick={issue}
              loading={busy}
              data-testid="decision-issue"
            >
              {t('decisions.issue')}
            </Button>
          ) : null}
          {editable ? (
            <Popconfirm title={t('decisions.deleteConfirm')} onConfirm={remove}>
              <Button danger icon={<DeleteOutlined />} data-testid="decision-delete">
                {t('decisions.delete')}
              </Button>
            </Popconfirm>
          ) : null}
          {!draft && d.kind === 'award' && canWrite ? (
            <>
              <Button
                icon={<RollbackOutlined />}
                disabled={selected.length === 0}
                onClick={() => revoke('revocation')}
                data-testid="decision-revoke"
              >
                {t('decisions.revoke')}
              </Button>
              <Button disabled={selected.length === 0} onClick={() => revoke('correction')}>
                {t('decisions.correct')}
              </Button>
            </>
          ) : null}
        </Space>
      </Flex>

      {d.referencesNumber && d.referencesDecisionId ? (
        <Alert
          type="info"
          style={{ marginBottom: 12 }}
          message={
            <Link href={`/decisions/${d.referencesDecisionId}`}>
              {t('decisions.references', { number: d.referencesNumber })}
            </Link>
          }
        />
      ) : null}

      <Row gutter={[12, 12]}>
        <Col xs={24} lg={editable ? 14 : 24}>
          <Card size="small" title={t('decisions.totals')}>
            <Flex gap={32} wrap>
              <Statistic
                title={t('decisions.prizeTotal')}
                value={dots(d.total)}
                suffix="đồng"
                valueRender={(node) => <span data-testid="decision-total">{node}</span>}
              />
              <Statistic title={t('decisions.recipients')} value={d.recipients.length} />
              <Statistic
                title={t('decisions.baseSalary')}
                value={d.baseSalary ? dots(d.baseSalary) : '—'}
                suffix={d.baseSalary ? 'đồng' : undefined}
              />
            </Flex>
            <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
              {t('decisions.words')}: <em data-testid="decision-words">{d.words}</em>
            </Typography.Paragraph>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {draft
                ? previewDate
                  ? t('decisions.livePreview', { date: formatIsoDate(previewDate) })
                  : null
                : `${t('decisions.frozen')} — ${t('decisions.issuedAt')} ${formatInstant(d.issuedAt)}`}
            </Typography.Text>
            {d.prizeProblem ? (
              <Alert type="warning" showIcon message={d.prizeProblem} style={{ marginTop: 8 }} />
            ) : null}
          </Card>
          {!editable ? (
            <Card size="small" style={{ marginTop: 12 }}>
              <Descriptions size="small" column={{ xs: 1, md: 2 }}>
                <Descriptions.Item label={t('decisions.issuer')}>{d.authority}</Descriptions.Item>
                <Descriptions.Item label={t('decisions.date')}>
                  {d.placeLine}, {formatIsoDate(d.decidedOn)}
                </Descriptions.Item>
                <Descriptions.Item label={t('decisions.signerName')}>
                  {d.signMode !== 'direct' ? `${d.signMode}. ` : ''}
                  {d.signerTitle} {d.signerName}
                </Descriptions.Item>
                <Descriptions.Item label={t('decisions.dossiers')}>
                  {d.dossiers.map((x) => x.code).join(', ') || '—'}
                </Descriptions.Item>
              </Descriptions>
            </Card>
          ) : null}
        </Col>
        {editable ? (
          <Col xs={24} lg={10}>
            <Card
              size="small"
              title={t('decisions.editor')}
              extra={
                <Button type="primary" size="small" onClick={save} loading={busy} data-testid="decision-save">
                  {t('decisions.save')}
                </Button>
              }
            >
              <Form<EditorValues>
                form={form}
                layout="vertical"
                size="small"
                onValuesChange={(changed: Partial<EditorValues>) => {
                  if ('decidedOn' in changed) setPreviewDate(toIsoDate(changed.decidedOn) ?? undefined);
                }}
              >
                <Row gutter={8}>
                  <Col span={12}>
                    <Form.Item name="decidedOn" label={t('decisions.date')}>
                      <DatePicker
                        format={DATE_FORMAT}
                        style={{ width: '100%' }}
                        data-testid="decision-date"
                      />
                    </Form.Item>
                  </Col>
                  <Col span={12}>
                    <Form.Item name="place" label={t('decisions.place')}>
                      <Input />
                    </Form.Item>
                  </Col>
                </Row>
                <Form.Item name="summary" label={t('decisions.summary')} rules={[{ required: true }]}>
                  <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
                </Form.Item>
                <Row gutter={8}>
                  <Col span={8}>
                    <Form.Item name="signMode" label={t('decisions.signMode')}>
                      <Select options={SIGN_MODES.map((m) => ({ value: m, label: SIGN_MODE_LABELS[m] }))} />
                    </Form.Item>
                  </Col>
                  <Col span={8}>
                    <Form.Item name="signerTitle" label={t('decisions.signerTitle')}>
                      <Input data-testid="decision-signer-title" />
                    </Form.Item>
                  </Col>
                  <Col span={8}>
                    <Form.Item name="signerName" label={t('decisions.signerName')}>
                      <Input data-testid="decision-signer-name" />
                    </Form.Item>
                  </Col>
                </Row>
                <Form.Item name="basis" label={t('decisions.basis')}>
                  <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
                </Form.Item>
                <Form.Item name="recipientsNote" label={t('decisions.recipientsNote')}>
                  <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
                </Form.Item>
              </Form>
            </Card>
          </Col>
        ) : null}
      </Row>

      <Card size="small" title={t('decisions.list')} style={{ marginTop: 12 }}>
        {!draft && d.kind === 'award' && canWrite ? (
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('decisions.revokeHint')}
          </Typography.Paragraph>
        ) : null}
        <Table<RecipientLine>
          size="small"
          rowKey="id"
          dataSource={d.recipients}
          pagination={{ pageSize: 100, hideOnSinglePage: true, showSizeChanger: false }}
          rowSelection={
            !draft && d.kind === 'award' && canWrite
              ? {
                  selectedRowKeys: selected,
                  onChange: (k) => setSelected(k as string[]),
                  getCheckboxProps: (r) => ({ disabled: !r.awardId || r.revokedByDecisionId !== null }),
                }
              : undefined
          }
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={editable ? 7 : 6}>
                <strong>{t('decisions.totalRow', { n: d.recipients.length })}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                <strong>{dots(d.total)}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} />
            </Table.Summary.Row>
          )}
          columns={[
            { title: 'STT', key: 'n', width: 56, render: (_v, _r, i) => i + 1 },
            {
              title: t('decisions.name'),
              dataIndex: 'displayName',
              render: (name: string, r) =>
                r.personId ? <Link href={`/people/${r.personId}`}>{name}</Link> : name,
            },
            { title: t('decisions.detail'), dataIndex: 'displayDetail', ellipsis: true },
            {
              title: t('decisions.award'),
              dataIndex: 'awardLabel',
              width: 190,
              render: (v: string, r) => (
                <>
                  {v} {r.revokedByDecisionId ? <Tag color="red">{t('decisions.revoked')}</Tag> : null}
                </>
              ),
            },
            { title: t('decisions.year'), dataIndex: 'year', width: 70 },
            {
              title: t('decisions.coefficient'),
              dataIndex: 'coefficient',
              width: 70,
              align: 'right',
              render: (c: number | null) => (c === null ? '—' : String(c).replace('.', ',')),
            },
            ...(editable
              ? [
                  {
                    title: '',
                    key: 'move',
                    width: 80,
                    render: (_v: unknown, r: RecipientLine) => (
                      <Space size={0}>
                        <Button
                          type="text"
                          size="small"
                          icon={<ArrowUpOutlined />}
                          aria-label={t('decisions.moveUp')}
                          onClick={() => move(r, -1)}
                        />
                        <Button
                          type="text"
                          size="small"
                          icon={<ArrowDownOutlined />}
                          aria-label={t('decisions.moveDown')}
                          onClick={() => move(r, 1)}
                        />
                      </Space>
                    ),
                  },
                ]
              : []),
            {
              title: t('decisions.amount'),
              dataIndex: 'paid',
              width: 130,
              align: 'right',
              render: (v: number) => dots(v),
            },
            { title: t('decisions.note'), dataIndex: 'note', width: 220, ellipsis: true },
          ]}
        />
      </Card>
    </>
  );
}
