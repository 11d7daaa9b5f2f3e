/**
 * Report models of block scoring (plain rows, tested), and their Excel renderers. The Word renderers are in
 * `word/`. Points print the Vietnamese way (decimal comma).
 */
import type { ScoringBoard, Sheet } from '../../../shared/scoring/scoring.schema';
import { xlsxTable } from '../../platform/xlsx-table';

export const fmtPoints = (n: number | null | undefined): string =>
  n === null || n === undefined ? '' : n.toLocaleString('vi-VN', { maximumFractionDigits: 2 });

const KIND_LABEL = { group: 'Nhóm', score: 'Chấm điểm', bonus: 'Điểm thưởng', penalty: 'Điểm trừ' } as const;

export interface SheetReportRow {
  code: string;
  label: string;
  kind: string;
  isGroup: boolean;
  depth: number;
  range: string;
  self: string;
  checked: string;
  final: string;
  reason: string;
  evidence: string;
}

export interface SheetReport {
  blockName: string;
  year: number;
  unitName: string;
  organizerName: string;
  rows: SheetReportRow[];
  selfTotal: number;
  total: number;
  bonus: number;
  penalty: number;
  status: string;
}

/** The score sheet of one member: the criteria tree with own, checked and final scores. */
export function sheetReport(board: ScoringBoard, sheet: Sheet): SheetReport {
  const byCriterion = new Map(sheet.scores.map((s) => [s.criterionId, s]));
  const depthOf = (id: string | null): number => {
    let d = 0;
    for (let p = id; p; p = board.criteria.find((c) => c.id === p)?.parentId ?? null) d++;
    return d;
  };
  const groupSum = (groupId: string): number => {
    let total = 0;
    for (const c of board.criteria) {
      if (c.kind === 'group') continue;
      let p = c.parentId;
      while (p && p !== groupId) p = board.criteria.find((x) => x.id === p)?.parentId ?? null;
      if (p === groupId) {
        const s = byCriterion.get(c.id);
        total += Math.round((s?.checkedScore ?? s?.selfScore ?? 0) * 100);
      }
    }
    return total / 100;
  };
  // Depth-first order: groups followed by their items, as the tree reads.
  const ordered: typeof board.criteria = [];
  const visit = (parentId: string | null) => {
    for (const c of board.criteria.filter((x) => x.parentId === parentId)) {
      ordered.push(c);
      visit(c.id);
    }
  };
  visit(null);
  return {
    blockName: board.block.name,
    year: board.block.year,
    unitName: sheet.unitName,
    organizerName: board.block.organizerName,
    rows: ordered.map((c) => {
      const s = byCriterion.get(c.id);
      const isGroup = c.kind === 'group';
      return {
        code: c.code,
        label: c.label,
        kind: KIND_LABEL[c.kind],
        isGroup,
        depth: depthOf(c.parentId),
        range:
          c.kind === 'penalty'
            ? `${fmtPoints(c.minPoints)} – ${fmtPoints(c.maxPoints)}`
            : fmtPoints(c.maxPoints),
        self: isGroup ? '' : fmtPoints(s?.selfScore),
        checked: isGroup ? '' : fmtPoints(s?.checkedScore),
        final: isGroup ? fmtPoints(groupSum(c.id)) : fmtPoints(s?.checkedScore ?? s?.selfScore),
        reason: s?.checkReason ?? '',
        evidence: (s?.evidence ?? []).map((e) => `${e.label}: ${e.url}`).join('\n'),
      };
    }),
    selfTotal: sheet.selfTotal,
    total: sheet.total,
    bonus: sheet.bonus,
    penalty: sheet.penalty,
    status: sheet.status,
  };
}

export function sheetWorkbook(r: SheetReport): Promise<Buffer> {
  return xlsxTable<SheetReportRow | { total: true }>({
    sheetName: 'Phiếu chấm điểm',
    title: [
      `PHIẾU CHẤM ĐIỂM THI ĐUA NĂM ${r.year}`,
      r.blockName,
      `Đơn vị: ${r.unitName}`,
      `Tổng điểm tự chấm: ${fmtPoints(r.selfTotal)} — Tổng điểm sau chấm chéo: ${fmtPoints(r.total)}`,
    ],
    columns: [
      { header: 'Mã', width: 8, value: (x) => ('total' in x ? '' : x.code) },
      {
        header: 'Tiêu chí',
        width: 60,
        value: (x) => ('total' in x ? 'TỔNG CỘNG' : `${'  '.repeat(Math.max(0, x.depth - 1))}${x.label}`),
      },
      { header: 'Loại', width: 12, value: (x) => ('total' in x ? '' : x.kind) },
      { header: 'Điểm tối đa', width: 11, value: (x) => ('total' in x ? '' : x.range) },
      { header: 'Tự chấm', width: 10, value: (x) => ('total' in x ? fmtPoints(r.selfTotal) : x.self) },
      { header: 'Chấm chéo', width: 10, value: (x) => ('total' in x ? '' : x.checked) },
      { header: 'Điểm đạt', width: 10, value: (x) => ('total' in x ? fmtPoints(r.total) : x.final) },
      { header: 'Lý do điều chỉnh', width: 30, value: (x) => ('total' in x ? '' : x.reason) },
      { header: 'Minh chứng', width: 40, value: (x) => ('total' in x ? '' : x.evidence) },
    ],
    rows: [...r.rows, { total: true }],
  });
}

export interface RankingReport {
  blockName: string;
  year: number;
  organizerName: string;
  locked: boolean;
  meetingNote: string | null;
  rows: {
    rank: number;
    unitName: string;
    selfTotal: string;
    total: string;
    decidedBy: string;
    proposal: string;
  }[];
  tieRules: string[];
  flagUnitName: string | null;
  bkUnitNames: string[];
}

export function rankingReport(board: ScoringBoard): RankingReport {
  const nameOf = (id: string) => board.block.members.find((m) => m.unitId === id)?.name ?? id;
  const flag = board.result?.flagUnitId ?? null;
  const bk = new Set(board.result?.bkUnitIds ?? []);
  return {
    blockName: board.block.name,
    year: board.block.year,
    organizerName: board.block.organizerName,
    locked: board.set?.status === 'locked',
    meetingNote: board.set?.meetingNote ?? null,
    rows: board.ranking.map((r) => ({
      rank: r.rank,
      unitName: r.unitName,
      selfTotal: fmtPoints(r.selfTotal),
      total: fmtPoints(r.total),
      decidedBy: r.decidedBy,
      proposal:
        r.unitId === flag ? 'Cờ thi đua cấp tỉnh' : bk.has(r.unitId) ? 'Bằng khen Chủ tịch UBND tỉnh' : '',
    })),
    tieRules: [
      'Tổng điểm',
      ...(board.set?.tieRules ?? []).map((t) =>
        t.kind === 'criterion'
          ? `Điểm tiêu chí ${t.code}`
          : `Ưu tiên tập thể có từ ${Math.round(t.threshold * 100)}% nữ (${t.citation})`,
      ),
    ],
    flagUnitName: flag ? nameOf(flag) : null,
    bkUnitNames: [...bk].map(nameOf),
  };
}

export function rankingWorkbook(r: RankingReport): Promise<Buffer> {
  return xlsxTable({
    sheetName: 'Xếp hạng',
    title: [
      `KẾT QUẢ CHẤM ĐIỂM, XẾP HẠNG THI ĐUA NĂM ${r.year}`,
      r.blockName,
      r.locked ? `Đã khóa theo: ${r.meetingNote ?? ''}` : 'Kết quả tạm tính (chưa khóa)',
      `Thứ tự xét khi bằng điểm: ${r.tieRules.join(' → ')}`,
    ],
    columns: [
      { header: 'Hạng', width: 7, value: (x) => x.rank },
      { header: 'Đơn vị', width: 60, value: (x) => x.unitName },
      { header: 'Điểm tự chấm', width: 13, value: (x) => x.selfTotal },
      { header: 'Điểm đạt', width: 12, value: (x) => x.total },
      { header: 'Căn cứ xếp hạng', width: 40, value: (x) => x.decidedBy },
      { header: 'Đề nghị khen thưởng', width: 30, value: (x) => x.proposal },
    ],
    rows: r.rows,
  });
}
