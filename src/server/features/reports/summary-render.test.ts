/**
 * The Word file as printed: the summary built from the origin article's 2020 figures is rendered by
 * LibreOffice to PDF, and the PDF's text must show the title and every count. Skipped without soffice.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSummaryReport } from '../../../domain/reports/summary';
import { ARTICLE_2020_AWARDS, ISSUER_BNV, ISSUER_SNN, ISSUER_UBND } from '../../seed/demo-registry';
import { summaryWord } from './summary-files';

const SOFFICE = '/usr/bin/soffice';
const PDFTOTEXT = '/usr/bin/pdftotext';
const ISSUER_OF: Record<string, string> = { KNC: ISSUER_BNV, BK_TINH: ISSUER_UBND };

describe.skipIf(!existsSync(SOFFICE) || !existsSync(PDFTOTEXT))('the summary Word file, rendered', () => {
  it('shows the title and the article’s counts on the printed pages', { timeout: 120_000 }, async () => {
    const report = buildSummaryReport({
      year: 2020,
      scope: { code: null, label: 'Toàn bộ dữ liệu' },
      movements: [],
      awards: ARTICLE_2020_AWARDS.map((a) => ({
        track: a.track,
        issuer: ISSUER_OF[a.awardCode] ?? ISSUER_SNN,
        awardCode: a.awardCode,
        recipientKind: a.recipientKind,
        awards: a.n,
        recipients: a.n,
      })),
    });
    const docx = await summaryWord(report, new Date('2021-01-20T08:00:00+07:00'), {
      parentBody: 'UBND tỉnh Bạc Liêu',
      issuer: 'Sở Nông nghiệp và Phát triển nông thôn',
      symbol: 'SNN',
      place: 'Bạc Liêu',
    });
    const dir = mkdtempSync(join(tmpdir(), 'vd-summary-'));
    writeFileSync(join(dir, 'bc.docx'), docx);
    execFileSync(
      SOFFICE,
      [
        '--headless',
        `-env:UserInstallation=file://${dir}/lo`,
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        join(dir, 'bc.docx'),
      ],
      {
        stdio: 'ignore',
        timeout: 100_000,
      },
    );
    execFileSync(PDFTOTEXT, ['-layout', join(dir, 'bc.pdf'), join(dir, 'bc.txt')]);
    const text = readFileSync(join(dir, 'bc.txt'), 'utf8').replace(/\s+/g, ' ');
    for (const s of [
      'BÁO CÁO',
      'Tổng kết công tác thi đua, khen thưởng năm 2020',
      'Bạc Liêu, ngày 20 tháng 01 năm 2021',
      '300 cá nhân',
      '44 cá nhân',
      '29 tập thể',
      '244 lượt cá nhân',
      '19 lượt tập thể',
      '12 lượt tập thể',
      '4 lượt tập thể',
      '3 lượt cá nhân',
      '1 lượt cá nhân',
    ])
      expect(text, s).toContain(s);
  });
});
