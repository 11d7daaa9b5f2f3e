/**
 * Who is visiting the portal, for the view counter and the access statistics (decision 038), without
 * keeping anyone's address:
 * - a first-party cookie `vd_visitor` carries a random id signed with the server's secret (set on the first
 *   visit, HttpOnly, SameSite=Lax, one year); the visitor key is an HMAC of that id;
 * - a client that sends no cookie gets a new id, but at most NEW_IDS_PER_ADDRESS_PER_DAY new ids per address
 *   and day (counted in memory on an HMAC of the address): past that, a cookie-less client is keyed by an
 *   HMAC of its address and browser, and gets no new cookie. Clearing cookies in a loop (cookie rotation)
 *   therefore adds at most that many visitors per address and day;
 * - known robots (user agent pattern, or no user agent) are not counted at all.
 * The secret is a random value in `app_meta`, created on first use and shared by every process.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database';
import { appMeta } from '../../platform/db/schema';

export const VISITOR_COOKIE = 'vd_visitor';
export const VISITOR_COOKIE_MAX_AGE_S = 365 * 24 * 3600;
export const NEW_IDS_PER_ADDRESS_PER_DAY = 50;
const SECRET_KEY = 'portal_visitor_secret';

/** Crawlers, link previews, monitors and command-line clients: their requests are not visits. */
export const BOT_PATTERN =
  /bot\b|bot\/|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|monitor|uptime|pingdom|lighthouse|curl\/|wget\/|python-requests|python-urllib|aiohttp|go-http-client|java\/|okhttp|httpclient|libwww|scrapy|node-fetch|axios\/|undici|postman|insomnia|phantomjs/i;

export function isBot(userAgent: string | undefined): boolean {
  return !userAgent || userAgent.trim().length < 8 || BOT_PATTERN.test(userAgent);
}

export async function loadVisitorSecret(db: DbOrTx): Promise<string> {
  const read = async () =>
    (await db.select({ value: appMeta.value }).from(appMeta).where(eq(appMeta.key, SECRET_KEY)))[0]?.value;
  const found = await read();
  if (typeof found === 'string') return found;
  await db
    .insert(appMeta)
    .values({ key: SECRET_KEY, value: randomBytes(32).toString('hex') })
    .onConflictDoNothing();
  const created = await read();
  if (typeof created !== 'string') throw new Error('portal visitor secret missing');
  return created;
}

const mac = (secret: string, text: string) => createHmac('sha256', secret).update(text).digest('base64url');

export interface VisitorIdentity {
  /** The keyed hash stored in news_views and site_visits; null for robots. */
  key: string | null;
  /** A cookie value to set (first visit), if any. */
  setCookie?: string;
}

export interface VisitorRequest {
  cookie: string | undefined;
  ip: string;
  userAgent: string | undefined;
  day: string;
}

/** Identifies visitors; holds the in-memory count of new ids per address and day. */
export function visitorIdentifier(secret: string) {
  let countsDay = '';
  const newIds = new Map<string, number>();

  const signed = (id: string) => `${id}.${mac(secret, `vid:${id}`).slice(0, 22)}`;
  const verify = (value: string): string | null => {
    const m = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{22})$/.exec(value);
    if (!m) return null;
    const expected = Buffer.from(mac(secret, `vid:${m[1]}`).slice(0, 22));
    const given = Buffer.from(m[2]!);
    return expected.length === given.length && timingSafeEqual(expected, given) ? m[1]! : null;
  };

  return {
    identify(req: VisitorRequest): VisitorIdentity {
      if (isBot(req.userAgent)) return { key: null };
      const id = req.cookie ? verify(req.cookie) : null;
      if (id) return { key: mac(secret, `visitor:${id}`) };
      if (countsDay !== req.day) {
        countsDay = req.day;
        newIds.clear();
      }
      // A flood of addresses must not grow the map without bound: start the day's counts again.
      if (newIds.size > 100_000) newIds.clear();
      const address = mac(secret, `address:${req.ip}`);
      const issued = newIds.get(address) ?? 0;
      if (issued >= NEW_IDS_PER_ADDRESS_PER_DAY) {
        return { key: mac(secret, `agent:${req.ip}|${req.userAgent ?? ''}`) };
      }
      newIds.set(address, issued + 1);
      const fresh = randomBytes(16).toString('base64url');
      return { key: mac(secret, `visitor:${fresh}`), setCookie: signed(fresh) };
    },
  };
}

export type VisitorIdentifier = ReturnType<typeof visitorIdentifier>;
