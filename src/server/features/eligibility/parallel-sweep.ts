/**
 * Half of a province sweep judged on a second thread (decision 046).
 *
 * The sweep is CPU-bound JavaScript after the reads: one core judges ~480 000 verdicts while the other idles.
 * A worker thread takes the people with even numbers (people are numbered 1…N in id order by the history
 * query, which packs each kind of record as two JSON arrays, odd and even): it receives the even half of the
 * text exactly as the database packed it (strings copy cheaply between threads; objects would not), builds
 * those histories, judges them without explanations, and answers in a compact form — per verdict a status
 * and the index of its (shared) list of checks, the lists themselves once — with each person's result as a
 * member of collectives. The main thread, meanwhile, builds and judges the odd half, then turns the worker's
 * answer back into verdicts; the even half's histories are built on the main thread only if a page asks for
 * one of them to be explained. Verdicts are the same as a one-thread sweep (tested verdict by verdict).
 *
 * No worker (it failed to start, or died): the main thread judges everyone, as before.
 */
import { Worker } from 'node:worker_threads';
import type { AwardCode } from '../../../shared/registry/catalog';
import type { RulePack } from '../../../domain/rules/types';
import type { Check, MemberResult, Subject, Verdict, VerdictStatus } from '../../../domain/eligibility/types';
import type { PackedHistories } from './histories';

/** Which half a person belongs to: the worker judges even numbers. */
export const judgedByWorker = (n: number) => n % 2 === 0;

export interface SweepJob {
  year: number;
  pack: RulePack;
  /** The ids and the even halves are all the worker reads (the odd halves are left out of the copy). */
  packed: PackedHistories;
}

const STATUSES: readonly VerdictStatus[] = ['eligible', 'ineligible', 'needs_review'];

/** The worker's answer: verdicts of its people, compactly (see `encodeVerdicts`). */
export interface EncodedVerdicts {
  year: number;
  packId: string;
  /** People in the order judged, and how many verdicts each has (consecutive in the arrays below). */
  personIds: string[];
  counts: Uint16Array;
  /** Per verdict: index into `codes`, status index, index into `groups`. */
  codeIndex: Uint8Array;
  status: Uint8Array;
  group: Int32Array;
  codes: AwardCode[];
  /** Distinct lists of checks (and criteria missed), each sent once. */
  groups: Array<{ checks: Check[]; missing: string[] }>;
  /** The verdicts relying on initiatives: [verdict index, initiative ids]. */
  initiatives: Array<[number, string[]]>;
  /** Each person's result as a member of collectives (same order as `personIds`). */
  members: MemberResult[];
}

export function encodeVerdicts(
  year: number,
  packId: string,
  judged: Array<[string, Verdict[]]>,
  /** The same people's results as members of collectives. */
  members: MemberResult[] = [],
): EncodedVerdicts {
  let total = 0;
  for (const [, vs] of judged) total += vs.length;
  const enc: EncodedVerdicts = {
    year,
    packId,
    personIds: judged.map(([id]) => id),
    counts: new Uint16Array(judged.length),
    codeIndex: new Uint8Array(total),
    status: new Uint8Array(total),
    group: new Int32Array(total),
    codes: [],
    groups: [],
    initiatives: [],
    members,
  };
  const codeAt = new Map<AwardCode, number>();
  // Shared lists are the same object for every verdict with the same outcome: one entry each.
  const groupAt = new Map<readonly Check[], number>();
  let i = 0;
  judged.forEach(([, vs], p) => {
    enc.counts[p] = vs.length;
    for (const v of vs) {
      let c = codeAt.get(v.awardCode);
      if (c === undefined) codeAt.set(v.awardCode, (c = enc.codes.push(v.awardCode) - 1));
      let g = groupAt.get(v.checks);
      if (g === undefined)
        groupAt.set(v.checks, (g = enc.groups.push({ checks: v.checks, missing: v.missing }) - 1));
      enc.codeIndex[i] = c;
      enc.status[i] = STATUSES.indexOf(v.status);
      enc.group[i] = g;
      if (v.initiativeIds.length) enc.initiatives.push([i, v.initiativeIds]);
      i++;
    }
  });
  return enc;
}

const NONE = Object.freeze([]) as unknown as string[];

/** The verdicts of `encodeVerdicts`, per person id, with each person's subject from `subjectOf`. */
export function decodeVerdicts(
  enc: EncodedVerdicts,
  subjectOf: (id: string) => Subject,
): Map<string, Verdict[]> {
  for (const g of enc.groups) {
    Object.freeze(g.checks);
    Object.freeze(g.missing);
  }
  const initiatives = new Map(enc.initiatives);
  const out = new Map<string, Verdict[]>();
  let i = 0;
  enc.personIds.forEach((id, p) => {
    const subject = subjectOf(id);
    const vs: Verdict[] = new Array(enc.counts[p]!);
    for (let k = 0; k < vs.length; k++, i++) {
      const g = enc.groups[enc.group[i]!]!;
      vs[k] = {
        subject,
        awardCode: enc.codes[enc.codeIndex[i]!]!,
        year: enc.year,
        packId: enc.packId,
        status: STATUSES[enc.status[i]!]!,
        checks: g.checks,
        missing: g.missing.length ? g.missing : NONE,
        initiativeIds: initiatives.get(i) ?? NONE,
      };
    }
    out.set(id, vs);
  });
  return out;
}

type Reply = { id: number; ok: true; result: EncodedVerdicts } | { id: number; ok: false; error: string };

/** The one sweep worker of this process, started on first use; null when it cannot run here. */
let worker: Worker | null | undefined;
let nextId = 0;
let answered = 0;
/** How many jobs the worker has answered in this process (tests check that the second thread was used). */
export const workerJobsAnswered = () => answered;
const waiting = new Map<number, { resolve: (r: EncodedVerdicts) => void; reject: (e: Error) => void }>();

function sweepWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    // From the sources (tsx, tests) the worker is TypeScript and needs tsx's loader in its thread; the bundle
    // built by scripts/build-server.mjs has it as dist/server/sweep.worker.js beside the code starting it.
    const w = import.meta.url.endsWith('.ts')
      ? new Worker(new URL('./sweep.worker-from-source.mjs', import.meta.url), {
          workerData: { entry: new URL('./sweep.worker.ts', import.meta.url).href },
        })
      : new Worker(new URL('./sweep.worker.js', import.meta.url));
    w.unref();
    const fail = (err: Error) => {
      if (worker === w) {
        worker = null;
        process.emitWarning(`Luồng phụ xét duyệt không chạy được, xét trên luồng chính (${err.message})`);
      }
      for (const [, p] of waiting) p.reject(err);
      waiting.clear();
    };
    w.on('message', (m: Reply) => {
      const p = waiting.get(m.id);
      if (!p) return;
      waiting.delete(m.id);
      answered++;
      if (m.ok) p.resolve(m.result);
      else p.reject(new Error(m.error));
      if (waiting.size === 0) w.unref();
    });
    w.on('error', fail);
    w.on('exit', (code) => fail(new Error(`sweep worker exited (${code})`)));
    worker = w;
  } catch (err) {
    worker = null;
    process.emitWarning(`Không khởi động được luồng phụ xét duyệt (${String(err)})`);
  }
  return worker;
}

/**
 * Sends a job to the worker; resolves with the verdicts of the even-numbered people, or null when there is
 * no worker (the caller then judges them itself).
 */
export function judgeOnWorker(job: SweepJob): Promise<EncodedVerdicts> | null {
  const w = sweepWorker();
  if (!w) return null;
  const id = ++nextId;
  const answer = new Promise<EncodedVerdicts>((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    // Referenced while a job is out, so the process waits for its answer.
    w.ref();
    w.postMessage({ id, job });
  });
  // A failure may come before the caller awaits the answer: never an unhandled rejection (the caller
  // still sees it when it awaits).
  answer.catch(() => undefined);
  return answer;
}
