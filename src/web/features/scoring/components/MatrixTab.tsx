import { Table, Typography } from 'antd';
import type { ScoringBoard } from '../../../../shared/scoring/scoring.schema';
import { useI18n } from '../../../lib/i18n';
import { finalOf, finalsOf, fmt, treeOrder, type TreeRow } from './tree';

/** Criteria × members: each member's final score, the own score in brackets where it was changed. */
export function MatrixTab({ board }: { board: ScoringBoard }) {
  const { t } = useI18n();
  const perSheet = board.sheets.map((s) => {
    const byId = new Map(s.scores.map((x) => [x.criterionId, x]));
    return {
      sheet: s,
      byId,
      finals: finalsOf(board.criteria, new Map(board.criteria.map((c) => [c.id, finalOf(byId.get(c.id))]))),
    };
  });
  const totalRow = { id: '__total', code: '', label: t('scoring.total'), kind: 'group', depth: 0 } as TreeRow;
  return (
    <>
      <Typography.Paragraph type="secondary">{t('scoring.matrixHint')}</Typography.Paragraph>
      <Table<TreeRow>
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: 300 + 110 * board.sheets.length }}
        dataSource={[...treeOrder(board.criteria), totalRow]}
        columns={[
          { title: t('scoring.col.code'), dataIndex: 'code', width: 60, fixed: 'left' },
          {
            title: t('scoring.col.criterion'),
            width: 280,
            fixed: 'left',
            render: (_, r) => (
              <span style={{ paddingLeft: r.depth * 12, fontWeight: r.kind === 'group' ? 600 : 400 }}>
                {r.label}
              </span>
            ),
          },
          ...perSheet.map(({ sheet, byId, finals }) => ({
            title: sheet.unitName,
            key: sheet.id,
            width: 110,
            align: 'right' as const,
            render: (_: unknown, r: TreeRow) => {
              if (r.id === '__total') return <b>{fmt(sheet.total)}</b>;
              const s = byId.get(r.id);
              const changed = s && s.checkedScore !== null && s.checkedScore !== s.selfScore;
              return (
                <span style={{ fontWeight: r.kind === 'group' ? 600 : 400 }}>
                  {fmt(finals.get(r.id))}
                  {changed ? <Typography.Text type="secondary"> ({fmt(s.selfScore)})</Typography.Text> : null}
                </span>
              );
            },
          })),
        ]}
      />
    </>
  );
}
