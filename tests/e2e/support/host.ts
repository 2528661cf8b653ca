/**
 * A browser-mode host as the e2e tests run it: the built `dist/main/host.cjs` in its own Node process over a
 * data folder, with the test clock on, and a client that calls its procedures the way the page does.
 *
 * @example
 * const host = await startHost(dataDir);
 * await host.call('clock.set', { setNow: Date.UTC(2026, 0, 5, 1) }, adminSession);
 * await host.stop();
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net, { type AddressInfo } from 'node:net';

export interface Host {
  /** The address with the per-launch token, as the host prints it for a person to open. */
  readonly url: string;
  readonly origin: string;
  /** Calls a procedure; a refusal throws with the core's message. */
  call<T = unknown>(name: string, input: unknown, session?: string | null): Promise<T>;
  stop(): Promise<void>;
}

/**
 * Starts the host on `port` (0: any free one). A port someone else took meanwhile is given up for a free one,
 * so a test never fails for it; it only loses the browser's cache (see fixtures.ts). `clockStart` (epoch ms)
 * starts the test clock there: moving it later needs an admin session, which an office not yet set up has not.
 */
export async function startHost(dataDir: string, port = 0, clockStart?: number): Promise<Host> {
  const clock = clockStart === undefined ? [] : ['--test-clock-start', String(clockStart)];
  const child = spawn(process.execPath, ['dist/main/host.cjs', '--data-dir', dataDir, '--test-clock', ...clock, '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env },
  });
  let url: string;
  try {
    url = await printedUrl(child);
  } catch (err) {
    if (port !== 0 && /EADDRINUSE/.test(String(err))) return startHost(dataDir, 0, clockStart);
    throw err;
  }
  return {
    url,
    origin: new URL(url).origin,
    call: procedureCaller(url),
    async stop() {
      // Gone already: exited, or ended by a signal (then exitCode stays null).
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Calls the procedures of the host at `url` (its printed address, with the token) as the page does. */
export function procedureCaller(url: string): Host['call'] {
  const { origin, searchParams } = new URL(url);
  const token = searchParams.get('token') ?? '';
  return async <T,>(name: string, input: unknown, session: string | null = null): Promise<T> => {
    const res = await fetch(`${origin}/api`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Desk-Token': token },
      body: JSON.stringify({ name, input, session }),
    });
    const body = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } };
    if (!body.ok) throw new Error(`${name}: ${body.error?.message}`);
    return body.value as T;
  };
}

/** A port free right now, for a worker's hosts to take one after another. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The address a starting host prints (PETITION_DESK_URL=…), or a refusal with what it printed if it does not start. */
export function printedUrl(child: ChildProcess, timeoutMs = 20_000): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`host did not start: ${out}`)), timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /PETITION_DESK_URL=(\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited ${code}: ${out}`));
    });
  });
}
