/**
 * A nominee's flags (issue 6 item 2): facts the eligibility verdict does not carry but an officer must see
 * before the dossier goes on — the same title or form already awarded for the same period, the same
 * nomination pending in another dossier anywhere in the system, an initiative already used by another
 * award (an initiative is the basis of one award only: Luật TĐKT 2022 art. 23 as read in decision 030),
 * discipline in force, and a quota used beyond what is allowed. Pure: the service gathers the facts.
 */
import {
  AWARD_CODES,
  DISCIPLINE_LEVEL_LABELS,
  type AwardCode,
  type DisciplineLevel,
} from '../../shared/registry/catalog';

export type FlagCode =
  'already_awarded' | 'pending_elsewhere' | 'initiative_used' | 'discipline' | 'quota_over';

export interface Flag {
  code: FlagCode;
  message: string;
}

export interface CheckFacts {
  awardCode: AwardCode;
  /** The achievement year (the last year of the period). */
  year: number;
  /** Award history of the same recipient (any title). Revoked awards do not count. */
  awards: readonly { awardCode: string; year: number; decisionNumber: string; revoked?: boolean }[];
  /** The same recipient, title and year in other dossiers that are pending (submitted and not ended). */
  pendingElsewhere: readonly { dossierCode: string; unitName: string }[];
  /** The initiative the nomination rests on, if any. */
  initiative?: { code: string; title: string; usedByAward: boolean } | null;
  /** Discipline records of the person (empty for collectives and households). */
  disciplines: readonly { level: string; decisionNumber: string; fromDate: string; toDate: string | null }[];
  /** Quota of this title for the proposing side, counting this dossier's nominees. */
  quota?: { used: number; allowed: number; detail: string } | null;
}

/** A discipline is in force for the year when its period overlaps it (an open period runs on). */
function overlapsYear(d: { fromDate: string; toDate: string | null }, year: number): boolean {
  return d.fromDate <= `${year}-12-31` && (d.toDate === null || d.toDate >= `${year}-01-01`);
}

export function nomineeFlags(f: CheckFacts): Flag[] {
  const flags: Flag[] = [];
  const label = AWARD_CODES[f.awardCode].label;
  const same = f.awards.filter((a) => !a.revoked && a.awardCode === f.awardCode && a.year === f.year);
  if (same.length)
    flags.push({
      code: 'already_awarded',
      message: `Đã được tặng ${label} năm ${f.year} (Quyết định số ${same.map((a) => a.decisionNumber).join(', ')})`,
    });
  if (f.pendingElsewhere.length)
    flags.push({
      code: 'pending_elsewhere',
      message: `Đang được đề nghị ${label} năm ${f.year} trong hồ sơ khác: ${f.pendingElsewhere
        .map((p) => `${p.dossierCode} (${p.unitName})`)
        .join(', ')}`,
    });
  if (f.initiative?.usedByAward)
    flags.push({
      code: 'initiative_used',
      message: `Sáng kiến, đề tài ${f.initiative.code} "${f.initiative.title}" đã được dùng làm căn cứ cho một khen thưởng khác`,
    });
  const inForce = f.disciplines.filter((d) => overlapsYear(d, f.year));
  if (inForce.length)
    flags.push({
      code: 'discipline',
      message: `Đang trong thời gian thi hành kỷ luật năm ${f.year}: ${inForce
        .map(
          (d) =>
            `${DISCIPLINE_LEVEL_LABELS[d.level as DisciplineLevel]?.toLowerCase() ?? d.level} (${d.decisionNumber})`,
        )
        .join(', ')}`,
    });
  if (f.quota && f.quota.used > f.quota.allowed)
    flags.push({
      code: 'quota_over',
      message: `Vượt tỷ lệ cho phép đối với ${label}: ${f.quota.detail}`,
    });
  return flags;
}
