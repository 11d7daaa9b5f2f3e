/**
 * The news body's allow-list (decision 038). Bodies are sanitised when saved and stored only sanitised, so
 * the portal prints them as they are. Allowed: text structure (headings, paragraphs, lists, quotes, tables),
 * emphasis, links to http(s), mailto or same-site relative addresses, and images from http(s) or same-site
 * addresses. Everything else goes: scripts, styles (elements and attributes), event handlers, iframes,
 * objects, forms, SVG and MathML, `javascript:`/`data:`/`vbscript:` URLs, and comments.
 */
import sanitizeHtml from 'sanitize-html';

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'p',
    'br',
    'hr',
    'blockquote',
    'pre',
    'code',
    'ul',
    'ol',
    'li',
    'dl',
    'dt',
    'dd',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'sub',
    'sup',
    'small',
    'mark',
    'abbr',
    'cite',
    'q',
    'span',
    'div',
    'a',
    'img',
    'figure',
    'figcaption',
    'table',
    'caption',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: {
    // `rel` is set by the transform below (it runs before this filter).
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    abbr: ['title'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
    ol: ['start'],
  },
  // Anything not listed above (script, style, iframe, object, embed, form, svg, math, template…) is removed
  // together with its content where the content is code, kept as text otherwise.
  disallowedTagsMode: 'discard',
  nonTextTags: [
    'script',
    'style',
    'textarea',
    'option',
    'noscript',
    'iframe',
    'object',
    'embed',
    'svg',
    'math',
  ],
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  // Protocol-relative (`//evil.example`) addresses are not relative links: refused.
  allowProtocolRelative: false,
  allowedStyles: {},
  allowVulnerableTags: false,
  enforceHtmlBoundary: false,
  parseStyleAttributes: false,
  transformTags: {
    // Links leave the site without handing it the opener or the referrer.
    a: (tagName, attribs) => {
      const external = /^https?:/i.test(attribs.href ?? '');
      return {
        tagName,
        attribs: external ? { ...attribs, rel: 'noopener noreferrer nofollow' } : attribs,
      };
    },
    // A body's top heading would compete with the page's h1.
    h1: 'h2',
  },
};

/** The body as it will be stored and shown: allow-listed HTML only. */
export function sanitizeNewsHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}

/** Plain text of a body (meta descriptions, search), whitespace collapsed. */
export function htmlToText(html: string): string {
  return sanitizeHtml(html.replace(/</g, ' <'), {
    allowedTags: [],
    allowedAttributes: {},
    nonTextTags: OPTIONS.nonTextTags,
  })
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}
