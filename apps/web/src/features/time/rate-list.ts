import type { HourlyRate } from './time.types.ts';

/** The project filter's value for "people's defaults" (rates whose project_id is null). */
export const DEFAULT_RATES = 'default';

export interface RateFilters {
  /** '' for everyone. */
  userId: string;
  /** '' for every project, `DEFAULT_RATES` for the defaults, else a project id. */
  projectId: string;
}

/** Where a rate stands on `day`: the one that applies, one still to come, or one replaced. */
export type RateStanding = 'in-force' | 'scheduled' | 'superseded';

export interface PersonRates {
  userId: string;
  name: string;
  rates: HourlyRate[];
}

export function filterRates(rates: HourlyRate[], { userId, projectId }: RateFilters): HourlyRate[] {
  return rates.filter(
    (rate) =>
      (userId === '' || rate.user_id === userId) &&
      (projectId === '' || (rate.project_id ?? DEFAULT_RATES) === projectId),
  );
}

const byName = new Intl.Collator(undefined, { sensitivity: 'base' });

/**
 * One group per person (by name), each with the default rates first, then per project (by name),
 * newest effective date first: the order in which a reader looks for "what does X cost on Y".
 */
export function groupRatesByPerson(
  rates: HourlyRate[],
  personName: (userId: string) => string,
  projectName: (projectId: string) => string,
): PersonRates[] {
  const groups = new Map<string, PersonRates>();
  for (const rate of rates) {
    const group = groups.get(rate.user_id) ?? {
      userId: rate.user_id,
      name: personName(rate.user_id),
      rates: [],
    };
    group.rates.push(rate);
    groups.set(rate.user_id, group);
  }
  const scope = (rate: HourlyRate) => (rate.project_id === null ? '' : projectName(rate.project_id));
  for (const group of groups.values()) {
    group.rates.sort(
      (a, b) =>
        Number(a.project_id !== null) - Number(b.project_id !== null) ||
        byName.compare(scope(a), scope(b)) ||
        (a.project_id ?? '').localeCompare(b.project_id ?? '') ||
        b.effective_from.localeCompare(a.effective_from),
    );
  }
  return [...groups.values()].sort(
    (a, b) => byName.compare(a.name, b.name) || a.userId.localeCompare(b.userId),
  );
}

/** The rate that applies on `day` for each person and project: the latest one effective by then. */
export function ratesInForce(rates: HourlyRate[], day: string): Set<string> {
  const latest = new Map<string, HourlyRate>();
  for (const rate of rates) {
    if (rate.effective_from > day) {
      continue;
    }
    const key = `${rate.user_id}/${rate.project_id ?? ''}`;
    const known = latest.get(key);
    if (!known || rate.effective_from > known.effective_from) {
      latest.set(key, rate);
    }
  }
  return new Set([...latest.values()].map((rate) => rate.id));
}

export function rateStanding(rate: HourlyRate, inForce: Set<string>, day: string): RateStanding {
  if (inForce.has(rate.id)) {
    return 'in-force';
  }
  return rate.effective_from > day ? 'scheduled' : 'superseded';
}

/** The currency of the rate set last, for the next one; `fallback` when there is none yet. */
export function lastUsedCurrency(rates: HourlyRate[], fallback = 'USD'): string {
  let newest: HourlyRate | undefined;
  for (const rate of rates) {
    if (!newest || rate.created_at > newest.created_at) {
      newest = rate;
    }
  }
  return newest?.currency ?? fallback;
}
