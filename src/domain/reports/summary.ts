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
  narrative?: NarrativeInput;
}

/**
 * The narrative sections of a year-end summary, in the order of the report's outline (đánh giá chung; ưu
 * điểm; tồn tại, hạn chế và nguyên nhân; bài học kinh nghiệm; phương hướng, nhiệm vụ năm tới; kiến nghị,
 * đề xuất — the outline of the yearly summaries of emulation and commendation, see docs/law-sources.md).
 * `heading` is the heading in the report; `{next}` stands for the next year.
 */
export const NARRATIVE_SECTIONS = [
  { key: 'assessment', label: 'Đánh giá chung', heading: 'ĐÁNH GIÁ CHUNG' },
  { key: 'strengths', label: 'Ưu điểm', heading: 'Ưu điểm' },
  { key: 'weaknesses', label: 'Tồn tại, hạn chế và nguyên nhân', heading: 'Tồn tại, hạn chế và nguyên nhân' },
  { key: 'lessons', label: 'Bài học kinh nghiệm', heading: 'Bài học kinh nghiệm' },
  {
    key: 'nextYearTasks',
    label: 'Phương hướng, nhiệm vụ năm tới',
    heading: 'PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {next}',
  },
  { key: 'proposals', label: 'Kiến nghị, đề xuất', heading: 'KIẾN NGHỊ, ĐỀ XUẤT' },
] as const;
export type NarrativeKey = (typeof NARRATIVE_SECTIONS)[number]['key'];

/** The stored narrative of one version: section texts by key, and who saved it when. */
export interface NarrativeInput {
  sections: Partial<Record<NarrativeKey, string>>;
  version?: number;
  note?: string;
  savedAt?: string | null;
  savedBy?: string | null;
}

export interface NarrativeSection {
  key: NarrativeKey;
  label: string;
  /** The heading as printed (the next year filled in). */
  heading: string;
  /** The text as typed (for the editor). */
  text: string;
  /** The text split into paragraphs (for Word and HTML). */
  paragraphs: string[];
}

export interface Narrative {
  /** 0: nothing saved yet. */
  version: number;
  note: string;
  savedAt: string | null;
  savedBy: string | null;
  sections: NarrativeSection[];
  /** No section has text. */
  empty: boolean;
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
  narrative: Narrative;
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
    narrative: buildNarrative(input.year, input.narrative),
  };
}

/** The narrative of a version as the report shows it (every section, empty ones with no paragraphs). */
export function buildNarrative(year: number, input: NarrativeInput | undefined): Narrative {
  const sections = NARRATIVE_SECTIONS.map((s) => {
    const text = (input?.sections[s.key] ?? '').replace(/\r\n?/g, '\n').trim();
    return {
      key: s.key,
      label: s.label,
      heading: s.heading.replace('{next}', String(year + 1)),
      text,
      paragraphs: paragraphs(text),
    };
  });
  return {
    version: input?.version ?? 0,
    note: input?.note ?? '',
    savedAt: input?.savedAt ?? null,
    savedBy: input?.savedBy ?? null,
    sections,
    empty: sections.every((s) => !s.paragraphs.length),
  };
}

/**
 * The report's outline after the numbers (I. movements, II. awards): III. the assessment with its
 * sub-parts (strengths, weaknesses, lessons) when any has text, IV. next year's tasks, V. proposals —
 * numbered in order, skipping empty parts. Word and HTML draw this.
 */
export function narrativeOutline(
  n: Narrative,
): { heading: string; paragraphs: string[]; sub: { heading: string; paragraphs: string[] }[] }[] {
  const ROMAN = ['III', 'IV', 'V', 'VI'];
  const by = (k: NarrativeKey) => n.sections.find((s) => s.key === k)!;
  const sub = (['strengths', 'weaknesses', 'lessons'] as const)
    .map(by)
    .filter((s) => s.paragraphs.length)
    .map((s, i) => ({ heading: `${i + 1}. ${s.heading}`, paragraphs: s.paragraphs }));
  const parts: { heading: string; paragraphs: string[]; sub: { heading: string; paragraphs: string[] }[] }[] =
    [];
  const assessment = by('assessment');
  if (assessment.paragraphs.length || sub.length)
    parts.push({ heading: assessment.heading, paragraphs: assessment.paragraphs, sub });
  for (const k of ['nextYearTasks', 'proposals'] as const) {
    const s = by(k);
    if (s.paragraphs.length) parts.push({ heading: s.heading, paragraphs: s.paragraphs, sub: [] });
  }
  return parts.map((p, i) => ({ ...p, heading: `${ROMAN[i]}. ${p.heading}` }));
}
