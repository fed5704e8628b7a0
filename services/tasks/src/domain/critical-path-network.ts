import type { DependencyType } from '../contract/http.ts';

/** One activity: `duration` working days; `fixed` ones start at day 0 whatever their links say. */
export interface Activity {
  id: string;
  duration: number;
  fixed: boolean;
}

/** `to` depends on `from` with the given type (no lead or lag). */
export interface Link {
  from: string;
  to: string;
  type: DependencyType;
}

/** Working-day offsets from the plan's first day; finish = start + duration (exclusive). */
export interface Times {
  earlyStart: number;
  earlyFinish: number;
  lateStart: number;
  lateFinish: number;
}

export function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(keyOf(item));
    if (group) {
      group.push(item);
    } else {
      groups.set(keyOf(item), [item]);
    }
  }
  return groups;
}

/** The earliest start of `to` that `link` allows, given the early times of `from`. */
export function earliestStartAllowed(link: Link, from: Times, toDuration: number): number {
  switch (link.type) {
    case 'finish_to_start':
      return from.earlyFinish;
    case 'start_to_start':
      return from.earlyStart;
    case 'finish_to_finish':
      return from.earlyFinish - toDuration;
    case 'start_to_finish':
      return from.earlyStart - toDuration;
  }
}

/** The latest finish of `from` that `link` allows, given the late times of `to`. */
function latestFinishAllowed(link: Link, to: Times, fromDuration: number): number {
  switch (link.type) {
    case 'finish_to_start':
      return to.lateStart;
    case 'start_to_start':
      return to.lateStart + fromDuration;
    case 'finish_to_finish':
      return to.lateFinish;
    case 'start_to_finish':
      return to.lateFinish + fromDuration;
  }
}

/** Kahn's algorithm: ids each after all its predecessors (`backward`: after all its successors). */
function kahn(ids: string[], links: Link[], backward = false): string[] {
  const before = (l: Link) => (backward ? l.to : l.from);
  const after = (l: Link) => (backward ? l.from : l.to);
  const indegree = new Map(ids.map((id) => [id, 0]));
  for (const link of links) {
    indegree.set(after(link), (indegree.get(after(link)) ?? 0) + 1);
  }
  const outgoing = groupBy(links, before);
  const queue = ids.filter((id) => indegree.get(id) === 0);
  for (let i = 0; i < queue.length; i += 1) {
    for (const link of outgoing.get(queue[i]!) ?? []) {
      const next = after(link);
      indegree.set(next, indegree.get(next)! - 1);
      if (indegree.get(next) === 0) {
        queue.push(next);
      }
    }
  }
  return queue;
}

/**
 * A topological order of the activities. Links among tasks caught in a cycle (on one, or between
 * two) are dropped and returned so the rest can still be planned; the service refuses cycles when
 * they are made, so this is a safeguard.
 */
export function topologicalOrder(ids: string[], links: Link[]): { order: string[]; dropped: Link[] } {
  const order = kahn(ids, links);
  if (order.length === ids.length) {
    return { order, dropped: [] };
  }
  // Left over: cycles and what follows them. Peeling sinks off backwards leaves the cycles.
  const placed = new Set(order);
  const left = ids.filter((id) => !placed.has(id));
  const among = links.filter((l) => !placed.has(l.from) && !placed.has(l.to));
  const downstream = new Set(kahn(left, among, true));
  const dropped = new Set(among.filter((l) => !downstream.has(l.from) && !downstream.has(l.to)));
  return {
    order: kahn(
      ids,
      links.filter((l) => !dropped.has(l)),
    ),
    dropped: [...dropped],
  };
}

/** Forward and backward passes over activities in topological `order`; `end` is the latest early finish. */
export function schedule(
  activities: Map<string, Activity>,
  order: string[],
  links: Link[],
  end: (early: Map<string, Times>) => number,
): Map<string, Times> {
  const times = new Map<string, Times>();
  const into = groupBy(links, (link) => link.to);
  const outOf = groupBy(links, (link) => link.from);
  for (const id of order) {
    const { duration, fixed } = activities.get(id)!;
    const incoming = fixed ? [] : (into.get(id) ?? []);
    const bounds = incoming.map((l) => earliestStartAllowed(l, times.get(l.from)!, duration));
    const earlyStart = Math.max(0, ...bounds);
    times.set(id, { earlyStart, earlyFinish: earlyStart + duration, lateStart: 0, lateFinish: 0 });
  }
  const finish = end(times);
  for (const id of [...order].reverse()) {
    const { duration } = activities.get(id)!;
    const successors = (outOf.get(id) ?? []).filter((l) => !activities.get(l.to)!.fixed);
    const lateFinish = Math.min(
      finish,
      ...successors.map((l) => latestFinishAllowed(l, times.get(l.to)!, duration)),
    );
    Object.assign(times.get(id)!, { lateFinish, lateStart: lateFinish - duration });
  }
  return times;
}
