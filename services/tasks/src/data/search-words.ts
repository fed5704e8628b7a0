import { sql, type Kysely } from 'kysely';
import type { TasksDatabase } from './tasks.tables.ts';

/** Searches remembered; past it the oldest is forgotten. */
const MAX_REMEMBERED = 1_000;

/** At most this many words are looked up in task_title_words for one search. */
export const MAX_TITLE_WORDS = 3;

/**
 * The words of task_title_words (lexemes of the `english` configuration) that narrow a search's
 * title matches: with `any`, the titles holding at least one of them (a search with `or`: one word
 * of each alternative), otherwise the titles holding all of them. None when no set of words can:
 * an alternative without a word of its own (`-word or x`), more than MAX_TITLE_WORDS alternatives,
 * grouping, or stop words only. The query still checks the whole search against each title.
 */
export interface TitleWords {
  words: string[];
  any: boolean;
}

const NONE: TitleWords = { words: [], any: false };

/** A quoted lexeme of a tsquery's text, with the `!` before it if it is negated. */
const LEXEME = /(!?)'((?:[^']|'')*)'/g;
const QUOTED = /'(?:[^']|'')*'/g;

/** Longest first (the rarer, as a rule), without repeats. */
const longestFirst = (words: string[]) =>
  [...new Set(words)].sort((a, b) => b.length - a.length || a.localeCompare(b));

/** The words a tsquery's text (websearch_to_tsquery) needs in a title, read from its alternatives. */
export function titleWordsOf(query: string): TitleWords {
  const operators = query.replace(QUOTED, '');
  if (/[()]/.test(operators)) {
    return NONE;
  }
  // Outside quotes `|` separates the alternatives; `&`, `<->` and `!` bind tighter.
  const alternatives: string[] = [];
  let rest = query;
  for (;;) {
    const masked = rest.replace(QUOTED, (quoted) => ' '.repeat(quoted.length));
    const bar = masked.indexOf('|');
    alternatives.push(bar < 0 ? rest : rest.slice(0, bar));
    if (bar < 0) {
      break;
    }
    rest = rest.slice(bar + 1);
  }
  const required = alternatives.map((alternative) =>
    longestFirst(
      [...alternative.matchAll(LEXEME)]
        .filter(([, not]) => not === '')
        .map(([, , word]) => word!.replace(/''/g, "'")),
    ),
  );
  if (required.some((words) => words.length === 0)) {
    return NONE;
  }
  if (required.length === 1) {
    return { words: required[0]!.slice(0, MAX_TITLE_WORDS), any: false };
  }
  const words = longestFirst(required.map((words) => words[0]!));
  return words.length > MAX_TITLE_WORDS ? NONE : { words, any: words.length > 1 };
}

/**
 * The title words of each search text (titleWordsOf), remembered: the text search configuration
 * does not change while the server runs.
 */
export class SearchWords {
  private readonly remembered = new Map<string, TitleWords>();

  constructor(private readonly db: Kysely<TasksDatabase>) {}

  async of(search: string): Promise<TitleWords> {
    let words = this.remembered.get(search);
    if (!words) {
      const { rows } = await sql<{ query: string }>`
        select websearch_to_tsquery('english', ${search})::text as query`.execute(this.db);
      words = titleWordsOf(rows[0]!.query);
      if (this.remembered.size >= MAX_REMEMBERED) {
        this.remembered.delete(this.remembered.keys().next().value!);
      }
      this.remembered.set(search, words);
    }
    return words;
  }
}
