/**
 * Which screens refresh after a change: the renderer's cached reads go stale when the core pushes an event
 * that touches them (or after a write the core does not push), and no others are asked again.
 */
import { describe, expect, it } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { GATHER_MS, invalidateAfterWrite, invalidateForEvent } from '../../renderer/src/platform/invalidation';

const BANNER = ['alarms.list', { scope: 'open', pageSize: 200 }] as const;
const PETITION = ['petitions.get', { id: 7 }] as const;
const PETITIONS = ['petitions.list', { pageSize: 20 }] as const;
const HANDOVER = ['duty.handoverDraft.get', {}] as const;
const USERS = ['users.list', {}] as const;
const UNITS = ['units.list', {}] as const;
const ZERO_GRID = ['zeroReports.grid.get', { month: '2026-11' }] as const;

function alarm(subjectType: string, subjectId: number) {
  return { id: subjectId * 10, subjectType, subjectId };
}

/** A cache as a person would have it after looking around: the banner shows an alarm of petition 7. */
function cache(): QueryClient {
  const client = new QueryClient();
  client.setQueryData(BANNER, { rows: [alarm('petition', 7)], total: 1 });
  for (const key of [PETITION, PETITIONS, HANDOVER, USERS, UNITS, ZERO_GRID]) client.setQueryData(key, {});
  return client;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, GATHER_MS * 3));

function stale(client: QueryClient, key: readonly unknown[]): boolean {
  return client.getQueryState(key)?.isInvalidated ?? false;
}

describe('what a change refreshes', () => {
  it('a step on another petition refreshes the petition screens and the handover draft, but not the alarm banner', async () => {
    const client = cache();
    invalidateForEvent(client, { type: 'petitions.changed', id: 9 });
    await settle();
    expect(stale(client, PETITION)).toBe(true);
    expect(stale(client, PETITIONS)).toBe(true);
    expect(stale(client, HANDOVER)).toBe(true);
    expect(stale(client, BANNER)).toBe(false);
    expect(stale(client, USERS)).toBe(false);
  });

  it('a step on the petition whose alarm the banner shows refreshes the banner (the step may have met its deadline)', async () => {
    const client = cache();
    invalidateForEvent(client, { type: 'petitions.changed', id: 7 });
    await settle();
    expect(stale(client, BANNER)).toBe(true);
  });

  it('a banner showing only part of the open alarms is refreshed by any petition step', async () => {
    const client = cache();
    client.setQueryData(BANNER, { rows: [alarm('petition', 7)], total: 3 });
    invalidateForEvent(client, { type: 'petitions.changed', id: 9 });
    await settle();
    expect(stale(client, BANNER)).toBe(true);
  });

  it('a fired alarm rings; the alarm list and handover draft are refreshed once by the change that follows it', async () => {
    const client = cache();
    invalidateForEvent(client, { type: 'alarm.fired', alarmId: 1, step: 'fired', late: false, recipients: [1] });
    await settle();
    expect(stale(client, BANNER)).toBe(false);
    invalidateForEvent(client, { type: 'alarms.changed' });
    await settle();
    expect(stale(client, BANNER)).toBe(true);
    expect(stale(client, HANDOVER)).toBe(true);
    expect(stale(client, PETITION)).toBe(false);
  });

  it('a zero report (a report change without an id) refreshes the alarm banner and the grid', async () => {
    const client = cache();
    invalidateForEvent(client, { type: 'reports.changed', id: null });
    await settle();
    expect(stale(client, BANNER)).toBe(true);
    expect(stale(client, ZERO_GRID)).toBe(true);
  });

  it('a unit saved by the administrator refreshes the unit pick lists and the zero-report grid, which the core does not push', async () => {
    const client = cache();
    invalidateAfterWrite(client, 'units.update');
    await settle();
    expect(stale(client, UNITS)).toBe(true);
    expect(stale(client, ZERO_GRID)).toBe(true);
    expect(stale(client, PETITIONS)).toBe(false);
  });

  it('a user saved by the administrator refreshes the people on every pick list and roster', async () => {
    const client = cache();
    invalidateAfterWrite(client, 'users.create');
    await settle();
    expect(stale(client, USERS)).toBe(true);
    expect(stale(client, HANDOVER)).toBe(true);
  });

  it('moving the test clock refreshes everything', async () => {
    const client = cache();
    invalidateForEvent(client, { type: 'clock.changed', now: 0 });
    await settle();
    for (const key of [BANNER, PETITION, PETITIONS, HANDOVER, USERS, UNITS, ZERO_GRID]) expect(stale(client, key)).toBe(true);
  });
});
