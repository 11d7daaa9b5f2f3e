/** Queries of certificate templates and of the issued decisions they print. */
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database';
import type {
  CertificateLayout,
  CertificateTemplate,
} from '../../../shared/certificates/certificates.schema';
import type { SignMode } from '../../../domain/decisions/signature';

async function rowsOf<T>(tx: DbOrTx, q: SQL): Promise<T[]> {
  const r = (await tx.execute(q)) as unknown as { rows: T[] };
  return r.rows;
}

interface TemplateRow {
  id: string;
  code: string;
  name: string;
  awardCodes: string[] | string;
  layout: CertificateLayout | string;
  version: number | string;
}

/** jsonb reads back parsed from both drivers, but be strict about it. */
const fixTemplate = (r: TemplateRow): CertificateTemplate => ({
  id: r.id,
  code: r.code,
  name: r.name,
  awardCodes: typeof r.awardCodes === 'string' ? JSON.parse(r.awardCodes) : r.awardCodes,
  layout: typeof r.layout === 'string' ? JSON.parse(r.layout) : r.layout,
  version: Number(r.version),
});

const TEMPLATE_COLUMNS = sql`id, code, name, award_codes as "awardCodes", layout, version`;

export interface DecisionForPrint {
  id: string;
  kind: string;
  status: string;
  number: string | null;
  decidedOn: string | null;
  summary: string;
  place: string;
  signerName: string;
  signerTitle: string;
  signMode: SignMode;
  issuerName: string;
}

export interface RecipientForPrint {
  id: string;
  recipientKind: string;
  displayName: string;
  displayDetail: string;
  awardCode: string;
  track: string;
  year: number;
}

export const certificatesRepository = {
  async templates(tx: DbOrTx): Promise<CertificateTemplate[]> {
    return (
      await rowsOf<TemplateRow>(tx, sql`select ${TEMPLATE_COLUMNS} from certificate_templates order by code`)
    ).map(fixTemplate);
  },

  async template(tx: DbOrTx, id: string, lock = false): Promise<CertificateTemplate | undefined> {
    const [r] = await rowsOf<TemplateRow>(
      tx,
      sql`select ${TEMPLATE_COLUMNS} from certificate_templates where id = ${id} ${lock ? sql`for update` : sql``}`,
    );
    return r ? fixTemplate(r) : undefined;
  },

  async insertTemplate(
    tx: DbOrTx,
    t: { code: string; name: string; awardCodes: string[]; layout: CertificateLayout },
  ): Promise<string> {
    const [r] = await rowsOf<{ id: string }>(
      tx,
      sql`insert into certificate_templates (code, name, award_codes, layout)
        values (${t.code}, ${t.name}, ${JSON.stringify(t.awardCodes)}::jsonb, ${JSON.stringify(t.layout)}::jsonb)
        returning id`,
    );
    return r!.id;
  },

  async updateTemplate(
    tx: DbOrTx,
    id: string,
    t: { code: string; name: string; awardCodes: string[]; layout: CertificateLayout },
    now: Date,
  ): Promise<void> {
    await tx.execute(
      sql`update certificate_templates set code = ${t.code}, name = ${t.name},
        award_codes = ${JSON.stringify(t.awardCodes)}::jsonb, layout = ${JSON.stringify(t.layout)}::jsonb,
        updated_at = ${now.toISOString()}, version = version + 1 where id = ${id}`,
    );
  },

  async deleteTemplate(tx: DbOrTx, id: string): Promise<void> {
    await tx.execute(sql`delete from certificate_templates where id = ${id}`);
  },

  async decision(tx: DbOrTx, id: string): Promise<DecisionForPrint | undefined> {
    const [r] = await rowsOf<DecisionForPrint>(
      tx,
      sql`select d.id, d.kind, d.status, d.number, d.decided_on::text as "decidedOn", d.summary, d.place,
          d.signer_name as "signerName", d.signer_title as "signerTitle", d.sign_mode as "signMode",
          u.name as "issuerName"
        from decisions d join units u on u.id = d.issuer_unit_id where d.id = ${id}`,
    );
    return r;
  },

  async recipients(tx: DbOrTx, decisionId: string): Promise<RecipientForPrint[]> {
    const rows = await rowsOf<RecipientForPrint>(
      tx,
      sql`select id, recipient_kind as "recipientKind", display_name as "displayName",
          display_detail as "displayDetail", award_code as "awardCode", track, year
        from decision_recipients where decision_id = ${decisionId} order by position, id`,
    );
    return rows.map((r) => ({ ...r, year: Number(r.year) }));
  },

  /** Issued award decisions of a year (by decision date) with their recipient counts per award code. */
  async printable(
    tx: DbOrTx,
    year: number,
  ): Promise<
    {
      id: string;
      number: string;
      decidedOn: string;
      summary: string;
      issuerName: string;
      codes: { code: string; n: number }[];
    }[]
  > {
    const rows = await rowsOf<{
      id: string;
      number: string;
      decidedOn: string;
      summary: string;
      issuerName: string;
      code: string;
      n: number | string;
    }>(
      tx,
      sql`select d.id, d.number, d.decided_on::text as "decidedOn", d.summary, u.name as "issuerName",
          r.award_code as code, count(*) as n
        from decisions d join units u on u.id = d.issuer_unit_id
          join decision_recipients r on r.decision_id = d.id
        where d.status = 'issued' and d.kind = 'award'
          and d.decided_on >= ${`${year}-01-01`} and d.decided_on <= ${`${year}-12-31`}
        group by d.id, d.number, d.decided_on, d.summary, u.name, r.award_code
        order by d.decided_on, d.number`,
    );
    const out = new Map<
      string,
      {
        id: string;
        number: string;
        decidedOn: string;
        summary: string;
        issuerName: string;
        codes: { code: string; n: number }[];
      }
    >();
    for (const r of rows) {
      const d = out.get(r.id) ?? {
        id: r.id,
        number: r.number,
        decidedOn: r.decidedOn,
        summary: r.summary,
        issuerName: r.issuerName,
        codes: [],
      };
      d.codes.push({ code: r.code, n: Number(r.n) });
      out.set(r.id, d);
    }
    return [...out.values()];
  },
};
