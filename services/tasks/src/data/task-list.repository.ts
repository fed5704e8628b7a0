import { templatesPerShape } from '@pm/kernel';
import { sql, type Kysely, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import type { TaskListQuery, TaskSort } from '../contract/http.ts';
import { checkCursor, searchAfter, type SortKey } from './keyset-cursor.ts';
import { orderOf, type Order } from './list-orders.ts';
import {
  budgetOfRound,
  SEARCH_BUDGET,
  walkedInEachProject,
  walkedTasks,
  type SearchBudget,
} from './search-budget.ts';
import { CommonWords } from './common-words.ts';
import { projectsSeenBy } from './visible-projects.ts';
import { SearchWords } from './search-words.ts';
import { TASK_JSON, taskJsonQuery } from './task-fields.ts';
import type { TasksDatabase } from './tasks.tables.ts';
import { ListBatches } from './list-batches.ts';
import { cursorOf, narrowed, readsTitleWords, TITLE_WORD_FIELDS, type ListFlags } from './list-conditions.ts';
import { VALUE_TYPES, valuesOf, type ListValues, type ValueField } from './list-values.ts';

export interface TaskListFilter extends Omit<TaskListQuery, 'limit' | 'cursor' | 'sort'> {
  /** The caller: resolves `assignee=me` and limits the list to projects they see. */
  userId: string;
}

/** A task of a list: its sort key and id (the cursor) and the task's JSON text (TASK_JSON). */
export interface ListedTask {
  sort_key: SortKey;
  id: string;
  json: string;
}

/**
 * A search's results come in two tiers, each newest first: tasks whose title matches the words,
 * then those that match only with their description (only once the title matches have run out).
 * The title matches are read from task_title_words in this order, stopping after a page
 * (migrations/0008; across projects, a page of each, searchAcrossProjects), through the words
 * each title needs or, for a search with `or`, one word of each alternative (search-words.ts); for
 * a search no title words narrow (`-word or x`) and for the description matches, by walking the
 * project's newest tasks or looking the matches up (search-budget.ts). Ranking every match with
 * `ts_rank` read all of them: 49,579 rows for two common words in the 1,000,000-task project, a
 * p99 of 1.5–3.2 s in the benchmark. A search's sort key is `<tier>:<created_at>` (SearchTier).
 */
const NEWEST_FIRST = orderOf('created_at');
/** NEWEST_FIRST as task_title_words `w1` holds it, so its index gives the order. */
const NEWEST_FIRST_BY_WORDS: Order = { ...NEWEST_FIRST, expr: sql`w1.created_at`, id: sql`w1.task_id` };

/** Distinct list shapes kept compiled; past it (unusual filter mixes), a list is built each time. */
const MAX_TEMPLATES = 200;

/**
 * The list query for these values (or a template's stand-ins for them) and flags. `inProject`: the
 * list of one project named by an outer query (searchAcrossProjects), which has checked access;
 * it and `withCreatedAt` add the creation time, which orders pages merged by an outer query.
 */
function listQuery(
  db: Kysely<TasksDatabase>,
  v: ListValues,
  flags: ListFlags,
  inProject?: RawBuilder<string>,
  withCreatedAt = inProject !== undefined,
) {
  const order = orderFor(flags);
  const id = order.id ?? sql`t.id`;
  // A list does not parse the creation time for each row.
  const query = taskJsonQuery(
    db,
    flags.walk
      ? walkedTasks(inProject ?? (v.project_id as string), v.walk_limit as number, cursorOf(v))
      : undefined,
  )
    .select(sortKeyOf(flags, order).as('sort_key'))
    .$if(withCreatedAt, (qb) => qb.select('t.created_at'));
  const direction = sql.raw(order.descending ? 'desc' : 'asc');
  return narrowed(query, v, flags, order, inProject)
    .orderBy(sql`${order.expr} ${direction}`)
    .orderBy(sql`${id} ${direction}`)
    .limit(v.limit as number);
}

/**
 * The title tier of a search with `or` (search-words.ts): a page of the titles holding each
 * alternative's word, read in order from task_title_words as a search of that word alone
 * (listQuery), then the newest of them, each task once. Walking the project's newest tasks instead
 * read them until a page matched: 17–22 ms for two common nouns, and PostgreSQL merges the words'
 * runs of the index only after reading every row of each (bench/RESULTS.md).
 */
function anyTitleWordQuery(
  db: Kysely<TasksDatabase>,
  v: ListValues,
  flags: ListFlags,
  inProject?: RawBuilder<string>,
) {
  const oneWord: ListFlags = { ...flags, titleWords: 1, anyTitleWord: undefined };
  const pages = TITLE_WORD_FIELDS.slice(0, flags.titleWords).map((field) => {
    const values = { ...v, word_1: v[field], word_2: undefined, word_3: undefined };
    return sql`(${listQuery(db, values, oneWord, inProject, true)})`;
  });
  return db
    .selectFrom(sql<ListedTask & { created_at: Date }>`(${sql.join(pages, sql` union `)})`.as('x'))
    .select(['x.id', 'x.json', 'x.sort_key'])
    .$if(inProject !== undefined, (qb) => qb.select('x.created_at'))
    .orderBy(sql`x.created_at desc`)
    .orderBy(sql`x.id desc`)
    .limit(v.limit as number);
}

/**
 * A page of a list or a search tier, in a project or in `inProject`: listQuery, or anyTitleWordQuery
 * for a search with `or`.
 */
function pageQuery(
  db: Kysely<TasksDatabase>,
  v: ListValues,
  flags: ListFlags,
  inProject?: RawBuilder<string>,
) {
  return flags.anyTitleWord ? anyTitleWordQuery(db, v, flags, inProject) : listQuery(db, v, flags, inProject);
}

function orderFor(flags: ListFlags): Order {
  if (flags.searchTier === undefined) {
    return orderOf(flags.sort);
  }
  return readsTitleWords(flags) ? NEWEST_FIRST_BY_WORDS : NEWEST_FIRST;
}

function sortKeyOf(flags: ListFlags, order: Order) {
  return flags.searchTier === undefined
    ? order.cursorValue
    : sql`${sql.lit(`${flags.searchTier}:`)} || (${order.cursorValue})`;
}

/**
 * A search's page among its matches (for a search tier, past the matches a walk found first),
 * found the way PostgreSQL finds them cheapest, as a set (for rare words through the GIN index of
 * the words), not by walking the project's tasks in the list's order: a word no task has walked all
 * 1,000,000 tasks of the benchmark's project (0.8–1 s newest first, 9.7 s sorted by creation).
 * Finds at most `match_cap` + 1 matches; `matches` says how many it found, so that a caller can
 * tell when there were more than it sorted.
 */
function matchFirstQuery(db: Kysely<TasksDatabase>, v: ListValues, flags: ListFlags) {
  const order = orderFor(flags);
  const found = db
    .selectFrom('tasks as t')
    .innerJoin('projects as p', 'p.id', 't.project_id')
    .select(['t.id', order.expr.as('sort_value')]);
  const matches = narrowed(found, v, flags, order).limit(sql<number>`${v.match_cap}::int + 1`);
  // The page is taken from the matches before their tasks are read for it.
  const direction = sql.raw(order.descending ? 'desc' : 'asc');
  const ordered = (qb: SelectQueryBuilder<{ m: { id: string; sort_value: unknown } }, 'm', object>) =>
    qb.orderBy(sql`m.sort_value ${direction}`).orderBy(sql`m.id ${direction}`);
  return db
    .with(
      (cte) => cte('m').materialized(),
      () => matches,
    )
    .with('page', (qb) =>
      ordered(qb.selectFrom('m').select(['m.id', 'm.sort_value'])).limit(v.limit as number),
    )
    .selectFrom('page as m')
    .innerJoin('tasks as t', 't.id', 'm.id')
    .innerJoin('projects as p', 'p.id', 't.project_id')
    .select([
      't.id',
      TASK_JSON.as('json'),
      sortKeyOf(flags, order).as('sort_key'),
      sql<number>`(select count(*)::int from m)`.as('matches'),
    ])
    .$call(ordered);
}

/**
 * A search tier across the projects `userId` sees (through task_title_words, or past too many
 * matches to look up): each project's page, newest first (pageQuery in that project), then the
 * newest of them. Through the title's GIN index this read every matching title of every project to
 * sort them (a single common word: 17,534 rows, 400 ms in the 1,000,000-task project); through the
 * descriptions' index, 190,000 descriptions with `api` (1.4 s).
 */
function searchAcrossProjects(db: Kysely<TasksDatabase>, v: ListValues, flags: ListFlags) {
  const perProject = pageQuery(db, v, flags, sql<string>`vp.id`);
  if (flags.walk) {
    const [walk, limit] = [v.walk_limit as number, v.limit as number];
    return walkedInEachProject(db, v.userId as string, sql`${perProject}`, walk, limit, cursorOf(v));
  }
  return db
    .selectFrom(sql`(select p.id from ${projectsSeenBy(v.userId as string)})`.as('vp'))
    .innerJoinLateral(sql<ListedTask & { created_at: Date }>`(${perProject})`.as('x'), (join) =>
      join.onTrue(),
    )
    .selectAll('x')
    .orderBy(sql`x.created_at desc`)
    .orderBy(sql`x.id desc`)
    .limit(v.limit as number);
}

/** The list query, a search's look-up, or a search across projects a page of each (searchAcrossProjects). */
function listOrSearchQuery(db: Kysely<TasksDatabase>, v: ListValues, flags: ListFlags) {
  if (flags.matchFirst) {
    return matchFirstQuery(db, v, flags);
  }
  return v.project_id === undefined && (readsTitleWords(flags) || flags.perProject)
    ? searchAcrossProjects(db, v, flags)
    : pageQuery(db, v, flags);
}

/**
 * Filtered, sorted, keyset-paginated task lists. Each shape of list (which filters are set, the
 * sort, a cursor or not) is compiled once and then run with the call's values (the kernel's
 * queryTemplate): building the query was the largest library cost of a list request.
 */
export class TaskListRepository {
  private readonly templates = templatesPerShape<TasksDatabase, unknown>(MAX_TEMPLATES);
  private readonly searchWords: SearchWords;
  private readonly commonWords: CommonWords;
  private readonly batches: ListBatches<ListFlags> | undefined;

  /**
   * `together`: lists of one shape share statements (list-batches.ts). Not on the embedded
   * database: one connection in the process has no socket to spare, and a list there ran 10%
   * slower as a lateral join (1,124–1,309 a second against 1,322–1,483; bench/RESULTS.md).
   */
  constructor(
    private readonly db: Kysely<TasksDatabase>,
    private readonly budget: SearchBudget = SEARCH_BUDGET,
    together = true,
  ) {
    this.searchWords = new SearchWords(db);
    this.commonWords = new CommonWords(db);
    this.batches = together ? new ListBatches(db, listOrSearchQuery, VALUE_TYPES, MAX_TEMPLATES) : undefined;
  }

  async list(
    filter: TaskListFilter,
    sort: TaskSort | undefined,
    limit: number,
    after?: [SortKey, string],
  ): Promise<ListedTask[]> {
    const search = !sort && filter.q !== undefined && filter.q !== '';
    const tierAfter = search ? searchAfter(after) : undefined;
    if (tierAfter) {
      after = tierAfter[1];
    }
    checkCursor(after, search ? NEWEST_FIRST : orderOf(sort));
    const assignee = filter.assignee === 'me' ? filter.userId : filter.assignee;
    const searchTier = search ? (tierAfter?.[0] ?? 1) : undefined;
    const words = search ? await this.searchWords.of(filter.q!) : undefined;
    const { words: titleWords, any: anyTitleWord } =
      searchTier === 1 && words ? words : { words: [], any: false };
    const lookUp = words ? await this.commonWords.lookUpFlags(words, filter.project_id) : {};
    const given: ListValues = {
      ...filter,
      assignee: assignee === 'unassigned' ? undefined : assignee,
      after_key: after?.[0],
      after_id: after?.[1],
      limit: limit + 1,
    };
    titleWords.forEach((word, i) => {
      given[TITLE_WORD_FIELDS[i]!] = word;
    });
    const flags: ListFlags = {
      sort,
      unassigned: assignee === 'unassigned',
      overdue: filter.overdue,
      blocked: filter.blocked,
      searchTier,
      titleWords: titleWords.length,
      ...(anyTitleWord ? { anyTitleWord } : {}),
      ...lookUp,
    };
    const rows = await this.read(given, flags);
    if (flags.searchTier === 1 && rows.length <= limit) {
      // The title matches ran out on this page: it goes on with the tasks matching in their description.
      const rest = { ...given, after_key: undefined, after_id: undefined, limit: limit + 1 - rows.length };
      for (const field of TITLE_WORD_FIELDS) {
        rest[field] = undefined;
      }
      rows.push(
        ...(await this.read(rest, { ...flags, searchTier: 0, titleWords: 0, anyTitleWord: undefined })),
      );
    }
    return rows;
  }

  /**
   * A page of a list or a search. A search that no index reads in its order goes by walkThenMatch
   * (a search tier in a project), matchThenWalk (a sorted search in a project) or matchThenWalkEach
   * (a search tier across projects); title words are read in order.
   */
  private read(given: ListValues, flags: ListFlags): Promise<ListedTask[]> {
    if (!given.q) {
      return this.runTogether(given, flags);
    }
    if (readsTitleWords(flags)) {
      // In a project the title tier reads task_title_words in its order, as a list reads its index.
      return given.project_id === undefined ? this.run(given, flags) : this.runTogether(given, flags);
    }
    if (given.project_id === undefined) {
      // Across projects, past too many matches, each project's page is walked (in rounds for a tier).
      return flags.searchTier === undefined
        ? this.run(given, flags)
        : this.matchThenWalkEach(given, { ...flags, perProject: true });
    }
    return flags.searchTier === undefined
      ? this.matchThenWalk(given, flags)
      : this.walkThenMatch(given, flags);
  }

  /**
   * A page from the search's matches looked up first, as a search's description tier does
   * (walkThenMatch); past too many of them, walked in the sort's index.
   */
  private async matchThenWalk(given: ListValues, flags: ListFlags): Promise<ListedTask[]> {
    return (await this.lookUp(given, flags)) ?? this.run(given, flags);
  }

  /**
   * A search tier across projects (`perProject`): its matches looked up first; past too many of
   * them, in rounds of growing budgets (budgetOfRound), each project's newest tasks walked and then
   * the matches looked up again, until the walks give the page or a look-up holds every match
   * (walkedInEachProject).
   */
  private async matchThenWalkEach(given: ListValues, flags: ListFlags): Promise<ListedTask[]> {
    for (let n = 0; ; n += 1) {
      const round = budgetOfRound(this.budget, false, n);
      if (round.walk > 0) {
        // The page's rows, then the newest stop (walkedInEachProject), the one row with `complete`.
        const rows = (await this.run(
          { ...given, walk_limit: round.walk },
          { ...flags, walk: true },
        )) as (ListedTask & { complete: boolean | null })[];
        const stop = rows.find((row) => row.complete !== null);
        if (!stop || stop.complete) {
          return rows.filter((row) => row.complete === null);
        }
      }
      const matched = await this.lookUp(given, flags, round.matches);
      if (matched) {
        return matched;
      }
    }
  }

  /** The page from the matches looked up (matchFirstQuery), or undefined past `cap` matches. */
  private async lookUp(given: ListValues, flags: ListFlags, cap = this.budget.matches) {
    const matched = (await this.run(
      { ...given, match_cap: cap },
      { ...flags, matchFirst: true },
    )) as (ListedTask & { matches: number })[];
    return (matched[0]?.matches ?? 0) <= cap
      ? matched.map(({ sort_key, id, json }) => ({ sort_key, id, json }))
      : undefined;
  }

  /**
   * A search tier's page in a project, in rounds of growing budgets (budgetOfRound): the newest
   * tasks past the cursor walked, then the older matches looked up. The title tier walks first:
   * it comes first, with words common in titles (`a or b`). The description tier comes only once
   * the title matches ran out, with words rare in titles and as a rule in descriptions too: its
   * first round only looks up.
   */
  private async walkThenMatch(given: ListValues, flags: ListFlags): Promise<ListedTask[]> {
    const limit = given.limit as number;
    for (let n = 0; ; n += 1) {
      const round = budgetOfRound(this.budget, flags.searchTier === 1, n);
      const walked = { ...given, walk_limit: round.walk };
      const recent = round.walk > 0 ? await this.run(walked, { ...flags, walk: true }) : [];
      if (recent.length === limit) {
        return recent;
      }
      // No task the walk read after its last match matches: the look-up goes on from that match.
      const last = recent[recent.length - 1];
      const [after_key, after_id] = last
        ? searchAfter([last.sort_key, last.id])![1]
        : [given.after_key, given.after_id];
      const past = { ...given, after_key, after_id, limit: limit - recent.length };
      const older = await this.lookUp(past, flags, round.matches);
      if (older) {
        return [...recent, ...older];
      }
    }
  }

  private async run(given: ListValues, flags: ListFlags): Promise<ListedTask[]> {
    const { fields, values } = valuesOf(given);
    const template = this.templateFor(fields, flags);
    const rows = template
      ? await template.run(this.db, ...fields.map((field) => values[field]!))
      : await listOrSearchQuery(this.db, values, flags).execute();
    return rows as ListedTask[];
  }

  /** A list (not a search): with the lists of its shape that come meanwhile (list-batches.ts). */
  private async runTogether(given: ListValues, flags: ListFlags): Promise<ListedTask[]> {
    if (this.batches) {
      const { fields, values } = valuesOf(given);
      const rows = await this.batches.run(JSON.stringify([fields, flags]), values, flags);
      if (rows) {
        return rows;
      }
    }
    return this.run(given, flags);
  }

  private templateFor(fields: ValueField[], flags: ListFlags) {
    return this.templates.templateFor(JSON.stringify([fields, flags]), fields.length, (db, ...args) =>
      listOrSearchQuery(
        db,
        Object.fromEntries(fields.map((field, i) => [field, args[i] as string | number])),
        flags,
      ),
    );
  }
}
