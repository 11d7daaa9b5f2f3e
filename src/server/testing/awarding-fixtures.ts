/**
 * Test set-up for the disclosure and council tests: a dossier inserted directly in the state the dossier
 * feature would have brought it to (under review, nominees checked and eligible). Only tests import this.
 */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import { dossierNominees, dossiers, people, units } from '../platform/db/schema';

export interface FixtureNominee {
  /** A unit code (collective) or a new fictional person's name (individual). */
  unitCode?: string;
  personName?: string;
  awardCode: string;
  year?: number;
}

const unitIdOf = async (tx: DbOrTx, code: string) => {
  const [u] = await tx.select({ id: units.id }).from(units).where(eq(units.code, code));
  if (!u) throw new Error(`unit ${code}`);
  return u.id;
};

let seq = 0;

export async function insertDossierUnderReview(
  tx: DbOrTx,
  options: {
    code?: string;
    year?: number;
    authority?: string;
    proposing?: string;
    title?: string;
    status?: string;
    nominees: FixtureNominee[];
  },
) {
  seq++;
  const year = options.year ?? 2020;
  const proposingUnitId = await unitIdOf(tx, options.proposing ?? 'BL-TTKN');
  const [d] = await tx
    .insert(dossiers)
    .values({
      code:
        options.code ??
        `HS-T-${year}-${String(seq).padStart(4, '0')}-${Math.random().toString(36).slice(2, 6)}`,
      year,
      title: options.title ?? `Đề nghị khen thưởng năm ${year}`,
      proposingUnitId,
      authorityUnitId: await unitIdOf(tx, options.authority ?? 'BL-SNN'),
      track: 'regular',
      status: options.status ?? 'under_review',
    })
    .returning();
  const nominees: { id: string; awardCode: string }[] = [];
  for (const [i, n] of options.nominees.entries()) {
    let personId: string | null = null;
    let unitId: string | null = null;
    let key: string;
    if (n.personName) {
      const parts = n.personName.split(' ');
      const code = `T${seq}-${i}-${Math.random().toString(36).slice(2, 7)}`;
      const [p] = await tx
        .insert(people)
        .values({
          code,
          fullName: n.personName,
          familyName: parts[0]!,
          middleName: parts.slice(1, -1).join(' '),
          givenName: parts.at(-1)!,
          sortKey: n.personName,
          sex: 'female',
          position: 'Chuyên viên',
          currentUnitId: proposingUnitId,
          isDemo: true,
        })
        .returning({ id: people.id });
      personId = p!.id;
      key = `P:${code}`;
    } else {
      unitId = await unitIdOf(tx, n.unitCode!);
      key = `U:${n.unitCode}`;
    }
    const [row] = await tx
      .insert(dossierNominees)
      .values({
        dossierId: d!.id,
        recipientKind: personId ? 'individual' : 'collective',
        personId,
        unitId,
        recipientKey: key,
        awardCode: n.awardCode,
        year: n.year ?? year,
        achievementSummary: 'Hoàn thành xuất sắc nhiệm vụ được giao.',
        verdictStatus: 'eligible',
        checkedAt: new Date('2026-03-01T00:00:00Z'),
        position: i,
      })
      .returning({ id: dossierNominees.id, awardCode: dossierNominees.awardCode });
    nominees.push(row!);
  }
  return { dossier: d!, nominees };
}
