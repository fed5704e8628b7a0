import { sql, type Kysely } from 'kysely';
import type { TitleWords } from './search-words.ts';
import type { TasksDatabase } from './tasks.tables.ts';

/** How long the statistics read are used before they are read again. */
const READ_AGAIN_AFTER_MS = 5 * 60_000;

/**
 * The words common in tasks: PostgreSQL's most common lexemes of tasks.search and their shares of
 * the tasks, from the table's last ANALYZE. A search whose words are rare finds few tasks in the
 * words' index, so the first page of its description tier can be looked up with a plan made once,
 * which reads that index first (search-conditions.ts), instead of one planned for its words every
 * time: planning took 0.8 ms for a look-up that then ran in 0.4. A search for a word no task has
 * ran 3,086–3,105 a second at 32 connections instead of 1,114–1,158 (bench/RESULTS.md). Without
 * statistics every word counts as common. A word that became common since the last ANALYZE is still
 * read from the index first, every match of it, until the next ANALYZE (autovacuum's) counts it.
 */
export class CommonWords {
  /** Each common lexeme's share of the tasks that hold it. */
  private words: Map<string, number> | undefined;
  private readAt = -Infinity;
  private reading: Promise<void> | undefined;

  constructor(
    private readonly db: Kysely<TasksDatabase>,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** How a search of these words in `projectId` (if any) looks its matches up: the list's flags. */
  async lookUpFlags(
    words: TitleWords,
    projectId: string | undefined,
  ): Promise<{ rareWords?: true; projectLexeme?: true }> {
    if (await this.rare(words)) {
      return { rareWords: true };
    }
    return projectId !== undefined && (await this.projectNarrows(words, projectId))
      ? { projectLexeme: true }
      : {};
  }

  /** Whether a search needing these words (each, or with `any` one of them) finds few tasks. */
  async rare({ words, any }: TitleWords): Promise<boolean> {
    if (words.length === 0) {
      return false;
    }
    const common = await this.current();
    if (!common) {
      return false;
    }
    return any ? words.every((word) => !common.has(word)) : words.some((word) => !common.has(word));
  }

  /**
   * Whether a look-up of these common words in a project reads fewer entries of the words' index
   * with the project's own lexeme (migration 0016) than without: when the project holds fewer of
   * the tasks than the words do (the rarest of them, or all alternatives of `any`), as GIN starts
   * from its rarest entry. A project missing from the statistics holds fewer than any common word;
   * a rare word (missing too) is looked up from its own few entries, without it.
   */
  async projectNarrows({ words, any }: TitleWords, projectId: string): Promise<boolean> {
    const common = await this.current();
    if (!common || words.length === 0) {
      return false;
    }
    const shares = words.map((word) => common.get(word) ?? 0);
    const wordsShare = any ? shares.reduce((sum, share) => sum + share, 0) : Math.min(...shares);
    return (common.get(`@${projectId}`) ?? 0) < wordsShare;
  }

  private async current(): Promise<Map<string, number> | undefined> {
    if (this.now() - this.readAt > READ_AGAIN_AFTER_MS) {
      this.reading ??= this.read().finally(() => {
        this.reading = undefined;
      });
      await this.reading;
    }
    return this.words;
  }

  private async read(): Promise<void> {
    const { rows } = await sql<{ words: string[] | null; shares: number[] | null }>`
      select most_common_elems::text::text[] as words, most_common_elem_freqs as shares from pg_stats
      where schemaname = 'tasks' and tablename = 'tasks' and attname = 'search'`.execute(this.db);
    const { words, shares } = rows[0] ?? {};
    // most_common_elem_freqs: one share per lexeme, then the least, the most and the null share.
    this.words = words && shares ? new Map(words.map((word, i) => [word, Number(shares[i])])) : undefined;
    this.readAt = this.now();
  }
}
