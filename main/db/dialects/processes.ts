/**
 * What several app processes on one store must agree on: which of them runs the alarm scheduler, and how a push
 * made in one reaches the browsers connected to the others. The office's SQLite file has one process, which is
 * always the scheduler and has nobody to tell; the county's PostgreSQL database can have many
 * (./postgres-processes.ts: a session advisory lock and LISTEN/NOTIFY, each on a connection of its own).
 *
 * @example
 * const lock = schedulerLockFor(databaseUrl);
 * await lock.start((held) => (held ? scheduler.start() : scheduler.standBy()));
 * const relay = eventRelayFor(databaseUrl, (event) => deliverHere(event));
 * relay?.publish(event);
 */
import { PostgresEventRelay, PostgresSchedulerLock } from './postgres-processes';
import { THIS_PROCESS, type EventRelay, type SchedulerLock } from './dialect';

/** One process on the SQLite file: it holds the lock from the start, for good. */
const onlyProcess: SchedulerLock = {
  async start(onChange) {
    await onChange(true);
  },
  holder: () => Promise.resolve(THIS_PROCESS),
  close: () => Promise.resolve(),
};

/** The scheduler lock of the store at `databaseUrl` (null: the SQLite file). */
export function schedulerLockFor(databaseUrl: string | null): SchedulerLock {
  return databaseUrl ? new PostgresSchedulerLock(databaseUrl) : onlyProcess;
}

/**
 * The relay of pushes among the processes on the store at `databaseUrl`, listening at once and handing each event
 * another process sent to `deliver`; null on the SQLite file, where there is no other process.
 */
export function eventRelayFor(databaseUrl: string | null, deliver: (event: unknown) => void): EventRelay | null {
  return databaseUrl ? new PostgresEventRelay(databaseUrl, deliver) : null;
}
