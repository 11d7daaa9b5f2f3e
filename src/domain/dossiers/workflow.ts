/**
 * The nomination dossier workflow (hồ sơ đề nghị khen thưởng) as a pure state machine:
 *
 *   draft → submitted → received → under_review → disclosed → in_council → approved → decided
 *
 * with `returned` (to the proposing unit, reason required; it edits and submits again), `rejected` (final,
 * reason required) and `forwarded` (an approved dossier sent upward to a higher authority with a
 * transmittal letter). Who acts is a plain role — `unit` (the proposing unit's officer) or `department`
 * (the authority's emulation officer) — and the guards take plain facts, so every rule is testable here.
 */
export const DOSSIER_STATUSES = [
  'draft',
  'submitted',
  'returned',
  'received',
  'under_review',
  'disclosed',
  'in_council',
  'approved',
  'decided',
  'rejected',
  'forwarded',
] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

export const DOSSIER_ACTIONS = [
  'edit',
  'submit',
  'receive',
  'start_review',
  'return',
  'reject',
  'disclose',
  'open_council',
  'approve',
  'forward',
  'decide',
] as const;
export type DossierAction = (typeof DOSSIER_ACTIONS)[number];

export type DossierActor = 'unit' | 'department';

/** A dossier's track is the award track of the catalogue (long service = `dedication`, years = `seniority`). */
export {
  AWARD_TRACKS as DOSSIER_TRACKS,
  type AwardTrack as DossierTrack,
} from '../../shared/registry/catalog';

export const ATTACHMENT_KINDS = [
  'submission_letter',
  'achievement_report',
  'minutes',
  'initiative_proof',
  'htxsnv_proof',
  'transmittal',
  'other',
] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export type DossierTransitionError =
  | 'DOSSIER.WRONG_STATUS'
  | 'DOSSIER.NOT_ALLOWED'
  | 'DOSSIER.REASON_REQUIRED'
  | 'DOSSIER.EMPTY'
  | 'DOSSIER.MISSING_ATTACHMENTS'
  | 'DOSSIER.UNCHECKED_NOMINEES'
  | 'DOSSIER.UNRESOLVED_NOMINEES'
  | 'DOSSIER.DISCLOSURE_OPEN'
  | 'DOSSIER.COMMENTS_UNHANDLED'
  | 'DOSSIER.NOT_VOTED'
  | 'DOSSIER.NONE_PASSED'
  | 'DOSSIER.TRANSMITTAL_REQUIRED'
  | 'DOSSIER.NOT_IN_DECISION';

interface TransitionRule {
  from: readonly DossierStatus[];
  to: DossierStatus;
  by: DossierActor;
  reason?: true;
}

export const DOSSIER_TRANSITIONS: Record<DossierAction, TransitionRule> = {
  edit: { from: ['draft', 'returned'], to: 'draft', by: 'unit' },
  submit: { from: ['draft', 'returned'], to: 'submitted', by: 'unit' },
  receive: { from: ['submitted'], to: 'received', by: 'department' },
  start_review: { from: ['received'], to: 'under_review', by: 'department' },
  return: { from: ['submitted', 'received', 'under_review'], to: 'returned', by: 'department', reason: true },
  reject: {
    from: ['received', 'under_review', 'disclosed', 'in_council'],
    to: 'rejected',
    by: 'department',
    reason: true,
  },
  disclose: { from: ['under_review'], to: 'disclosed', by: 'department' },
  open_council: { from: ['disclosed'], to: 'in_council', by: 'department' },
  approve: { from: ['in_council'], to: 'approved', by: 'department' },
  forward: { from: ['approved'], to: 'forwarded', by: 'department' },
  decide: { from: ['approved'], to: 'decided', by: 'department' },
};

/** Plain facts the guards read; the service gathers them from the database. */
export interface DossierFacts {
  /** Nominees still in the dossier (not excluded). */
  nominees: number;
  /** Attachment kinds present. */
  attachmentKinds: readonly AttachmentKind[];
  /** Kinds the dossier must carry on submit (see `requiredAttachments`). */
  requiredKinds: readonly AttachmentKind[];
  /** Nominees never checked against the rules (or changed since). */
  unchecked: number;
  /** Nominees with needs_review / ineligible verdicts or flags, neither accepted with a reason nor excluded. */
  unresolved: number;
  /** The disclosure period has ended (today after `closesOn`). */
  disclosureClosed: boolean;
  /** Public comments not yet marked handled. */
  unhandledComments: number;
  /** Every nominee on the agenda has a tally from a closed session. */
  allVoted: boolean;
  /** Nominees that passed the council's vote. */
  passed: number;
  /** The dossier's passed nominees are all in one issued decision. */
  inIssuedDecision: boolean;
}

export interface DossierTransitionInput {
  status: DossierStatus;
  action: DossierAction;
  by: DossierActor;
  reason?: string | null;
  transmittal?: string | null;
  facts: DossierFacts;
}

export type DossierTransitionResult =
  { ok: true; to: DossierStatus } | { ok: false; error: DossierTransitionError; detail?: string };

export function dossierTransition(input: DossierTransitionInput): DossierTransitionResult {
  const rule = DOSSIER_TRANSITIONS[input.action];
  const f = input.facts;
  if (rule.by !== input.by) return { ok: false, error: 'DOSSIER.NOT_ALLOWED' };
  if (!rule.from.includes(input.status)) return { ok: false, error: 'DOSSIER.WRONG_STATUS' };
  if (rule.reason && !input.reason?.trim()) return { ok: false, error: 'DOSSIER.REASON_REQUIRED' };
  switch (input.action) {
    case 'submit': {
      if (f.nominees === 0) return { ok: false, error: 'DOSSIER.EMPTY' };
      const missing = f.requiredKinds.filter((k) => !f.attachmentKinds.includes(k));
      if (missing.length)
        return { ok: false, error: 'DOSSIER.MISSING_ATTACHMENTS', detail: missing.join(',') };
      break;
    }
    case 'disclose':
      if (f.nominees === 0) return { ok: false, error: 'DOSSIER.EMPTY' };
      if (f.unchecked > 0) return { ok: false, error: 'DOSSIER.UNCHECKED_NOMINEES' };
      if (f.unresolved > 0) return { ok: false, error: 'DOSSIER.UNRESOLVED_NOMINEES' };
      break;
    case 'open_council':
      if (!f.disclosureClosed) return { ok: false, error: 'DOSSIER.DISCLOSURE_OPEN' };
      if (f.unhandledComments > 0) return { ok: false, error: 'DOSSIER.COMMENTS_UNHANDLED' };
      break;
    case 'approve':
      if (!f.allVoted) return { ok: false, error: 'DOSSIER.NOT_VOTED' };
      if (f.passed === 0) return { ok: false, error: 'DOSSIER.NONE_PASSED' };
      break;
    case 'forward':
      if (!input.transmittal?.trim()) return { ok: false, error: 'DOSSIER.TRANSMITTAL_REQUIRED' };
      break;
    case 'decide':
      if (!f.inIssuedDecision) return { ok: false, error: 'DOSSIER.NOT_IN_DECISION' };
      break;
    default:
      break;
  }
  // Editing a returned dossier keeps it returned (the reason stays visible) until it is submitted again.
  const to = input.action === 'edit' ? input.status : rule.to;
  return { ok: true, to };
}

/** Actions a role could take from a status (before the fact guards): for buttons and for tests. */
export function actionsFrom(status: DossierStatus, by: DossierActor): DossierAction[] {
  return DOSSIER_ACTIONS.filter((a) => {
    const r = DOSSIER_TRANSITIONS[a];
    return r.by === by && r.from.includes(status);
  });
}

/** Statuses in which the proposing unit may change nominees and files. */
export const EDITABLE_STATUSES: readonly DossierStatus[] = ['draft', 'returned'];

/** Statuses that end the dossier's path here. */
export const FINAL_STATUSES: readonly DossierStatus[] = ['decided', 'rejected', 'forwarded'];

/** A dossier still "pending" for duplicate checks: submitted and not yet ended. */
export const PENDING_STATUSES: readonly DossierStatus[] = [
  'submitted',
  'received',
  'under_review',
  'disclosed',
  'in_council',
  'approved',
];

/**
 * Files a dossier must carry (Nghị định 98/2023 art. 84, 152/2025 — title dossiers: submission letter,
 * achievement reports, council minutes; CSTĐ titles: proof of the initiative/topic or HTXSNV). The council
 * minutes of the proposing unit are required where the proposing unit's own council voted (titles that
 * need a vote), which the caller says.
 */
export function requiredAttachments(awardCodes: readonly string[]): AttachmentKind[] {
  const kinds: AttachmentKind[] = ['submission_letter'];
  const needsReport = awardCodes.some((c) => c !== 'LDTT' && c !== 'TTLDTT');
  if (needsReport) kinds.push('achievement_report');
  return kinds;
}
