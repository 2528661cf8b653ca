/**
 * What the server processes on one database share, when a connection drops under them (the server restarted, a
 * network cut, an administrator ended the session): the scheduler lock passes to the process still connected, and
 * the event relay connects again and carries pushes as before.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresEventRelay, PostgresSchedulerLock } from '../../main/db/dialects/postgres-processes';
import { THIS_PROCESS } from '../../main/db/dialects';
import { createDatabaseFor, databaseUrlOf, dropDatabaseOf } from '../unit/support/pg-databases';

let dataDir: string;
let url: string;
let admin: pg.Client;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'petition-desk-links-'));
  await createDatabaseFor(dataDir);
  url = databaseUrlOf(dataDir) ?? '';
  admin = new pg.Client({ connectionString: url });
  await admin.connect();
});

afterAll(async () => {
  await admin?.end();
  await dropDatabaseOf(dataDir);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Ends the server sessions of this database whose connection name starts so, as an administrator or a crash would. */
async function endSessions(namePrefix: string, onlyLockHolder = false): Promise<number> {
  const r = await admin.query(
    `SELECT pg_terminate_backend(a.pid) FROM pg_stat_activity a
     WHERE a.datname = current_database() AND a.application_name LIKE $1 AND a.pid <> pg_backend_pid()
       AND (NOT $2 OR a.pid IN (SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted))`,
    [`${namePrefix}%`, onlyLockHolder],
  );
  return r.rowCount ?? 0;
}

async function until(check: () => boolean | Promise<boolean>, limitMs = 10_000): Promise<void> {
  const from = Date.now();
  while (!(await check())) {
    if (Date.now() - from > limitMs) throw new Error('not within the time allowed');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the scheduler lock', () => {
  it('is held by one process at a time; when its connection is ended it stands by and one of them takes the lock again', async () => {
    const said: string[] = [];
    const holds = { first: false, second: false };
    const locks = { first: new PostgresSchedulerLock(url, 200), second: new PostgresSchedulerLock(url, 200) };
    const tell = (who: 'first' | 'second') => (held: boolean) => {
      holds[who] = held;
      said.push(`${who} ${held ? 'holds' : 'lost'}`);
    };
    try {
      await locks.first.start(tell('first'));
      await locks.second.start(tell('second'));
      expect(said).toEqual(['first holds']);
      expect(await locks.second.holder()).toBe(THIS_PROCESS);

      expect(await endSessions('petition-desk scheduler', true)).toBe(1);
      await until(() => said.length === 3);
      // Both try again every 200 ms: which one takes it is a race, and exactly one does.
      expect(said.slice(0, 2)).toEqual(['first holds', 'first lost']);
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(said).toHaveLength(3);
      expect(Number(holds.first) + Number(holds.second)).toBe(1);

      // The holder stops (closes): the other takes over.
      const holder = holds.first ? 'first' : 'second';
      const other = holder === 'first' ? 'second' : 'first';
      await locks[holder].close();
      await until(() => said.length === 4);
      expect(said[3]).toBe(`${other} holds`);
    } finally {
      await locks.first.close();
      await locks.second.close();
    }
    // Nobody holds it once both closed.
    expect(await new PostgresSchedulerLock(url, 200).holder()).toBeNull();
  });
});

describe('the event relay', () => {
  it('carries an event to the other processes and not back to its sender, also after its connection was ended', async () => {
    const heardByFirst: unknown[] = [];
    const heardBySecond: unknown[] = [];
    const first = new PostgresEventRelay(url, (e) => heardByFirst.push(e));
    const second = new PostgresEventRelay(url, (e) => heardBySecond.push(e));
    try {
      await Promise.all([first.listening, second.listening]);
      first.publish({ type: 'approvals.changed', id: 1 });
      await until(() => heardBySecond.length === 1);
      expect(heardBySecond).toEqual([{ type: 'approvals.changed', id: 1 }]);

      expect(await endSessions('petition-desk events')).toBe(2);
      // Sent while the connections are down, an event is lost; the first one sent once both are back arrives.
      let n = 1;
      await until(() => {
        first.publish({ type: 'approvals.changed', id: ++n });
        return heardBySecond.length > 1;
      });
      second.publish({ type: 'petitions.changed', id: 7 });
      await until(() => heardByFirst.length === 1);
      expect(heardByFirst).toEqual([{ type: 'petitions.changed', id: 7 }]);
      expect(heardBySecond.every((e) => (e as { type: string }).type === 'approvals.changed')).toBe(true);
    } finally {
      await first.close();
      await second.close();
    }
  });
});
