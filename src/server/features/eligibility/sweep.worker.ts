/**
 * The sweep's second thread (see parallel-sweep.ts, decision 046): builds the even-numbered people's
 * histories from their half of the packed text, judges them without explanations, and answers with their
 * verdicts (compactly) and their results as members of collectives.
 */
import { parentPort } from 'node:worker_threads';
import { Sweep } from '../../../domain/eligibility/sweep';
import type { Verdict } from '../../../domain/eligibility/types';
import { buildHistories, emptyHistory } from './histories';
import { encodeVerdicts, type SweepJob } from './parallel-sweep';

parentPort?.on('message', ({ id, job }: { id: number; job: SweepJob }) => {
  try {
    const { year, pack, packed } = job;
    const { personIds, byId } = buildHistories(packed, year, 'even');
    const state = new Sweep(year, pack, false);
    const judged: Array<[string, Verdict[]]> = [];
    for (let n = 2; n <= personIds.length; n += 2) {
      const pid = personIds[n - 1]!;
      const history = byId.get(pid) ?? emptyHistory();
      judged.push([pid, state.person({ subject: { kind: 'individual', id: pid }, history })]);
    }
    const members = judged.map(([pid]) => state.members.get(pid)!);
    const result = encodeVerdicts(year, pack.id, judged, members);
    parentPort!.postMessage({ id, ok: true, result });
  } catch (err) {
    parentPort!.postMessage({
      id,
      ok: false,
      error: err instanceof Error ? (err.stack ?? err.message) : String(err),
    });
  }
});
