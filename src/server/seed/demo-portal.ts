/**
 * The demo's public portal: three categories, a handful of published news items about the block's 2020
 * year (the origin article's facts, see product.md), one draft, and web links. No person is named: the news
 * speaks of units and counts only.
 */
import type { DbOrTx } from '../platform/db/database';
import { newsCategories, newsItems, webLinks } from '../platform/db/schema';
import { slugify } from '../../shared/portal/news.schema';
import { sanitizeNewsHtml } from '../features/portal/sanitize';

export const DEMO_NEWS_CATEGORIES = [
  { slug: 'tin-hoat-dong', name: 'Tin hoạt động', sortOrder: 1 },
  { slug: 'thi-dua-khen-thuong', name: 'Thi đua – Khen thưởng', sortOrder: 2 },
  { slug: 'van-ban-chi-dao', name: 'Văn bản – Chỉ đạo', sortOrder: 3 },
] as const;

type CategorySlug = (typeof DEMO_NEWS_CATEGORIES)[number]['slug'];

interface DemoNews {
  category: CategorySlug;
  title: string;
  summary: string;
  body: string;
  /** Vietnam time. */
  publishAt: string;
  views: number;
}

export const DEMO_NEWS: DemoNews[] = [
  {
    category: 'thi-dua-khen-thuong',
    title: 'Khối thi đua các đơn vị sự nghiệp thuộc Sở tổng kết công tác thi đua, khen thưởng năm 2020',
    summary:
      'Năm 2020, 08/08 đơn vị thành viên hoàn thành và vượt chỉ tiêu kế hoạch nhà nước giao; Trung tâm Khuyến nông giữ vai trò Khối trưởng.',
    body: `<p>Khối thi đua các đơn vị sự nghiệp thuộc Sở Nông nghiệp và Phát triển nông thôn tỉnh Bạc Liêu gồm 08 đơn vị, do Trung tâm Khuyến nông làm Khối trưởng, đã tổ chức tổng kết công tác thi đua, khen thưởng năm 2020.</p>
<h2>Kết quả các phong trào thi đua</h2>
<ul>
<li>Thực hiện nhiệm vụ chính trị: 08/08 đơn vị hoàn thành và vượt chỉ tiêu kế hoạch nhà nước giao.</li>
<li>Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh: được duy trì thường xuyên ở tất cả các đơn vị.</li>
<li>Cải cách hành chính, ứng dụng công nghệ thông tin: tham mưu xây dựng 04 văn bản quy phạm pháp luật.</li>
<li>“Cả nước chung tay vì người nghèo – Không để ai bị bỏ lại phía sau”: 01 đơn vị xây dựng 01 căn nhà tình thương trị giá 30.000.000 đồng; 100% đơn vị đóng góp 03 ngày lương của cán bộ, viên chức, người lao động.</li>
</ul>
<h2>Công tác khen thưởng</h2>
<table>
<thead><tr><th>Hình thức</th><th>Cấp khen</th><th>Số lượng</th></tr></thead>
<tbody>
<tr><td>Kỷ niệm chương</td><td>Bộ Nội vụ</td><td>1 cá nhân</td></tr>
<tr><td>Bằng khen</td><td>Chủ tịch UBND tỉnh</td><td>4 tập thể, 3 cá nhân</td></tr>
<tr><td>Giấy khen (chuyên đề)</td><td>Giám đốc Sở</td><td>12 tập thể</td></tr>
<tr><td>Lao động tiên tiến</td><td>Giám đốc Sở</td><td>29 tập thể, 300 cá nhân</td></tr>
<tr><td>Chiến sĩ thi đua cơ sở</td><td>Giám đốc Sở</td><td>44 cá nhân</td></tr>
<tr><td>Giấy khen (thường xuyên)</td><td>Giám đốc Sở</td><td>19 tập thể, 244 cá nhân</td></tr>
</tbody>
</table>`,
    publishAt: '2021-01-15T15:30:00+07:00',
    views: 506,
  },
  {
    category: 'tin-hoat-dong',
    title: 'Trao tặng nhà tình thương trị giá 30 triệu đồng cho hộ nghèo',
    summary:
      'Hưởng ứng phong trào “Cả nước chung tay vì người nghèo”, một đơn vị thành viên Khối thi đua xây dựng và bàn giao 01 căn nhà tình thương.',
    body: `<p>Hưởng ứng phong trào thi đua “Cả nước chung tay vì người nghèo – Không để ai bị bỏ lại phía sau”, năm 2020 một đơn vị thành viên Khối thi đua đã xây dựng và bàn giao 01 căn nhà tình thương trị giá <strong>30.000.000 đồng</strong> cho hộ nghèo trên địa bàn.</p>
<p>Cùng với đó, 100% đơn vị thành viên đã vận động cán bộ, viên chức, người lao động đóng góp 03 ngày lương ủng hộ Quỹ “Vì người nghèo”.</p>`,
    publishAt: '2020-12-10T09:00:00+07:00',
    views: 231,
  },
  {
    category: 'tin-hoat-dong',
    title: 'Cử cán bộ tham gia thẩm định tiêu chí xây dựng nông thôn mới cấp xã',
    summary:
      'Thực hiện phong trào “Cả nước chung sức xây dựng nông thôn mới” giai đoạn 2016–2020, các đơn vị cử cán bộ tham gia đoàn thẩm định.',
    body: `<p>Thực hiện phong trào “Cả nước chung sức xây dựng nông thôn mới” giai đoạn 2016–2020, các đơn vị thành viên Khối thi đua đã cử cán bộ chuyên môn tham gia các đoàn thẩm định tiêu chí nông thôn mới của các xã trong tỉnh.</p>`,
    publishAt: '2020-11-20T10:15:00+07:00',
    views: 158,
  },
  {
    category: 'van-ban-chi-dao',
    title: 'Phổ biến Luật Thi đua, khen thưởng năm 2022 và Nghị định 98/2023/NĐ-CP',
    summary:
      'Tóm tắt những điểm mới về danh hiệu thi đua, hình thức khen thưởng và thủ tục đề nghị khen thưởng.',
    body: `<p>Luật Thi đua, khen thưởng số 06/2022/QH15 có hiệu lực từ ngày 01/01/2024; Nghị định số 98/2023/NĐ-CP quy định chi tiết thi hành Luật.</p>
<p>Xem toàn văn tại <a href="https://thuvienphapluat.vn">Thư viện pháp luật</a>.</p>`,
    publishAt: '2024-01-05T08:00:00+07:00',
    views: 97,
  },
  {
    category: 'thi-dua-khen-thuong',
    title: 'Phát động phong trào thi đua năm 2021',
    summary:
      'Khối thi đua thống nhất 05 nhiệm vụ trọng tâm năm 2021, trong đó chấm điểm, bình xét đơn vị dẫn đầu đề nghị tặng Cờ thi đua.',
    body: `<p>Năm 2021, Khối thi đua thống nhất 05 nhiệm vụ trọng tâm; nhiệm vụ thứ năm là chấm điểm, bình xét các đơn vị thành viên và đề nghị Hội đồng Thi đua – Khen thưởng Sở xét tặng Cờ thi đua cho đơn vị dẫn đầu.</p>`,
    publishAt: '2021-01-20T08:00:00+07:00',
    views: 184,
  },
];

export const DEMO_WEB_LINKS = [
  { title: 'Cổng Thông tin điện tử Chính phủ', url: 'https://chinhphu.vn', sortOrder: 1 },
  { title: 'Bộ Nội vụ', url: 'https://moha.gov.vn', sortOrder: 2 },
  { title: 'Ban Thi đua – Khen thưởng Trung ương', url: 'https://thiduakhenthuong.gov.vn', sortOrder: 3 },
  { title: 'Thư viện pháp luật', url: 'https://thuvienphapluat.vn', sortOrder: 4 },
];

export async function seedDemoPortal(tx: DbOrTx): Promise<{ news: number }> {
  const ids = new Map<string, string>();
  for (const c of DEMO_NEWS_CATEGORIES) {
    const [row] = await tx.insert(newsCategories).values(c).returning({ id: newsCategories.id });
    ids.set(c.slug, row!.id);
  }
  for (const n of DEMO_NEWS) {
    await tx.insert(newsItems).values({
      categoryId: ids.get(n.category)!,
      slug: slugify(n.title),
      title: n.title,
      summary: n.summary,
      bodyHtml: sanitizeNewsHtml(n.body),
      status: 'published',
      publishAt: new Date(n.publishAt),
      viewCount: n.views,
    });
  }
  // One draft, never on the portal until an officer publishes it.
  await tx.insert(newsItems).values({
    categoryId: ids.get('thi-dua-khen-thuong')!,
    slug: 'du-thao-ke-hoach-thi-dua-nam-2021',
    title: 'Dự thảo kế hoạch thi đua năm 2021',
    summary: '',
    bodyHtml: '<p>Bản nháp chờ duyệt.</p>',
    status: 'draft',
  });
  await tx.insert(webLinks).values(DEMO_WEB_LINKS);
  return { news: DEMO_NEWS.length };
}
