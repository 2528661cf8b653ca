/**
 * An office for a benchmark: an app over a fresh temp folder, set up, with the admin's session and a `call` that
 * fails loudly on a refusal (a benchmark measures the path that works).
 *
 * @example
 * const { app, call, token } = await benchOffice({ clock });
 * await call(token, 'petitions.list', {});
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp, type App, type AppOptions } from '../../../main/app';
import type { ApiResult } from '../../../shared/api';

export interface BenchOffice {
  readonly app: App;
  readonly dataDir: string;
  readonly token: string;
  call(session: string | null, name: string, input: unknown): Promise<Record<string, unknown>>;
}

export async function benchOffice(options: Omit<AppOptions, 'dataDir'> = {}): Promise<BenchOffice> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'petition-desk-bench-'));
  const app = await openApp({ ...options, dataDir });
  const call = async (session: string | null, name: string, input: unknown) => {
    const r = (await app.api.call({ name, input, session })) as ApiResult<unknown>;
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    return r.value as Record<string, unknown>;
  };
  const { token } = (await call(null, 'setup.create', {
    officeName: '基准测试镇信访办',
    township: '基准测试镇',
    timeZone: 'Asia/Shanghai',
    admin: { username: 'admin', displayName: '管理员', password: 'Bench2026x' },
  })) as { token: string };
  return { app, dataDir, token, call };
}
