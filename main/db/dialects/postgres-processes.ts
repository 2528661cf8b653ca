/**
 * Several app processes on one PostgreSQL database (./processes.ts says what they agree on). Each of the two parts
 * has a connection of its own, outside the pool: a session advisory lock lives as long as its connection, and a
 * LISTEN hears only on the connection that issued it. When a process dies its connections drop and the server
 * frees the lock, so another process takes it at its next try.
 *
 * @example
 * const lock = new PostgresSchedulerLock(url);
 * await lock.start((held) => console.log(held ? 'scheduling here' : 'standing by'));
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { LOCK_SPACE } from './postgres';
import { THIS_PROCESS, type EventRelay, type SchedulerLock } from './dialect';

/** The alarm scheduler's advisory lock: ("PD", 1), beside the audit chain's ("PD", 0). */
const SCHEDULER_LOCK = 1;
/**
 * How often a process standing by tries the lock, and the holder checks that its connection is alive: a dead
 * holder is replaced within this (its connection drops when it dies), well inside the 30 s an alarm may wait.
 */
export const LOCK_RETRY_MS = 5_000;
/** How long the event relay waits before connecting again after its connection dropped. */
const RELAY_RECONNECT_MS = 2_000;
const CHANNEL = 'petition_desk_events';
/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more. */
const MAX_PAYLOAD_BYTES = 7_999;
/** pg_stat_activity keeps 63 bytes of a connection's name. */
const SCHEDULER_APP_NAME = 'petition-desk scheduler ';

function connectionName(prefix: string): string {
  const name = `${prefix}${THIS_PROCESS}`;
  return Buffer.byteLength(name) <= 63 ? name : Buffer.from(name).subarray(0, 63).toString().replace(/\uFFFD+$/, '');
}

/** One line for the log: a dropped connection is expected now and then, and its stack says nothing more. */
function reason(err: unknown): string {
  if (err === null) return 'the connection ended';
  return err instanceof Error ? err.message : String(err);
}

function newClient(url: string, applicationName: string): pg.Client {
  // keepAlive: a peer that vanished without closing (cable pulled) is noticed by TCP, not only at the next query.
  return new pg.Client({ connectionString: url, application_name: applicationName, keepAlive: true });
}

/**
 * A connection of its own, outside the pool, kept until close(): what runs on it is the subclass's, and so is what
 * to do when it drops (`lost`), which the server or the network may do at any moment.
 */
abstract class OwnConnection {
  protected readonly url: string;
  protected client: pg.Client | null = null;
  protected closed = false;
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(url: string) {
    this.url = url;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  /** The connection dropped (it is already let go): `err` says why, null when it simply ended. Not after close(). */
  protected abstract lost(err: unknown): void;

  /** Connects under `applicationName` (as pg_stat_activity shows it); `client` is this connection meanwhile. */
  protected async open(applicationName: string, onNotification?: (payload: string | undefined) => void): Promise<pg.Client> {
    const client = newClient(this.url, connectionName(applicationName));
    // An error on an idle connection comes as an event; unhandled, it would end the process.
    client.on('error', (err) => this.dropped(client, err));
    client.on('end', () => this.dropped(client, null));
    if (onNotification) client.on('notification', (message) => onNotification(message.payload));
    this.client = client;
    await client.connect();
    return client;
  }

  /** A connection that failed is let go here, also one that failed while connecting. */
  protected dropped(client: pg.Client, err: unknown): void {
    if (this.client !== client) return;
    this.client = null;
    client.end().catch(() => undefined);
    if (!this.closed) this.lost(err);
  }

  /** Runs `next` after `ms` (unless closed by then), without keeping the process alive for it. */
  protected after(ms: number, next: () => Promise<void>): void {
    if (this.closed) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      if (!this.closed) void next();
    }, ms);
    this.#timer.unref?.();
  }
}

export class PostgresSchedulerLock extends OwnConnection implements SchedulerLock {
  readonly #retryMs: number;
  #held = false;
  #onChange: ((held: boolean) => void | Promise<unknown>) | null = null;
  /** Whom the log last named as the holder, so standing by is said once, not every few seconds. */
  #toldHolder: string | null = null;

  constructor(url: string, retryMs = LOCK_RETRY_MS) {
    super(url);
    this.#retryMs = retryMs;
  }

  async start(onChange: (held: boolean) => void | Promise<unknown>): Promise<void> {
    this.#onChange = onChange;
    await this.#try();
  }

  async holder(): Promise<string | null> {
    const own = this.client;
    const client = own ?? newClient(this.url, connectionName('petition-desk '));
    try {
      if (!own) await client.connect();
      // A two-key advisory lock shows its keys as classid and objid, objsubid 2.
      const r = await client.query<{ name: string }>(
        `SELECT a.application_name AS name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
         WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2 AND l.classid = $1::int::oid AND l.objid = $2::int::oid
           AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
        [LOCK_SPACE, SCHEDULER_LOCK],
      );
      const name = r.rows[0]?.name;
      if (name === undefined) return null;
      return name.startsWith(SCHEDULER_APP_NAME) ? name.slice(SCHEDULER_APP_NAME.length) : name;
    } finally {
      if (!own) await client.end().catch(() => undefined);
    }
  }

  override async close(): Promise<void> {
    this.#held = false;
    // Ending the session frees the lock now, so the next process need not wait for a dropped connection.
    await super.close();
  }

  /** One try: take the lock, or (holding it) check the connection still holds it; then the next try is armed. */
  async #try(): Promise<void> {
    if (this.closed) return;
    let client: pg.Client | null = null;
    try {
      client = this.client ?? (await this.open(SCHEDULER_APP_NAME));
      if (this.#held) {
        await client.query('SELECT 1');
      } else {
        const r = await client.query<{ got: boolean }>('SELECT pg_try_advisory_lock($1::int, $2::int) AS got', [LOCK_SPACE, SCHEDULER_LOCK]);
        if (r.rows[0]?.got === true && !this.closed) {
          this.#held = true;
          this.#toldHolder = null;
          console.log(`[alarms] 本进程负责提醒调度 / this process runs the alarm scheduler (${THIS_PROCESS})`);
          await this.#tell(true);
        } else if (!this.closed) {
          await this.#sayWhoHolds();
        }
      }
    } catch (err) {
      const failed = client ?? this.client;
      if (failed) this.dropped(failed, err);
      if (!this.#held && this.#toldHolder !== 'unreachable') {
        this.#toldHolder = 'unreachable';
        console.error(`[alarms] the database cannot be reached for the scheduler lock (${reason(err)}); trying again`);
      }
    }
    this.after(this.#retryMs, () => this.#try());
  }

  /** The connection is gone, and with it the lock if this process held it: the scheduler stands by. */
  protected lost(err: unknown): void {
    if (!this.#held) return;
    this.#held = false;
    console.error(`[alarms] the scheduler lock was lost with its connection (${reason(err)}); standing by`);
    void this.#tell(false);
  }

  async #tell(held: boolean): Promise<void> {
    try {
      await this.#onChange?.(held);
    } catch (err) {
      console.error('[alarms] starting or stopping the scheduler failed:', err);
    }
  }

  async #sayWhoHolds(): Promise<void> {
    const holder = await this.holder();
    const named = holder ?? 'none';
    if (named === this.#toldHolder) return;
    this.#toldHolder = named;
    console.log(`[alarms] 提醒调度由另一进程负责 / another process runs the alarm scheduler: ${holder ?? '(being handed over)'}; this one takes over if it stops`);
  }
}

/** An event as it travels: who sent it, so that its sender ignores its own. */
interface Envelope {
  readonly from: string;
  readonly event: unknown;
}

export class PostgresEventRelay extends OwnConnection implements EventRelay {
  /** Unique to this relay: a process id alone could be reused by another machine's process. */
  readonly #id = randomUUID();
  readonly #deliver: (event: unknown) => void;
  #down = false;
  readonly listening: Promise<void>;

  constructor(url: string, deliver: (event: unknown) => void) {
    super(url);
    this.#deliver = deliver;
    this.listening = this.#listen();
  }

  publish(event: unknown): void {
    const payload = JSON.stringify({ from: this.#id, event } satisfies Envelope);
    if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) {
      console.error(`[events] an event too large to send to the other processes was kept here (${Buffer.byteLength(payload)} bytes)`);
      return;
    }
    // While the connection is down the other processes miss it: their browsers see it at their next read.
    // A failure here also comes as the client's error event, which reconnects.
    this.client?.query('SELECT pg_notify($1, $2)', [CHANNEL, payload]).catch(() => undefined);
  }

  async #listen(): Promise<void> {
    if (this.closed) return;
    let client: pg.Client | null = null;
    try {
      client = await this.open('petition-desk events ', (payload) => this.#receive(payload));
      await client.query(`LISTEN ${CHANNEL}`);
      if (this.#down) console.log('[events] listening to the other processes again');
      this.#down = false;
    } catch (err) {
      const failed = client ?? this.client;
      if (failed) this.dropped(failed, err);
    }
  }

  #receive(payload: string | undefined): void {
    let envelope: Envelope;
    try {
      envelope = JSON.parse(payload ?? '') as Envelope;
    } catch {
      return;
    }
    if (envelope.from === this.#id) return;
    this.#deliver(envelope.event);
  }

  protected lost(err: unknown): void {
    if (!this.#down) console.error(`[events] the connection that hears the other processes dropped (${reason(err)}); connecting again`);
    this.#down = true;
    this.after(RELAY_RECONNECT_MS, () => this.#listen());
  }
}
