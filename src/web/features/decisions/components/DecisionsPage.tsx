import type { ButtonProps } from 'antd';
import { useMemo, useState } from 'react';
import { App, Button, Modal, Select, Table, Tag, Tooltip } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  DECISION_KIND_LABELS,
  DECISION_STATUS_LABELS,
  type DecisionSummary,
} from '../../../../shared/decisions/decisions.schema';
import { formatDong } from '../../../../domain/money/vietnamese-words';
import { useI18n } from '../../../lib/i18n';
import { Link, navigate, usePathname } from '../../../lib/router';
import { useCan } from '../../../lib/session';
import { useResource } from '../../../lib/use-resource';
import { formatIsoDate } from '../../../lib/dates';
import { errorMessage } from '../../../lib/api';
import { ErrorState, LoadingState, PageHeader } from '../../../lib/ui/states';
import { createDecision, listApprovedDossiers, listDecisions } from '../api/decisions';
import { DecisionDetailPage } from './DecisionDetailPage';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `/decisions` lists decisions; `/decisions/<id>` is one decision (editor while a draft). */
export function DecisionsRoute() {
  const pathname = usePathname();
  const id = pathname.split('/')[2];
  if (id && UUID.test(id)) return <DecisionDetailPage key={id} id={id} />;
  return <DecisionsPage />;
}

function DecisionsPage() {
  const { t } = useI18n();
  const canWrite = useCan('write:decision:any');
  const params = new URLSearchParams(window.location.search);
  const [year, setYear] = useState<number>(Number(params.get('year')) || 2020);
  const [status, setStatus] = useState<string>(params.get('status') ?? '');
  const [issuer, setIssuer] = useState<string>('');
  const [creating, setCreating] = useState(false);
  const rows = useResource(() => listDecisions({ year, status: status || undefined }), [year, status]);
  const years = useMemo(() => {
    const now = new Date().getFullYear();
    return Array.from({ length: now - 2015 + 2 }, (_, i) => now + 1 - i);
  }, []);
  const issuers = useMemo(
    () => [...new Map((rows.data ?? []).map((d) => [d.issuerUnitId, d.issuerName])).entries()],
    [rows.data],
  );
  if (rows.error && !rows.data) return <ErrorState error={rows.error} onRetry={rows.reload} />;
  const shown = (rows.data ?? []).filter((d) => !issuer || d.issuerUnitId === issuer);

  return (
    <>
      <PageHeader
        title={t('decisions.title')}
        subtitle={t('decisions.subtitle')}
        extra={
          <>
            <Select<number>
              aria-label={t('decisions.year')}
              data-testid="decisions-year"
              style={{ width: 110 }}
              value={year}
              onChange={(y) => {
                setYear(y);
                navigate(`/decisions?year=${y}`, { replace: true });
              }}
              options={years.map((y) => ({ value: y, label: String(y) }))}
            />
            <Select<string>
              aria-label={t('decisions.status')}
              style={{ width: 140 }}
              value={status}
              onChange={setStatus}
              options={[
                { value: '', label: t('decisions.all') },
                { value: 'draft', label: DECISION_STATUS_LABELS.draft },
                { value: 'issued', label: DECISION_STATUS_LABELS.issued },
              ]}
            />
            <Select<string>
              aria-label={t('decisions.issuer')}
              style={{ width: 260 }}
              value={issuer}
              onChange={setIssuer}
              options={[
                { value: '', label: t('decisions.all') },
                ...issuers.map(([id, name]) => ({ value: id, label: name })),
              ]}
            />
            <Tooltip title={t('common.reload')}>
              <Button icon={<ReloadOutlined />} onClick={rows.reload} aria-label={t('common.reload')} />
            </Tooltip>
            {canWrite ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating(true)}
                data-testid="decision-create"
              >
                {t('decisions.create')}
              </Button>
            ) : null}
          </>
        }
      />
      {rows.loading && !rows.data ? (
        <LoadingState />
      ) : (
        <Table<DecisionSummary>
          size="small"
          rowKey="id"
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          dataSource={shown}
          locale={{ emptyText: t('decisions.empty', { year }) }}
          columns={[
            {
              title: t('decisions.number'),
              dataIndex: 'number',
              width: 150,
              render: (n: string | null, d) => (
                <Link href={`/decisions/${d.id}`} data-testid="decision-link">
                  {n ?? t('decisions.draftNumber')}
                </Link>
              ),
            },
            { title: t('decisions.date'), dataIndex: 'decidedOn', width: 110, render: formatIsoDate },
            { title: t('decisions.summary'), dataIndex: 'summary' },
            { title: t('decisions.issuer'), dataIndex: 'issuerName', width: 240, ellipsis: true },
            {
              title: t('decisions.kind'),
              dataIndex: 'kind',
              width: 110,
              render: (k: DecisionSummary['kind']) => DECISION_KIND_LABELS[k],
            },
            { title: t('decisions.recipients'), dataIndex: 'recipientCount', width: 90, align: 'right' },
            {
              title: t('decisions.prizeTotal'),
              dataIndex: 'prizeTotal',
              width: 160,
              align: 'right',
              render: (v: number | null) => (v === null ? '—' : formatDong(v)),
            },
            {
              title: t('decisions.status'),
              dataIndex: 'status',
              width: 120,
              render: (s: DecisionSummary['status']) => (
                <Tag color={s === 'issued' ? 'success' : 'default'}>{DECISION_STATUS_LABELS[s]}</Tag>
              ),
            },
          ]}
        />
      )}
      {creating ? <CreateDecisionModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}

function CreateDecisionModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const dossiers = useResource(() => listApprovedDossiers(), []);
  const [selected, setSelected] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    try {
      const d = await createDecision({ kind: 'award', dossierIds: selected });
      message.success(t('decisions.createOk'));
      onClose();
      navigate(`/decisions/${d.id}`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      width={860}
      title={t('decisions.pickDossiers')}
      onCancel={onClose}
      onOk={submit}
      okText={t('decisions.create')}
      okButtonProps={
        { disabled: selected.length === 0, loading: busy, 'data-testid': 'decision-create-ok' } as ButtonProps
      }
    >
      {dossiers.error ? (
        <ErrorState error={dossiers.error} onRetry={dossiers.reload} />
      ) : (
        <Table
          size="small"
          rowKey="id"
          loading={dossiers.loading}
          pagination={false}
          dataSource={dossiers.data ?? []}
          locale={{ emptyText: t('decisions.noDossiers') }}
          rowSelection={{
            selectedRowKeys: selected,
            onChange: (keys) => setSelected(keys as string[]),
            getCheckboxProps: (r) => ({ disabled: r.passed === 0 }),
          }}
          columns={[
            { title: t('decisions.dossierCode'), dataIndex: 'code', width: 140 },
            { title: t('decisions.dossierTitle'), dataIndex: 'title' },
            { title: t('decisions.proposingUnit'), dataIndex: 'proposingUnitName', width: 240 },
            { title: t('decisions.passed'), dataIndex: 'passed', width: 110, align: 'right' },
          ]}
        />
      )}
    </Modal>
  );
}
