/**
 * Certificates: templates calibrated for pre-printed paper (kept in `certificate_templates`, validated by the
 * shared zod schema) and printing an issued decision's Giấy khen / Bằng khen — one page per recipient, one
 * PDF — rendered on demand, never stored (decision 037). Template writes are audited.
 */
import type { Database, DbOrTx } from '../../platform/db/database';
import type { Clock } from '../../platform/clock';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { fail, ok, type Result } from '../../platform/errors';
import { isUniqueViolation } from '../../platform/pg-errors';
import {
  DEFAULT_TEMPLATES,
  certificateTexts,
  defaultLayout,
  type CertificateLayout,
} from '../../../domain/certificates';
import {
  templateInput,
  templateUpdate,
  type CertificateTemplate,
  type PrintableDecision,
  type PrintableList,
  type TemplateInput,
  type TemplateUpdate,
} from '../../../shared/certificates/certificates.schema';
import { certificatesRepository as repo } from './certificates.repository';
import { certificatesPdf, overflowingFields, type CertificatePage } from './certificate-pdf';
import type { DecisionForPrint, RecipientForPrint } from './certificates.repository';

/** An issued award decision: its number and date are set. */
type IssuedDecision = DecisionForPrint & { number: string; decidedOn: string };

function textsOf(d: IssuedDecision, r: RecipientForPrint) {
  return certificateTexts({
    issuerName: d.issuerName,
    awardCode: r.awardCode,
    recipientKind: r.recipientKind,
    displayName: r.displayName,
    displayDetail: r.displayDetail,
    year: r.year,
    track: r.track,
    decisionNumber: d.number,
    decidedOn: d.decidedOn,
    decisionSummary: d.summary,
    place: d.place,
    signMode: d.signMode,
    signerTitle: d.signerTitle,
    signerName: d.signerName,
  });
}

/** The default Giấy khen and Bằng khen templates, unless a template of that code exists (seed, idempotent). */
export async function seedDefaultTemplates(tx: DbOrTx): Promise<number> {
  const existing = new Set((await repo.templates(tx)).map((t) => t.code));
  let n = 0;
  for (const t of DEFAULT_TEMPLATES) {
    if (existing.has(t.code)) continue;
    await repo.insertTemplate(tx, {
      code: t.code,
      name: t.name,
      awardCodes: [...t.awardCodes],
      layout: defaultLayout(t.kind),
    });
    n++;
  }
  return n;
}

/** The template for an award code: a stored one, else the built-in default (a fresh install prints too). */
function templateFor(
  templates: readonly CertificateTemplate[],
  awardCode: string,
): { code: string; layout: CertificateLayout } | null {
  const stored = templates.find((t) => t.awardCodes.includes(awardCode));
  if (stored) return stored;
  const builtIn = DEFAULT_TEMPLATES.find((t) => (t.awardCodes as readonly string[]).includes(awardCode));
  return builtIn ? { code: builtIn.code, layout: defaultLayout(builtIn.kind) } : null;
}

const SAMPLE = {
  issuer: 'GIÁM ĐỐC SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN TỈNH BẠC LIÊU\nTẶNG',
  title: 'GIẤY KHEN',
  recipientName: 'Nguyễn Thị Hồng Nhung',
  unit: 'Kỹ sư, Trung tâm Khuyến nông tỉnh Bạc Liêu',
  achievement: 'Đã có thành tích xuất sắc trong phong trào thi đua năm 2020',
  decision: 'Quyết định số 312/QĐ-SNN ngày 26/11/2020',
  placeDate: 'Bạc Liêu, ngày 26 tháng 11 năm 2020',
  signerTitle: 'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC',
  signerName: 'Đặng Hoàng Phúc',
};

export function createCertificatesService(database: Database, clock: Clock) {
  const { db } = database;

  /** The decision, if it is an issued award decision (only those have certificates). */
  async function issuedDecision(id: string): Promise<Result<IssuedDecision>> {
    const d = await repo.decision(db, id);
    if (!d) return fail('NOT_FOUND');
    if (d.status !== 'issued' || d.kind !== 'award' || !d.number || !d.decidedOn)
      return fail('CERTIFICATE.DECISION_NOT_ISSUED');
    return ok({ ...d, number: d.number, decidedOn: d.decidedOn });
  }

  async function write<T>(work: (tx: DbOrTx) => Promise<Result<T>>): Promise<Result<T>> {
    try {
      // Every failure is found before the first write, so a failed call changes nothing.
      return await db.transaction((tx) => work(tx));
    } catch (e) {
      if (isUniqueViolation(e)) return fail('CERTIFICATE.CODE_TAKEN', { code: 'Mã mẫu đã tồn tại' });
      throw e;
    }
  }

  return {
    templates: () => repo.templates(db),

    async create(actor: Actor, raw: TemplateInput): Promise<Result<CertificateTemplate>> {
      const input = templateInput.parse(raw);
      return write(async (tx) => {
        const id = await repo.insertTemplate(tx, input);
        const after = (await repo.template(tx, id))!;
        await recordAudit(
          tx,
          actor,
          { action: 'certificate.template.create', entityType: 'certificate_template', entityId: id, after },
          clock,
        );
        return ok(after);
      });
    },

    async update(actor: Actor, id: string, raw: TemplateUpdate): Promise<Result<CertificateTemplate>> {
      const { version, ...input } = templateUpdate.parse(raw);
      return write(async (tx) => {
        const before = await repo.template(tx, id, true);
        if (!before) return fail('NOT_FOUND');
        if (before.version !== version) return fail('CONFLICT.VERSION');
        await repo.updateTemplate(tx, id, input, clock());
        const after = (await repo.template(tx, id))!;
        await recordAudit(
          tx,
          actor,
          {
            action: 'certificate.template.update',
            entityType: 'certificate_template',
            entityId: id,
            before,
            after,
          },
          clock,
        );
        return ok(after);
      });
    },

    async remove(actor: Actor, id: string, version?: number): Promise<Result<{ id: string }>> {
      return write(async (tx) => {
        const before = await repo.template(tx, id, true);
        if (!before) return fail('NOT_FOUND');
        if (version !== undefined && before.version !== version) return fail('CONFLICT.VERSION');
        await repo.deleteTemplate(tx, id);
        await recordAudit(
          tx,
          actor,
          { action: 'certificate.template.delete', entityType: 'certificate_template', entityId: id, before },
          clock,
        );
        return ok({ id });
      });
    },

    /** The calibration page of a template: grid, crosshairs and sample text where the fields print. */
    async calibration(id: string): Promise<Result<{ filename: string; pdf: Buffer }>> {
      const t = await repo.template(db, id);
      if (!t) return fail('NOT_FOUND');
      const pdf = await certificatesPdf(`Căn chỉnh ${t.name}`, [], {
        layout: t.layout,
        sample: {
          ...SAMPLE,
          title: t.awardCodes.some((c) => c.startsWith('BK_')) ? 'BẰNG KHEN' : 'GIẤY KHEN',
        },
      });
      return ok({ filename: `can-chinh-${t.code.toLowerCase()}.pdf`, pdf });
    },

    async printable(year: number): Promise<PrintableList> {
      const templates = await repo.templates(db);
      return (await repo.printable(db, year)).map((d) => ({
        id: d.id,
        number: d.number,
        decidedOn: d.decidedOn,
        summary: d.summary,
        issuerName: d.issuerName,
        recipients: d.codes.reduce((s, c) => s + c.n, 0),
        printable: d.codes.filter((c) => templateFor(templates, c.code)).reduce((s, c) => s + c.n, 0),
      }));
    },

    async decision(id: string): Promise<Result<PrintableDecision>> {
      const found = await issuedDecision(id);
      if (!found.ok) return found;
      const d = found.value;
      const templates = await repo.templates(db);
      return ok({
        id: d.id,
        number: d.number,
        decidedOn: d.decidedOn,
        summary: d.summary,
        issuerName: d.issuerName,
        recipients: (await repo.recipients(db, id)).map((r) => {
          const t = templateFor(templates, r.awardCode);
          return {
            id: r.id,
            displayName: r.displayName,
            displayDetail: r.displayDetail,
            awardCode: r.awardCode,
            recipientKind: r.recipientKind,
            templateCode: t?.code ?? null,
            overflow: t ? overflowingFields({ layout: t.layout, texts: textsOf(d, r) }) : [],
          };
        }),
      });
    },

    /**
     * An issued decision's certificates: every recipient whose award has a template (or, with `templateId`,
     * every recipient on that template), or one recipient; the calibration page first when asked.
     */
    async print(
      decisionId: string,
      q: { templateId?: string | undefined; recipientId?: string | undefined; calibration?: boolean },
    ): Promise<Result<{ filename: string; pdf: Buffer; pages: number }>> {
      const found = await issuedDecision(decisionId);
      if (!found.ok) return found;
      const d = found.value;
      const chosen = q.templateId ? await repo.template(db, q.templateId) : undefined;
      if (q.templateId && !chosen) return fail('NOT_FOUND');
      const templates = await repo.templates(db);
      let recipients = await repo.recipients(db, decisionId);
      if (q.recipientId) {
        recipients = recipients.filter((r) => r.id === q.recipientId);
        if (!recipients.length) return fail('NOT_FOUND');
      }
      const pages: CertificatePage[] = [];
      for (const r of recipients) {
        const t = chosen ?? templateFor(templates, r.awardCode);
        if (!t) continue;
        pages.push({
          layout: t.layout,
          texts: textsOf(d, r),
        });
      }
      if (!pages.length) return fail('CERTIFICATE.NO_RECIPIENTS');
      const calibration = q.calibration ? { layout: pages[0]!.layout } : undefined;
      const pdf = await certificatesPdf(
        `Giấy khen, Bằng khen theo Quyết định số ${d.number}`,
        pages,
        calibration,
      );
      const slug = d.number.replace(/[^0-9A-Za-z]+/g, '-').replace(/-+$/, '');
      return ok({ filename: `khen-thuong-${slug}.pdf`, pdf, pages: pages.length + (calibration ? 1 : 0) });
    },
  };
}

export type CertificatesService = ReturnType<typeof createCertificatesService>;
