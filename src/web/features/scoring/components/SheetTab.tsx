import { useEffect, useMemo, useState } from 'react';
import {
  App,
  Button,
  Flex,
  Input,
  InputNumber,
  Popover,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import {
  FileExcelOutlined,
  FileWordOutlined,
  PaperClipOutlined,
  PrinterOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import type { ScoringBoard, Sheet } from '../../../../shared/scoring/scoring.schema';
import { useI18n } from '../../../lib/i18n';
import { errorMessage } from '../../../lib/api';
import { EmptyState } from '../../../lib/ui/states';
import { useCurrentUser } from '../../../lib/session';
import { saveChecks, saveSelfScores, sheetExportUrl, uploadEvidence } from '../api/scoring';
import { finalOf, finalsOf, fmt, treeOrder, type TreeRow } from './tree';
import { printSheet } from './print';

type Evidence = Sheet['scores'][number]['evidence'][number];

/** Uploads one file as evidence of a criterion (PDF, DOCX, JPG, PNG; the server judges it by its bytes). */
function EvidenceUpload({
  sheetId,
  criterionId,
  code,
  onUploaded,
}: {
  sheetId: string;
  criterionId: string;
  code: string;
  onUploaded: (sheet: Sheet) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const [busy, setBusy] = useState(false);
  return (
    <Upload
      accept=".pdf,.docx,.jpg,.jpeg,.png"
      showUploadList={false}
      beforeUpload={(file) => {
        setBusy(true);
        uploadEvidence(sheetId, criterionId, file, user.csrfToken)
          .then(
            (sheet) => {
              message.success(t('scoring.evidenceUploaded', { name: file.name }));
              onUploaded(sheet);
            },
            (err: unknown) => message.error(errorMessage(err)),
          )
          .finally(() => setBusy(false));
        return false;
      }}
    >
      <Button
        size="small"
        type="dashed"
        icon={<UploadOutlined />}
        loading={busy}
        title={t('scoring.evidenceUpload')}
        aria-label={`${t('scoring.evidenceUpload')} ${code}`}
        data-testid={`upload-evidence-${code}`}
      />
    </Upload>
  );
}

function EvidenceAdder({ code, onAdd }: { code: string; onAdd: (e: Evidence) => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [label, setLabel] = useState('');
  const [url, setUrl] = useState('');
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      content={
        <Space direction="vertical" style={{ width: 320 }}>
          <Input
            aria-label={`${t('scoring.evidenceLabel')} ${code}`}
            placeholder={t('scoring.evidenceLabel')}
            value={label}
            onChange={(e) => setLabel(e.target.value)}
          />
          <Input
            aria-label={`${t('scoring.evidenceUrl')} ${code}`}
            placeholder={t('scoring.evidenceUrl')}
            value={url}
            onChange={(e) => setUrl(e.target.value)}
          />
          <Button
            type="primary"
            size="small"
            disabled={!label.trim() || !url.trim()}
            onClick={() => {
              onAdd({ label: label.trim(), url: url.trim() });
              setLabel('');
              setUrl('');
              setOpen(false);
            }}
          >
            {t('scoring.evidenceAdd')}
          </Button>
        </Space>
      }
    >
      <Button
        size="small"
        type="dashed"
        icon={<PaperClipOutlined />}
        aria-label={`${t('scoring.evidenceAdd')} ${code}`}
      />
    </Popover>
  );
}

/** One member's score sheet: own score and evidence (the member), checked score and reason (lead, deputy). */
export function SheetTab({ board, onChanged }: { board: ScoringBoard; onChanged: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const own = board.sheets.find((s) => s.unitId === board.viewer.ownUnitId);
  const [sheetId, setSheetId] = useState<string | undefined>(own?.id ?? board.sheets[0]?.id);
  const sheet: Sheet | undefined = board.sheets.find((s) => s.id === sheetId) ?? own ?? board.sheets[0];
  const open = board.set?.status === 'open';
  const canSelf = open && !!sheet && sheet.unitId === board.viewer.ownUnitId;
  const canCheck = open && board.viewer.canLead;
  const rows = useMemo(() => treeOrder(board.criteria), [board.criteria]);
  const byId = useMemo(() => new Map((sheet?.scores ?? []).map((s) => [s.criterionId, s])), [sheet]);

  const [self, setSelf] = useState<Map<string, number | null>>(new Map());
  const [evidence, setEvidence] = useState<Map<string, Evidence[]>>(new Map());
  const [checked, setChecked] = useState<Map<string, number | null>>(new Map());
  const [reasons, setReasons] = useState<Map<string, string>>(new Map());
  const [busy, setBusy] = useState(false);
  // An upload saves at once and moves the sheet's version on; unsaved scores stay in the form.
  const [version, setVersion] = useState<number | undefined>(undefined);
  useEffect(() => {
    setVersion(undefined);
    setSelf(new Map((sheet?.scores ?? []).map((s) => [s.criterionId, s.selfScore])));
    setEvidence(new Map((sheet?.scores ?? []).map((s) => [s.criterionId, s.evidence])));
    setChecked(new Map((sheet?.scores ?? []).map((s) => [s.criterionId, s.checkedScore])));
    setReasons(new Map((sheet?.scores ?? []).map((s) => [s.criterionId, s.checkReason ?? ''])));
  }, [sheet]);

  if (!board.set) return <EmptyState text={t('scoring.noSet')} />;
  if (!sheet)
    return (
      <EmptyState text={board.set.status === 'draft' ? t('scoring.status.draft') : t('scoring.notVisible')} />
    );

  const finals = finalsOf(
    board.criteria,
    new Map(board.criteria.map((c) => [c.id, checked.get(c.id) ?? self.get(c.id) ?? null])),
  );

  async function saveSelf(submit: boolean) {
    setBusy(true);
    try {
      await saveSelfScores(sheet!.id, {
        version: version ?? sheet!.version,
        submit,
        scores: board.criteria
          .filter((c) => c.kind !== 'group' && (self.has(c.id) || evidence.has(c.id)))
          .map((c) => ({
            criterionId: c.id,
            selfScore: self.get(c.id) ?? null,
            evidence: evidence.get(c.id) ?? [],
            note: byId.get(c.id)?.note ?? null,
          })),
      });
      message.success(t(submit ? 'scoring.submitted' : 'scoring.saved'));
      onChanged();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  async function saveCheck(done: boolean) {
    const changed = board.criteria.filter(
      (c) =>
        c.kind !== 'group' &&
        ((checked.get(c.id) ?? null) !== (byId.get(c.id)?.checkedScore ?? null) ||
          (reasons.get(c.id) ?? '') !== (byId.get(c.id)?.checkReason ?? '')),
    );
    if (changed.some((c) => !(reasons.get(c.id) ?? '').trim())) {
      message.error(t('scoring.reasonRequired'));
      return;
    }
    if (!changed.length && !done) {
      message.info(t('scoring.nothingChanged'));
      return;
    }
    setBusy(true);
    try {
      await saveChecks(sheet!.id, {
        version: sheet!.version,
        done,
        scores: changed.map((c) => ({
          criterionId: c.id,
          checkedScore: checked.get(c.id) ?? null,
          reason: reasons.get(c.id)!.trim(),
        })),
      });
      message.success(t('scoring.checkedSaved'));
      onChanged();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const points = (r: TreeRow) =>
    r.kind === 'penalty' ? `${fmt(r.minPoints)} … ${fmt(r.maxPoints)}` : fmt(r.maxPoints);

  return (
    <>
      <Flex gap={12} wrap align="center" justify="space-between" style={{ marginBottom: 8 }}>
        <Space wrap>
          {board.sheets.length > 1 ? (
            <Select<string>
              aria-label={t('scoring.member')}
              style={{ width: 380 }}
              value={sheet.id}
              onChange={setSheetId}
              options={board.sheets.map((s) => ({ value: s.id, label: s.unitName }))}
            />
          ) : (
            <Typography.Text strong>{sheet.unitName}</Typography.Text>
          )}
          <Tag data-testid="sheet-status">{t(`scoring.sheetStatus.${sheet.status}`)}</Tag>
          <Typography.Text>
            {t('scoring.selfTotal')}: <b>{fmt(sheet.selfTotal)}</b> · {t('scoring.total')}:{' '}
            <b data-testid="sheet-total">{fmt(sheet.total)}</b>
          </Typography.Text>
        </Space>
        <Space wrap>
          <Button icon={<FileExcelOutlined />} href={sheetExportUrl(sheet.id, 'xlsx')} download>
            {t('scoring.downloadExcel')}
          </Button>
          <Button icon={<FileWordOutlined />} href={sheetExportUrl(sheet.id, 'docx')} download>
            {t('scoring.downloadWord')}
          </Button>
          <Button icon={<PrinterOutlined />} onClick={() => printSheet(board, sheet, t)}>
            {t('scoring.print')}
          </Button>
        </Space>
      </Flex>
      <Table<TreeRow>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 1200 }}
        rowClassName={(r) => (r.kind === 'group' ? 'vd-group-row' : '')}
        columns={[
          { title: t('scoring.col.code'), dataIndex: 'code', width: 60 },
          {
            title: t('scoring.col.criterion'),
            render: (_, r) => (
              <span style={{ paddingLeft: r.depth * 16, fontWeight: r.kind === 'group' ? 600 : 400 }}>
                {r.label}{' '}
                {r.kind === 'bonus' || r.kind === 'penalty' ? <Tag>{t(`scoring.kind.${r.kind}`)}</Tag> : null}
              </span>
            ),
          },
          { title: t('scoring.col.max'), width: 100, align: 'right', render: (_, r) => points(r) },
          {
            title: t('scoring.col.self'),
            width: 100,
            align: 'right',
            render: (_, r) =>
              r.kind === 'group' ? null : canSelf ? (
                <InputNumber
                  size="small"
                  aria-label={`${t('scoring.col.self')} ${r.code}`}
                  min={r.minPoints}
                  max={r.maxPoints}
                  step={0.5}
                  decimalSeparator=","
                  value={self.get(r.id) ?? null}
                  onChange={(v) => setSelf(new Map(self).set(r.id, v ?? null))}
                />
              ) : (
                fmt(byId.get(r.id)?.selfScore)
              ),
          },
          {
            title: t('scoring.col.evidence'),
            width: 170,
            render: (_, r) =>
              r.kind === 'group' ? null : (
                <Space size={4} wrap>
                  {(evidence.get(r.id) ?? []).map((e, i) => (
                    <Tag
                      key={`${e.url}-${i}`}
                      closable={canSelf}
                      onClose={() =>
                        setEvidence(
                          new Map(evidence).set(
                            r.id,
                            (evidence.get(r.id) ?? []).filter((_, j) => j !== i),
                          ),
                        )
                      }
                    >
                      {e.sha256 ? (
                        <a href={e.url} download={e.fileName ?? e.label}>
                          {e.label}
                        </a>
                      ) : (
                        <a href={e.url} target="_blank" rel="noreferrer noopener">
                          {e.label}
                        </a>
                      )}
                    </Tag>
                  ))}
                  {canSelf ? (
                    <EvidenceUpload
                      sheetId={sheet.id}
                      criterionId={r.id}
                      code={r.code}
                      onUploaded={(fresh) => {
                        setVersion(fresh.version);
                        const stored = fresh.scores.find((x) => x.criterionId === r.id)?.evidence ?? [];
                        const mine = evidence.get(r.id) ?? [];
                        const added = stored.filter(
                          (e) => e.sha256 && !mine.some((m) => m.sha256 === e.sha256),
                        );
                        setEvidence(new Map(evidence).set(r.id, [...mine, ...added]));
                      }}
                    />
                  ) : null}
                  {canSelf ? (
                    <EvidenceAdder
                      code={r.code}
                      onAdd={(e) =>
                        setEvidence(new Map(evidence).set(r.id, [...(evidence.get(r.id) ?? []), e]))
                      }
                    />
                  ) : null}
                  {r.evidenceRequired && !(evidence.get(r.id) ?? []).length ? (
                    <Typography.Text type="warning" style={{ fontSize: 12 }}>
                      {t('scoring.evidenceRequired')}
                    </Typography.Text>
                  ) : null}
                </Space>
              ),
          },
          {
            title: t('scoring.col.checked'),
            width: 100,
            align: 'right',
            render: (_, r) =>
              r.kind === 'group' ? null : canCheck ? (
                <InputNumber
                  size="small"
                  aria-label={`${t('scoring.col.checked')} ${r.code}`}
                  min={r.minPoints}
                  max={r.maxPoints}
                  step={0.5}
                  decimalSeparator=","
                  value={checked.get(r.id) ?? null}
                  onChange={(v) => setChecked(new Map(checked).set(r.id, v ?? null))}
                />
              ) : (
                fmt(byId.get(r.id)?.checkedScore)
              ),
          },
          {
            title: t('scoring.col.reason'),
            width: 180,
            render: (_, r) =>
              r.kind === 'group' ? null : canCheck ? (
                <Input
                  size="small"
                  aria-label={`${t('scoring.col.reason')} ${r.code}`}
                  value={reasons.get(r.id) ?? ''}
                  onChange={(e) => setReasons(new Map(reasons).set(r.id, e.target.value))}
                />
              ) : (
                (byId.get(r.id)?.checkReason ?? '')
              ),
          },
          {
            title: t('scoring.col.final'),
            width: 80,
            align: 'right',
            render: (_, r) => {
              const v =
                r.kind === 'group'
                  ? finals.get(r.id)
                  : finalOf({ selfScore: self.get(r.id) ?? null, checkedScore: checked.get(r.id) ?? null });
              return <b>{fmt(v)}</b>;
            },
          },
        ]}
      />
      <Flex gap={8} justify="flex-end" style={{ marginTop: 12 }}>
        {canSelf ? (
          <>
            <Button loading={busy} onClick={() => saveSelf(false)}>
              {t('scoring.saveSelf')}
            </Button>
            <Button type="primary" loading={busy} onClick={() => saveSelf(true)}>
              {t('scoring.submit')}
            </Button>
          </>
        ) : null}
        {canCheck ? (
          <>
            <Button loading={busy} onClick={() => saveCheck(false)}>
              {t('scoring.saveCheck')}
            </Button>
            <Button loading={busy} onClick={() => saveCheck(true)}>
              {t('scoring.markChecked')}
            </Button>
          </>
        ) : null}
      </Flex>
    </>
  );
}
