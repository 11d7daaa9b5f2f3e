/**
 * The public portal's disclosure pages, rendered on the server so they work without JavaScript (and for
 * search engines and old phones): `/cong-khai` lists the open disclosures, `/cong-khai/<id>` shows a
 * nominee list with a comment form that POSTs to `/cong-khai/<id>/gop-y` and redirects back (303) after a
 * successful comment. Everything printed goes through `esc`. No script; the only style is an inline sheet
 * (allowed by the app's CSP), and the form posts to the same origin (`form-action 'self'`). The header's
 * navigation joins them to the public portal (`/tin-tuc`, `/quyet-dinh`, decision 038).
 */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { ERRORS } from '../../../shared/errors';
import { publicCommentSchema, COMMENT_LIMITS } from '../../../shared/disclosure/disclosure.schema';
import type { Disclosure, PublicDisclosure } from '../../../shared/disclosure/disclosure.schema';
import type { DisclosureService } from './disclosure.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** HTML-escapes text for element content and quoted attribute values. */
export function esc(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const vnDate = (iso: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
};

const STYLE = `
body{font-family:"Times New Roman",Times,serif;margin:0;color:#1f1f1f;background:#f7f7f5;line-height:1.5}
header{background:#9b1c1c;color:#fff;padding:12px 24px}header a{color:#fff;text-decoration:none}
main{max-width:1000px;margin:0 auto;padding:16px 24px;background:#fff}
h1{font-size:1.5rem;margin:.5rem 0}h2{font-size:1.2rem;margin-top:1.5rem}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:6px 8px;text-align:left;vertical-align:top}
th{background:#f0ece4}.muted{color:#595959}.ok{background:#e8f5e9;padding:8px 12px;border-left:4px solid #2e7d32}
.err{background:#fdecea;padding:8px 12px;border-left:4px solid #c62828}.field-err{color:#c62828;font-size:.9rem}
label{display:block;margin-top:10px;font-weight:bold}input,select,textarea{width:100%;max-width:640px;padding:6px;font:inherit;box-sizing:border-box}
button{margin-top:12px;padding:8px 18px;font:inherit;background:#9b1c1c;color:#fff;border:0;cursor:pointer}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
footer{max-width:1000px;margin:0 auto;padding:12px 24px;font-size:.9rem;color:#595959}
header nav ul{list-style:none;margin:8px 0 0;padding:0;display:flex;flex-wrap:wrap;gap:4px 18px}
header nav a{text-decoration:underline}header nav a[aria-current="page"]{font-weight:bold}
:focus-visible{outline:3px solid #f2a900;outline-offset:2px}
.skip{position:absolute;left:-10000px;top:0;background:#fff;color:#000;padding:8px 12px}.skip:focus{left:8px;top:8px}`;

function layout(title: string, description: string, body: string): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} — VinhDanh</title>
<meta name="description" content="${esc(description)}">
<meta name="robots" content="index,follow">
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#noi-dung">Bỏ qua, đến nội dung chính</a>
<header><a href="/cong-khai"><strong>Công khai danh sách đề nghị khen thưởng</strong></a>
<nav aria-label="Điều hướng chính"><ul><li><a href="/tin-tuc">Tin tức</a></li><li><a href="/cong-khai" aria-current="page">Công khai lấy ý kiến</a></li><li><a href="/quyet-dinh">Quyết định khen thưởng</a></li></ul></nav></header>
<main id="noi-dung" tabindex="-1">
${body}
</main>
<footer>Thông tin được công khai để lấy ý kiến nhân dân trước khi Hội đồng Thi đua – Khen thưởng xét.</footer>
</body>
</html>`;
}

function listPage(items: Disclosure[]): string {
  const rows = items
    .map(
      (d) => `<tr>
<td><a href="/cong-khai/${esc(d.id)}">${esc(d.dossierTitle)}</a><div class="muted">${esc(d.dossierCode)}</div></td>
<td>${esc(d.proposingUnitName)}</td>
<td>${esc(d.nominees)}</td>
<td>${esc(vnDate(d.opensOn))} – ${esc(vnDate(d.closesOn))}</td>
</tr>`,
    )
    .join('\n');
  const body = `<h1>Danh sách đang công khai lấy ý kiến</h1>
${
  items.length
    ? `<table>
<thead><tr><th>Hồ sơ đề nghị</th><th>Đơn vị đề nghị</th><th>Số người, tập thể</th><th>Thời gian công khai</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`
    : '<p>Hiện không có danh sách nào đang công khai lấy ý kiến.</p>'
}`;
  return layout(
    'Danh sách đang công khai lấy ý kiến',
    'Danh sách cá nhân, tập thể được đề nghị khen thưởng đang công khai để lấy ý kiến nhân dân.',
    body,
  );
}

interface FormState {
  values?: Record<string, string>;
  fields?: Record<string, string>;
  error?: string;
  sent?: boolean;
}

function detailPage(d: PublicDisclosure & { formToken: string }, state: FormState = {}): string {
  const v = state.values ?? {};
  const fieldErr = (k: string) =>
    state.fields?.[k] ? `<div class="field-err" id="err-${k}">${esc(state.fields[k])}</div>` : '';
  const rows = d.nominees
    .map(
      (n, i) => `<tr>
<td>${i + 1}</td>
<td><strong>${esc(n.name)}</strong>${n.detail ? `<div class="muted">${esc(n.detail)}</div>` : ''}</td>
<td>${esc(n.awardLabel)}</td>
<td>${esc(n.achievementSummary)}</td>
</tr>`,
    )
    .join('\n');
  const options = d.nominees
    .map(
      (n) =>
        `<option value="${esc(n.id)}"${v.nomineeId === n.id ? ' selected' : ''}>${esc(n.name)} — ${esc(n.awardLabel)}</option>`,
    )
    .join('');
  const form = d.open
    ? `<h2>Gửi ý kiến</h2>
${state.sent ? '<p class="ok" role="status">Cảm ơn bạn. Ý kiến đã được gửi tới cơ quan thi đua, khen thưởng.</p>' : ''}
${state.error ? `<p class="err" role="alert">${esc(state.error)}</p>` : ''}
<form method="post" action="/cong-khai/${esc(d.id)}/gop-y">
<input type="hidden" name="token" value="${esc(d.formToken)}">
<div class="hp" aria-hidden="true"><label for="website">Trang web (để trống)</label><input id="website" name="website" type="text" tabindex="-1" autocomplete="off" value=""></div>
<label for="name">Họ và tên</label>
<input id="name" name="name" required maxlength="${COMMENT_LIMITS.name}" value="${esc(v.name)}">${fieldErr('name')}
<label for="contact">Địa chỉ liên hệ (điện thoại hoặc email)</label>
<input id="contact" name="contact" required maxlength="${COMMENT_LIMITS.contact}" value="${esc(v.contact)}">${fieldErr('contact')}
<label for="nomineeId">Góp ý về</label>
<select id="nomineeId" name="nomineeId"><option value="">Cả danh sách</option>${options}</select>
<label for="body">Nội dung góp ý</label>
<textarea id="body" name="body" rows="6" required maxlength="${COMMENT_LIMITS.body}">${esc(v.body)}</textarea>${fieldErr('body')}
<button type="submit">Gửi ý kiến</button>
</form>`
    : '<p class="err">Đã hết thời hạn lấy ý kiến cho danh sách này.</p>';
  const body = `<p><a href="/cong-khai">← Các danh sách đang công khai</a></p>
<h1>${esc(d.title)}</h1>
<p class="muted">Hồ sơ ${esc(d.dossierCode)} · Đơn vị đề nghị: ${esc(d.proposingUnitName)} · Cơ quan xét: ${esc(d.authorityUnitName)}</p>
<p>Thời gian công khai lấy ý kiến: từ ngày <strong>${esc(vnDate(d.opensOn))}</strong> đến hết ngày <strong>${esc(vnDate(d.closesOn))}</strong>.</p>
<table>
<thead><tr><th>STT</th><th>Cá nhân, tập thể</th><th>Danh hiệu, hình thức đề nghị</th><th>Tóm tắt thành tích</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
${form}`;
  return layout(
    d.title,
    `Công khai danh sách đề nghị khen thưởng năm ${d.year} của ${d.proposingUnitName} để lấy ý kiến nhân dân.`,
    body,
  );
}

const NOT_FOUND_PAGE = layout(
  'Không tìm thấy',
  'Không tìm thấy danh sách công khai.',
  '<h1>Không tìm thấy danh sách</h1><p><a href="/cong-khai">Xem các danh sách đang công khai</a></p>',
);

const html = (reply: FastifyReply, status: number, page: string) =>
  reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(page);

export function disclosurePages(service: DisclosureService): FastifyPluginAsync {
  return async (app) => {
    // Plain HTML forms post urlencoded bodies; accepted only in this plugin's routes (the API stays JSON).
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 16 * 1024 },
      (_request, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(body as string)));
      },
    );

    app.get('/cong-khai', { config: { access: 'public' } }, async (_request, reply) =>
      html(reply, 200, listPage(await service.publicList())),
    );

    app.get<{ Params: { id: string }; Querystring: { 'da-gui'?: string } }>(
      '/cong-khai/:id',
      { config: { access: 'public' } },
      async (request, reply) => {
        if (!UUID.test(request.params.id)) return html(reply, 404, NOT_FOUND_PAGE);
        const view = await service.publicView(request.params.id);
        if (!view.ok) return html(reply, 404, NOT_FOUND_PAGE);
        return html(reply, 200, detailPage(view.value, { sent: request.query['da-gui'] === '1' }));
      },
    );

    app.post<{ Params: { id: string }; Body: Record<string, string> | undefined }>(
      '/cong-khai/:id/gop-y',
      { config: { access: 'public' } },
      async (request, reply) => {
        if (!UUID.test(request.params.id)) return html(reply, 404, NOT_FOUND_PAGE);
        const view = await service.publicView(request.params.id);
        if (!view.ok) return html(reply, 404, NOT_FOUND_PAGE);
        const raw = typeof request.body === 'object' && request.body ? request.body : {};
        const values = {
          name: String(raw.name ?? ''),
          contact: String(raw.contact ?? ''),
          body: String(raw.body ?? ''),
          nomineeId: String(raw.nomineeId ?? ''),
        };
        const parsed = publicCommentSchema.safeParse(raw);
        if (!parsed.success) {
          const fields: Record<string, string> = {};
          for (const issue of parsed.error.issues) fields[String(issue.path[0] ?? '_')] ??= issue.message;
          return html(
            reply,
            400,
            detailPage(view.value, { values, fields, error: ERRORS['VALIDATION.FAILED'].message }),
          );
        }
        const result = await service.submitComment(request.params.id, parsed.data, request.ip, request.id);
        if (!result.ok) {
          const status = ERRORS[result.error.code].status;
          return html(reply, status, detailPage(view.value, { values, error: result.error.message }));
        }
        return reply.redirect(`/cong-khai/${request.params.id}?da-gui=1`, 303);
      },
    );
  };
}
