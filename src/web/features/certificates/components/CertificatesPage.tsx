import { useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Flex,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import { EditOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import {
  CERTIFICATE_FIELDS,
  CERTIFICATE_FIELD_LABELS,
  templateUpdate,
  type CertificateLayout,
  type CertificateTemplate,
  type PrintableDecision,
  type PrintableList,
} from '../../../../shared/certificates/certificates.schema';
import { AWARD_CODES, type AwardCode } from '../../../../shared/registry/catalog';
import { useI18n } from '../../../lib/i18n';
import { useResource } from '../../../lib/use-resource';
import { formatIsoDate } from '../../../lib/dates';
import { errorMessage } from '../../../lib/api';
import { ErrorState, PageHeader } from '../../../lib/ui/states';
import {
  calibrationUrl,
  listTemplates,
  printUrl,
  printableDecision,
  printableDecisions,
  updateTemplate,
} from '../api/certificates';

type Field = (typeof CERTIFICATE_FIELDS)[number];
const awardLabel = (c: string) => AWARD_CODES[c as AwardCode]?.label ?? c;

/** `/certificates`: print an issued decision's Giấy khen / Bằng khen, and keep the calibrated templates. */
export function CertificatesPage() {
  const { t } = useI18n();
  const [year, setYear] = useState(2020);
  const [calibration, setCalibration] = useState(false);
  const [open, setOpen] = useState<string>();
  const [editing, setEditing] = useState<CertificateTemplate>();
  const decisions = useResource(() => printableDecisions(year), [year]);
  const templates = useResource(() => listTemplates(), []);
  const detail = useResource(() => (open ? printableDecision(open) : Promise.resolve(undefined)), [open]);
  const years = useMemo(() => {
    const now = new Date().getFullYear();
    return Array.from({ length: now - 2015 + 2 }, (_, i) => now + 1 - i);
  }, []);
  if (decisions.error && !decisions.data)
    return <ErrorState error={decisions.error} onRetry={decisions.reload} />;

  return (
    <>
      <PageHeader
        title={t('certificates.title')}
        subtitle={t('certificates.subtitle')}
        extra={
          <>
            <Select<number>
              aria-label={t('fund.year')}
              style={{ width: 110 }}
              value={year}
              onChange={setYear}
              options={years.map((y) => ({ value: y, label: String(y) }))}
            />
            <Checkbox checked={calibration} onChange={(e) => setCalibration(e.target.checked)}>
              {t('certificates.calibration')}
            </Checkbox>
          </>
        }
      />
      <Card size="small" title={t('certificates.decisions')} style={{ marginBottom: 16 }}>
        <Table<PrintableList[number]>
          size="small"
          rowKey="id"
          loading={decisions.loading}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          dataSource={decisions.data ?? []}
          locale={{ emptyText: t('certificates.noDecisions', { year }) }}
          data-testid="certificate-decisions"
          onRow={(d) => ({ onClick: () => setOpen(d.id) })}
          rowClassName={(d) => (d.id === open ? 'ant-table-row-selected' : '')}
          columns={[
            { title: t('decisions.number'), dataIndex: 'number', width: 130 },
            { title: t('decisions.date'), dataIndex: 'decidedOn', width: 110, render: formatIsoDate },
            { title: t('decisions.summary'), dataIndex: 'summary', ellipsis: true },
            { title: t('decisions.issuer'), dataIndex: 'issuerName', width: 240, ellipsis: true },
            { title: t('certificates.recipients'), dataIndex: 'recipients', width: 100, align: 'right' },
            { title: t('certificates.printable'), dataIndex: 'printable', width: 90, align: 'right' },
            {
              title: '',
              key: 'print',
              width: 210,
              render: (_: unknown, d) =>
                d.printable ? (
                  <Button
                    size="small"
                    icon={<PrinterOutlined />}
                    href={printUrl(d.id, { calibration })}
                    data-testid="certificate-print"
                    onClick={(e) => e.stopPropagation()}
                  >
                    {t('certificates.print')}
                  </Button>
                ) : null,
            },
          ]}
        />
        {detail.data ? <Recipients decision={detail.data} calibration={calibration} /> : null}
      </Card>

      <Card size="small" title={t('certificates.templates')}>
        <Table<CertificateTemplate>
          size="small"
          rowKey="id"
          pagination={false}
          loading={templates.loading}
          dataSource={templates.data ?? []}
          columns={[
            { title: t('certificates.code'), dataIndex: 'code', width: 150 },
            { title: t('certificates.name'), dataIndex: 'name' },
            {
              title: t('certificates.awards'),
              dataIndex: 'awardCodes',
              render: (codes: string[]) => codes.map((c) => <Tag key={c}>{awardLabel(c)}</Tag>),
            },
            {
              title: t('certificates.page'),
              key: 'page',
              width: 110,
              render: (_: unknown, x) =>
                `${x.layout.page.size} ${x.layout.page.orientation === 'landscape' ? t('certificates.landscape') : t('certificates.portrait')}`,
            },
            {
              title: '',
              key: 'actions',
              width: 260,
              render: (_: unknown, x) => (
                <Space>
                  <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(x)}>
                    {t('certificates.edit')}
                  </Button>
                  <Button size="small" icon={<FilePdfOutlined />} href={calibrationUrl(x.id)}>
                    {t('certificates.calibrationPage')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {editing ? (
        <TemplateEditor
          template={editing}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            templates.reload();
            decisions.reload();
          }}
        />
      ) : null}
    </>
  );
}

function Recipients({ decision, calibration }: { decision: PrintableDecision; calibration: boolean }) {
  const { t } = useI18n();
  return (
    <Table<PrintableDecision['recipients'][number]>
      style={{ marginTop: 12 }}
      size="small"
      rowKey="id"
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      dataSource={decision.recipients}
      columns={[
        { title: t('certificates.recipients'), dataIndex: 'displayName' },
        { title: t('fund.description'), dataIndex: 'displayDetail', ellipsis: true },
        { title: t('certificates.awards'), dataIndex: 'awardCode', width: 220, render: awardLabel },
        { title: t('certificates.templates'), dataIndex: 'templateCode', width: 140 },
        {
          title: t('certificates.overflow'),
          dataIndex: 'overflow',
          width: 200,
          render: (fields: Field[]) =>
            fields.map((f) => (
              <Tag key={f} color="orange">
                {CERTIFICATE_FIELD_LABELS[f]}
              </Tag>
            )),
        },
        {
          title: '',
          key: 'print',
          width: 80,
          render: (_: unknown, r) =>
            r.templateCode ? (
              <Button size="small" href={printUrl(decision.id, { recipientId: r.id, calibration })}>
                {t('certificates.printOne')}
              </Button>
            ) : null,
        },
      ]}
    />
  );
}

function TemplateEditor(props: { template: CertificateTemplate; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [layout, setLayout] = useState<CertificateLayout>(props.template.layout);
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const setField = (f: Field, patch: Partial<CertificateLayout['fields'][Field]>) =>
    setLayout((l) => ({ ...l, fields: { ...l.fields, [f]: { ...l.fields[f], ...patch } } }));
  const num = (f: Field, key: 'x' | 'y' | 'width' | 'fontSize' | 'minFontSize' | 'maxLines', step = 0.5) => (
    <InputNumber<number>
      size="small"
      style={{ width: 80 }}
      step={step}
      value={layout.fields[f][key]}
      onChange={(v) => setField(f, { [key]: v ?? 0 })}
      aria-label={`${CERTIFICATE_FIELD_LABELS[f]} ${key}`}
    />
  );

  async function save() {
    const input = {
      code: props.template.code,
      name: props.template.name,
      awardCodes: props.template.awardCodes,
      layout,
      version: props.template.version,
    };
    const parsed = templateUpdate.safeParse(input);
    if (!parsed.success) return setError(parsed.error.issues.map((i) => i.message).join(' · '));
    setSaving(true);
    try {
      await updateTemplate(props.template.id, parsed.data);
      message.success(t('certificates.saved'));
      props.onSaved();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      width={1100}
      title={`${t('certificates.edit')}: ${props.template.name}`}
      onCancel={props.onClose}
      onOk={save}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
    >
      {error ? <Alert type="error" title={error} style={{ marginBottom: 12 }} /> : null}
      <Flex gap={16} wrap style={{ marginBottom: 12 }} align="center">
        <span>
          {t('certificates.page')}{' '}
          <Select
            size="small"
            value={layout.page.size}
            onChange={(size) => setLayout((l) => ({ ...l, page: { ...l.page, size } }))}
            options={[
              { value: 'A4', label: 'A4' },
              { value: 'A3', label: 'A3' },
            ]}
          />
        </span>
        <span>
          {t('certificates.orientation')}{' '}
          <Select
            size="small"
            value={layout.page.orientation}
            onChange={(orientation) => setLayout((l) => ({ ...l, page: { ...l.page, orientation } }))}
            options={[
              { value: 'landscape', label: t('certificates.landscape') },
              { value: 'portrait', label: t('certificates.portrait') },
            ]}
          />
        </span>
        <span>
          {t('certificates.offsetX')}{' '}
          <InputNumber<number>
            size="small"
            step={0.5}
            value={layout.offset.x}
            onChange={(x) => setLayout((l) => ({ ...l, offset: { ...l.offset, x: x ?? 0 } }))}
          />
        </span>
        <span>
          {t('certificates.offsetY')}{' '}
          <InputNumber<number>
            size="small"
            step={0.5}
            value={layout.offset.y}
            onChange={(y) => setLayout((l) => ({ ...l, offset: { ...l.offset, y: y ?? 0 } }))}
          />
        </span>
      </Flex>
      <Table<{ key: Field }>
        size="small"
        pagination={false}
        dataSource={CERTIFICATE_FIELDS.map((key) => ({ key }))}
        columns={[
          {
            title: t('certificates.field'),
            key: 'f',
            render: (_: unknown, r) => CERTIFICATE_FIELD_LABELS[r.key],
          },
          {
            title: t('certificates.enabled'),
            key: 'enabled',
            render: (_: unknown, r) => (
              <Checkbox
                checked={layout.fields[r.key].enabled}
                onChange={(e) => setField(r.key, { enabled: e.target.checked })}
              />
            ),
          },
          { title: t('certificates.x'), key: 'x', render: (_: unknown, r) => num(r.key, 'x') },
          { title: t('certificates.y'), key: 'y', render: (_: unknown, r) => num(r.key, 'y') },
          { title: t('certificates.width'), key: 'w', render: (_: unknown, r) => num(r.key, 'width') },
          { title: t('certificates.fontSize'), key: 's', render: (_: unknown, r) => num(r.key, 'fontSize') },
          {
            title: t('certificates.minFontSize'),
            key: 'm',
            render: (_: unknown, r) => num(r.key, 'minFontSize'),
          },
          {
            title: t('certificates.maxLines'),
            key: 'l',
            render: (_: unknown, r) => num(r.key, 'maxLines', 1),
          },
          {
            title: t('certificates.align'),
            key: 'a',
            render: (_: unknown, r) => (
              <Select
                size="small"
                value={layout.fields[r.key].align}
                onChange={(align) => setField(r.key, { align })}
                options={(['left', 'center', 'right'] as const).map((a) => ({
                  value: a,
                  label: t(`certificates.align.${a}`),
                }))}
              />
            ),
          },
          {
            title: '',
            key: 'style',
            render: (_: unknown, r) => (
              <Space size={4}>
                <Checkbox
                  checked={layout.fields[r.key].bold}
                  onChange={(e) => setField(r.key, { bold: e.target.checked })}
                >
                  {t('certificates.bold')}
                </Checkbox>
                <Checkbox
                  checked={layout.fields[r.key].italic}
                  onChange={(e) => setField(r.key, { italic: e.target.checked })}
                >
                  {t('certificates.italic')}
                </Checkbox>
                <Checkbox
                  checked={layout.fields[r.key].uppercase}
                  onChange={(e) => setField(r.key, { uppercase: e.target.checked })}
                >
                  {t('certificates.uppercase')}
                </Checkbox>
              </Space>
            ),
          },
        ]}
      />
    </Modal>
  );
}
