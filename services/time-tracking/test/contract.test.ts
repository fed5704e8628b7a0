import { injectTransport, ServiceCallError } from '@pm/kernel';
import type { TestApp } from '@pm/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTimeTrackingClient, TimeEntryCreated, TimesheetSubmitted } from '../src/contract/index.ts';
import { outboxOf, signUp, startTime, type TestUser } from './helpers.ts';

describe('time tracking contract', () => {
  let test: TestApp;
  let owner: TestUser;

  beforeAll(async () => {
    test = await startTime();
    owner = await signUp(test);
  });
  afterAll(async () => test?.close());

  it('drives entries, timers, timesheets, rates and analytics through the typed client', async () => {
    const client = createTimeTrackingClient(injectTransport(test.app));
    const t = owner.token;
    const entry = await client.createEntry(t, {
      start_time: '2025-10-06T09:00:00Z',
      end_time: '2025-10-06T10:00:00Z',
    });
    expect((await client.getEntry(t, entry.id)).duration_minutes).toBe(60);
    expect((await client.updateEntry(t, entry.id, { version: 1, billable: false })).billable).toBe(false);
    expect((await client.listEntries(t, { from: '2025-10-06' })).items).toHaveLength(1);
    const { entry: running } = await client.startTimer(t);
    expect((await client.runningTimer(t)).entry?.id).toBe(running.id);
    await client.stopTimer(t);
    await expect(client.stopTimer(t)).rejects.toBeInstanceOf(ServiceCallError);
    const rate = await client.createRate(t, {
      organization_id: owner.orgId,
      user_id: owner.id,
      rate: 10,
      currency: 'GBP',
      effective_from: '2025-01-01',
    });
    expect((await client.listRates(t)).items.map((r) => r.id)).toContain(rate.id);
    const sheet = await client.submitTimesheet(t, { week: '2025-10-08' });
    expect((await client.approveTimesheet(t, sheet.id!)).status).toBe('approved');
    expect((await client.reopenTimesheet(t, sheet.id!, 'typo')).status).toBe('reopened');
    expect((await client.timesheet(t, { week: '2025-10-06' })).id).toBe(sheet.id);
    expect((await client.analytics(t, { group_by: 'day', to: '2025-12-31' })).totals.minutes).toBe(60);
    await client.deleteEntry(t, entry.id);
    await client.deleteRate(t, rate.id);
  });

  it('publishes events whose data match their schemas', async () => {
    for (const [type, definition] of [
      ['time.entry.created', TimeEntryCreated],
      ['time.timesheet.submitted', TimesheetSubmitted],
    ] as const) {
      const events = await outboxOf(test, type);
      expect(events.length).toBeGreaterThan(0);
      expect(events.every((event) => definition.is(event))).toBe(true);
    }
  });
});
