import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RATES,
  filterRates,
  groupRatesByPerson,
  lastUsedCurrency,
  rateStanding,
  ratesInForce,
} from './rate-list.ts';
import type { HourlyRate } from './time.types.ts';

let seq = 0;
function rate(fields: Partial<HourlyRate>): HourlyRate {
  seq += 1;
  return {
    id: `rate-${seq}`,
    organization_id: 'org',
    user_id: 'ada',
    project_id: null,
    rate: 80,
    currency: 'USD',
    effective_from: '2025-01-01',
    created_by: 'owner',
    version: 1,
    created_at: `2025-01-01T00:00:${String(seq).padStart(2, '0')}Z`,
    updated_at: '2025-01-01T00:00:00Z',
    ...fields,
  };
}

const people: Record<string, string> = { ada: 'Ada Lovelace', grace: 'grace Hopper' };
const projects: Record<string, string> = { web: 'Website', app: 'App' };
const personName = (id: string) => people[id] ?? 'Former member';
const projectName = (id: string) => projects[id] ?? 'Unknown project';

describe('groupRatesByPerson', () => {
  it('groups by person name, defaults first, then projects by name, newest date first', () => {
    const rates = [
      rate({ id: 'g-web', user_id: 'grace', project_id: 'web' }),
      rate({ id: 'a-web-old', project_id: 'web', effective_from: '2025-01-01' }),
      rate({ id: 'a-app', project_id: 'app' }),
      rate({ id: 'a-web-new', project_id: 'web', effective_from: '2025-03-01' }),
      rate({ id: 'a-default', project_id: null }),
      rate({ id: 'g-default', user_id: 'grace' }),
    ];
    const groups = groupRatesByPerson(rates, personName, projectName);
    expect(groups.map((g) => g.name)).toEqual(['Ada Lovelace', 'grace Hopper']);
    expect(groups[0]!.rates.map((r) => r.id)).toEqual(['a-default', 'a-app', 'a-web-new', 'a-web-old']);
    expect(groups[1]!.rates.map((r) => r.id)).toEqual(['g-default', 'g-web']);
  });
});

describe('filterRates', () => {
  const rates = [
    rate({ id: 'a-default' }),
    rate({ id: 'a-web', project_id: 'web' }),
    rate({ id: 'g-web', user_id: 'grace', project_id: 'web' }),
  ];
  const ids = (list: HourlyRate[]) => list.map((r) => r.id);

  it('keeps everything without filters', () => {
    expect(ids(filterRates(rates, { userId: '', projectId: '' }))).toEqual(['a-default', 'a-web', 'g-web']);
  });

  it('filters by person, by project and to the defaults', () => {
    expect(ids(filterRates(rates, { userId: 'grace', projectId: '' }))).toEqual(['g-web']);
    expect(ids(filterRates(rates, { userId: '', projectId: 'web' }))).toEqual(['a-web', 'g-web']);
    expect(ids(filterRates(rates, { userId: 'ada', projectId: DEFAULT_RATES }))).toEqual(['a-default']);
  });
});

describe('ratesInForce and rateStanding', () => {
  const rates = [
    rate({ id: 'old', effective_from: '2025-01-01' }),
    rate({ id: 'mid-week', effective_from: '2025-03-05' }),
    rate({ id: 'future', effective_from: '2025-04-01' }),
    rate({ id: 'project', project_id: 'web', effective_from: '2025-02-01' }),
  ];

  it('applies the latest rate effective by the day, per person and project', () => {
    expect(ratesInForce(rates, '2025-03-04')).toEqual(new Set(['old', 'project']));
    expect(ratesInForce(rates, '2025-03-05')).toEqual(new Set(['mid-week', 'project']));
    expect(ratesInForce(rates, '2024-12-31')).toEqual(new Set());
  });

  it('tells the rate in force from scheduled and superseded ones', () => {
    const day = '2025-03-10';
    const inForce = ratesInForce(rates, day);
    expect(rates.map((r) => rateStanding(r, inForce, day))).toEqual([
      'superseded',
      'in-force',
      'scheduled',
      'in-force',
    ]);
  });
});

describe('lastUsedCurrency', () => {
  it('takes the currency of the rate created last', () => {
    const rates = [
      rate({ currency: 'EUR', created_at: '2025-02-01T00:00:00Z' }),
      rate({ currency: 'GBP', created_at: '2025-01-01T00:00:00Z' }),
    ];
    expect(lastUsedCurrency(rates)).toBe('EUR');
  });

  it('falls back to USD without rates', () => {
    expect(lastUsedCurrency([])).toBe('USD');
  });
});
