/**
 * ONE timer for all alarms, armed for the earliest thing waiting but never longer than 30 s: a long timer
 * drifts across sleep and clock jumps, so every wake compares stored absolute times with now and catches up
 * whatever came due meanwhile. No per-deadline timers, no per-second polling.
 *
 * @example
 * const scheduler = new AlarmScheduler(core, { onFired: (f) => notify(f) });
 * await scheduler.start();   // fires what was missed while the app was closed, marked late
 * scheduler.poke();          // after any change that touches deadlines
 * scheduler.standBy();       // another server process on the same database runs the alarms now
 */
import type { Core } from '../context';
import { nextAlarmWakeAt, processDueAlarms, type FiredAlarm } from './engine';

export const MAX_SLEEP_MS = 30_000;
/** A wake this much later than planned means the machine slept or the clock jumped. */
export const JUMP_TOLERANCE_MS = 60_000;

export interface SchedulerOptions {
  readonly onFired?: (fired: readonly FiredAlarm[]) => void;
  /**
   * Runs before each pass, e.g. to create deadlines that exist only for the time ahead (zero reports), so
   * their alarms are processed in the same pass. A failure is reported and does not stop the alarms.
   * `full` is false for a pass that only the timer or a change that cannot touch that work asked for (see poke).
   */
  readonly beforePass?: (now: number, full: boolean) => Promise<unknown>;
  readonly onClockJump?: (info: { expectedAt: number; wokeAt: number }) => void;
  readonly maxSleepMs?: number;
}

export class AlarmScheduler {
  readonly #core: Core;
  readonly #options: SchedulerOptions;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #running: Promise<readonly FiredAlarm[]> | null = null;
  #again = false;
  #againFull = false;
  #stopped = true;
  /** Another process on the same database runs the alarms (it holds the scheduler lock): passes do nothing here. */
  #elsewhere = false;
  #plannedWallAt = 0;
  /** How many times the timer woke; the benchmark reads it to show the timer is not polling. */
  wakes = 0;

  constructor(core: Core, options: SchedulerOptions = {}) {
    this.#core = core;
    this.#options = options;
  }

  async start(): Promise<readonly FiredAlarm[]> {
    this.#stopped = false;
    this.#elsewhere = false;
    return this.tick();
  }

  /**
   * Another process runs the alarms: this one stops its timer, and a pass asked for by hand (the test clock's
   * jump) does nothing, so two processes never work through the same alarms. start() takes them back.
   */
  standBy(): void {
    this.#elsewhere = true;
    this.stop();
  }

  stop(): void {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  /**
   * Something changed (a deadline, the calendar, the roster, the clock): look again now. `full` false says the
   * change was one that only moves deadlines and alarms (a petition saved), so the pass may skip beforePass's work.
   */
  poke(full = true): void {
    if (this.#stopped) return;
    this.#tickInBackground(full);
  }

  /** For the timer and pokes: a failed pass is reported once, inside the pass, and nobody awaits this one. */
  #tickInBackground(full: boolean): void {
    this.tick(full).catch(() => undefined);
  }

  /** Processes everything due at the core's now, then re-arms. Safe to call at any time, any number of times. */
  async tick(full = true): Promise<readonly FiredAlarm[]> {
    if (this.#elsewhere) return [];
    if (this.#running) {
      this.#again = true;
      this.#againFull ||= full;
      return this.#running;
    }
    this.#running = (async () => {
      const all: FiredAlarm[] = [];
      let passFull = full;
      try {
        do {
          this.#again = false;
          this.#againFull = false;
          if (this.#options.beforePass) {
            try {
              await this.#options.beforePass(this.#core.clock.now(), passFull);
            } catch (err) {
              console.error('[alarms] preparing the pass failed:', err);
            }
          }
          const fired = await processDueAlarms(this.#core, this.#core.clock.now());
          all.push(...fired);
          passFull = this.#againFull;
        } while (this.#again);
        if (all.length > 0) this.#options.onFired?.(all);
      } catch (err) {
        // After stop() the store is being closed under a pass still running: that is shutting down, not a fault.
        if (!this.#stopped) console.error('[alarms] the pass failed; it is tried again at the next wake:', err);
        throw err;
      } finally {
        // A failed pass (the database locked for a moment) must not leave the app without a timer: no alarm
        // would ring again until something happened to poke it.
        await this.#arm();
      }
      return all;
    })();
    try {
      return await this.#running;
    } finally {
      this.#running = null;
    }
  }

  async #arm(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    if (this.#stopped) return;
    const next = await nextAlarmWakeAt(this.#core.db);
    const now = this.#core.clock.now();
    const maxSleep = this.#options.maxSleepMs ?? MAX_SLEEP_MS;
    const delay = next === null ? maxSleep : Math.min(Math.max(0, next - now), maxSleep);
    this.#plannedWallAt = Date.now() + delay;
    this.#timer = setTimeout(() => {
      this.wakes++;
      const late = Date.now() - this.#plannedWallAt;
      if (late > JUMP_TOLERANCE_MS) this.#options.onClockJump?.({ expectedAt: this.#plannedWallAt, wokeAt: Date.now() });
      this.#tickInBackground(false);
    }, delay);
    this.#timer.unref?.();
  }
}
