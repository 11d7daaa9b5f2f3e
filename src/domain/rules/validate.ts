/**
 * Packs are validated when loaded: structure (zod) and meaning — every fact exists for the rule's recipient
 * kind, the operator is allowed for the fact's type, the value has that type, the parameters fit the fact,
 * criterion ids are unique, and a local quota never raises a national ceiling. Messages are Vietnamese:
 * an admin reads them when a local pack is refused.
 */
import { z } from 'zod';
import {
  AWARD_CODES,
  AWARD_CODE_LIST,
  RATINGS,
  RECIPIENT_KINDS,
  type AwardCode,
  type RecipientKind,
} from '../../shared/registry/catalog';
import { factDef, OPERATORS_BY_TYPE, SEVERITIES, type FactType } from '../eligibility/facts';
import type { CriterionNode, LocalPack, RulePack } from './types';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng yyyy-mm-dd');
const awardCode = z.enum(AWARD_CODE_LIST as [AwardCode, ...AwardCode[]], {
  error: 'Mã danh hiệu không hợp lệ',
});
const recipientKind = z.enum(RECIPIENT_KINDS);

export const citationSchema = z
  .object({
    instrument: z.string().min(1, 'Cần ghi văn bản'),
    article: z.string().optional(),
    clause: z.string().optional(),
    point: z.string().optional(),
    verified: z.boolean(),
    source: z.string().optional(),
    note: z.string().optional(),
  })
  .strict();

const operator = z.enum(['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in']);
const factLeaf = z
  .object({
    id: z.string().min(1),
    label: z.string().min(1),
    fact: z.string().min(1),
    params: z.record(z.string(), z.unknown()).optional(),
    op: operator,
    value: z.unknown(),
    citation: citationSchema,
  })
  .strict();
const judgementLeaf = z
  .object({
    id: z.string().min(1),
    label: z.string().min(1),
    judgement: z.literal(true),
    presumedBy: z
      .object({
        fact: z.string().min(1),
        params: z.record(z.string(), z.unknown()).optional(),
        op: operator,
        value: z.unknown(),
        explain: z.string().min(1),
      })
      .strict()
      .optional(),
    citation: citationSchema,
  })
  .strict();
export const criterionSchema: z.ZodType<CriterionNode> = z.lazy(() =>
  z.union([
    judgementLeaf,
    factLeaf,
    z.object({ all: z.array(criterionSchema).min(1) }).strict(),
    z
      .object({ id: z.string().min(1), label: z.string().min(1), any: z.array(criterionSchema).min(2) })
      .strict(),
  ]),
) as z.ZodType<CriterionNode>;

const quotaSchema = z
  .object({
    id: z.string().min(1),
    awardCode,
    basisAwardCode: awardCode,
    maxShare: z.number().gt(0, 'Tỷ lệ phải lớn hơn 0').max(1, 'Tỷ lệ không quá 100%'),
    rounding: z.enum(['floor', 'round', 'ceil']),
    ceiling: z.boolean().optional(),
    citation: citationSchema,
  })
  .strict();

export const rulePackSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    effectiveFrom: isoDate,
    effectiveTo: isoDate.optional(),
    instruments: z.array(citationSchema),
    rules: z.array(
      z
        .object({
          awardCode,
          recipientKind,
          criteria: z.array(criterionSchema).min(1),
          effectiveFrom: isoDate.optional(),
          effectiveTo: isoDate.optional(),
          note: z.string().optional(),
        })
        .strict(),
    ),
    quotas: z.array(quotaSchema),
    prizes: z.array(
      z
        .object({
          awardCode,
          recipientKind,
          issuerLevel: z.enum(['any', 'unit_head', 'commune']).optional(),
          coefficient: z.number().positive(),
          citation: citationSchema,
        })
        .strict(),
    ),
    householdMultiplier: z
      .object({ value: z.number().positive(), citation: citationSchema })
      .strict()
      .optional(),
    votes: z.array(
      z
        .object({
          awardCodes: z.array(awardCode).min(1),
          minShareOfMembers: z.number().gt(0).max(1),
          citation: citationSchema,
        })
        .strict(),
    ),
  })
  .strict();

export const localPackSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_.-]{2,40}$/, 'Mã bộ quy định gồm 2–40 chữ, số, dấu chấm, gạch'),
    name: z.string().min(1, 'Cần nhập tên'),
    issuer: z.string().min(1, 'Cần ghi cơ quan ban hành'),
    effectiveFrom: isoDate,
    effectiveTo: isoDate.optional(),
    criteria: z.array(z.object({ awardCode, recipientKind, criterion: criterionSchema }).strict()),
    quotas: z.array(quotaSchema),
    citation: citationSchema,
  })
  .strict();

export interface PackIssue {
  path: string;
  message: string;
}

function checkValue(type: FactType, op: string, value: unknown): string | null {
  const one = (v: unknown): boolean => {
    switch (type) {
      case 'number':
        return typeof v === 'number' && Number.isFinite(v);
      case 'boolean':
        return typeof v === 'boolean';
      case 'rating':
        return typeof v === 'string' && (RATINGS as readonly string[]).includes(v);
      case 'severity':
        return typeof v === 'string' && (SEVERITIES as readonly string[]).includes(v);
    }
  };
  if (op === 'in')
    return Array.isArray(value) && value.length > 0 && value.every(one)
      ? null
      : 'cần một danh sách giá trị hợp lệ';
  return one(value) ? null : `giá trị không hợp lệ cho kiểu ${type}`;
}

/** Semantic checks of one criterion tree, for a rule of the given recipient kind. */
export function checkCriteria(
  nodes: CriterionNode[],
  kind: RecipientKind,
  path: string,
  ids = new Set<string>(),
): PackIssue[] {
  const issues: PackIssue[] = [];
  nodes.forEach((n, i) => {
    const at = `${path}[${i}]`;
    if ('all' in n) return issues.push(...checkCriteria(n.all, kind, `${at}.all`, ids));
    if (ids.has(n.id)) issues.push({ path: at, message: `Mã tiêu chuẩn "${n.id}" bị trùng` });
    ids.add(n.id);
    if ('any' in n) return issues.push(...checkCriteria(n.any, kind, `${at}.any`, ids));
    const leaf = 'judgement' in n ? n.presumedBy : n;
    if (!leaf) return;
    const def = factDef(leaf.fact);
    if (!def) return issues.push({ path: at, message: `Dữ kiện "${leaf.fact}" không có trong danh mục` });
    if (!def.subjects.includes(kind))
      issues.push({ path: at, message: `Dữ kiện "${leaf.fact}" không áp dụng cho đối tượng ${kind}` });
    if (!OPERATORS_BY_TYPE[def.type].includes(leaf.op))
      issues.push({
        path: at,
        message: `Phép so sánh "${leaf.op}" không dùng được với dữ kiện "${leaf.fact}" (kiểu ${def.type}; được dùng: ${OPERATORS_BY_TYPE[def.type].join(', ')})`,
      });
    const bad = checkValue(def.type, leaf.op, leaf.value);
    if (bad) issues.push({ path: at, message: `Giá trị của "${n.id}": ${bad}` });
    const params = def.params.safeParse(leaf.params ?? {});
    if (!params.success)
      issues.push({
        path: at,
        message: `Tham số của "${n.id}": ${params.error.issues.map((e) => `${e.path.join('.') || '(gốc)'} ${e.message}`).join('; ')}`,
      });
  });
  return issues;
}

function zodIssues(e: z.ZodError): PackIssue[] {
  return e.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

export function validatePack(
  data: unknown,
): { ok: true; pack: RulePack } | { ok: false; issues: PackIssue[] } {
  const parsed = rulePackSchema.safeParse(data);
  if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error) };
  const pack = parsed.data as RulePack;
  const issues: PackIssue[] = [];
  const seen = new Set<string>();
  pack.rules.forEach((r, i) => {
    const key = `${r.awardCode}/${r.recipientKind}`;
    if (seen.has(key)) issues.push({ path: `rules[${i}]`, message: `Trùng quy định cho ${key}` });
    seen.add(key);
    if (!(AWARD_CODES[r.awardCode].recipients as readonly string[]).includes(r.recipientKind))
      issues.push({
        path: `rules[${i}]`,
        message: `${AWARD_CODES[r.awardCode].label} không xét cho đối tượng ${r.recipientKind}`,
      });
    issues.push(...checkCriteria(r.criteria, r.recipientKind, `rules[${i}].criteria`));
  });
  return issues.length ? { ok: false, issues } : { ok: true, pack };
}

/** Load a pack, failing loudly: a national pack that does not validate is a programming error. */
export function loadPack(data: RulePack): RulePack {
  const r = validatePack(data);
  if (!r.ok)
    throw new Error(
      `Rule pack ${data.id} is invalid:\n${r.issues.map((i) => `${i.path}: ${i.message}`).join('\n')}`,
    );
  return r.pack;
}

/** A share as a Vietnamese percentage: 0.155 → "15,5". */
const pct = (share: number) => String(Math.round(share * 1000) / 10).replace('.', ',');

export function validateLocalPack(
  data: unknown,
  nationals: readonly RulePack[],
): { ok: true; pack: LocalPack } | { ok: false; issues: PackIssue[] } {
  const parsed = localPackSchema.safeParse(data);
  if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error) };
  const pack = parsed.data as LocalPack;
  const issues: PackIssue[] = [];
  if (pack.effectiveTo && pack.effectiveTo < pack.effectiveFrom)
    issues.push({ path: 'effectiveTo', message: 'Ngày hết hiệu lực phải sau ngày có hiệu lực' });
  pack.criteria.forEach((c, i) => {
    if (!(AWARD_CODES[c.awardCode].recipients as readonly string[]).includes(c.recipientKind))
      issues.push({
        path: `criteria[${i}]`,
        message: `${AWARD_CODES[c.awardCode].label} không xét cho đối tượng ${c.recipientKind}`,
      });
    issues.push(...checkCriteria([c.criterion], c.recipientKind, `criteria[${i}]`));
  });
  // A local cap may lower, never raise, a national ceiling in force over the local pack's period.
  const overlapping = nationals.filter(
    (n) =>
      (!n.effectiveTo || n.effectiveTo >= pack.effectiveFrom) &&
      (!pack.effectiveTo || n.effectiveFrom <= pack.effectiveTo),
  );
  pack.quotas.forEach((q, i) => {
    for (const n of overlapping) {
      const ceiling = n.quotas.find((x) => x.id === q.id && x.ceiling);
      if (ceiling && q.maxShare > ceiling.maxShare)
        issues.push({
          path: `quotas[${i}].maxShare`,
          message: `Tỷ lệ ${pct(q.maxShare)}% vượt mức trần ${pct(ceiling.maxShare)}% của ${n.name}`,
        });
    }
  });
  return issues.length ? { ok: false, issues } : { ok: true, pack };
}
