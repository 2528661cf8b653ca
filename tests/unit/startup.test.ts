/**
 * Start-up with its door open (main/app/startup.ts): the shells serve `startup.get` at once and say what opening
 * is doing (the screen shows it when that takes more than a second); every other call waits for the open app.
 */
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../main/app';
import { ManualClock } from '../../main/core/context';
import { DB_FILE_NAME } from '../../main/db';
import { migrationProvider } from '../../main/db/migrations';
import type { ApiResult, StartupProgress } from '../../shared/api';
import { tempDir } from './support/temp-dir';
import { at } from './support/test-app';

const opened: App[] = [];
afterEach(async () => {
  for (const app of opened.splice(0)) await app.close();
});

async function migrationNames(): Promise<string[]> {
  return Object.keys(await migrationProvider.getMigrations()).sort();
}

function starting(dataDir: string) {
  const seen: StartupProgress[] = [];
  const s = startApp({ dataDir, clock: new ManualClock(at('2026-11-02 09:00')), startScheduler: false, onProgress: (p) => seen.push(p) });
  opened.push(s.app);
  const call = async (name: string) => (await s.app.api.call({ name, input: {}, session: null })) as ApiResult<Record<string, unknown>>;
  return { ...s, seen, call };
}

describe('start-up progress', () => {
  it('answers at once while a new file is made, announces each migration in order, and serves other calls once open', async () => {
    const s = starting(tempDir('startup-new'));
    // Asked before opening could have finished: not ready, and another call is held rather than refused.
    const early = await s.call('startup.get');
    expect(early.ok && early.value.phase).not.toBe('ready');
    const setup = s.call('setup.get');

    await s.ready;
    const names = await migrationNames();
    expect(s.seen.filter((p) => p.phase === 'migrate').map((p) => p.migration)).toEqual(names.map((name, i) => ({ name, index: i + 1, of: names.length })));
    // A new file has nothing to back up; the chain is verified, then the rest is prepared.
    expect(s.seen.map((p) => p.phase).filter((p, i, all) => p !== all[i - 1])).toEqual(['migrate', 'verify', 'prepare']);
    const status = await setup;
    expect(status.ok && status.value.needsSetup).toBe(true);
    expect(await s.call('startup.get')).toEqual({ ok: true, value: { phase: 'ready', migration: null } });
  });

  it('backs up an older file before migrating it, and numbers only the migrations still to run', async () => {
    const dir = tempDir('startup-old');
    const names = await migrationNames();
    const from = names.indexOf('0010-ledger');
    const raw = new SqliteDatabase(path.join(dir, DB_FILE_NAME));
    const old = new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) });
    expect((await new Migrator({ db: old, provider: migrationProvider }).migrateTo(names[from]!)).error).toBeUndefined();
    await old.destroy();

    const s = starting(dir);
    await s.ready;
    const pending = names.slice(from + 1);
    expect(pending.length).toBeGreaterThan(0);
    expect(s.seen[0]).toEqual({ phase: 'backup', migration: null });
    expect(s.seen.filter((p) => p.phase === 'migrate').map((p) => p.migration)).toEqual(pending.map((name, i) => ({ name, index: i + 1, of: pending.length })));
    expect(fs.existsSync(path.join(dir, DB_FILE_NAME))).toBe(true);
  });

  it('a listener subscribed while the app opens hears its pushes once open; one that left before does not', async () => {
    const s = starting(tempDir('startup-push'));
    const stayed: string[] = [];
    const left: string[] = [];
    s.app.subscribe((e) => stayed.push(e.type));
    s.app.subscribe((e) => left.push(e.type))();
    const app = await s.ready;
    app.core.emit({ type: 'alarms.changed' });
    expect(stayed).toEqual(['alarms.changed']);
    expect(left).toEqual([]);
  });

  it('a start that fails says why to whoever waits for it, and to the calls it held', async () => {
    const dir = tempDir('startup-bad');
    fs.writeFileSync(path.join(dir, DB_FILE_NAME), 'this is not a database file, it is a note someone saved here by mistake');
    const s = startApp({ dataDir: dir, clock: new ManualClock(at('2026-11-02 09:00')), startScheduler: false });
    const held = s.app.api.call({ name: 'setup.get', input: {}, session: null });
    await expect(s.ready).rejects.toThrow(/not a database/);
    await expect(held).rejects.toThrow(/not a database/);
  });
});
