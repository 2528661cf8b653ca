/**
 * The CPU a running app burns while nothing happens (issue 15: "≈ 0"), measured fairly. Once allocation stops,
 * V8's memory reducer shrinks the heap (about 100 ms of CPU, once, at an unpredictable moment) and would be billed
 * to whichever idle period it lands in, so a benchmark that measures idling re-runs itself with the reducer off
 * and with gc(), and starts each idle period from a clean heap.
 *
 * @example
 * runWithIdleFlags(main);
 * const cpu = await idleCpu(60, 6, () => app.scheduler.wakes);
 */
import { spawnSync } from 'node:child_process';

const NODE_FLAGS = ['--no-memory-reducer', '--expose-gc'];
const collectGarbage = (): void => (globalThis as { gc?: () => void }).gc?.();
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function cpuMs(since: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
}

export interface IdleFigures {
  readonly idleCpuMs: number;
  /** The median slice's CPU: the steady cost, should any one-off burst remain. */
  readonly idleSliceMs: number;
  readonly idleWallMs: number;
  readonly idleWakes: number;
}

/** CPU over `seconds` of idling, in `slices` slices, and how many times `wakes` counted meanwhile. */
export async function idleCpu(seconds: number, slices: number, wakes: () => number): Promise<IdleFigures> {
  collectGarbage();
  await sleep(1000);
  collectGarbage();
  const w0 = wakes();
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const each: number[] = [];
  for (let i = 0; i < slices; i++) {
    const c = process.cpuUsage();
    await sleep((seconds * 1000) / slices);
    each.push(cpuMs(c));
  }
  const median = [...each].sort((a, b) => a - b)[Math.floor(slices / 2)] ?? NaN;
  return { idleCpuMs: cpuMs(c0), idleSliceMs: median, idleWallMs: performance.now() - t0, idleWakes: wakes() - w0 };
}

/** Runs `main` in this process when it has the flags, else in a child process of this script that has them. */
export function runWithIdleFlags(main: () => Promise<void>): void {
  if (NODE_FLAGS.every((f) => process.execArgv.includes(f))) {
    main().catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
  } else {
    const r = spawnSync(process.execPath, [...NODE_FLAGS, __filename, ...process.argv.slice(2)], { stdio: 'inherit' });
    process.exit(r.status ?? 1);
  }
}
