/**
 * The year-end summary (báo cáo tổng kết công tác thi đua, khen thưởng) as a plain model: the movements of
 * the year with their results, the awards counted by track, issuing authority, title or form and recipient
 * kind, and the narrative sections. Renderers (JSON, Word, Excel) only draw it (style.md, habit 10).
 *
 * Counting: an emulation title (danh hiệu) is held once a year, so its line counts recipients (people,
 * collectives, households); a commendation form (hình thức) may be given to the same recipient more than
 * once, so its line counts awards ("lượt"). Both numbers are kept on every line.
 */
import {
  AWARD_CODE_LIST,
  AWARD_CODES,
  AWARD_TRACK_LABELS,
  AWARD_TRACKS,
  RECIPIENT_KIND_LABELS,
  RECIPIENT_KINDS,
  type AwardCode,
  type AwardTrack,
  type RecipientKind,
} from '../../shared/registry/catalog';

/** One group of awards as counted by the data source (revoked awards already left out). */
export interface AwardCountInput {
  track: string;
  issuer: string;
  awardCode: string;
  recipientKind: string;
  /** Award rows. */
  awards: number;
  /** Distinct recipients. */
  recipients: number;
}

export interface MovementInput {
  name: string;
  kind: 'regular' | 'thematic';
  launchingUnit: string;
  /** Per-unit results in the scope. */
  results: { unitName: string; summary: string }[];
  /** Totals over the whole scope (already formatted values), when the scope covers the movement's group. */
  totals: { label: string; value: string }[];
}

export interface SummaryInput {
  year: number;
  scope: { code: string | null; label: string };
  movements: MovementInput[];
  awards: AwardCountInput[];
  narrative?: { assessment?: string; nextYearTasks?: string };
}

export interface AwardLine {
  track: string;
  trackLabel: string;
  issuer: string;
  awardCode: string;
  awardLabel: string;
  awardKind: 'title' | 'form' | 'other';
  recipientKind: string;
  recipientKindLabel: string;
  /** What `count` counts: recipients for a title, awards ("lượt") for a form. */
  countOf: 'recipients' | 'awards';
  count: number;
  recipients: number;
  awards: number;
  /** "4 tập thể", "300 cá nhân", "12 lượt tập thể". */
  text: string;
}

export interface TrackSection {
  track: string;
  label: string;
  lines: AwardLine[];
  totals: { individual: number; collective: number; household: number; awards: number };
}

export interface SummaryReport {
  year: number;
  scope: { code: string | null; label: string };
  title: string;
  empty: boolean;
  movements: MovementInput[];
  tracks: TrackSection[];
  lines: AwardLine[];
  narrative: { assessment: string[]; nextYearTasks: string[] };
}

const KIND_WORD: Record<RecipientKind, string> = {
  individual: 'cá nhân',
  collective: 'tập thể',
  household: 'hộ gia đình',
};

const order = <T extends string>(list: readonly T[], v: string) => {
  const i = list.indexOf(v as T);
  return i < 0 ? list.length : i;
};

const paragraphs = (text: string | undefined) =>
  (text ?? '')
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);

export function summaryTitle(year: number): string {
  return `Tổng kết công tác thi đua, khen thưởng năm ${year}`;
}

export function buildSummaryReport(input: SummaryInput): SummaryReport {
  // Merge repeated keys (a source may split a group): both counts add up.
  const merged = new Map<string, AwardCountInput>();
  for (const a of input.awards) {
    if (a.awards <= 0) continue;
    const key = [a.track, a.issuer, a.awardCode, a.recipientKind].join('\u0000');
    const prev = merged.get(key);
    merged.set(
      key,
      prev
        ? { ...prev, awards: prev.awards + a.awards, recipients: prev.recipients + a.recipients }
        : { ...a },
    );
  }
  const lines: AwardLine[] = [...merged.values()]
    .sort(
      (a, b) =>
        order(AWARD_TRACKS, a.track) - order(AWARD_TRACKS, b.track) ||
        a.track.localeCompare(b.track) ||
        a.issuer.localeCompare(b.issuer, 'vi') ||
        order(AWARD_CODE_LIST, a.awardCode) - order(AWARD_CODE_LIST, b.awardCode) ||
        a.awardCode.localeCompare(b.awardCode) ||
        order(RECIPIENT_KINDS, a.recipientKind) - order(RECIPIENT_KINDS, b.recipientKind),
    )
    .map((a) => {
      const def = AWARD_CODES[a.awardCode as AwardCode] as (typeof AWARD_CODES)[AwardCode] | undefined;
      const awardKind = def?.kind ?? 'other';
      const countOf = awardKind === 'title' ? 'recipients' : 'awards';
      const count = countOf === 'recipients' ? a.recipients : a.awards;
      const word = KIND_WORD[a.recipientKind as RecipientKind] ?? a.recipientKind;
      return {
        track: a.track,
        trackLabel: AWARD_TRACK_LABELS[a.track as AwardTrack] ?? a.track,
        issuer: a.issuer,
        awardCode: a.awardCode,
        awardLabel: def?.label ?? a.awardCode,
        awardKind,
        recipientKind: a.recipientKind,
        recipientKindLabel: RECIPIENT_KIND_LABELS[a.recipientKind as RecipientKind] ?? a.recipientKind,
        countOf,
        count,
        recipients: a.recipients,
        awards: a.awards,
        text: countOf === 'awards' ? `${count} lượt ${word}` : `${count} ${word}`,
      };
    });

  const tracks: TrackSection[] = [];
  for (const line of lines) {
    let section = tracks.find((t) => t.track === line.track);
    if (!section) {
      section = {
        track: line.track,
        label: line.trackLabel,
        lines: [],
        totals: { individual: 0, collective: 0, household: 0, awards: 0 },
      };
      tracks.push(section);
    }
    section.lines.push(line);
    section.totals.awards += line.awards;
    if (line.recipientKind in section.totals && line.recipientKind !== 'awards')
      section.totals[line.recipientKind as RecipientKind] += line.count;
  }

  return {
    year: input.year,
    scope: input.scope,
    title: summaryTitle(input.year),
    empty: lines.length === 0 && input.movements.length === 0,
    movements: input.movements,
    tracks,
    lines,
    narrative: {
      assessment: paragraphs(input.narrative?.assessment),
      nextYearTasks: paragraphs(input.narrative?.nextYearTasks),
    },
  };
}
