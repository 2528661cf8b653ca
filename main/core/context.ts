import type { Db } from '../db';
import type { Role } from '../../shared/enums';
import type { ApiEvent } from '../../shared/api';

/** The only source of "now" in the core: the system clock in the app, a controllable one in tests. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock tests and the test-only control can move. */
export class ManualClock implements Clock {
  #now: number;
  constructor(start: number) {
    this.#now = start;
  }
  now(): number {
    return this.#now;
  }
  set(ms: number): void {
    this.#now = ms;
  }
  advance(ms: number): void {
    this.#now += ms;
  }
}

/** A clock that follows the system clock from an offset the test control sets; off in production. */
export class OffsetClock implements Clock {
  #offset = 0;
  now(): number {
    return Date.now() + this.#offset;
  }
  set(ms: number): void {
    this.#offset = ms - Date.now();
  }
  advance(ms: number): void {
    this.#offset += ms;
  }
}

export type EventSink = (event: ApiEvent) => void;

export interface Core {
  readonly db: Db;
  readonly clock: Clock;
  readonly dataDir: string;
  readonly emit: EventSink;
}

/** The person on whose behalf the core acts; every write names one for the audit. */
export interface Actor {
  readonly id: number;
  readonly name: string;
  readonly role: Role;
}
