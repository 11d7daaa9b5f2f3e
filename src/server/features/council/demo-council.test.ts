/** The demo's councils: the Sở's for 2020 and 2021, seven fictional members, the hoidong login on both. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, engine, type Session, type TestApp } from '../../testing/harness';

let t: TestApp;
let member: Session;

beforeAll(async () => {
  t = await createTestApp();
  await t.seed({ registry: true });
  member = await t.login('hoidong');
});
afterAll(async () => t?.close());

describe(`demo councils (${engine})`, () => {
  it('the Sở has a council for 2020 and 2021 of seven members, hoidong among them', async () => {
    const list = (await member.request('GET', '/api/councils')).json() as {
      id: string;
      year: number;
      members: number;
      isMember: boolean;
      authorityUnitName: string;
    }[];
    expect(list.map((c) => [c.year, c.members, c.isMember])).toEqual([
      [2021, 7, true],
      [2020, 7, true],
    ]);
    expect(list[0]!.authorityUnitName).toMatch(/^Sở Nông nghiệp/);
    const council = (await member.request('GET', `/api/councils/${list[1]!.id}`)).json();
    expect(council.ballotMode).toBe('secret');
    expect(council.members.filter((m: { username: string | null }) => m.username === 'hoidong')).toHaveLength(
      1,
    );
    expect(council.members[0].councilRole).toBe('chair');
  });
});
