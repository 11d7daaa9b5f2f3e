/** The fund's ledger as an Excel file: every entry with its running balance per unit, then the totals. */
import { xlsxTable } from '../../platform/xlsx-table';
import { FUND_CATEGORY_LABELS, runningBalance, vnDate } from '../../../domain/fund';
import type { FundEntry, FundSummary } from '../../../shared/fund/fund.schema';

interface LedgerRow {
  unitName: string;
  entryDate: string;
  category: string;
  description: string;
  decisionNumber: string;
  income: number | null;
  expense: number | null;
  balance: number | null;
}

export async function fundLedgerWorkbook(
  year: number,
  entries: readonly FundEntry[],
  summary: FundSummary,
  unitId?: string,
): Promise<Buffer> {
  const rows: LedgerRow[] = [];
  const units = summary.units.filter((u) => !unitId || u.unitId === unitId);
  for (const u of units) {
    for (const { entry, balance } of runningBalance(entries.filter((e) => e.unitId === u.unitId))) {
      rows.push({
        unitName: u.unitName,
        entryDate: vnDate(entry.entryDate),
        category: FUND_CATEGORY_LABELS[entry.category],
        description: entry.description,
        decisionNumber: entry.decisionNumber ?? '',
        income: entry.direction === 'income' ? entry.amount : null,
        expense: entry.direction === 'expense' ? entry.amount : null,
        balance,
      });
    }
    rows.push({
      unitName: u.unitName,
      entryDate: '',
      category: 'Cộng năm',
      description: `Kết dư đầu năm ${u.opening}; chi thưởng ${u.prizes}; chi phong trào ${u.movements}`,
      decisionNumber: '',
      income: u.opening + u.income,
      expense: u.expense,
      balance: u.balance,
    });
  }
  return xlsxTable<LedgerRow>({
    sheetName: `Sổ quỹ ${year}`,
    title: [`SỔ QUỸ THI ĐUA, KHEN THƯỞNG NĂM ${year}`, 'Đơn vị tính: đồng'],
    columns: [
      { header: 'Đơn vị', width: 36, value: (r) => r.unitName },
      { header: 'Ngày', width: 12, value: (r) => r.entryDate },
      { header: 'Khoản mục', width: 30, value: (r) => r.category },
      { header: 'Nội dung', width: 50, value: (r) => r.description },
      { header: 'Quyết định', width: 16, value: (r) => r.decisionNumber },
      { header: 'Thu', width: 16, value: (r) => r.income },
      { header: 'Chi', width: 16, value: (r) => r.expense },
      { header: 'Số dư', width: 16, value: (r) => r.balance },
    ],
    rows,
  });
}
