/**
 * The public portal's page frame, server-rendered HTML that works without JavaScript: lang="vi", a skip
 * link, one h1 per page (in the page body), labelled navigation landmarks, visible focus, contrast of at
 * least 7:1 for body text, a proper <title>, meta description and Open Graph tags. The reader's display
 * choices (text size, high contrast) come from a cookie set by `/hien-thi` and become classes on <html>,
 * so they work without a script. Everything printed goes through `esc` except bodies already sanitised.
 */

/** HTML-escapes text for element content and quoted attribute values. */
export function esc(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export const SITE_NAME = 'Cổng thông tin thi đua, khen thưởng';
export const DISPLAY_COOKIE = 'vd_display';

export type TextSize = 'normal' | 'large' | 'larger';
export interface Display {
  text: TextSize;
  contrast: boolean;
}
export const DEFAULT_DISPLAY: Display = { text: 'normal', contrast: false };

/** `text=large;contrast=high` → the reader's choices; anything else → the defaults. */
export function parseDisplay(cookie: string | undefined): Display {
  const out: Display = { ...DEFAULT_DISPLAY };
  for (const part of (cookie ?? '').split(';')) {
    const [k, v] = part.split('=');
    if (k === 'text' && (v === 'large' || v === 'larger')) out.text = v;
    if (k === 'contrast' && v === 'high') out.contrast = true;
  }
  return out;
}
export const displayCookie = (d: Display) => `text=${d.text};contrast=${d.contrast ? 'high' : 'normal'}`;

/** A local path to come back to after `/hien-thi` (never another site). */
export function safeReturnPath(value: unknown): string {
  const s = typeof value === 'string' ? value : '';
  return /^\/(?![/\\])[^\s]*$/.test(s) && s.length <= 500 ? s : '/tin-tuc';
}

/** dd/mm/yyyy HH:mm in Vietnam time (UTC+7). */
export function vnDateTime(value: Date | string | null | undefined): string {
  if (!value) return '';
  const d = new Date(new Date(value).getTime() + 7 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

/** dd/mm/yyyy of a yyyy-mm-dd date. */
export function vnDate(iso: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  return m ? `${m[3]}/${m[2]}/${m[1]}` : (iso ?? '');
}

/** The ISO form of a Vietnam-time instant for <time datetime>. */
export const isoInstant = (value: Date | string | null | undefined) =>
  value ? new Date(value).toISOString() : '';

const number = (n: number) => n.toLocaleString('vi-VN');

const STYLE = `
html{font-size:100%}html.text-large{font-size:118.75%}html.text-larger{font-size:137.5%}
body{font-family:Arial,"Helvetica Neue",Helvetica,sans-serif;margin:0;color:#1a1a1a;background:#f4f3ef;line-height:1.55}
a{color:#0b4f8a}a:hover{color:#07345c}
:focus-visible{outline:3px solid #f2a900;outline-offset:2px}
.skip{position:absolute;left:-10000px;top:0;background:#fff;color:#000;padding:8px 12px;z-index:10}
.skip:focus{left:8px;top:8px}
.wrap{max-width:1140px;margin:0 auto;padding:0 20px}
header.site{background:#9b1c1c;color:#fff}
header.site .top{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:8px;padding:12px 0}
header.site a{color:#fff}.brand{font-size:1.35rem;font-weight:bold;text-decoration:none}
.display{font-size:.9rem;display:flex;flex-wrap:wrap;gap:6px;align-items:center}
.display a{display:inline-block;padding:2px 8px;border:1px solid #fff;border-radius:3px;text-decoration:none}
.display a[aria-current="true"]{background:#fff;color:#9b1c1c;font-weight:bold}
nav.main{background:#7a1515}nav.main ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap}
nav.main a{display:block;padding:10px 14px;color:#fff;text-decoration:none}
nav.main a[aria-current="page"],nav.main a:hover{background:#5c1010;text-decoration:underline}
.cols{display:grid;grid-template-columns:minmax(0,1fr) 280px;gap:24px;padding:20px 0}
@media (max-width:800px){.cols{grid-template-columns:1fr}}
main{background:#fff;padding:16px 24px;border:1px solid #e0ddd5}
aside section{background:#fff;padding:12px 16px;border:1px solid #e0ddd5;margin-bottom:16px}
aside h2{font-size:1.05rem;margin:0 0 8px}aside ul{margin:0;padding-left:18px}
h1{font-size:1.6rem;line-height:1.3;margin:.4rem 0 .8rem}h2{font-size:1.25rem;margin:1.4rem 0 .6rem}
.meta,.muted{color:#4d4d4d;font-size:.92rem}.lead{font-weight:bold}
.article{font-size:1.05rem}.article img{max-width:100%;height:auto}
.article table,table.list{border-collapse:collapse;width:100%}
.article th,.article td,table.list th,table.list td{border:1px solid #999;padding:6px 8px;text-align:left;vertical-align:top}
table.list th{background:#f0ece4}
ul.news{list-style:none;padding:0;margin:0}ul.news li{padding:8px 0;border-bottom:1px solid #e6e3dc}
ul.news a{font-weight:bold}.views{font-weight:bold}
nav.pages ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:6px}
nav.pages a,nav.pages span{display:inline-block;padding:4px 10px;border:1px solid #999}
nav.pages [aria-current="page"]{background:#9b1c1c;color:#fff;border-color:#9b1c1c}
details{margin:8px 0}summary{cursor:pointer;color:#0b4f8a}
footer.site{background:#2b2b2b;color:#f2f2f2;padding:16px 0;font-size:.95rem}
footer.site a{color:#fff}footer.site dl{display:flex;flex-wrap:wrap;gap:6px 24px;margin:8px 0}
footer.site dt{font-weight:normal}footer.site dd{margin:0 0 0 6px;font-weight:bold}
footer.site .stat{display:flex}
.ok{background:#e8f5e9;padding:8px 12px;border-left:4px solid #2e7d32}
.err{background:#fdecea;padding:8px 12px;border-left:4px solid #c62828}.field-err{color:#b71c1c;font-size:.9rem}
label{display:block;margin-top:10px;font-weight:bold}
input,select,textarea{width:100%;max-width:640px;padding:6px;font:inherit;box-sizing:border-box;border:1px solid #767676}
button{margin-top:12px;padding:8px 18px;font:inherit;background:#9b1c1c;color:#fff;border:0;cursor:pointer}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
html.contrast-high body{background:#000;color:#fff}
html.contrast-high main,html.contrast-high aside section{background:#000;border-color:#fff}
html.contrast-high a,html.contrast-high summary{color:#ffeb3b}
html.contrast-high .meta,html.contrast-high .muted{color:#fff}
html.contrast-high header.site,html.contrast-high nav.main,html.contrast-high footer.site{background:#000;border-bottom:2px solid #fff}
html.contrast-high table.list th{background:#222}
html.contrast-high .display a[aria-current="true"]{background:#ffeb3b;color:#000}
html.contrast-high :focus-visible{outline-color:#00e5ff}`;

export interface PortalChrome {
  /** The path of this page (for aria-current and coming back from the display controls). */
  path: string;
  /** The absolute origin (scheme and host), for og:url. */
  origin: string;
  display: Display;
  stats?: { online: number; today: number; total: number } | undefined;
  categories?: { name: string; slug: string }[];
  links?: { title: string; url: string }[];
  /** Which main section the page belongs to. */
  section: 'news' | 'disclosure' | 'decisions' | 'none';
}

export interface PageMeta {
  title: string;
  description: string;
  ogType?: 'website' | 'article';
  publishedTime?: string;
}

const NAV: { href: string; label: string; section: PortalChrome['section'] }[] = [
  { href: '/tin-tuc', label: 'Tin tức', section: 'news' },
  { href: '/cong-khai', label: 'Công khai lấy ý kiến', section: 'disclosure' },
  { href: '/quyet-dinh', label: 'Quyết định khen thưởng', section: 'decisions' },
];

function displayControls(chrome: PortalChrome): string {
  const back = encodeURIComponent(chrome.path);
  const size = (value: TextSize, label: string, name: string) =>
    `<a href="/hien-thi?co-chu=${value}&amp;ve=${back}" aria-label="${esc(name)}"${chrome.display.text === value ? ' aria-current="true"' : ''}>${label}</a>`;
  const contrast = chrome.display.contrast
    ? `<a href="/hien-thi?tuong-phan=thuong&amp;ve=${back}" aria-current="true">Tương phản cao: bật</a>`
    : `<a href="/hien-thi?tuong-phan=cao&amp;ve=${back}">Tương phản cao: tắt</a>`;
  return `<div class="display" role="group" aria-label="Tùy chọn hiển thị">
<span>Cỡ chữ:</span>${size('normal', 'A', 'Cỡ chữ thường')}${size('large', 'A+', 'Cỡ chữ lớn')}${size('larger', 'A++', 'Cỡ chữ rất lớn')}
${contrast}
</div>`;
}

function aside(chrome: PortalChrome): string {
  const parts: string[] = [];
  if (chrome.categories?.length) {
    parts.push(`<section aria-labelledby="cm-h"><h2 id="cm-h">Chuyên mục</h2><ul>
${chrome.categories.map((c) => `<li><a href="/tin-tuc/chuyen-muc/${esc(c.slug)}">${esc(c.name)}</a></li>`).join('\n')}
</ul></section>`);
  }
  if (chrome.links?.length) {
    parts.push(`<section aria-labelledby="lk-h"><h2 id="lk-h">Liên kết website</h2><ul>
${chrome.links.map((l) => `<li><a href="${esc(l.url)}" rel="noopener noreferrer">${esc(l.title)}</a></li>`).join('\n')}
</ul></section>`);
  }
  return parts.length
    ? `<aside aria-label="Chuyên mục và liên kết">${parts.join('\n')}</aside>`
    : '<aside></aside>';
}

function footer(chrome: PortalChrome): string {
  const s = chrome.stats;
  const stats = s
    ? `<section aria-labelledby="tk-h"><h2 id="tk-h" style="font-size:1rem;margin:0">Thống kê truy cập</h2>
<dl>
<div class="stat"><dt>Đang truy cập:</dt><dd data-stat="online">${number(s.online)}</dd></div>
<div class="stat"><dt>Hôm nay:</dt><dd data-stat="today">${number(s.today)}</dd></div>
<div class="stat"><dt>Tổng lượt truy cập:</dt><dd data-stat="total">${number(s.total)}</dd></div>
</dl></section>`
    : '';
  return `<footer class="site"><div class="wrap">
${stats}
<p>${esc(SITE_NAME)} — thông tin về phong trào thi đua, khen thưởng; danh sách đề nghị khen thưởng được công khai để lấy ý kiến nhân dân trước khi Hội đồng Thi đua – Khen thưởng xét.</p>
</div></footer>`;
}

/** A whole portal page around `body` (which carries the page's h1). */
export function portalPage(chrome: PortalChrome, meta: PageMeta, body: string): string {
  const classes = [
    chrome.display.text !== 'normal' ? `text-${chrome.display.text}` : '',
    chrome.display.contrast ? 'contrast-high' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const url = `${chrome.origin}${chrome.path}`;
  const nav = NAV.map(
    (n) =>
      `<li><a href="${n.href}"${n.section === chrome.section ? ' aria-current="page"' : ''}>${esc(n.label)}</a></li>`,
  ).join('');
  return `<!doctype html>
<html lang="vi"${classes ? ` class="${classes}"` : ''}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(meta.title)} — ${esc(SITE_NAME)}</title>
<meta name="description" content="${esc(meta.description)}">
<meta name="robots" content="index,follow">
<link rel="canonical" href="${esc(url)}">
<meta property="og:site_name" content="${esc(SITE_NAME)}">
<meta property="og:locale" content="vi_VN">
<meta property="og:type" content="${meta.ogType ?? 'website'}">
<meta property="og:title" content="${esc(meta.title)}">
<meta property="og:description" content="${esc(meta.description)}">
<meta property="og:url" content="${esc(url)}">${meta.publishedTime ? `\n<meta property="article:published_time" content="${esc(meta.publishedTime)}">` : ''}
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#noi-dung">Bỏ qua, đến nội dung chính</a>
<header class="site">
<div class="wrap top"><a class="brand" href="/tin-tuc">${esc(SITE_NAME)}</a>${displayControls(chrome)}</div>
<nav class="main" aria-label="Điều hướng chính"><div class="wrap"><ul>${nav}</ul></div></nav>
</header>
<div class="wrap cols">
<main id="noi-dung" tabindex="-1">
${body}
</main>
${aside(chrome)}
</div>
${footer(chrome)}
</body>
</html>`;
}

/** Page numbers as links (`?trang=N`), with the current page marked. */
export function pagination(basePath: string, page: number, total: number, pageSize: number): string {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return '';
  const href = (p: number) => (p === 1 ? basePath : `${basePath}?trang=${p}`);
  const shown = new Set(
    [1, pages, page - 2, page - 1, page, page + 1, page + 2].filter((p) => p >= 1 && p <= pages),
  );
  const items: string[] = [];
  if (page > 1) items.push(`<li><a href="${href(page - 1)}" rel="prev">« Trang trước</a></li>`);
  let last = 0;
  for (const p of [...shown].sort((a, b) => a - b)) {
    if (p - last > 1) items.push('<li><span aria-hidden="true">…</span></li>');
    items.push(
      p === page
        ? `<li><span aria-current="page">Trang ${p}</span></li>`
        : `<li><a href="${href(p)}" aria-label="Trang ${p}">${p}</a></li>`,
    );
    last = p;
  }
  if (page < pages) items.push(`<li><a href="${href(page + 1)}" rel="next">Trang sau »</a></li>`);
  return `<nav class="pages" aria-label="Phân trang"><ul>${items.join('')}</ul></nav>`;
}
