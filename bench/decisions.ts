/**
 * `npm run bench:decisions` — the figures of issue 6 (decisions): a year-end batch of ONE decision with
 * 5 000 recipients (people generated in the database), on a fresh PGlite directory and, when reachable, a
 * fresh PostgreSQL database. Measured, each phase once after the data is in (median of 3 for the files):
 *   - prize computation: pure (`decisionPrizes`: packs, base salary, highest title per period) and with its
 *     reads (`computePrizes`: salaries, prior titles of the recipients);
 *   - issuing in one transaction (number, frozen prizes, 5 000 award rows, notifications, audit);
 *   - the detail read the page, the Word and the Excel files draw from;
 *   - Word generation (target < 3 s) and Excel generation;
 * and the peak memory (RSS and heap, sampled every 10 ms) of each phase.
 *
 * Writes bench/results/decisions.json. Options: --no-pg, --no-pglite, --recipients=N; BENCH_PG_URL.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../src/server/platform/db/database';
import { systemClock } from '../src/server/platform/clock';
import { systemActor } from '../src/server/platform/actor';
import { seedDemo } from '../src/server/seed/demo';
import {
  computePrizes,
  createDecisionsService,
  insertDraft,
  issueInTx,
  type DraftLine,
} from '../src/server/features/decisions/decisions.service';
import { baseSalaryRows, recipientsOf, rowsOf } from '../src/server/features/decisions/decisions.repository';
import { decisionWord, decisionWorkbook } from '../src/server/features/decisions/decision-files';
import { decisionPrizes } from '../src/domain/decisions';
import { packForYear } from '../src/domain/rules/packs';
import type { AwardCode } from '../src/shared/registry/catalog';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = path.join(ROOT, 'bench', 'results');
const args = process.argv.slice(2);
const PG_ADMIN_URL = process.env.BENCH_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const N = Number(args.find((a) => a.startsWith('--recipients='))?.split('=')[1] ?? 5000);
const DATE = '2026-01-15';
const WORD_TARGET_MS = 3000;

const mb = (b: number) => Math.round((b / 1024 / 1024) * 10) / 10;

/** Runs `work`, sampling memory every 10 ms: elapsed ms and the peaks seen. */
async function phase<T>(
  work: () => Promise<T>,
): Promise<{ value: T; ms: number; rssMb: number; heapMb: number }> {
  let rss = process.memoryUsage().rss;
  let heap = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  }, 10);
  const t0 = performance.now();
  try {
    const value = await work();
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
    return { value, ms: Math.round(performance.now() - t0), rssMb: mb(rss), heapMb: mb(heap) };
  } finally {
    clearInterval(timer);
  }
}

async function measure(database: Database, engine: string) {
  const clock = systemClock;
  await seedDemo(database, clock, { registry: false });
  const { db } = database;
  const [unit] = await rowsOf<{ id: string }>(db, sql`select id from units where code = 'BL-TTKN'`);
  const [issuer] = await rowsOf<{ id: string }>(db, sql`select id from units where code = 'BL-SNN'`);
  await db.execute(sql`insert into people (code, full_name, family_name, middle_name, given_name, sort_key, sex,
      position, current_unit_id)
    select 'BENCH-' || lpad(g::text, 5, '0'), 'Nguyễn Văn Kiểm Thử ' || g, 'Nguyễn', 'Văn Kiểm', 'Thử ' || g,
      'thu ' || lpad(g::text, 5, '0'), case when g % 2 = 0 then 'female' else 'male' end, 'Chuyên viên', ${unit!.id}
    from generate_series(1, ${N}) g`);
  const people = await rowsOf<{ id: string; code: string; name: string }>(
    db,
    sql`select id, code, full_name as name from people where code like 'BENCH-%' order by code`,
  );
  // A year-end batch: LĐTT for most, CSTĐCS for one in ten, Giấy khen for one in five (2025, V2025).
  const lines: DraftLine[] = people.map((p, i) => ({
    recipientKind: 'individual',
    personId: p.id,
    recipientKey: `P:${p.code}`,
    displayName: p.name,
    displayDetail: 'Chuyên viên, Trung tâm Khuyến nông tỉnh Bạc Liêu',
    awardCode: i % 10 === 0 ? 'CSTDCS' : i % 5 === 0 ? 'GIAY_KHEN' : 'LDTT',
    track: 'regular',
    year: 2025,
  }));
  const actor = systemActor(null, 'bench');
  const draft = await phase(() =>
    db.transaction((tx) =>
      insertDraft(tx, clock, actor, {
        issuerUnitId: issuer!.id,
        kind: 'award',
        decidedOn: DATE,
        signerName: 'Người Ký Thử',
        signerTitle: 'Phó Giám đốc',
        signMode: 'KT',
        lines,
      }),
    ),
  );
  const id = draft.value;
  const rows = await recipientsOf(db, id);
  const salaries = await baseSalaryRows(db);
  const pure = await phase(async () =>
    decisionPrizes({
      lines: rows.map((l) => ({
        key: l.id,
        recipientKey: l.recipientKey,
        recipientKind: l.recipientKind,
        awardCode: l.awardCode as AwardCode,
        year: l.year,
      })),
      decisionDate: DATE,
      salaries,
      packForYear: (y) => packForYear(y),
    }),
  );
  const withReads = await phase(() => computePrizes(db, { id, kind: 'award' }, rows, DATE));
  const issue = await phase(() => db.transaction((tx) => issueInTx(tx, clock, actor, id, undefined)));
  if (!issue.value.ok) throw new Error(`issue failed: ${issue.value.error.code}`);
  const service = createDecisionsService(database, clock);
  const detail = await phase(async () => {
    const r = await service.detail(id);
    if (!r.ok) throw new Error('detail');
    return r.value;
  });
  const words: number[] = [];
  const excels: number[] = [];
  let wordPeak = { rssMb: 0, heapMb: 0, bytes: 0 };
  let excelPeak = { rssMb: 0, heapMb: 0, bytes: 0 };
  for (let i = 0; i < 3; i++) {
    const w = await phase(() => decisionWord(detail.value, DATE));
    words.push(w.ms);
    wordPeak = {
      rssMb: Math.max(wordPeak.rssMb, w.rssMb),
      heapMb: Math.max(wordPeak.heapMb, w.heapMb),
      bytes: w.value.length,
    };
    const x = await phase(() => decisionWorkbook(detail.value));
    excels.push(x.ms);
    excelPeak = {
      rssMb: Math.max(excelPeak.rssMb, x.rssMb),
      heapMb: Math.max(excelPeak.heapMb, x.heapMb),
      bytes: x.value.length,
    };
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const r = {
    engine,
    recipients: N,
    number: issue.value.value.number,
    prizeTotal: issue.value.value.prizeTotal,
    draftMs: draft.ms,
    prizePureMs: pure.ms,
    prizeWithReadsMs: withReads.ms,
    issueMs: issue.ms,
    issuePeakRssMb: issue.rssMb,
    detailReadMs: detail.ms,
    wordMs: median(words),
    wordRuns: words,
    wordPeakRssMb: wordPeak.rssMb,
    wordPeakHeapMb: wordPeak.heapMb,
    wordBytes: wordPeak.bytes,
    excelMs: median(excels),
    excelRuns: excels,
    excelPeakRssMb: excelPeak.rssMb,
    excelPeakHeapMb: excelPeak.heapMb,
    excelBytes: excelPeak.bytes,
    wordTargetMet: median(words) < WORD_TARGET_MS,
  };
  console.log(
    `${engine}: ${N} recipients, total ${r.prizeTotal.toLocaleString('vi-VN')} đồng (${r.number})\n` +
      `  prize computation: pure ${r.prizePureMs} ms, with reads ${r.prizeWithReadsMs} ms\n` +
      `  issue (one transaction): ${r.issueMs} ms (peak RSS ${r.issuePeakRssMb} MB)\n` +
      `  detail read: ${r.detailReadMs} ms\n` +
      `  Word: ${r.wordMs} ms median of ${words.join('/')} (target < ${WORD_TARGET_MS} ms: ${r.wordTargetMet ? 'met' : 'MISSED'}), ` +
      `${Math.round(r.wordBytes / 1024)} KB, peak RSS ${r.wordPeakRssMb} MB, heap ${r.wordPeakHeapMb} MB\n` +
      `  Excel: ${r.excelMs} ms median of ${excels.join('/')}, ${Math.round(r.excelBytes / 1024)} KB, ` +
      `peak RSS ${r.excelPeakRssMb} MB, heap ${r.excelPeakHeapMb} MB`,
  );
  return r;
}

async function main() {
  const results: Awaited<ReturnType<typeof measure>>[] = [];
  if (!args.includes('--no-pglite')) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vinhdanh-bench-decisions-'));
    const database = await openDatabase({ dataDir: dir });
    try {
      results.push(await measure(database, 'pglite'));
    } finally {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  if (!args.includes('--no-pg')) {
    const name = `vinhdanh_bench_decisions_${process.pid}`;
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    let reachable = true;
    try {
      await admin.connect();
    } catch {
      reachable = false;
      console.log('PostgreSQL not reachable: skipped');
    }
    if (reachable) {
      await admin.query(`create database ${name}`);
      const url = new URL(PG_ADMIN_URL);
      url.pathname = `/${name}`;
      const database = await openDatabase({ url: url.toString(), poolSize: 4 });
      try {
        results.push(await measure(database, 'postgres'));
      } finally {
        await database.close();
        await admin.query(`drop database if exists ${name}`);
        await admin.end();
      }
    }
  }
  fs.mkdirSync(RESULTS, { recursive: true });
  const out = {
    measuredAt: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    results,
  };
  fs.writeFileSync(path.join(RESULTS, 'decisions.json'), JSON.stringify(out, null, 2) + '\n');
  console.log(`Results written to bench/results/decisions.json`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
