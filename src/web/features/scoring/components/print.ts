/**
 * The printable score sheet: a plain A4 page in a new window (Times New Roman, the national motto, the
 * criteria table, totals and the signature block), printed with the browser's dialog.
 */
import type { ScoringBoard, Sheet } from '../../../../shared/scoring/scoring.schema';
import type { Translate } from '../../../lib/i18n';
import { finalOf, finalsOf, fmt, treeOrder } from './tree';

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function printableSheetHtml(board: ScoringBoard, sheet: Sheet, t: Translate): string {
  const byId = new Map(sheet.scores.map((s) => [s.criterionId, s]));
  const finals = finalsOf(
    board.criteria,
    new Map(board.criteria.map((c) => [c.id, finalOf(byId.get(c.id))])),
  );
  const rows = treeOrder(board.criteria)
    .map((c) => {
      const s = byId.get(c.id);
      const group = c.kind === 'group';
      const max = c.kind === 'penalty' ? `${fmt(c.minPoints)} … ${fmt(c.maxPoints)}` : fmt(c.maxPoints);
      return `<tr${group ? ' class="g"' : ''}><td class="c">${esc(c.code)}</td><td style="padding-left:${4 + c.depth * 14}px">${esc(c.label)}</td><td class="c">${max}</td><td class="c">${group ? '' : fmt(s?.selfScore)}</td><td class="c">${group ? '' : fmt(s?.checkedScore)}</td><td class="c">${fmt(finals.get(c.id))}</td><td>${esc(s?.checkReason ?? '')}</td></tr>`;
    })
    .join('');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${esc(sheet.unitName)}</title>
<style>
@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
body { font-family: 'Times New Roman', serif; font-size: 13pt; color: #000; }
.head { display: flex; justify-content: space-between; text-align: center; }
.head div { width: 48%; } .b { font-weight: bold; } .i { font-style: italic; }
h1 { text-align: center; font-size: 14pt; margin: 18px 0 2px; } h2 { text-align: center; font-size: 13pt; margin: 0 0 12px; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 12pt; }
td, th { border: 1px solid #000; padding: 2px 4px; vertical-align: top; } td.c { text-align: center; }
tr.g td { font-weight: bold; } .sign { display: flex; justify-content: flex-end; margin-top: 24px; text-align: center; }
.sign div { width: 50%; }
</style></head><body>
<div class="head"><div>${esc(board.block.organizerName.toUpperCase())}<br><span class="b">KHỐI THI ĐUA</span></div>
<div><span class="b">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</span><br><span class="b">Độc lập - Tự do - Hạnh phúc</span></div></div>
<h1>${esc(t('scoring.printTitle', { year: board.block.year }))}</h1>
<h2>${esc(sheet.unitName)}</h2>
<table><colgroup><col style="width:8%"><col style="width:40%"><col style="width:10%"><col style="width:9%"><col style="width:9%"><col style="width:9%"><col style="width:15%"></colgroup>
<thead><tr><th>${esc(t('scoring.col.code'))}</th><th>${esc(t('scoring.col.criterion'))}</th><th>${esc(t('scoring.col.max'))}</th><th>${esc(t('scoring.col.self'))}</th><th>${esc(t('scoring.col.checked'))}</th><th>${esc(t('scoring.col.final'))}</th><th>${esc(t('scoring.col.reason'))}</th></tr></thead>
<tbody>${rows}<tr class="g"><td></td><td>${esc(t('scoring.total'))}</td><td></td><td class="c">${fmt(sheet.selfTotal)}</td><td></td><td class="c">${fmt(sheet.total)}</td><td></td></tr></tbody></table>
<div class="sign"><div><span class="b">TM. KHỐI THI ĐUA</span><br><span class="b">KHỐI TRƯỞNG</span></div></div>
</body></html>`;
}

export function printSheet(board: ScoringBoard, sheet: Sheet, t: Translate) {
  const w = window.open('', '_blank');
  if (!w) return;
  w.document.open();
  w.document.write(printableSheetHtml(board, sheet, t));
  w.document.close();
  w.focus();
  w.print();
}
