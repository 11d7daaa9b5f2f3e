/**
 * News of the public portal (tin tức): categories, items and web links. The officer's form and the API
 * share these schemas; messages are Vietnamese and reach the user unchanged.
 */
import { z, plainText, uuid } from '../zod';
import { foldVietnamese } from '../vietnamese';

export const NEWS_STATUSES = ['draft', 'published', 'unpublished'] as const;
export type NewsStatus = (typeof NEWS_STATUSES)[number];
export const NEWS_STATUS_LABELS: Record<NewsStatus, string> = {
  draft: 'Bản nháp',
  published: 'Đã đăng',
  unpublished: 'Đã gỡ xuống',
};

export const NEWS_LIMITS = {
  title: 300,
  slug: 120,
  summary: 1000,
  /** The body as typed (before sanitising): 200 000 characters is a long article with tables. */
  body: 200_000,
  categoryName: 120,
  linkTitle: 200,
  url: 500,
} as const;

/**
 * The slug of a title: Vietnamese folded to ASCII ("Đại hội" → "dai-hoi"), other characters to hyphens,
 * at most NEWS_LIMITS.slug characters cut at a hyphen.
 */
export function slugify(title: string): string {
  const ascii = foldVietnamese(title)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (ascii.length <= NEWS_LIMITS.slug) return ascii;
  const cut = ascii.slice(0, NEWS_LIMITS.slug);
  const at = cut.lastIndexOf('-');
  return (at > 40 ? cut.slice(0, at) : cut).replace(/-+$/g, '');
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const slugField = z
  .string()
  .trim()
  .max(NEWS_LIMITS.slug, { message: `Đường dẫn tối đa ${NEWS_LIMITS.slug} ký tự` })
  .regex(SLUG_PATTERN, {
    message: 'Đường dẫn chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang (ví dụ: tong-ket-nam-2020)',
  });

/** Optional text (may be empty), trimmed, without control characters. */
const optionalText = (label: string, max: number) =>
  z
    .string({ message: `${label} phải là chuỗi ký tự` })
    .trim()
    .max(max, { message: `${label} tối đa ${max} ký tự` })
    // eslint-disable-next-line no-control-regex
    .refine((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s), {
      message: `${label} chứa ký tự điều khiển không hợp lệ`,
    });

/** A date and time with its offset, as the API carries it (`2026-03-02T08:00:00+07:00` or `…Z`). */
export const publishAtField = z.iso.datetime({
  offset: true,
  message: 'Thời điểm đăng phải là ngày giờ hợp lệ (ví dụ 2026-03-02T08:00:00+07:00)',
});

/** Web links and links in bodies: http(s) only. */
export const httpUrl = z
  .string()
  .trim()
  .max(NEWS_LIMITS.url, { message: `Địa chỉ tối đa ${NEWS_LIMITS.url} ký tự` })
  .refine(
    (s) => {
      try {
        const u = new URL(s);
        return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
      } catch {
        return false;
      }
    },
    { message: 'Địa chỉ phải bắt đầu bằng http:// hoặc https:// (ví dụ https://thuvienphapluat.vn)' },
  );

export const newsCategoryInput = z.strictObject({
  name: plainText('Tên chuyên mục', NEWS_LIMITS.categoryName),
  /** Empty or missing: made from the name. */
  slug: z.union([slugField, z.literal('')]).optional(),
  sortOrder: z.coerce.number().int().min(0).max(1000).default(0),
});
export type NewsCategoryInput = z.input<typeof newsCategoryInput>;

export const newsCategorySchema = z.object({
  id: uuid,
  slug: z.string(),
  name: z.string(),
  sortOrder: z.number(),
  items: z.number(),
});
export type NewsCategory = z.infer<typeof newsCategorySchema>;

export const newsItemInput = z.strictObject({
  title: plainText('Tiêu đề', NEWS_LIMITS.title),
  /** Empty or missing: made from the title (and kept when the title changes later). */
  slug: z.union([slugField, z.literal('')]).optional(),
  summary: optionalText('Tóm tắt', NEWS_LIMITS.summary).default(''),
  /** Rich text (HTML): sanitised with an allow-list on save; stored only sanitised. */
  bodyHtml: z
    .string({ message: 'Nội dung phải là chuỗi ký tự' })
    .max(NEWS_LIMITS.body, { message: `Nội dung tối đa ${NEWS_LIMITS.body} ký tự` })
    .refine((s) => s.trim().length > 0, { message: 'Nội dung không được để trống' }),
  categoryId: uuid,
  status: z.enum(NEWS_STATUSES, { message: 'Trạng thái phải là bản nháp, đã đăng hoặc đã gỡ xuống' }),
  /** When it appears on the portal; missing when publishing means now; a future time schedules it. */
  publishAt: publishAtField.nullable().optional(),
});
export type NewsItemInput = z.input<typeof newsItemInput>;

export const newsItemUpdate = newsItemInput.extend({ version: z.number().int().min(1) }).strict();
export type NewsItemUpdate = z.input<typeof newsItemUpdate>;

export const newsItemSchema = z.object({
  id: uuid,
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  bodyHtml: z.string(),
  categoryId: uuid,
  categoryName: z.string(),
  status: z.enum(NEWS_STATUSES),
  publishAt: z.string().nullable(),
  /** Published and its publish time has passed: visible on the portal. */
  visible: z.boolean(),
  viewCount: z.number(),
  url: z.string(),
  createdByName: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number(),
});
export type NewsItem = z.infer<typeof newsItemSchema>;

export const newsItemListQuery = z.object({
  status: z.enum(NEWS_STATUSES).optional(),
  categoryId: uuid.optional(),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type NewsItemListQuery = z.input<typeof newsItemListQuery>;

export const webLinkInput = z.strictObject({
  title: plainText('Tên liên kết', NEWS_LIMITS.linkTitle),
  url: httpUrl,
  sortOrder: z.coerce.number().int().min(0).max(1000).default(0),
});
export type WebLinkInput = z.input<typeof webLinkInput>;

export const webLinkSchema = z.object({
  id: uuid,
  title: z.string(),
  url: z.string(),
  sortOrder: z.number(),
});
export type WebLink = z.infer<typeof webLinkSchema>;

/**
 * What another feature (the year-end summary) publishes as a news item: a category by slug, the text, and
 * the body as HTML (sanitised like any other item). `newsId`: replace that item (re-publishing).
 */
export const generatedNewsInput = z.strictObject({
  categorySlug: slugField,
  title: plainText('Tiêu đề', NEWS_LIMITS.title),
  summary: optionalText('Tóm tắt', NEWS_LIMITS.summary).default(''),
  bodyHtml: z.string().max(NEWS_LIMITS.body * 5),
  publishAt: publishAtField.nullable().optional(),
  newsId: uuid.optional(),
});
export type GeneratedNewsInput = z.input<typeof generatedNewsInput>;

export interface PublishedNews {
  id: string;
  slug: string;
  /** The public page, e.g. `/tin-tuc/bao-cao-tong-ket-nam-2020`. */
  url: string;
}

export const newsUrl = (slug: string) => `/tin-tuc/${slug}`;
