/**
 * The registration state machine (đăng ký thi đua): a unit drafts and submits its list of titles; the
 * department approves it or returns it with a reason; a returned list is edited and submitted again; the
 * department forwards approved lists upward. Pure: who acts is a plain role, not a session.
 */
export const REGISTRATION_STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export const REGISTRATION_ACTIONS = ['edit', 'submit', 'approve', 'return', 'forward'] as const;
export type RegistrationAction = (typeof REGISTRATION_ACTIONS)[number];

/** `unit`: the registering unit's officer; `department`: the officer who decides. */
export type RegistrationActor = 'unit' | 'department';

export type TransitionError =
  | 'REGISTRATION.WRONG_STATUS'
  | 'REGISTRATION.NOT_ALLOWED'
  | 'REGISTRATION.REASON_REQUIRED'
  | 'REGISTRATION.EMPTY'
  | 'REGISTRATION.ALREADY_FORWARDED';

interface Rule {
  from: readonly RegistrationStatus[];
  to: RegistrationStatus;
  by: RegistrationActor;
  reason?: true;
}

export const TRANSITIONS: Record<RegistrationAction, Rule> = {
  edit: { from: ['draft', 'returned'], to: 'draft', by: 'unit' },
  submit: { from: ['draft', 'returned'], to: 'submitted', by: 'unit' },
  approve: { from: ['submitted'], to: 'approved', by: 'department' },
  return: { from: ['submitted'], to: 'returned', by: 'department', reason: true },
  forward: { from: ['approved'], to: 'approved', by: 'department' },
};

export interface TransitionInput {
  status: RegistrationStatus;
  action: RegistrationAction;
  by: RegistrationActor;
  reason?: string | null;
  items: number;
  forwarded: boolean;
}

export type TransitionResult = { ok: true; to: RegistrationStatus } | { ok: false; error: TransitionError };

export function transition(input: TransitionInput): TransitionResult {
  const rule = TRANSITIONS[input.action];
  if (rule.by !== input.by) return { ok: false, error: 'REGISTRATION.NOT_ALLOWED' };
  if (!rule.from.includes(input.status)) return { ok: false, error: 'REGISTRATION.WRONG_STATUS' };
  if (rule.reason && !input.reason?.trim()) return { ok: false, error: 'REGISTRATION.REASON_REQUIRED' };
  if (input.action === 'submit' && input.items === 0) return { ok: false, error: 'REGISTRATION.EMPTY' };
  if (input.action === 'forward' && input.forwarded)
    return { ok: false, error: 'REGISTRATION.ALREADY_FORWARDED' };
  // Editing a returned list keeps it returned (the reason stays visible) until it is submitted again.
  const to = input.action === 'edit' ? input.status : rule.to;
  return { ok: true, to };
}
