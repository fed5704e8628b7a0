import { sql, type Kysely } from 'kysely';
import type { TasksDatabase } from './tasks.tables.ts';

/** Searches remembered; past it the oldest is forgotten. */
const MAX_REMEMBERED = 1_000;

/**
 * The words every title matching a search contains, as task_title_words holds them (lexemes of
 * the `english` configuration), or none when the search can match a title without them: a search
 * with `or` or `-word`, or one of stop words only. Longest first (the rarer, as a rule): any of
 * them narrows the titles to read, and the query still checks the whole search against each title. Remembered per search text, since the configuration does not change
 * while the server runs.
 */
export class SearchWords {
  private readonly remembered = new Map<string, string[]>();

  constructor(private readonly db: Kysely<TasksDatabase>) {}

  async requiredBy(search: string): Promise<string[]> {
    let words = this.remembered.get(search);
    if (!words) {
      words = await this.lookUp(search);
      if (this.remembered.size >= MAX_REMEMBERED) {
        this.remembered.delete(this.remembered.keys().next().value!);
      }
      this.remembered.set(search, words);
    }
    return words;
  }

  private async lookUp(search: string): Promise<string[]> {
    const { rows } = await sql<{ words: string[]; query: string }>`
      select tsvector_to_array(to_tsvector('english', ${search})) as words,
        websearch_to_tsquery('english', ${search})::text as query`.execute(this.db);
    const { words, query } = rows[0]!;
    // Outside its quoted words, a query of required words only has no `|` (or) and no `!` (not).
    const operators = query.replace(/'(?:[^']|'')*'/g, '');
    if (/[|!]/.test(operators)) {
      return [];
    }
    return [...words].sort((a, b) => b.length - a.length || a.localeCompare(b));
  }
}
