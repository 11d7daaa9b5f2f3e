/**
 * SQL fragments several repositories share: the unit subtree (unit scoping, "with sub-units" filters) and
 * diacritic-insensitive "contains" matching with LIKE metacharacters taken literally.
 */
import { sql, type SQL } from 'drizzle-orm';

/** `(select id …)`: the unit and every unit under it. */
export const unitSubtree = (rootId: string): SQL => sql`(
  with recursive sub(id) as (
    select id from units where id = ${rootId}
    union all
    select u.id from units u join sub on u.parent_id = sub.id
  )
  select id from sub)`;

/** Escape LIKE metacharacters so that a search string matches literally. */
export const likeEscape = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** `column` (already folded, e.g. people.search_text) contains the folded search string. */
export const foldedContains = (column: SQL | unknown, q: string): SQL =>
  sql`${column} like '%' || vd_fold(${likeEscape(q)}) || '%'`;

/** vd_fold(column) contains the folded search string. */
export const foldContains = (column: SQL | unknown, q: string): SQL =>
  sql`vd_fold(${column}) like '%' || vd_fold(${likeEscape(q)}) || '%'`;
