/**
 * The county edition as it runs: server processes of the built browser host (`dist/main/host.cjs`, so
 * `npm run build` first; scripts/test-pg.mjs builds when the build is stale), each a Node process of its own over
 * one PostgreSQL database, with the test clock on. A test kills one with SIGKILL as a crash would.
 *
 * @example
 * const office = await countyOffice();
 * const a = await office.start();
 * const admin = await a.call<{ token: string }>('setup.create', { … });
 * const b = await office.start();
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { printedUrl, procedureCaller } from '../e2e/support/host';
import { createDatabaseFor, databaseUrlOf, dropDatabaseOf } from '../unit/support/pg-databases';

export const HOST_BUNDLE = 'dist/main/host.cjs';

export interface ServerProcess {
  /** The address with the per-launch token, as the process prints it for a person to open. */
  readonly url: string;
  readonly pid: number;
  /** What the process printed so far (stdout and stderr). */
  output(): string;
  /** Calls a procedure as the page does; a refusal throws with the core's message. */
  call<T = unknown>(name: string, input: unknown, session?: string | null): Promise<T>;
  /** SIGKILL: the process ends at once, as in a crash or a power cut, without closing anything. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export interface CountyOffice {
  readonly dataDir: string;
  readonly databaseUrl: string;
  /** Starts one more server process over the office's database, its test clock at `clockStart` (epoch ms). */
  start(clockStart: number): Promise<ServerProcess>;
  /** Stops every process still running and drops the database. */
  close(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** A database of its own on the run's server, one data folder (attachments) and one audit key for all its processes. */
export async function countyOffice(): Promise<CountyOffice> {
  if (!fs.existsSync(HOST_BUNDLE)) throw new Error(`${HOST_BUNDLE} is missing: run npm run build first (npm run test:pg does when the build is stale)`);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'petition-desk-county-'));
  const dataDir = path.join(root, 'data');
  await createDatabaseFor(dataDir);
  const databaseUrl = databaseUrlOf(dataDir);
  if (!databaseUrl) throw new Error('npm run test:pg sets the database server these tests run on');
  // The processes of one office verify and extend one audit chain: they share its key, as the county's servers do.
  const keyDir = path.join(root, 'keys');
  const children = new Set<ChildProcess>();
  return {
    dataDir,
    databaseUrl,
    async start(clockStart) {
      const child = spawn(process.execPath, [HOST_BUNDLE, '--data-dir', dataDir, '--database', databaseUrl, '--test-clock', '--test-clock-start', String(clockStart)], {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, PETITION_DESK_KEY_DIR: keyDir },
      });
      children.add(child);
      let out = '';
      child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
      const url = await printedUrl(child);
      return {
        url,
        pid: child.pid ?? 0,
        output: () => out,
        call: procedureCaller(url),
        async kill() {
          const gone = exited(child);
          child.kill('SIGKILL');
          await gone;
        },
        async stop() {
          const gone = exited(child);
          child.kill('SIGTERM');
          await gone;
        },
      };
    },
    async close() {
      await Promise.all(
        [...children].map((child) => {
          const gone = exited(child);
          child.kill('SIGTERM');
          return gone;
        }),
      );
      await dropDatabaseOf(dataDir);
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
