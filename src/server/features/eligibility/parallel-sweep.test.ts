/**
 * The two-thread sweep (decision 046) must give exactly the verdicts of the one-thread sweep: same
 * verdicts, same order, same explanations, whether a person was judged on the main thread or the worker.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, engine, type TestApp } from '../../testing/harness';
import { systemActor } from '../../platform/actor';
import { sweep } from '../../../domain/eligibility/sweep';
import { createEligibilityService } from './eligibility.service';
import { decodeVerdicts, encodeVerdicts, workerJobsAnswered } from './parallel-sweep';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await t.seed({ registry: true });
}, 120_000);
afterAll(async () => t?.close());

const viewer = { actor: systemActor(null, 'test'), scope: 'any' as const };
const text = (x: unknown) => JSON.stringify(x);

describe(`two-thread eligibility sweep (${engine})`, () => {
  it('judges half the people on a worker thread and gives the one-thread verdicts, in order', async () => {
    const service = createEligibilityService(t.database, { parallelMinText: 0 });
    for (const year of [2019, 2020]) {
      const scope = await service.resolveScope(viewer, { year });
      if (!scope.ok) throw new Error(scope.error.message);
      const l = await service.load(scope.value, year);
      expect(l.sweepPeople.length).toBeGreaterThan(300);
      const input = { year, pack: l.pack, people: l.sweepPeople, collectives: l.collectives.list };
      const one = sweep({ ...input, explain: false });
      const before = workerJobsAnswered();
      const two = await service.run(scope.value, year, false);
      expect(workerJobsAnswered()).toBe(before + 1);
      expect(two.verdicts.length).toBe(one.verdicts.length);
      expect(text(two.verdicts)).toBe(text(one.verdicts));
      expect(two.verdicts.filter((v) => v.status === 'eligible').length).toBeGreaterThan(100);

      // Explanations of a page's rows, people from both threads and collectives among them.
      const ids = new Set([
        ...l.sweepPeople.slice(0, 30).map((p) => p.subject.id),
        ...l.collectives.list.slice(0, 4).map((c) => c.subject.id),
      ]);
      const explained = sweep({ ...input, explain: true }).verdicts.filter((v) => ids.has(v.subject.id));
      expect(text(two.explained(ids))).toBe(text(explained));
    }
  });

  it('keeps small sweeps on one thread', async () => {
    const service = createEligibilityService(t.database);
    const scope = await service.resolveScope(viewer, { year: 2020 });
    if (!scope.ok) throw new Error(scope.error.message);
    const before = workerJobsAnswered();
    const r = await service.run(scope.value, 2020, false);
    expect(r.verdicts.length).toBeGreaterThan(0);
    expect(workerJobsAnswered()).toBe(before);
  });

  it('encodes verdicts compactly and decodes them unchanged', async () => {
    const service = createEligibilityService(t.database);
    const scope = await service.resolveScope(viewer, { year: 2020 });
    if (!scope.ok) throw new Error(scope.error.message);
    const l = await service.load(scope.value, 2020);
    const { verdicts } = sweep({
      year: 2020,
      pack: l.pack,
      people: l.sweepPeople,
      collectives: [],
      explain: false,
    });
    const byPerson = new Map<string, typeof verdicts>();
    for (const v of verdicts) byPerson.set(v.subject.id, [...(byPerson.get(v.subject.id) ?? []), v]);
    const encoded = structuredClone(encodeVerdicts(2020, l.pack.id, [...byPerson]));
    // Shared lists of checks are sent once: far fewer than the verdicts.
    expect(encoded.groups.length).toBeLessThan(verdicts.length / 10);
    expect(encoded.initiatives.length).toBe(verdicts.filter((v) => v.initiativeIds.length).length);
    const subjects = new Map(l.sweepPeople.map((p) => [p.subject.id, p.subject]));
    const decoded = decodeVerdicts(encoded, (id) => subjects.get(id)!);
    expect(text([...decoded.values()].flat())).toBe(text(verdicts));
  });
});
