/**
 * Roles and typed permission strings, shared by the server (which enforces them on every route) and the
 * web app (which uses them only to hide what a user may not do).
 *
 * A permission reads `<action>:<entity>:<access>`: `any` reaches every record, `own` only the records of
 * the user's own unit (and the units under it).
 */
export const ROLES = ['admin', 'officer', 'block_lead', 'unit_officer', 'council_member', 'leader'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { vi: string; en: string }> = {
  admin: { vi: 'Quản trị hệ thống', en: 'System administrator' },
  officer: { vi: 'Cán bộ TĐKT cơ quan', en: 'Emulation officer (department)' },
  block_lead: { vi: 'Khối trưởng / Khối phó', en: 'Block lead / deputy' },
  unit_officer: { vi: 'Cán bộ TĐKT đơn vị', en: 'Unit emulation officer' },
  council_member: { vi: 'Thành viên Hội đồng TĐKT', en: 'Council member' },
  leader: { vi: 'Lãnh đạo', en: 'Leader' },
};

export const PERMISSIONS = [
  'read:unit:any',
  'read:unit:own',
  'write:unit:any',
  'read:user:any',
  'read:user:own',
  'write:user:any',
  'revoke:session:any',
  'read:audit:any',
  'read:person:any',
  'read:person:own',
  'write:person:any',
  'write:person:own',
  /** See personal id numbers unmasked. */
  'read:pii:any',
  'read:block:any',
  'write:block:any',
  'import:registry:any',
  'import:registry:own',
  /** Eligibility verdicts, suggestions and quotas. */
  'read:eligibility:any',
  'read:eligibility:own',
  /** Local rule packs (overrides layered on the national law). */
  'write:rules:any',
  /** The dated base-salary table used for prize money. */
  'write:salary:any',
  /** Movements (phong trào thi đua): read; create and launch; report a unit's results. */
  'read:movement:any',
  'read:movement:own',
  'write:movement:any',
  'report:movement:own',
  /** Title registration (đăng ký thi đua): a unit's own; the department approves, returns, forwards. */
  'read:registration:any',
  'read:registration:own',
  'write:registration:own',
  'decide:registration:any',
  /** Block covenant and scoring: read; self-score the own unit's sheet; lead/deputy edit criteria, cross-check, rank. */
  'read:scoring:any',
  'read:scoring:own',
  'write:scoring:own',
  'lead:scoring:own',
  /** Nomination dossiers: read; a unit drafts and submits its own; the department receives and reviews. */
  'read:dossier:any',
  'read:dossier:own',
  'write:dossier:own',
  'review:dossier:any',
  /** Councils: the officer (secretary) keeps members, sessions, attendance, paper ballots and tallies. */
  'read:council:any',
  'manage:council:any',
  /** A council member votes from the app on the sessions of the councils they sit on. */
  'vote:council:own',
  /** Decisions: read; draft; issue (gives the number and writes the award history). */
  'read:decision:any',
  'write:decision:any',
  'issue:decision:any',
  /** Holidays and make-up days for working-day deadlines. */
  'write:holiday:any',
  /** In-app notifications of the user's unit. */
  'read:notification:own',
  /** Reports, statistics and the dashboard: the department everything, a unit its own subtree. */
  'read:report:any',
  'read:report:own',
  /** Edit the year-end summary's narrative sections and publish it as news. */
  'write:report:any',
  /** Write and publish news items, categories and web links of the public portal. */
  'write:news:any',
  /** The emulation fund's ledger: read; record income and spending. */
  'read:fund:any',
  'write:fund:any',
  /** Certificates: manage templates and print Giấy khen / Bằng khen for issued awards. */
  'print:certificate:any',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: [
    'read:unit:any',
    'write:unit:any',
    'read:user:any',
    'write:user:any',
    'revoke:session:any',
    'read:audit:any',
    'read:person:any',
    'write:person:any',
    'read:pii:any',
    'read:block:any',
    'write:block:any',
    'import:registry:any',
    'read:eligibility:any',
    'write:rules:any',
    'write:salary:any',
    'read:movement:any',
    'write:movement:any',
    'read:registration:any',
    'decide:registration:any',
    'read:scoring:any',
    'read:dossier:any',
    'read:council:any',
    'read:decision:any',
    'write:holiday:any',
    'read:notification:own',
    'read:report:any',
    'write:news:any',
    'read:fund:any',
  ],
  officer: [
    'read:unit:any',
    'read:user:any',
    'read:person:any',
    'write:person:any',
    'read:block:any',
    'write:block:any',
    'import:registry:any',
    'read:eligibility:any',
    'read:movement:any',
    'write:movement:any',
    'read:registration:any',
    'decide:registration:any',
    'read:scoring:any',
    'read:dossier:any',
    'review:dossier:any',
    'read:council:any',
    'manage:council:any',
    'read:decision:any',
    'write:decision:any',
    'issue:decision:any',
    'read:notification:own',
    'read:report:any',
    'write:report:any',
    'write:news:any',
    'read:fund:any',
    'write:fund:any',
    'print:certificate:any',
  ],
  block_lead: [
    'read:unit:any',
    'read:person:own',
    'read:block:any',
    'read:eligibility:own',
    'read:movement:any',
    'report:movement:own',
    'read:registration:own',
    'write:registration:own',
    'read:scoring:any',
    'write:scoring:own',
    'lead:scoring:own',
    'read:dossier:own',
    'write:dossier:own',
    'read:notification:own',
    'read:report:own',
  ],
  unit_officer: [
    'read:unit:own',
    'read:user:own',
    'read:person:own',
    'write:person:own',
    'read:block:any',
    'import:registry:own',
    'read:eligibility:own',
    'read:movement:own',
    'report:movement:own',
    'read:registration:own',
    'write:registration:own',
    'read:scoring:own',
    'write:scoring:own',
    'read:dossier:own',
    'write:dossier:own',
    'read:notification:own',
    'read:report:own',
  ],
  council_member: [
    'read:unit:any',
    'read:person:any',
    'read:block:any',
    'read:eligibility:any',
    'read:movement:any',
    'read:dossier:any',
    'read:council:any',
    'vote:council:own',
    'read:decision:any',
    'read:notification:own',
    'read:report:any',
  ],
  leader: [
    'read:unit:any',
    'read:user:any',
    'read:person:any',
    'read:block:any',
    'read:eligibility:any',
    'read:movement:any',
    'read:registration:any',
    'read:scoring:any',
    'read:dossier:any',
    'read:council:any',
    'read:decision:any',
    'issue:decision:any',
    'read:notification:own',
    'read:report:any',
    'read:fund:any',
  ],
};

export function permissionsOf(role: Role): readonly Permission[] {
  return ROLE_PERMISSIONS[role];
}

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Holds `read:unit:any` or `read:unit:own`, etc. Returns which access the role has, if any. */
export function accessFor(role: Role, action: string, entity: string): 'any' | 'own' | null {
  const perms = ROLE_PERMISSIONS[role] as readonly string[];
  if (perms.includes(`${action}:${entity}:any`)) return 'any';
  if (perms.includes(`${action}:${entity}:own`)) return 'own';
  return null;
}
