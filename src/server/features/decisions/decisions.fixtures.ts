/**
 * Test fixtures: people and dossiers in a given state, written straight to the tables (the dossier feature's
 * own flow is tested there; here we need approved and un-voted dossiers quickly). Real rows, no mocks.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database';
import { rowsOf } from './decisions.repository';

let serial = 0;

export async function unitId(database: Database, code: string): Promise<string> {
  const [u] = await rowsOf<{ id: string }>(database.db, sql`select id from units where code = ${code}`);
  if (!u) throw new Error(`unit ${code}`);
  return u.id;
}

export async function makePerson(
  database: Database,
  unitCode: string,
  fullName: string,
): Promise<{ id: string; code: string }> {
  const code = `TST-${String(++serial).padStart(4, '0')}-${Math.random().toString(36).slice(2, 6)}`;
  const unit = await unitId(database, unitCode);
  const parts = fullName.split(' ');
  const [p] = await rowsOf<{ id: string }>(
    database.db,
    sql`insert into people (code, full_name, family_name, middle_name, given_name, sort_key, sex, position, current_unit_id)
      values (${code}, ${fullName}, ${parts[0]!}, ${parts.slice(1, -1).join(' ')}, ${parts.at(-1)!}, ${fullName}, 'female',
        'Chuyên viên', ${unit}) returning id`,
  );
  await database.db.execute(sql`insert into person_unit_history (person_id, unit_id, from_date, position)
    values (${p!.id}, ${unit}, '2015-01-01', 'Chuyên viên')`);
  return { id: p!.id, code };
}

export interface FixtureNominee {
  person?: { id: string; code: string };
  unitCode?: string;
  awardCode: string;
  result?: 'passed' | 'failed' | null;
  excluded?: string;
  initiativeId?: string;
}

/** A dossier of BL-TTKN to the Sở (BL-SNN) in `status`, with nominees and their council results. */
export async function makeDossier(
  database: Database,
  status: string,
  nominees: FixtureNominee[],
  year = 2025,
): Promise<{ id: string; code: string; nomineeIds: string[] }> {
  const code = `HS-T-${String(++serial).padStart(4, '0')}-${Math.random().toString(36).slice(2, 6)}`;
  const proposing = await unitId(database, 'BL-TTKN');
  const authority = await unitId(database, 'BL-SNN');
  const [d] = await rowsOf<{ id: string }>(
    database.db,
    sql`insert into dossiers (code, year, title, proposing_unit_id, authority_unit_id, track, status)
      values (${code}, ${year}, ${`Đề nghị khen thưởng năm ${year}`}, ${proposing}, ${authority}, 'regular', ${status})
      returning id`,
  );
  const ids: string[] = [];
  let pos = 0;
  for (const n of nominees) {
    const unit = n.unitCode ? await unitId(database, n.unitCode) : null;
    const [row] = await rowsOf<{ id: string }>(
      database.db,
      sql`insert into dossier_nominees (dossier_id, recipient_kind, person_id, unit_id, recipient_key, award_code, year,
          council_result, excluded_reason, initiative_id, verdict_status, position)
        values (${d!.id}, ${n.person ? 'individual' : 'collective'}, ${n.person?.id ?? null}, ${unit},
          ${n.person ? `P:${n.person.code}` : `U:${n.unitCode}`}, ${n.awardCode}, ${year},
          ${n.result === undefined ? 'passed' : n.result}, ${n.excluded ?? null}, ${n.initiativeId ?? null}, 'eligible', ${++pos})
        returning id`,
    );
    ids.push(row!.id);
  }
  return { id: d!.id, code, nomineeIds: ids };
}

export async function makeInitiative(database: Database, personId: string): Promise<string> {
  const [i] = await rowsOf<{ id: string }>(
    database.db,
    sql`insert into initiatives (code, kind, title, level, recognition_date, effect_scope, recognizing_body)
      values (${`SK-T-${++serial}-${Math.random().toString(36).slice(2, 6)}`}, 'initiative', 'Sáng kiến thử', 'grassroots',
        '2025-06-01', 'unit', 'Hội đồng sáng kiến cơ sở') returning id`,
  );
  await database.db.execute(
    sql`insert into initiative_authors (initiative_id, person_id) values (${i!.id}, ${personId})`,
  );
  return i!.id;
}
