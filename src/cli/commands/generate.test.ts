/**
 * The synthetic province generator (bench/synthetic.ts) and the `generate` command: reproducible, valid
 * against the dataset schema, self-consistent, plausibly distributed, and accepted by the real import.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset, writeDataset, dayOf, iso, type GenerateOptions } from '../../../bench/synthetic';
import { datasetSchema, type Dataset } from '../../shared/registry/dataset.schema';
import { readJsonDataset, runImport } from '../../server/features/registry/import.service';
import { openTestDatabase } from '../../server/testing/harness';
import { systemActor } from '../../server/platform/actor';
import { systemClock } from '../../server/platform/clock';
import type { CliContext } from '../context';
import { generateCommand } from './generate';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-generate-test-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const write = (options: GenerateOptions, name: string) => {
  const file = path.join(dir, name);
  writeDataset(options, file);
  return file;
};
const parsed = (options: GenerateOptions): Dataset => {
  const result = datasetSchema.safeParse(generateDataset(options));
  if (!result.success) throw new Error(JSON.stringify(result.error.issues.slice(0, 5)));
  return result.data;
};
const share = (n: number, total: number) => n / total;

describe('generator: reproducible', () => {
  it('writes byte-identical files for the same options, and different ones for another seed', () => {
    const a = write({ people: 300, years: 3, seed: 1 }, 'a.json');
    const b = write({ people: 300, years: 3, seed: 1 }, 'b.json');
    const c = write({ people: 300, years: 3, seed: 2 }, 'c.json');
    expect(sha(a)).toBe(sha(b));
    expect(sha(c)).not.toBe(sha(a));
    // The streamed file holds exactly what the in-memory generator returns.
    expect(JSON.parse(fs.readFileSync(a, 'utf8'))).toEqual(
      generateDataset({ people: 300, years: 3, seed: 1 }),
    );
  });

  it('keeps a person’s records when more people are generated (one random stream per person)', () => {
    const small = generateDataset({ people: 50, years: 2, seed: 7 });
    const large = generateDataset({ people: 120, years: 2, seed: 7 });
    expect(large.people!.slice(0, 50)).toEqual(small.people);
    const evals = (d: typeof small) => d.personEvaluations!.filter((e) => e.personCode <= 'P01-CB000050');
    expect(evals(large)).toEqual(evals(small));
  });

  it('rejects options out of range', () => {
    expect(() => generateDataset({ people: 0, years: 1, seed: 1 })).toThrow(RangeError);
    expect(() => generateDataset({ people: 10, years: 41, seed: 1 })).toThrow(RangeError);
    expect(() => generateDataset({ people: 10, years: 1, seed: 1.5 })).toThrow(RangeError);
  });

  it('computes calendar days without Date drift', () => {
    for (const s of ['1965-03-01', '2000-02-29', '2024-12-31', '1970-01-01', '2100-03-01']) {
      const [y, m, d] = s.split('-').map(Number) as [number, number, number];
      expect(dayOf(y, m, d)).toBe(Date.UTC(y, m - 1, d) / 86_400_000);
      expect(iso(dayOf(y, m, d))).toBe(s);
    }
  });
});

describe('generator: valid and consistent (300 people × 3 years)', () => {
  let d: Dataset;
  beforeAll(() => {
    d = parsed({ people: 300, years: 3, seed: 1 });
  });

  it('passes datasetSchema in every record, with the envelope describing synthetic data', () => {
    expect(d.format).toBe('vinhdanh-dataset');
    expect(d.description).toMatch(/tổng hợp/);
    expect(d.description).toMatch(/[Ss]ynthetic/);
    expect(d.people).toHaveLength(300);
    expect(d.people.every((p) => p.isDemo === false)).toBe(true);
    expect(d.units.every((u) => u.isDemo === false)).toBe(true);
  });

  it('resolves every reference by code', () => {
    const units = new Set(d.units.map((u) => u.code));
    const people = new Set(d.people.map((p) => p.code));
    const missing: string[] = [];
    const unit = (c: string | null | undefined) => c && !units.has(c) && missing.push(`unit ${c}`);
    const person = (c: string | null | undefined) => c && !people.has(c) && missing.push(`person ${c}`);
    d.units.forEach((u) => unit(u.parentCode));
    d.successions.forEach((s) => [s.predecessorCode, s.successorCode].forEach(unit));
    d.blocks.forEach((b) => [b.organizerCode, b.leadCode, b.deputyCode, ...b.memberCodes].forEach(unit));
    d.personUnits.forEach((h) => (person(h.personCode), unit(h.unitCode)));
    d.personEvaluations.forEach((e) => (person(e.personCode), unit(e.unitCode)));
    [...d.leaves, ...d.trainings, ...d.disciplines].forEach((r) => person(r.personCode));
    d.unitEvaluations.forEach((e) => unit(e.unitCode));
    d.initiatives.forEach((i) => i.authorCodes.forEach(person));
    d.awards.forEach((a) => (person(a.personCode), unit(a.unitCode)));
    expect(missing).toEqual([]);
    // Parents are listed before their children (so a reader can build the tree in one pass).
    const seen = new Set<string>();
    for (const u of d.units) {
      if (u.parentCode) expect(seen.has(u.parentCode)).toBe(true);
      seen.add(u.code);
    }
  });

  it('has unique natural keys (what the import matches on)', () => {
    const unique = (keys: string[]) => expect(new Set(keys).size).toBe(keys.length);
    unique(d.units.map((u) => u.code));
    unique(d.people.map((p) => p.code));
    unique(d.people.map((p) => p.personalIdNumber!));
    unique(d.personUnits.map((h) => `${h.personCode}|${h.fromDate}`));
    unique(d.personEvaluations.map((e) => `${e.personCode}|${e.year}`));
    unique(d.leaves.map((l) => `${l.personCode}|${l.kind}|${l.fromDate}`));
    unique(d.trainings.map((t) => `${t.personCode}|${t.fromDate}`));
    unique(d.unitEvaluations.map((e) => `${e.unitCode}|${e.year}`));
    unique(d.disciplines.map((x) => `${x.personCode}|${x.decisionNumber}`));
    unique(d.initiatives.map((i) => i.code));
    unique(d.blocks.map((b) => `${b.year}|${b.name}`));
    unique(
      d.awards.map(
        (a) =>
          `${a.personCode ?? a.unitCode ?? `${a.householdName}|${a.householdAddress}`}|${a.awardCode}|${a.year}|${a.decisionNumber}`,
      ),
    );
  });

  it('is imported by the real import with no error, and re-importing changes nothing', async () => {
    const small = { people: 150, years: 2, seed: 1 };
    const file = write(small, 'import.json');
    const text = fs.readFileSync(file, 'utf8');
    const read = readJsonDataset(text);
    expect(read.errors).toEqual([]);
    const database = await openTestDatabase();
    try {
      const run = () =>
        runImport(
          database,
          systemActor(),
          systemClock,
          {
            data: readJsonDataset(text).data,
            readErrors: [],
            source: { name: 'import.json', bytes: text, kind: 'dataset' },
          },
          { unitIds: null },
          'commit',
        );
      const first = await run();
      expect(first.errors).toEqual([]);
      expect(first.committed).toBe(true);
      const records = Object.values(generateDataset(small))
        .filter(Array.isArray)
        .reduce((n, list) => n + list.length, 0);
      expect(first.inserted).toBe(records);
      const second = await run();
      expect(second.errors).toEqual([]);
      expect(second.inserted + second.updated).toBe(0);
      expect(second.unchanged).toBe(records);
    } finally {
      await database.close();
    }
  });
});

describe('generator: a plausible province (3 000 people × 5 years)', () => {
  let d: Dataset;
  beforeAll(() => {
    d = parsed({ people: 3000, years: 5, seed: 11 });
  });

  it('has ~20 departments and districts of 5–20 units, with sub-units and a commune merger', () => {
    const depts = d.units.filter((u) => u.parentCode === 'P01');
    expect(depts).toHaveLength(20);
    for (const dept of depts) {
      const children = d.units.filter((u) => u.parentCode === dept.code && !u.activeFrom.startsWith('20'));
      expect(children.length).toBeGreaterThanOrEqual(5);
      expect(children.length).toBeLessThanOrEqual(20);
      for (const c of children) expect(c.code).toMatch(/^P01-D\d{2}-U\d{2}$/);
    }
    expect(d.units.some((u) => /^P01-D\d{2}-U\d{2}-T\d{2}$/.test(u.code))).toBe(true);
    expect(d.successions).toHaveLength(2);
    const closed = d.units.filter((u) => u.activeTo);
    expect(closed.map((u) => u.code).sort()).toEqual(d.successions.map((s) => s.predecessorCode).sort());
    expect(d.blocks.length).toBe(4 * 5);
  });

  it('has Vietnamese names, ids, leaders and transfers in the expected proportions', () => {
    const people = d.people;
    const family = (p: { fullName: string }) => p.fullName.split(' ')[0];
    expect(share(people.filter((p) => family(p) === 'Nguyễn').length, people.length)).toBeGreaterThan(0.28);
    expect(share(people.filter((p) => family(p) === 'Nguyễn').length, people.length)).toBeLessThan(0.45);
    expect(new Set(people.map(family)).size).toBeGreaterThan(20);
    expect(people.every((p) => /^\S+( \S+){1,3}$/.test(p.fullName))).toBe(true);
    expect(share(people.filter((p) => p.fullName.includes(' Thị ')).length, people.length)).toBeGreaterThan(
      0.15,
    );
    expect(people.filter((p) => p.fullName.includes(' Thị ')).every((p) => p.sex === 'female')).toBe(true);
    expect(people.every((p) => /^099\d{9}$/.test(p.personalIdNumber!))).toBe(true);
    const leaders = share(people.filter((p) => p.isLeader).length, people.length);
    expect(leaders).toBeGreaterThan(0.08);
    expect(leaders).toBeLessThan(0.12);
    const merged = new Set(d.successions.map((s) => s.predecessorCode));
    const moves = new Map<string, number>();
    for (const h of d.personUnits) moves.set(h.personCode, (moves.get(h.personCode) ?? 0) + 1);
    const transferred = d.people.filter((p) => {
      const periods = d.personUnits.filter((h) => h.personCode === p.code);
      return periods.length > 1 && !periods.some((h) => merged.has(h.unitCode));
    }).length;
    expect(share(transferred, people.length)).toBeGreaterThan(0.02);
    expect(share(transferred, people.length)).toBeLessThan(0.07);
    const open = d.personUnits.filter((h) => !h.toDate);
    expect(open).toHaveLength(people.length); // exactly one current unit each
  });

  it('rates ≈ 15 / 60 / 20 / 5 %, with discipline ≈ 1 % capping the rating at HTNV', () => {
    const evals = d.personEvaluations;
    const r = (x: string) => share(evals.filter((e) => e.rating === x).length, evals.length);
    expect(r('HTXSNV')).toBeGreaterThan(0.12);
    expect(r('HTXSNV')).toBeLessThan(0.18);
    expect(r('HTTNV')).toBeGreaterThan(0.55);
    expect(r('HTTNV')).toBeLessThan(0.65);
    expect(r('HTNV')).toBeGreaterThan(0.16);
    expect(r('HTNV')).toBeLessThan(0.24);
    expect(r('KHTNV')).toBeGreaterThan(0.03);
    expect(r('KHTNV')).toBeLessThan(0.08);
    // Most people are evaluated every year; new hires carry their start date.
    expect(evals.length).toBeGreaterThan(d.people.length * 5 * 0.8);
    expect(evals.some((e) => e.employmentStartDate)).toBe(true);
    const disc = share(d.disciplines.length, evals.length);
    expect(disc).toBeGreaterThan(0.004);
    expect(disc).toBeLessThan(0.018);
    const ratingOf = new Map(evals.map((e) => [`${e.personCode}|${e.year}`, e.rating]));
    for (const x of d.disciplines) {
      expect(['HTNV', 'KHTNV']).toContain(
        ratingOf.get(`${x.personCode}|${Number(x.decisionDate.slice(0, 4))}`),
      );
    }
  });

  it('has leave, training and initiatives at the intended rates; maternity only for women', () => {
    const female = new Set(d.people.filter((p) => p.sex === 'female').map((p) => p.code));
    const maternity = d.leaves.filter((l) => l.kind === 'maternity');
    expect(maternity.length).toBeGreaterThan(0);
    expect(maternity.every((l) => female.has(l.personCode))).toBe(true);
    expect(d.leaves.some((l) => l.kind === 'sick')).toBe(true);
    expect(share(d.trainings.length, d.personEvaluations.length)).toBeGreaterThan(0.04);
    const sk = share(d.initiatives.length, d.personEvaluations.length);
    expect(sk).toBeGreaterThan(0.02);
    expect(sk).toBeLessThan(0.045);
    expect(
      share(d.initiatives.filter((i) => i.level === 'grassroots').length, d.initiatives.length),
    ).toBeGreaterThan(0.75);
    expect(d.initiatives.some((i) => i.authorCodes.length > 1)).toBe(true);
  });

  it('awards follow the ratings: LĐTT for HTTNV+ without discipline, CSTĐCS for LĐTT with an initiative', () => {
    const key = (code: string, year: number) => `${code}|${year}`;
    const rating = new Map(d.personEvaluations.map((e) => [key(e.personCode, e.year), e.rating]));
    const disciplined = new Set(
      d.disciplines.map((x) => key(x.personCode, Number(x.decisionDate.slice(0, 4)))),
    );
    const authored = new Set(
      d.initiatives.flatMap((i) => i.authorCodes.map((a) => key(a, Number(i.recognitionDate.slice(0, 4))))),
    );
    const individual = d.awards.filter((a) => a.recipientKind === 'individual');
    const ldtt = individual.filter((a) => a.awardCode === 'LDTT');
    const lead = new Set(ldtt.map((a) => key(a.personCode!, a.year)));
    for (const a of ldtt) {
      expect(['HTXSNV', 'HTTNV']).toContain(rating.get(key(a.personCode!, a.year)));
      expect(disciplined.has(key(a.personCode!, a.year))).toBe(false);
    }
    const good = d.personEvaluations.filter((e) => e.rating === 'HTXSNV' || e.rating === 'HTTNV').length;
    expect(share(ldtt.length, good)).toBeGreaterThan(0.8);
    const cstd = individual.filter((a) => a.awardCode === 'CSTDCS');
    expect(cstd.length).toBeGreaterThan(0);
    for (const a of cstd) {
      expect(lead.has(key(a.personCode!, a.year))).toBe(true);
      expect(authored.has(key(a.personCode!, a.year))).toBe(true);
    }
    for (const code of ['GIAY_KHEN', 'BK_TINH', 'TTLDTT', 'CO_TINH'] as const) {
      expect(d.awards.some((a) => a.awardCode === code)).toBe(true);
    }
    expect(d.awards.some((a) => a.recipientKind === 'household')).toBe(true);
    // Unit evaluations carry member counts that add up to the people evaluated in those units.
    const year = 2024;
    const counted = d.unitEvaluations
      .filter((e) => e.year === year && /^P01-D\d{2}$/.test(e.unitCode))
      .reduce((n, e) => n + e.memberCount, 0);
    expect(counted).toBe(d.personEvaluations.filter((e) => e.year === year).length);
  });
});

describe('generate command', () => {
  const ctx = () => {
    const out: string[] = [];
    const err: string[] = [];
    const c = {
      out: (t: string) => out.push(t),
      err: (t: string) => err.push(t),
      env: {},
      clock: systemClock,
      openDatabase: () => Promise.reject(new Error('generate needs no database')),
      describeDatabase: () => 'none',
    } satisfies CliContext;
    return { c, out, err };
  };

  it('writes the file and prints a summary; refuses to overwrite without --force', async () => {
    const file = path.join(dir, 'cli.json');
    const { c, out } = ctx();
    expect(await generateCommand(['--people', '40', '--years', '2', '--seed', '3', '--out', file], c)).toBe(
      0,
    );
    expect(out.join('\n')).toMatch(/Đã sinh/);
    expect(sha(file)).toBe(sha(write({ people: 40, years: 2, seed: 3 }, 'cli-ref.json')));
    const again = ctx();
    expect(
      await generateCommand(['--people', '40', '--years', '2', '--seed', '3', '--out', file], again.c),
    ).toBe(1);
    expect(again.err.join('\n')).toMatch(/--force/);
    expect(
      await generateCommand(['--people', '40', '--years', '2', '--seed', '3', '--out', file, '--force'], c),
    ).toBe(0);
  });

  it('explains bad options in Vietnamese with exit code 2, and has a help', async () => {
    const bad = ctx();
    expect(
      await generateCommand(['--people', 'nhiều', '--years', '2', '--seed', '1', '--out', 'x.json'], bad.c),
    ).toBe(2);
    expect(bad.err.join('\n')).toMatch(/--people phải là số nguyên/);
    const missing = ctx();
    expect(await generateCommand(['--people', '10', '--years', '2', '--seed', '1'], missing.c)).toBe(2);
    expect(missing.err.join('\n')).toMatch(/Thiếu tệp đích/);
    const help = ctx();
    expect(await generateCommand(['--help'], help.c)).toBe(0);
    expect(help.out.join('\n')).toMatch(/Cách dùng \/ Usage/);
  });
});
