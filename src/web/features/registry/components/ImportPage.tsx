import { useRef, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Flex,
  Progress,
  Radio,
  Result,
  Space,
  Steps,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import {
  CheckCircleOutlined,
  CloudUploadOutlined,
  DownloadOutlined,
  InboxOutlined,
  ReloadOutlined,
  SaveOutlined,
} from '@ant-design/icons';
import { DATASET_ORDER, type DatasetKind } from '../../../../shared/registry/dataset.schema';
import type { ImportIssue, ImportSummary } from '../../../../shared/registry/import.schema';
import { useI18n, type MessageKey } from '../../../lib/i18n';
import { useCurrentUser } from '../../../lib/session';
import { ApiError, BAD_RESPONSE, NETWORK_ERROR } from '../../../lib/api';
import { PageHeader } from '../../../lib/ui/states';
import { templateUrl, uploadImport, type ImportTarget } from '../api/registry';

/** Targets in the order an officer fills a new installation: units first, awards last. */
const TARGETS: ImportTarget[] = ['workbook', ...DATASET_ORDER, 'dataset'];
const targetLabel = (target: string): MessageKey => `import.target.${target}` as MessageKey;
const isTarget = (k: string): k is ImportTarget => (TARGETS as string[]).includes(k);

type Phase =
  | { step: 'choose' }
  | { step: 'upload' }
  | { step: 'sending'; file: File; mode: 'preview' | 'commit'; percent: number; preview?: ImportSummary }
  | { step: 'preview'; file: File; summary: ImportSummary }
  | { step: 'done'; file: File; summary: ImportSummary };

const STEP_INDEX = { choose: 0, upload: 1, sending: 1, preview: 2, done: 3 } as const;

/**
 * "Nhập dữ liệu": choose what to import (and download its template), upload the file (with progress),
 * read the preview — counts per kind, every error with its row, column and value — and write it only
 * when nothing is wrong. The server reads the same file twice (preview, then commit), all or nothing.
 */
export function ImportPage() {
  const { t } = useI18n();
  const { csrfToken } = useCurrentUser();
  const [target, setTarget] = useState<ImportTarget>('people');
  const [phase, setPhase] = useState<Phase>({ step: 'choose' });
  const [failure, setFailure] = useState<string>();
  const abort = useRef<AbortController | null>(null);

  const kindLabel = (k: string) => (isTarget(k) ? t(targetLabel(k)) : k);

  function messageOf(e: unknown): string {
    if (e instanceof ApiError) {
      if (e.code === NETWORK_ERROR) return t('common.networkError');
      if (e.code === BAD_RESPONSE) return t('common.unexpectedError', { status: e.status });
      return e.message;
    }
    return e instanceof Error ? e.message : String(e);
  }

  async function send(file: File, mode: 'preview' | 'commit', preview?: ImportSummary) {
    setFailure(undefined);
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setPhase({ step: 'sending', file, mode, percent: 0, preview });
    try {
      const summary = await uploadImport(
        file,
        target,
        mode,
        csrfToken,
        (percent) => setPhase((p) => (p.step === 'sending' ? { ...p, percent } : p)),
        controller.signal,
      );
      if (controller.signal.aborted) return;
      setPhase(summary.committed ? { step: 'done', file, summary } : { step: 'preview', file, summary });
    } catch (e) {
      if (controller.signal.aborted) return;
      setFailure(messageOf(e));
      setPhase(preview ? { step: 'preview', file, summary: preview } : { step: 'upload' });
    }
  }

  function restart(step: 'choose' | 'upload') {
    abort.current?.abort();
    setFailure(undefined);
    setPhase({ step });
  }

  const accept = target === 'dataset' ? '.json,application/json' : '.xlsx,.csv,.txt';

  return (
    <>
      <PageHeader title={t('import.title')} subtitle={t('import.subtitle')} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Steps
          size="small"
          current={STEP_INDEX[phase.step]}
          items={[
            { title: t('import.stepChoose') },
            { title: t('import.stepUpload') },
            { title: t('import.stepPreview') },
            { title: t('import.stepDone') },
          ]}
        />
      </Card>

      {phase.step === 'choose' ? (
        <Card size="small" title={t('import.chooseTitle')}>
          <Radio.Group
            value={target}
            onChange={(e) => setTarget(e.target.value as ImportTarget)}
            style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', gap: 6 }}
            options={TARGETS.map((k) => ({ value: k, label: t(targetLabel(k)) }))}
            aria-label={t('import.chooseTitle')}
          />
          <Flex gap={8} wrap align="center" style={{ marginTop: 16 }}>
            {target !== 'dataset' ? (
              <Button icon={<DownloadOutlined />} href={templateUrl(target)} download>
                {t('import.downloadTemplate')}
              </Button>
            ) : (
              <Typography.Text type="secondary">{t('import.datasetHint')}</Typography.Text>
            )}
            <Button type="primary" onClick={() => restart('upload')} style={{ marginLeft: 'auto' }}>
              {t('import.next')}
            </Button>
          </Flex>
          {target !== 'dataset' ? (
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 13 }}>
              {t('import.templateHint')}
            </Typography.Paragraph>
          ) : null}
        </Card>
      ) : (
        <Card
          size="small"
          title={
            <span>
              {t('import.importing')}:{' '}
              <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                {t(targetLabel(target))}
              </Tag>
            </span>
          }
          extra={
            <Space>
              {target !== 'dataset' ? (
                <Button size="small" icon={<DownloadOutlined />} href={templateUrl(target)} download>
                  {t('import.downloadTemplate')}
                </Button>
              ) : null}
              <Button size="small" onClick={() => restart('choose')}>
                {t('import.chooseOther')}
              </Button>
            </Space>
          }
        >
          {failure ? (
            <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} role="alert" />
          ) : null}

          {phase.step === 'upload' ? (
            <Upload.Dragger
              accept={accept}
              multiple={false}
              showUploadList={false}
              beforeUpload={(file) => {
                void send(file, 'preview');
                return false;
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('import.dropHere')}</p>
              <p className="ant-upload-hint">
                {t(target === 'dataset' ? 'import.dropHintJson' : 'import.dropHint')}
              </p>
            </Upload.Dragger>
          ) : null}

          {phase.step === 'sending' ? (
            <div role="status" style={{ padding: '16px 0' }}>
              <Typography.Text>
                {phase.percent < 100
                  ? t('import.uploading', { name: phase.file.name })
                  : t(phase.mode === 'commit' ? 'import.committing' : 'import.checking')}
              </Typography.Text>
              <Progress
                percent={phase.percent}
                status={phase.percent < 100 ? 'active' : 'normal'}
                aria-label={t('import.progress')}
              />
            </div>
          ) : null}

          {phase.step === 'preview' ? (
            <Preview
              file={phase.file}
              summary={phase.summary}
              kindLabel={kindLabel}
              onCommit={() => void send(phase.file, 'commit', phase.summary)}
              onReupload={() => restart('upload')}
            />
          ) : null}

          {phase.step === 'done' ? (
            <Result
              status="success"
              icon={<CheckCircleOutlined />}
              title={t('import.doneTitle')}
              subTitle={t('import.doneSummary', {
                inserted: phase.summary.inserted,
                updated: phase.summary.updated,
                unchanged: phase.summary.unchanged,
              })}
              extra={
                <Button type="primary" icon={<CloudUploadOutlined />} onClick={() => restart('upload')}>
                  {t('import.another')}
                </Button>
              }
            >
              <Counts summary={phase.summary} kindLabel={kindLabel} />
            </Result>
          ) : null}
        </Card>
      )}
    </>
  );
}

function Counts({ summary, kindLabel }: { summary: ImportSummary; kindLabel(k: string): string }) {
  const { t } = useI18n();
  const rows = Object.entries(summary.byKind)
    .filter(([, c]) => c.inserted + c.updated + c.unchanged > 0)
    .map(([kind, c]) => ({ kind, ...c }));
  return (
    <Table
      size="small"
      rowKey="kind"
      pagination={false}
      dataSource={rows}
      className="vd-import-counts"
      locale={{ emptyText: t('import.nothing') }}
      columns={[
        { title: t('import.kind'), dataIndex: 'kind', render: (k: string) => kindLabel(k as DatasetKind) },
        { title: t('import.inserted'), dataIndex: 'inserted', width: 110, align: 'right' },
        { title: t('import.updated'), dataIndex: 'updated', width: 110, align: 'right' },
        { title: t('import.unchanged'), dataIndex: 'unchanged', width: 110, align: 'right' },
      ]}
      summary={() =>
        rows.length > 1 ? (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <Typography.Text strong>{t('import.totalRow')}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              {summary.inserted}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              {summary.updated}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">
              {summary.unchanged}
            </Table.Summary.Cell>
          </Table.Summary.Row>
        ) : null
      }
    />
  );
}

function Preview({
  file,
  summary,
  kindLabel,
  onCommit,
  onReupload,
}: {
  file: File;
  summary: ImportSummary;
  kindLabel(k: string): string;
  onCommit(): void;
  onReupload(): void;
}) {
  const { t } = useI18n();
  const hasErrors = summary.errors.length > 0;
  const issueColumns: ColumnsType<ImportIssue & { n: number }> = [
    { title: t('import.sheet'), dataIndex: 'kind', width: 170, render: (k: string) => kindLabel(k) },
    { title: t('import.row'), dataIndex: 'row', width: 64, align: 'right' },
    { title: t('import.column'), dataIndex: 'column', width: 170 },
    {
      title: t('import.value'),
      dataIndex: 'value',
      width: 180,
      ellipsis: { showTitle: true },
      render: (v: string | null) => (v === null ? '' : <code>{v}</code>),
    },
    { title: t('import.message'), dataIndex: 'message' },
  ];
  const numbered = (issues: ImportIssue[]) => issues.map((i, n) => ({ ...i, n }));

  return (
    <div data-testid="import-preview">
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        {t('import.file')}: <Typography.Text strong>{file.name}</Typography.Text>{' '}
        <Typography.Text type="secondary">({formatSize(file.size)})</Typography.Text>
      </Typography.Paragraph>
      {hasErrors ? (
        <Alert
          type="error"
          showIcon
          title={t('import.hasErrors', { count: summary.errors.length })}
          description={t('import.hasErrorsHint')}
          style={{ marginBottom: 12 }}
        />
      ) : (
        <Alert type="success" showIcon title={t('import.clean')} style={{ marginBottom: 12 }} />
      )}
      <Counts summary={summary} kindLabel={kindLabel} />
      {hasErrors ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('import.errorsTitle', { count: summary.errors.length })}
          </Typography.Title>
          <Table
            size="small"
            rowKey="n"
            className="vd-import-errors"
            columns={issueColumns}
            dataSource={numbered(summary.errors)}
            pagination={summary.errors.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          />
        </>
      ) : null}
      {summary.warnings.length ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('import.warningsTitle', { count: summary.warnings.length })}
          </Typography.Title>
          <Table
            size="small"
            rowKey="n"
            className="vd-import-warnings"
            columns={issueColumns}
            dataSource={numbered(summary.warnings)}
            pagination={summary.warnings.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          />
        </>
      ) : null}
      <Flex gap={8} justify="flex-end" style={{ marginTop: 16 }}>
        <Button icon={<ReloadOutlined />} onClick={onReupload} type={hasErrors ? 'primary' : 'default'}>
          {t(hasErrors ? 'import.reupload' : 'import.uploadOther')}
        </Button>
        <Button type="primary" icon={<SaveOutlined />} disabled={hasErrors} onClick={onCommit}>
          {t('import.commit')}
        </Button>
      </Flex>
    </div>
  );
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1).replace('.', ',')} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}
