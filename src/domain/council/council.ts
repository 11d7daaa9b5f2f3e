/**
 * Council votes as pure rules (law.md "Council votes"): the threshold a title needs, the quorum of a
 * session, and the tally of a secret ballot. Thresholds are shares of the council's TOTAL membership, not
 * of those present (Nghị định 91/2017 art. 45(8); Nghị định 98/2023 art. 30(7)): with 7 members and 80 %,
 * 6 "yes" votes are needed even when only 6 members attend.
 */
import type { Citation, RulePack } from '../rules/types';

export type BallotChoice = 'yes' | 'no' | 'abstain';
export const BALLOT_CHOICES: readonly BallotChoice[] = ['yes', 'no', 'abstain'];

export interface VoteRequirement {
  /** Share of total membership a "yes" must reach (≥), or null: more than half of the total membership. */
  share: number | null;
  citation: Citation;
}

/**
 * Titles the pack does not list need no specific threshold. VinhDanh then asks for more than half of the
 * total membership — the ordinary majority of a collegial body — and records that choice as its citation
 * (decision 035), so the minutes say where the number came from.
 */
export const MAJORITY_CITATION: Citation = {
  instrument: 'Quy chế hoạt động của Hội đồng Thi đua – Khen thưởng',
  note: 'Danh hiệu, hình thức không có ngưỡng riêng trong văn bản: quá nửa tổng số thành viên Hội đồng (mặc định VinhDanh, quyết định 035; có thể cấu hình).',
  verified: false,
};

/** The threshold for an award code from the pack of the nominee's achievement year. */
export function voteRequirement(pack: RulePack, awardCode: string): VoteRequirement {
  const rule = pack.votes.find((v) => (v.awardCodes as readonly string[]).includes(awardCode));
  return rule
    ? { share: rule.minShareOfMembers, citation: rule.citation }
    : { share: null, citation: MAJORITY_CITATION };
}

/**
 * "Yes" votes needed out of `membersTotal`. A share is a floor (≥ share × total, rounded up, with a small
 * epsilon so 0.8 × 10 = 8 stays 8); null means strictly more than half.
 */
export function requiredYes(membersTotal: number, share: number | null): number {
  if (!Number.isInteger(membersTotal) || membersTotal < 0) throw new RangeError(`members: ${membersTotal}`);
  if (share === null) return Math.floor(membersTotal / 2) + 1;
  return Math.max(1, Math.ceil(share * membersTotal - 1e-9));
}

export interface Tally {
  yes: number;
  no: number;
  abstain: number;
  /** yes ÷ total membership. */
  shareOfMembers: number;
  required: number;
  result: 'passed' | 'failed';
}

export function tally(
  votes: { yes: number; no: number; abstain: number },
  membersTotal: number,
  share: number | null,
): Tally {
  const required = requiredYes(membersTotal, share);
  return {
    ...votes,
    shareOfMembers: membersTotal > 0 ? votes.yes / membersTotal : 0,
    required,
    result: membersTotal > 0 && votes.yes >= required ? 'passed' : 'failed',
  };
}

/** Counts ballots by choice. */
export function countChoices(choices: readonly BallotChoice[]) {
  const c = { yes: 0, no: 0, abstain: 0 };
  for (const x of choices) c[x]++;
  return c;
}

export interface QuorumRule {
  /** Share of total membership that must attend (present, or absent with a written opinion if counted). */
  minShare: number;
  /** Whether absent members who vote in writing count toward the quorum. */
  countWritten: boolean;
  citation: Citation;
}

/**
 * Default: a session is valid with at least 2/3 of the members present or voting in writing — the example
 * of a provincial council's rules in law.md ("≥ 2/3 of members for a valid session"). Not national law:
 * configurable per council.
 */
export const DEFAULT_QUORUM: QuorumRule = {
  minShare: 2 / 3,
  countWritten: true,
  citation: {
    instrument: 'Quy chế hoạt động của Hội đồng Thi đua – Khen thưởng tỉnh (ví dụ của một tỉnh)',
    note: 'Phiên họp hợp lệ khi có ít nhất 2/3 tổng số thành viên tham dự hoặc có ý kiến bằng văn bản; thực tiễn địa phương, có thể cấu hình (law.md).',
    verified: false,
  },
};

/**
 * A council's own quorum rule, stored as an exact fraction (e.g. 4/5 present for award sessions, written
 * opinions not counted). The default fraction keeps the default rule and its citation.
 */
export function councilQuorum(numerator: number, denominator: number, countWritten: boolean): QuorumRule {
  if (numerator * 3 === denominator * 2 && countWritten) return DEFAULT_QUORUM;
  return {
    minShare: numerator / denominator,
    countWritten,
    citation: {
      instrument: 'Quy chế hoạt động của Hội đồng Thi đua – Khen thưởng',
      note: `Hội đồng tự quy định: ít nhất ${numerator}/${denominator} tổng số thành viên ${
        countWritten ? 'có mặt hoặc có ý kiến bằng văn bản' : 'có mặt'
      }.`,
      verified: false,
    },
  };
}

export interface Attendance {
  membersTotal: number;
  present: number;
  absentWritten: number;
}

export function checkQuorum(a: Attendance, rule: QuorumRule = DEFAULT_QUORUM) {
  const counted = a.present + (rule.countWritten ? a.absentWritten : 0);
  const required = a.membersTotal > 0 ? Math.ceil(rule.minShare * a.membersTotal - 1e-9) : 1;
  return { ok: a.membersTotal > 0 && counted >= required, counted, required, citation: rule.citation };
}

/** "Điều 45, khoản 8, Nghị định 91/2017/NĐ-CP" — how a citation reads in minutes and tables. */
export function citationText(c: Citation): string {
  const parts = [c.point, c.clause, c.article, c.instrument].filter(Boolean);
  return parts.join(' ');
}

/** "80%", "90%", "quá 1/2" — a threshold as people read it. */
export function thresholdLabel(share: number | null): string {
  if (share === null) return 'quá 1/2';
  const pct = Math.round(share * 10000) / 100;
  return `${String(pct).replace('.', ',')}%`;
}
