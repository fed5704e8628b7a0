import { PLAN_EVERY_TIME } from '@pm/kernel';
import { sql, type RawBuilder } from 'kysely';

/** A search without a sort reads its tasks in two tiers: title matches (1), then description matches (0). */
export type SearchTier = 0 | 1;

/**
 * What a search's tasks match. `@@` lets PostgreSQL look the matches up in the words' GIN indexes,
 * planned for the search's own project and words (kernel PLAN_EVERY_TIME): a generic plan for an
 * average project scanned the 1,000,000-task project's whole index. A search tier in a project is
 * `walked` instead (search-budget.ts): its rows are read in the list's order and only checked, by
 * the same test as a function (ts_match_vq) that no index answers. Offered the title's GIN index,
 * a search across projects read every title with the word and sorted them (1.5 s for one common
 * word against 2 ms); a walk bounded to 2,000 tasks built the word's bitmap of 33,000 titles to
 * skip them (8 ms against 2.5). A walk parses the words once, not for each row, and reads a title's
 * words from the stored `search` (its weight A) instead of parsing the title again: a walk of 900
 * titles took 5.9 ms, 2.2 parsing the words once, 0.5 with the stored words too. A title match
 * also matches the whole task: `-hay or oats` is no match for a title without either word whose
 * description has `hay`. A look-up in a project that holds fewer tasks than the words do (`project`,
 * its id; common-words.ts) also needs the project's own lexeme (migration 0016), so the index reads
 * the project's entry with the words' and starts from the rarest.
 */
export function searchConditions(
  q: string,
  searchTier: SearchTier | undefined,
  walked: boolean,
  rareWords = false,
  project?: RawBuilder<string>,
) {
  const inTitle = sql`ts_filter(t.search, '{a}')`;
  if (walked) {
    const words = sql`(select websearch_to_tsquery('english', ${q}))`;
    const whole = sql<boolean>`ts_match_vq(t.search, ${words})`;
    const title = sql<boolean>`ts_match_vq(${inTitle}, ${words})`;
    if (searchTier === 0) {
      return [whole, sql<boolean>`not ${title}`];
    }
    return searchTier === 1 ? [title, whole] : [whole];
  }
  const words = sql`${sql.raw(PLAN_EVERY_TIME)} websearch_to_tsquery('english', ${q})`;
  // Only `search` holds the project's lexeme: the titles are checked against the words alone.
  const inSearch = project ? sql`(${words} && ('''@' || ${project} || '''')::tsquery)` : words;
  if (searchTier === 0) {
    // Rare words (common-words.ts): a plan made once reads their few matches from the index first.
    const title = rareWords ? sql`websearch_to_tsquery('english', ${q})` : words;
    return [
      sql<boolean>`t.search @@ ${rareWords ? title : inSearch}`,
      sql<boolean>`not (${inTitle} @@ ${title})`,
    ];
  }
  if (searchTier === 1) {
    // The title's index finds them; the whole task is checked as a function, which no index answers.
    return [
      sql<boolean>`to_tsvector('english', t.title) @@ ${words}`,
      sql<boolean>`ts_match_vq(t.search, ${words})`,
    ];
  }
  return [sql<boolean>`t.search @@ ${inSearch}`];
}
