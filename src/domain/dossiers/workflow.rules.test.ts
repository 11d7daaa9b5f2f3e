import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DOSSIER_ACTIONS,
  DOSSIER_STATUSES,
  DOSSIER_TRANSITIONS,
  actionsFrom,
  dossierTransition,
  requiredAttachments,
  type DossierAction,
  type DossierActor,
  type DossierFacts,
  type DossierStatus,
} from './workflow';

/** Facts under which every guard passes. */
const good: DossierFacts = {
  nominees: 2,
  attachmentKinds: ['submission_letter', 'achievement_report'],
  requiredKinds: ['submission_letter', 'achievement_report'],
  unchecked: 0,
  unresolved: 0,
  disclosureClosed: true,
  unhandledComments: 0,
  allVoted: true,
  passed: 1,
  inIssuedDecision: true,
};

const run = (
  status: DossierStatus,
  action: DossierAction,
  by: DossierActor,
  facts: Partial<DossierFacts> = {},
  extra: { reason?: string | null; transmittal?: string | null } = {},
) =>
  dossierTransition({
    status,
    action,
    by,
    reason: 'reason' in extra ? extra.reason : 'Lý do',
    transmittal: 'transmittal' in extra ? extra.transmittal : 'Tờ trình số 12/TTr-SNN',
    facts: { ...good, ...facts },
  });

describe('dossier state machine: every allowed transition', () => {
  const rows: [DossierStatus, DossierAction, DossierActor, DossierStatus][] = [
    ['draft', 'edit', 'unit', 'draft'],
    ['returned', 'edit', 'unit', 'returned'],
    ['draft', 'submit', 'unit', 'submitted'],
    ['returned', 'submit', 'unit', 'submitted'],
    ['submitted', 'receive', 'department', 'received'],
    ['received', 'start_review', 'department', 'under_review'],
    ['submitted', 'return', 'department', 'returned'],
    ['received', 'return', 'department', 'returned'],
    ['under_review', 'return', 'department', 'returned'],
    ['received', 'reject', 'department', 'rejected'],
    ['under_review', 'reject', 'department', 'rejected'],
    ['disclosed', 'reject', 'department', 'rejected'],
    ['in_council', 'reject', 'department', 'rejected'],
    ['under_review', 'disclose', 'department', 'disclosed'],
    ['disclosed', 'open_council', 'department', 'in_council'],
    ['in_council', 'approve', 'department', 'approved'],
    ['approved', 'forward', 'department', 'forwarded'],
    ['approved', 'decide', 'department', 'decided'],
  ];
  it.each(rows)('%s —%s (%s)→ %s', (from, action, by, to) => {
    expect(run(from, action, by)).toEqual({ ok: true, to });
  });

  it('the table above is the whole machine: every other (status, action) pair is refused', () => {
    const allowed = new Set(rows.map(([s, a]) => `${s}|${a}`));
    for (const s of DOSSIER_STATUSES)
      for (const a of DOSSIER_ACTIONS) {
        const r = run(s, a, DOSSIER_TRANSITIONS[a].by);
        if (allowed.has(`${s}|${a}`)) expect(r.ok).toBe(true);
        else expect(r).toEqual({ ok: false, error: 'DOSSIER.WRONG_STATUS' });
      }
  });
});

describe('dossier state machine: who acts', () => {
  it.each(DOSSIER_ACTIONS.map((a) => [a, DOSSIER_TRANSITIONS[a].by] as const))(
    '%s by the other role is refused (only %s may)',
    (action, by) => {
      const other: DossierActor = by === 'unit' ? 'department' : 'unit';
      const from = DOSSIER_TRANSITIONS[action].from[0]!;
      expect(run(from, action, other)).toEqual({ ok: false, error: 'DOSSIER.NOT_ALLOWED' });
    },
  );

  it('actionsFrom lists the buttons of each role', () => {
    expect(actionsFrom('draft', 'unit')).toEqual(['edit', 'submit']);
    expect(actionsFrom('draft', 'department')).toEqual([]);
    expect(actionsFrom('submitted', 'department')).toEqual(['receive', 'return']);
    expect(actionsFrom('received', 'department')).toEqual(['start_review', 'return', 'reject']);
    expect(actionsFrom('under_review', 'department')).toEqual(['return', 'reject', 'disclose']);
    expect(actionsFrom('approved', 'department')).toEqual(['forward', 'decide']);
    for (const s of ['decided', 'rejected', 'forwarded'] as const) {
      expect(actionsFrom(s, 'unit')).toEqual([]);
      expect(actionsFrom(s, 'department')).toEqual([]);
    }
  });
});

describe('dossier state machine: guards', () => {
  it.each([
    ['return', 'submitted'],
    ['return', 'under_review'],
    ['reject', 'received'],
    ['reject', 'in_council'],
  ] as const)('%s from %s needs a reason (blank or spaces refused)', (action, from) => {
    for (const reason of [null, '', '   '])
      expect(run(from, action, 'department', {}, { reason })).toEqual({
        ok: false,
        error: 'DOSSIER.REASON_REQUIRED',
      });
  });

  it.each<[string, DossierStatus, DossierAction, Partial<DossierFacts>, string]>([
    ['submit without nominees', 'draft', 'submit', { nominees: 0 }, 'DOSSIER.EMPTY'],
    [
      'submit without the achievement report',
      'draft',
      'submit',
      { attachmentKinds: ['submission_letter'] },
      'DOSSIER.MISSING_ATTACHMENTS',
    ],
    ['disclose without nominees', 'under_review', 'disclose', { nominees: 0 }, 'DOSSIER.EMPTY'],
    [
      'disclose with unchecked nominees',
      'under_review',
      'disclose',
      { unchecked: 1 },
      'DOSSIER.UNCHECKED_NOMINEES',
    ],
    [
      'disclose with unresolved nominees',
      'under_review',
      'disclose',
      { unresolved: 1 },
      'DOSSIER.UNRESOLVED_NOMINEES',
    ],
    [
      'council while disclosure open',
      'disclosed',
      'open_council',
      { disclosureClosed: false },
      'DOSSIER.DISCLOSURE_OPEN',
    ],
    [
      'council with unhandled comments',
      'disclosed',
      'open_council',
      { unhandledComments: 2 },
      'DOSSIER.COMMENTS_UNHANDLED',
    ],
    ['approve before every vote', 'in_council', 'approve', { allVoted: false }, 'DOSSIER.NOT_VOTED'],
    ['approve with nobody passed', 'in_council', 'approve', { passed: 0 }, 'DOSSIER.NONE_PASSED'],
    [
      'decide without an issued decision',
      'approved',
      'decide',
      { inIssuedDecision: false },
      'DOSSIER.NOT_IN_DECISION',
    ],
  ])('%s is refused', (_name, from, action, facts, error) => {
    const by = DOSSIER_TRANSITIONS[action].by;
    expect(run(from, action, by, facts)).toMatchObject({ ok: false, error });
  });

  it('names the missing attachment kinds', () => {
    expect(run('draft', 'submit', 'unit', { attachmentKinds: [] })).toEqual({
      ok: false,
      error: 'DOSSIER.MISSING_ATTACHMENTS',
      detail: 'submission_letter,achievement_report',
    });
  });

  it('forward needs a transmittal text', () => {
    for (const transmittal of ['', '  '])
      expect(run('approved', 'forward', 'department', {}, { transmittal })).toEqual({
        ok: false,
        error: 'DOSSIER.TRANSMITTAL_REQUIRED',
      });
  });

  it('the role is checked before the status, the status before the reason', () => {
    expect(run('decided', 'return', 'unit', {}, { reason: '' }).ok === false).toBe(true);
    expect(run('decided', 'return', 'unit', {}, { reason: '' })).toMatchObject({
      error: 'DOSSIER.NOT_ALLOWED',
    });
    expect(run('draft', 'return', 'department', {}, { reason: '' })).toMatchObject({
      error: 'DOSSIER.WRONG_STATUS',
    });
  });
});

describe('required attachments (NĐ 98/2023 art. 84)', () => {
  it.each<[string[], string[]]>([
    [['LDTT'], ['submission_letter']],
    [['TTLDTT', 'LDTT'], ['submission_letter']],
    [['CSTDCS'], ['submission_letter', 'achievement_report']],
    [
      ['LDTT', 'BK_TINH'],
      ['submission_letter', 'achievement_report'],
    ],
    [[], ['submission_letter']],
  ])('%j → %j', (codes, kinds) => {
    expect(requiredAttachments(codes)).toEqual(kinds);
  });
});

describe('property: no path leaves a final status, and every ok result lands in a known status', () => {
  it('random walks', () => {
    const actors: DossierActor[] = ['unit', 'department'];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...DOSSIER_ACTIONS), fc.constantFrom(...actors)), {
          maxLength: 30,
        }),
        (steps) => {
          let s: DossierStatus = 'draft';
          for (const [a, by] of steps) {
            const r = run(s, a, by);
            if (['decided', 'rejected', 'forwarded'].includes(s)) expect(r.ok).toBe(false);
            if (r.ok) {
              expect(DOSSIER_STATUSES).toContain(r.to);
              expect(DOSSIER_TRANSITIONS[a].by).toBe(by);
              s = r.to;
            }
          }
        },
      ),
    );
  });
});
