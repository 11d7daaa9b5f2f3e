/**
 * The people list and search, served from memory (decision 044).
 *
 * A search over 100 000 people in PostgreSQL costs a trigram-index probe, a sort-order walk or a count, and
 * the planner guesses wrong both ways (it walks the name order for a rare name and counts a common one
 * sequentially). Twenty officers typing at once need every answer in tens of milliseconds, so this process
 * keeps one copy of what the list shows — every person's summary columns, their folded search text, in
 * Vietnamese order — with a posting list for each two- and three-character piece of the search texts.
 *
 * Freshness: the copy carries the change stamps of `people` and `units` it was read with (one snapshot).
 * Every list request first reads the current stamps (one primary-key read, which also folds the query with
 * the database's own `vd_fold`, so matching is exactly the SQL's); a different stamp means some transaction
 * committed a change, and the copy is read again before answering. A write is therefore visible to the next
 * list request of any process, as with the SQL it replaces. The stamps are set as the writing transaction
 * commits (decision 048), so a long import does not make other writers of people wait for it.
 *
 * Matching is the SQL's `search_text like '%' || vd_fold(q) || '%'`: the folded query must be a substring of
 * the folded name + ' ' + lower-case code. Candidates come from the posting list of the query's rarest
 * three-character piece (its two characters for a two-character query; every person for one character) and are checked with `includes`, in list
 * order, so the first page is found without sorting and a count can stop at the cap.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database';

/** What the list shows of a person (see `toSummary` in people.service.ts). */
export interface ListedPerson {
  id: string;
  code: string;
  fullName: string;
  sex: string;
  dateOfBirth: string | null;
  ethnicity: string | null;
  personalIdNumber: string | null;
  position: string | null;
  isLeader: boolean;
  isDemo: boolean;
  currentUnitId: string | null;
  unitName: string | null;
  version: number;
}

export interface SearchFilter {
  /** The query folded by the database (`vd_fold`), trimmed; empty for no text filter. */
  folded: string;
  /** Only people whose current unit is in this set (unit filter and unit scoping, already intersected). */
  unitIds?: ReadonlySet<string> | undefined;
  isLeader?: boolean | undefined;
  sex?: string | undefined;
}

export interface SearchPage {
  rows: ListedPerson[];
  /** Matches counted, up to `countCap + 1` when a cap is given. */
  counted: number;
}

/** Pieces indexed: every two- and three-character substring of the search texts. */
const GRAM = 3;
const MIN_GRAM = 2;

/**
 * How far a text search is counted: nobody pages past the first thousand "nguyen", and the list says
 * "more than 1 000" instead (decision 043).
 */
export const SEARCH_COUNT_CAP = 1000;

export interface ListPage {
  rows: ListedPerson[];
  total: number;
  /** The search matched more than the cap: `total` is a lower bound. */
  totalIsLowerBound: boolean;
}

/** One snapshot of the people list, with its trigram postings. Pure: built from rows, queried in memory. */
export class PeopleSnapshot {
  readonly size: number;
  private readonly postings = new Map<string, Int32Array>();

  constructor(
    /** Stamps of `people` and `units` the rows were read with. */
    readonly stamp: string,
    /** In list order: Vietnamese sort key (bytewise), then id. */
    private readonly people: ListedPerson[],
    private readonly texts: string[],
  ) {
    this.size = people.length;
    const lists = new Map<string, number[]>();
    for (let i = 0; i < texts.length; i++) {
      const t = texts[i]!;
      for (let size = MIN_GRAM; size <= GRAM; size++) {
        for (let j = 0; j + size <= t.length; j++) {
          const g = t.slice(j, j + size);
          let list = lists.get(g);
          if (!list) lists.set(g, (list = []));
          // Positions are added in increasing order; a text repeating a piece adds it once.
          if (list[list.length - 1] !== i) list.push(i);
        }
      }
    }
    for (const [g, list] of lists) this.postings.set(g, Int32Array.from(list));
  }

  /**
   * The rows of one page (`offset`, `limit`) among the matches in list order, and how many matched —
   * counting stops once `countCap + 1` are seen when a cap is given.
   */
  search(f: SearchFilter, offset: number, limit: number, countCap?: number): SearchPage {
    const q = f.folded;
    const stopAt = countCap === undefined ? Infinity : countCap + 1;
    const rows: ListedPerson[] = [];
    let counted = 0;
    const accept = (i: number): boolean => {
      const p = this.people[i]!;
      if (f.unitIds && (p.currentUnitId === null || !f.unitIds.has(p.currentUnitId))) return false;
      if (f.isLeader !== undefined && p.isLeader !== f.isLeader) return false;
      if (f.sex && p.sex !== f.sex) return false;
      return q === '' || this.texts[i]!.includes(q);
    };
    const take = (i: number) => {
      if (counted >= offset && rows.length < limit) rows.push(this.people[i]!);
      counted++;
    };
    if (q.length >= MIN_GRAM) {
      const candidates = this.rarestPosting(q);
      if (candidates)
        for (let k = 0; k < candidates.length && counted < stopAt; k++) {
          const i = candidates[k]!;
          if (accept(i)) take(i);
        }
    } else {
      for (let i = 0; i < this.size && counted < stopAt; i++) if (accept(i)) take(i);
    }
    return { rows, counted };
  }

  /** The shortest posting list among the query's pieces; null when one has none (nothing can match). */
  private rarestPosting(q: string): Int32Array | null {
    const size = Math.min(GRAM, q.length);
    let best: Int32Array | null = null;
    for (let j = 0; j + size <= q.length; j++) {
      const list = this.postings.get(q.slice(j, j + size));
      if (!list) return null;
      if (!best || list.length < best.length) best = list;
    }
    return best;
  }
}

interface Stamps {
  stamp: string;
  folded: string;
}

/** The stamps of `people` and `units` as one string (migrations 0011 and 0012, decisions 044 and 048). */
const STAMPS = sql`(select p.stamp::text || '/' || u.stamp::text
  from vd_cache.change_stamps p, vd_cache.change_stamps u where p.name = 'people' and u.name = 'units')`;

/** Keeps one `PeopleSnapshot` per process current with the database (see the file comment). */
export function createPeopleSearchIndex(database: Database) {
  let snapshot: PeopleSnapshot | null = null;
  let loading: Promise<PeopleSnapshot> | null = null;

  /** The stamps now, and the query folded as the SQL folds it, in one round trip. */
  async function stampsAndFold(q: string): Promise<Stamps> {
    const rows = await database.rows<{ stamp: string | null; folded: string | null }>(
      sql`select ${STAMPS} as stamp, vd_fold(${q}) as folded`,
    );
    const stamp = rows[0]?.stamp;
    if (!stamp) throw new Error('vd_cache.change_stamps has no rows for people and units (migration 0011)');
    return { stamp, folded: rows[0]?.folded ?? '' };
  }

  async function load(): Promise<PeopleSnapshot> {
    // One snapshot for the stamps and the rows: the stamps say exactly which commits the rows include.
    return database.db.transaction(
      async (tx) => {
        const stampRows = (await tx.execute(sql`select ${STAMPS} as stamp`)) as unknown as {
          rows: { stamp: string }[];
        };
        const result = (await tx.execute(sql`
          select p.id, p.code, p.full_name, p.sex, p.date_of_birth::text as date_of_birth, p.ethnicity,
                 p.personal_id_number, p.position, p.is_leader, p.is_demo, p.current_unit_id,
                 u.name as unit_name, p.version, p.search_text
          from people p left join units u on u.id = p.current_unit_id
          order by p.sort_key collate "C", p.id`)) as unknown as { rows: RawRow[] };
        const people: ListedPerson[] = new Array(result.rows.length);
        const texts: string[] = new Array(result.rows.length);
        result.rows.forEach((r, i) => {
          people[i] = {
            id: r.id,
            code: r.code,
            fullName: r.full_name,
            sex: r.sex,
            dateOfBirth: r.date_of_birth,
            ethnicity: r.ethnicity,
            personalIdNumber: r.personal_id_number,
            position: r.position,
            isLeader: r.is_leader,
            isDemo: r.is_demo,
            currentUnitId: r.current_unit_id,
            unitName: r.unit_name,
            version: Number(r.version),
          };
          texts[i] = r.search_text;
        });
        return new PeopleSnapshot(stampRows.rows[0]?.stamp ?? '', people, texts);
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
  }

  /** A snapshot at least as new as `stamp` (one load at a time; concurrent callers share it). */
  async function snapshotFor(stamp: string): Promise<PeopleSnapshot> {
    for (;;) {
      if (snapshot && snapshot.stamp === stamp) return snapshot;
      if (!loading) {
        loading = load().finally(() => {
          loading = null;
        });
        const loaded = await loading;
        snapshot = loaded;
        // Loaded after the stamp was read: at least as new, whatever its stamp says.
        return loaded;
      }
      const shared = await loading;
      // A load started before this request read its stamp may be older than it: only trust a matching one.
      if (shared.stamp === stamp) return shared;
    }
  }

  /** Folds `q` with the database and returns a snapshot that includes every change committed so far. */
  async function current(q: string): Promise<{ snapshot: PeopleSnapshot; folded: string }> {
    const { stamp, folded } = await stampsAndFold(q);
    return { snapshot: await snapshotFor(stamp), folded: folded.trim() };
  }

  return {
    /**
     * One page of the list: a text search is counted up to `countCap` (past it, the total is at least the
     * rows the requested page reaches, so the last page shown stays reachable); a list without text is
     * counted exactly.
     */
    async page(
      filter: Omit<SearchFilter, 'folded'> & { q?: string | undefined },
      page: number,
      pageSize: number,
      countCap = SEARCH_COUNT_CAP,
    ): Promise<ListPage> {
      const { snapshot: snap, folded } = await current(filter.q?.trim() ?? '');
      const capped = folded !== '';
      const offset = (page - 1) * pageSize;
      const { rows, counted } = snap.search(
        { ...filter, folded },
        offset,
        pageSize,
        capped ? Math.max(countCap, offset + pageSize) : undefined,
      );
      const lowerBound = capped && counted > countCap;
      return {
        rows,
        total: lowerBound ? Math.max(countCap, offset + rows.length) : counted,
        totalIsLowerBound: lowerBound,
      };
    },
    current,
  };
}

export type PeopleSearchIndex = ReturnType<typeof createPeopleSearchIndex>;

interface RawRow {
  id: string;
  code: string;
  full_name: string;
  sex: string;
  date_of_birth: string | null;
  ethnicity: string | null;
  personal_id_number: string | null;
  position: string | null;
  is_leader: boolean;
  is_demo: boolean;
  current_unit_id: string | null;
  unit_name: string | null;
  version: number | string;
  search_text: string;
}
