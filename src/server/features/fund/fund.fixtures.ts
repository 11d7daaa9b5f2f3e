/**
 * Test fixtures: an issued award decision written straight to the table (the decisions feature tests its
 * own issuing; the fund only needs an issued decision with a prize total). Real rows, no mocks.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database';

let serial = 900;

export async function issuedDecision(
  database: Database,
  issuerCode: string,
  decidedOn: string,
  prizeTotal: number,
  status: 'issued' | 'draft' = 'issued',
  extra: {
    summary?: string;
    place?: string;
    signerName?: string;
    signerTitle?: string;
    signMode?: string;
  } = {},
): Promise<{ id: string; number: string }> {
  const seq = ++serial;
  const number = `${seq}/QĐ-TST`;
  const rows = await database.rows<{ id: string }>(
    sql`insert into decisions (issuer_unit_id, kind, status, year, seq, number, symbol, decided_on, summary, prize_total,
        issued_at, place, signer_name, signer_title, sign_mode)
      select id, 'award', ${status}, ${Number(decidedOn.slice(0, 4))}, ${status === 'issued' ? seq : null},
        ${status === 'issued' ? number : null}, 'TST', ${decidedOn}, ${extra.summary ?? `Về việc tặng Giấy khen (thử ${seq})`},
        ${prizeTotal}, ${status === 'issued' ? new Date(`${decidedOn}T09:00:00+07:00`).toISOString() : null},
        ${extra.place ?? ''}, ${extra.signerName ?? ''}, ${extra.signerTitle ?? ''}, ${extra.signMode ?? 'direct'}
      from units where code = ${issuerCode}
      returning id`,
  );
  if (!rows[0]) throw new Error(`unit ${issuerCode}`);
  return { id: rows[0].id, number };
}

export async function unitIdOf(database: Database, code: string): Promise<string> {
  const rows = await database.rows<{ id: string }>(sql`select id from units where code = ${code}`);
  if (!rows[0]) throw new Error(`unit ${code}`);
  return rows[0].id;
}
