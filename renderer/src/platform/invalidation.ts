/**
 * Which cached reads each change makes stale. The core pushes one event per change (shared/api/events.ts);
 * the table below names, for each event, the reads whose answer it can change, so a petition edit refetches
 * the petition screens, the dashboard and the handover draft, and the alarm list only when it shows an alarm
 * of that petition (a step that meets a deadline resolves its alarms in the same transaction). A write that
 * the core does not push (users, units, topics, office settings) marks its own domain's reads stale.
 *
 * Changes that arrive together (a write's answer and its push, a burst of fired alarms) are gathered and
 * invalidated once, so each read refetches once.
 *
 * @example
 * invalidateForEvent(queryClient, { type: 'petitions.changed', id: 12 });   // pushes.ts does this for every push
 * invalidateAfterWrite(queryClient, 'units.update');
 */
import type { Query, QueryClient } from '@tanstack/react-query';
import type { Alarm, ApiEvent, ProcedureName } from '../../../shared/api';

type DomainOf<N> = N extends `${infer D}.${string}` ? D : never;
export type Domain = DomainOf<ProcedureName>;

/** A read by name, every read of a domain (`'petitions.*'`), or every read there is (`'*'`). */
export type QueryTarget = ProcedureName | `${Domain}.*` | '*';

type EventOf<T extends ApiEvent['type']> = Extract<ApiEvent, { type: T }>;

/** A read that is stale only if its current answer shows something the event is about. */
interface WhenShown<E> {
  readonly query: ProcedureName;
  readonly when: (event: E, data: unknown) => boolean;
}

type Rule<E> = QueryTarget | WhenShown<E>;

/**
 * The alarm list, when it shows an alarm of the record that changed, or shows only part of the open alarms
 * (a page of them: an alarm it does not show may be the one that closed). An event without an id (settings,
 * zero reports) may touch any of them.
 */
function alarmsOf(subjectType: Alarm['subjectType']): WhenShown<{ readonly id: number | null }> {
  return {
    query: 'alarms.list',
    when: (event, data) => {
      if (event.id === null) return true;
      const list = data as { rows: readonly Alarm[]; total: number } | undefined;
      if (!list || list.rows.length < list.total) return true;
      return list.rows.some((a) => a.subjectType === subjectType && a.subjectId === event.id);
    },
  };
}

export const EVENT_INVALIDATES: { readonly [T in ApiEvent['type']]: readonly Rule<EventOf<T>>[] } = {
  // Linked records show a petition's status; the handover draft lists deadlines due within a day.
  'petitions.changed': ['petitions.*', 'stats.*', 'duty.handoverDraft.get', 'reports.get', 'warnings.get', alarmsOf('petition')],
  // Every open deadline is recomputed, and its alarms moved with it.
  'calendar.changed': ['calendar.*', 'petitions.*', 'warnings.*', 'alarms.*', 'stats.*', 'duty.handoverDraft.get', 'zeroReports.*'],
  // Only the test clock moves time by a jump: everything that depends on "now" is asked again.
  'clock.changed': ['*'],
  // Sensitive periods add daily zero-report columns and show on the dashboard.
  'duty.changed': ['duty.*', 'zeroReports.*', 'stats.dashboard.get'],
  'alarms.changed': ['alarms.*', 'duty.handoverDraft.get'],
  // The scheduler follows every pass that fires alarms with one 'alarms.changed': the banner rings on this
  // one and reloads on that one, once.
  'alarm.fired': [],
  'warnings.changed': ['warnings.*', 'stats.*', 'reports.get', 'duty.handoverDraft.get', alarmsOf('warning')],
  'reports.changed': ['reports.*', 'zeroReports.*', 'stats.*', 'warnings.get', 'duty.handoverDraft.get', alarmsOf('zero_report')],
  'notices.changed': ['notices.*'],
  // The red banner reads the chain's standing.
  'audit.verified': ['audit.*'],
  // A request or a decision changes the inbox, the record it is about (its pending badge, or the change now
  // applied) and the alarm that rang the leader.
  'approvals.changed': ['approvals.*', 'petitions.*', 'warnings.*', 'reports.*', 'stats.*', 'alarms.*'],
  // The backups page, and the dashboard's warning.
  'backups.changed': ['backups.*'],
  // Only the import page's progress bar listens; the import's answer and its 'petitions.changed' follow.
  'ledger.progress': [],
};

/** What a write changes beyond its own domain, where the core pushes nothing. */
const WRITE_ALSO_INVALIDATES: Partial<Record<Domain, readonly QueryTarget[]>> = {
  // Names on the roster and in pick lists, and one's own name in the header.
  users: ['duty.*', 'auth.get'],
  // A new login, or the first password of one's own: every read the account was refused until then is asked again.
  auth: ['*'],
  // The zero-report grid has a row per unit.
  units: ['zeroReports.*'],
  // The header shows the office's name; the threshold and time zone come with the session.
  office: ['auth.get', 'setup.get'],
};

function nameOf(query: Query): string {
  return String(query.queryKey[0]);
}

function targets(target: QueryTarget, name: string): boolean {
  if (target === '*') return true;
  if (target.endsWith('.*')) return name.startsWith(target.slice(0, -1));
  return name === target;
}

type Matcher = (query: Query) => boolean;

function ruleMatcher<E>(rule: Rule<E>, event: E): Matcher {
  if (typeof rule === 'string') return (q) => targets(rule, nameOf(q));
  return (q) => nameOf(q) === rule.query && rule.when(event, q.state.data);
}

/** How long changes are gathered before the reads they touch are invalidated together. */
export const GATHER_MS = 25;

class Invalidator {
  #pending: Matcher[] = [];
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly client: QueryClient) {}

  add(matchers: readonly Matcher[]): void {
    if (matchers.length === 0) return;
    this.#pending.push(...matchers);
    if (this.#timer === null) this.#timer = setTimeout(() => this.#flush(), GATHER_MS);
  }

  #flush(): void {
    const matchers = this.#pending;
    this.#pending = [];
    this.#timer = null;
    void this.client.invalidateQueries({ predicate: (q) => matchers.some((m) => m(q)) });
  }
}

const invalidators = new WeakMap<QueryClient, Invalidator>();

function invalidatorOf(client: QueryClient): Invalidator {
  let inv = invalidators.get(client);
  if (!inv) {
    inv = new Invalidator(client);
    invalidators.set(client, inv);
  }
  return inv;
}

export function invalidateForEvent(client: QueryClient, event: ApiEvent): void {
  const rules = EVENT_INVALIDATES[event.type] as readonly Rule<ApiEvent>[];
  invalidatorOf(client).add(rules.map((r) => ruleMatcher(r, event)));
}

/** Writes that change nothing a screen shows (a look at full numbers is only audited). */
const QUIET_WRITES: ReadonlySet<ProcedureName> = new Set<ProcedureName>(['petitions.reveal', 'auth.logout']);

export function invalidateAfterWrite(client: QueryClient, name: ProcedureName): void {
  if (QUIET_WRITES.has(name)) return;
  const domain = name.slice(0, name.indexOf('.')) as Domain;
  const all: QueryTarget[] = [`${domain}.*`, ...(WRITE_ALSO_INVALIDATES[domain] ?? [])];
  invalidatorOf(client).add(all.map((target) => (q: Query) => targets(target, nameOf(q))));
}
