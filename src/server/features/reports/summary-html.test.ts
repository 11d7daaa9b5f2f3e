/** The summary as news HTML: every text escaped, the outline numbered as in Word, an empty year said plainly. */
import { describe, expect, it } from 'vitest';
import { buildSummaryReport } from '../../../domain/reports/summary';
import { escapeHtml, summaryHtml } from './summary-html';

const issuer = {
  parentBody: 'UBND tỉnh Bạc Liêu',
  issuer: 'Sở Nông nghiệp',
  symbol: 'SNN',
  place: 'Bạc Liêu',
};
const scope = { code: 'BL-TTKN', label: 'Trung tâm <Khuyến nông>' };

describe('summaryHtml', () => {
  it('escapes every text and numbers the narrative after I and II', () => {
    const html = summaryHtml(
      buildSummaryReport({
        year: 2020,
        scope,
        movements: [
          {
            name: 'Phong trào "A & B"',
            kind: 'thematic',
            launchingUnit: 'Sở',
            results: [{ unitName: 'Đơn vị <1>', summary: '<img src=x onerror=alert(1)>' }],
            totals: [{ label: 'Giá trị', value: '30.000.000 đồng' }],
          },
        ],
        awards: [
          {
            track: 'regular',
            issuer: 'Giám đốc Sở',
            awardCode: 'LDTT',
            recipientKind: 'individual',
            awards: 300,
            recipients: 300,
          },
        ],
        narrative: { sections: { assessment: 'Tốt <b>lắm</b>.', proposals: "Đề nghị 'A'." } },
      }),
      issuer,
    );
    expect(html).not.toMatch(/<(?:img|b|script)\b/);
    expect(html).toContain('Trung tâm &lt;Khuyến nông&gt;');
    expect(html).toContain('Phong trào &quot;A &amp; B&quot;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<td>Lao động tiên tiến</td><td>Cá nhân</td><td>300 cá nhân</td>');
    expect(html).toContain('<h2>III. ĐÁNH GIÁ CHUNG</h2>\n<p>Tốt &lt;b&gt;lắm&lt;/b&gt;.</p>');
    expect(html).toContain('<h2>IV. KIẾN NGHỊ, ĐỀ XUẤT</h2>\n<p>Đề nghị &#39;A&#39;.</p>');
    expect(html.indexOf('I. Kết quả')).toBeLessThan(html.indexOf('II. Công tác khen thưởng'));
  });

  it('says an empty year plainly', () => {
    const html = summaryHtml(buildSummaryReport({ year: 1995, scope, movements: [], awards: [] }), issuer);
    expect(html).toContain('Năm 1995 chưa có dữ liệu phong trào thi đua và khen thưởng trong phạm vi này.');
    expect(html).not.toContain('<table>');
    expect(html).not.toContain('III.');
    expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;');
  });
});
