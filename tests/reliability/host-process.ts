/**
 * The real browser-mode process (dist/main/host.cjs) over a data folder, started and killed as a crash would:
 * SIGKILL, no chance to finish anything. Calls go over HTTP exactly as the renderer's do.
 *
 * @example
 * const host = await startHostProcess(dataDir);
 * const r = await host.call('petitions.list', {}, session); // { status: 200, result: { ok: true, value } }
 * host.kill();                                               // kill -9
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { ApiResult } from '../../shared/api';
import { printedUrl } from '../e2e/support/host';

export const HOST_BUNDLE = path.resolve('dist/main/host.cjs');

export interface HostCall<T = unknown> {
  /** The HTTP status; anything but 200 on /api is a failure of the transport. */
  readonly status: number;
  readonly result: ApiResult<T> | null;
  readonly text: string;
}

export interface HostProcess {
  readonly url: string;
  readonly child: ChildProcess;
  call<T = unknown>(name: string, input: unknown, session?: string | null): Promise<HostCall<T>>;
  /** Sends a raw body (not even JSON, perhaps). */
  post(body: string): Promise<HostCall>;
  kill(): Promise<void>;
  /** A clean stop (SIGTERM), as closing the window would. */
  stop(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function startHostProcess(dataDir: string): Promise<HostProcess> {
  const child = spawn(process.execPath, [HOST_BUNDLE, '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env } });
  const url = await printedUrl(child, 60_000);
  const address = new URL(url);
  const token = address.searchParams.get('token') ?? '';
  const post = async (body: string): Promise<HostCall> => {
    const res = await fetch(`${address.origin}/api`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-desk-token': token }, body });
    const text = await res.text();
    let result: ApiResult<unknown> | null;
    try {
      result = JSON.parse(text) as ApiResult<unknown>;
    } catch {
      result = null;
    }
    return { status: res.status, result, text };
  };
  // The address comes before the data has opened (the start-up screen): any call but startup.get waits for it, so
  // once this one answers, the file holds its schema for the checks that read it directly.
  await post(JSON.stringify({ name: 'setup.get', input: {}, session: null }));
  return {
    url,
    child,
    post,
    call: async <T>(name: string, input: unknown, session: string | null = null) => (await post(JSON.stringify({ name, input, session }))) as HostCall<T>,
    async kill() {
      child.kill('SIGKILL');
      await exited(child);
    },
    async stop() {
      child.kill('SIGTERM');
      await exited(child);
    },
  };
}

/** The value of an ok call, or an error that says what came back. */
export async function ok<T>(host: HostProcess, name: string, input: unknown, session: string | null = null): Promise<T> {
  const r = await host.call<T>(name, input, session);
  if (r.status !== 200 || !r.result?.ok) throw new Error(`${name} failed (${r.status}): ${r.text.slice(0, 300)}`);
  return r.result.value;
}
