/**
 * The pack in force: a national pack layered with the enabled local packs (in a fixed order: effective date,
 * then id, so that two local packs touching the same criterion always resolve the same way).
 */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database';
import { localRulePacks } from '../../platform/db/schema';
import { layerPacks } from '../../../domain/rules/layering';
import type { LocalPack, RulePack } from '../../../domain/rules/types';

export async function layeredPack(db: DbOrTx, national: RulePack, date: string): Promise<RulePack> {
  const locals = await db.select().from(localRulePacks).where(eq(localRulePacks.enabled, true));
  const packs: LocalPack[] = locals
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || a.id.localeCompare(b.id))
    .map((l) => l.content as LocalPack);
  return layerPacks(national, packs, date);
}
