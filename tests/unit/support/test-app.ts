/**
 * A real app over a real SQLite file in a fresh temp folder, with a clock the test controls.
 *
 * @example
 * const t = await testApp({ now: '2026-11-02 09:00' });
 * const admin = await t.setup();
 * const r = await t.call(admin, 'petitions.list', {});
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp, type App } from '../../../main/app';
import { ManualClock } from '../../../main/core/context';
import type { ApiResult, ProcedureInput, ProcedureName, ProcedureOutput } from '../../../shared/api';
import { parseLocalDateTime } from '../../../shared/time';

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
  /** Calls and fails the test unless the result is ok. */
  ok<N extends ProcedureName>(session: string | null, name: N, input: ProcedureInput<N>): Promise<ProcedureOutput<N>>;
  setup(): Promise<string>;
  addUser(admin: string, username: string, role: 'clerk' | 'leader' | 'duty_officer' | 'admin', displayName?: string): Promise<{ id: number; token: string }>;
  close(): Promise<void>;
}

export const ADMIN_PASSWORD = 'Admin2026';

export async function testApp(options: { now?: string; dataDir?: string } = {}): Promise<TestApp> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'petition-desk-test-'));
  const clock = new ManualClock(at(options.now ?? '2026-11-02 09:00'));
  const app = await openApp({ dataDir, clock, startScheduler: false });
  const call = async <N extends ProcedureName>(session: string | null, name: N, input: ProcedureInput<N>) =>
    (await app.api.call({ name, input, session })) as ApiResult<ProcedureOutput<N>>;
  const ok = async <N extends ProcedureName>(session: string | null, name: N, input: ProcedureInput<N>) => {
    const r = await call(session, name, input);
    if (!r.ok) throw new Error(`${name} failed: ${r.error.code} ${r.error.message} ${JSON.stringify(r.error.fields ?? {})}`);
    return r.value;
  };
  return {
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
    close: () => app.close(),
  };
}
