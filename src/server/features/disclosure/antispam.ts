/**
 * Spam resistance of the public comment form, without accounts or third-party services (decision 035):
 * - a signed form token (issue time + HMAC) that must be at least MIN_FILL_MS old and at most MAX_AGE_MS;
 * - a honeypot field people never see;
 * - a link limit (in the schema);
 * - a per-sender rate limit counted in the database (so several processes share it) on an HMAC of the
 *   sender's address: the address itself is never stored.
 * The HMAC key is a random secret kept in `app_meta`, created on first use, shared by every process.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database';
import { appMeta } from '../../platform/db/schema';

const SECRET_KEY = 'public_form_secret';
export const MIN_FILL_MS = 3_000;
export const MAX_AGE_MS = 6 * 3_600_000;
/** At most 3 comments per 10 minutes and 20 per day from one sender. */
export const RATE_LIMITS = [
  { windowMs: 10 * 60_000, max: 3 },
  { windowMs: 24 * 3_600_000, max: 20 },
] as const;

export async function loadFormSecret(db: DbOrTx): Promise<string> {
  const read = async () =>
    (await db.select({ value: appMeta.value }).from(appMeta).where(eq(appMeta.key, SECRET_KEY)))[0]?.value;
  const found = await read();
  if (typeof found === 'string') return found;
  await db
    .insert(appMeta)
    .values({ key: SECRET_KEY, value: randomBytes(32).toString('hex') })
    .onConflictDoNothing();
  const created = await read();
  if (typeof created !== 'string') throw new Error('public form secret missing');
  return created;
}

const mac = (secret: string, text: string) => createHmac('sha256', secret).update(text).digest('base64url');

export const senderHash = (secret: string, ip: string) => mac(secret, `sender:${ip}`);

export function formToken(secret: string, disclosureId: string, now: Date): string {
  const t = String(now.getTime());
  return `${t}.${mac(secret, `form:${disclosureId}:${t}`)}`;
}

/** Valid when signed for this disclosure, at least MIN_FILL_MS old and not older than MAX_AGE_MS. */
export function checkFormToken(secret: string, disclosureId: string, token: string, now: Date): boolean {
  const m = /^(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return false;
  const expected = Buffer.from(mac(secret, `form:${disclosureId}:${m[1]}`));
  const given = Buffer.from(m[2]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return false;
  const age = now.getTime() - Number(m[1]);
  return age >= MIN_FILL_MS && age <= MAX_AGE_MS;
}
