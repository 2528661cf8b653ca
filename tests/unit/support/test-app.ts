/**
 * A real app over a real SQLite file in a folder of its own, with a clock the test controls. The folder starts
 * as a copy of the database migrated once per run (or of a template the test made); `close()` removes it. An
 * app opened inside a test is closed when the test finishes, whatever happened; one opened in a `beforeAll`
 * is closed by the test file's `afterAll`.
 *
 * @example
 * const t = await testApp({ now: '2026-11-02 09:00' });
 * const admin = await t.setup();
 * const r = await t.call(admin, 'petitions.list', {});
 */
import fs from 'node:fs';
import { inject, onTestFinished } from 'vitest';
import { openApp, type App } from '../../../main/app';
import { ManualClock } from '../../../main/core/context';
import type { ApiResult, ProcedureInput, ProcedureName, ProcedureOutput } from '../../../shared/api';
import { parseLocalDateTime } from '../../../shared/time';
import { copyOf, tempDir } from './temp-dir';
import { copyDatabaseOf, databaseUrlOf, dropDatabaseOf } from './pg-databases';

export const TZ = 'Asia/Shanghai';

export function at(text: string): number {
  const ms = parseLocalDateTime(text, TZ);
  if (ms === null) throw new Error(`bad test time ${text}`);
  return ms;
}

export interface TestApp {
  readonly app: App;
  readonly clock: ManualClock;
  readonly dataDir: string;
  call<N extends ProcedureName>(session: string | null, name: N, input: ProcedureInput<N>): Promise<ApiResult<ProcedureOutput<N>>>;
  /** Calls and fails the test unless the result is ok; an account it creates has chosen its first password (see firstLogin). */
  ok<N extends ProcedureName>(session: string | null, name: N, input: ProcedureInput<N>): Promise<ProcedureOutput<N>>;
  setup(): Promise<string>;
  addUser(admin: string, username: string, role: 'clerk' | 'leader' | 'duty_officer' | 'admin', displayName?: string): Promise<{ id: number; token: string }>;
  /** Closes the app and removes its folder. Safe to call again. */
  close(): Promise<void>;
  /** The PC restarts: closes the app and opens a new one over the same folder at `now`, which then owns it. */
  reopen(now: string): Promise<TestApp>;
  /**
   * Closes the app and keeps its folder, which it returns: a template for `testApp({ from })`, or a folder the
   * caller opens otherwise and removes itself.
   */
  closeKeepingFolder(): Promise<string>;
}

export const ADMIN_PASSWORD = 'Admin2026';

/**
 * Opens a test app at `now` (default Monday 2026-11-02 09:00) over a copy of `from`, a data folder: by default
 * the freshly migrated database, else a template kept with `closeKeepingFolder()`.
 */
export async function testApp(options: { now?: string; from?: string; store?: 'sqlite' } = {}): Promise<TestApp> {
  const now = options.now ?? '2026-11-02 09:00';
  // A new SQLite file beside the PostgreSQL offices of `npm run test:pg`, for tests that compare the two stores.
  if (options.store === 'sqlite') return openOver(tempDir('sqlite-app'), now, null);
  const from = options.from ?? inject('migratedDataDir');
  const dataDir = copyOf(from);
  await copyDatabaseOf(from, dataDir);
  return openOver(dataDir, now, databaseUrlOf(dataDir));
}

async function openOver(dataDir: string, now: string, databaseUrl: string | null): Promise<TestApp> {
  const clock = new ManualClock(at(now));
  const app = await openApp({ dataDir, databaseUrl, clock, startScheduler: false });
  let closed = false;
  // After reopen() or closeKeepingFolder() the folder is no longer this app's to remove.
  let ownsFolder = true;
  const shut = async () => {
    if (closed) return;
    closed = true;
    await app.close();
  };
  const call = async <N extends ProcedureName>(session: string | null, name: N, input: ProcedureInput<N>) =>
    (await app.api.call({ name, input, session })) as ApiResult<ProcedureOutput<N>>;
  const ok = async <N extends ProcedureName>(session: string | null, name: N, input: ProcedureInput<N>) => {
    const r = await call(session, name, input);
    if (!r.ok) throw new Error(`${name} failed: ${r.error.code} ${r.error.message} ${JSON.stringify(r.error.fields ?? {})}`);
    if (name === 'users.create') await firstLogin(input as ProcedureInput<'users.create'>);
    return r.value;
  };
  /**
   * A person added with `ok(…, 'users.create', …)` has been through their first login and chose a password of
   * their own, which is the one the test gave (set in the file: three more password hashes per account made many
   * tests slow), so the test can log in with it and be let in everywhere. Tests of the forced change itself create
   * the account with `call`.
   */
  const firstLogin = async ({ username }: { username: string }) => {
    await app.core.db.updateTable('users').set({ must_change_password: 0 }).where('username', '=', username).execute();
  };
  const t: TestApp = {
    app,
    clock,
    dataDir,
    call,
    ok,
    async setup() {
      const r = await ok(null, 'setup.create', {
        officeName: '青山镇信访办',
        township: '青山镇',
        timeZone: TZ,
        admin: { username: 'admin', displayName: '王管理', password: ADMIN_PASSWORD },
      });
      return r.token;
    },
    async addUser(admin, username, role, displayName) {
      const user = await ok(admin, 'users.create', { username, displayName: displayName ?? username, role, password: 'Passw0rd1' });
      const { token } = await ok(null, 'auth.login', { username, password: 'Passw0rd1' });
      return { id: user.id, token };
    },
    async close() {
      await shut();
      if (!ownsFolder) return;
      await dropDatabaseOf(dataDir);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
    async reopen(later) {
      await shut();
      ownsFolder = false;
      return openOver(dataDir, later, databaseUrl);
    },
    async closeKeepingFolder() {
      await shut();
      ownsFolder = false;
      return dataDir;
    },
  };
  closeWhenTheTestEnds(t);
  return t;
}

/** Inside a test, the app closes when the test ends; in a beforeAll hook there is no test, so afterAll must. */
function closeWhenTheTestEnds(t: TestApp): void {
  try {
    onTestFinished(() => t.close());
  } catch {
    // Opened by a beforeAll hook: the file's afterAll closes it.
  }
}
