/**
 * The composition root shared by the Electron shell and browser mode: opens the store, builds the core and
 * the procedure table. Neither shell knows anything else about the core.
 *
 * A restore restarts the app: Electron relaunches through the `relaunch` hook its shell passes; browser mode
 * (no hook) closes and reopens the store in this process, holding calls that arrive meanwhile, so the host, its
 * port and its token stay as they were. Either way the staged backup is swapped in as the store opens.
 *
 * @example
 * const app = await openApp({ dataDir: defaultDataDir() });
 * const result = await app.api.call({ name: 'setup.get', input: {} });
 * await app.close();
 */
import { openAnyStore, openStore, type AnyStore, type Db } from '../db';
import { OffsetClock, systemClock, type Clock, type Core } from '../core/context';
import { seedShippedCalendar } from '../core/calendar';
import { createApi, type Api } from '../api';
import { AlarmScheduler } from '../core/alarms';
import { ensureZeroReportDeadlines } from '../core/zero-reports';
import { sweepDataFolder } from '../core/storage';
import {
  APP_VERSION,
  applyPendingRestore,
  Backups,
  completeRestore,
  postgresCopier,
  putBackStagedDatabase,
  rollBackRestore,
  type DatabaseCopier,
  type PendingRestore,
  type WrittenBackup,
} from '../core/backup';
import type { ApiEvent, StartupProgress } from '../../shared/api';
import type { PdfMaker } from '../core/notices';
import { auditKeyDir, openAuditChain, type AuditWatch, type SecretSealer } from '../core/audit';
import { eventRelayFor, schedulerLockFor } from '../db/dialects';

export * from './static-files';
export { startApp, type StartingApp } from './startup';
export * from './attachment-files';
export { restoreFromCommandLine, type CommandLineRestore } from './restore-command';
export { importTownshipCommand } from './township-command';

export interface AppOptions {
  readonly dataDir: string;
  /**
   * The county edition: the PostgreSQL database at this URL instead of the SQLite file in the data folder
   * (which then keeps only attachments and the like). Its backups are pg_dump's, made with the programs of the
   * server's version (PG_BIN or /usr/lib/postgresql/<version>/bin).
   */
  readonly databaseUrl?: string | null;
  /** Enables the `dev.clock` procedure so e2e tests can move time. Never set in a packaged build. */
  readonly testClock?: boolean;
  /** Where the test clock starts (epoch ms), so an office can be set up at a chosen time before anyone may move it. */
  readonly testClockStart?: number;
  readonly clock?: Clock;
  /** Unit tests drive the scheduler by hand with `app.scheduler.tick()`; the app runs it on its timer. */
  readonly startScheduler?: boolean;
  /** Makes notice PDFs with the shell's Chromium (Electron's printToPDF, or playwright-core in browser mode). */
  readonly makePdf?: PdfMaker | null;
  /**
   * Where the audit key is kept, outside the data folder (default: PETITION_DESK_KEY_DIR, else the user's config
   * folder; main/core/audit/key-store.ts), and how it is sealed (Electron passes safeStorage).
   */
  readonly auditKey?: { readonly dir?: string; readonly sealer?: SecretSealer | null };
  /** Closing makes a backup (when set up and something was written since the last): the shells set this. */
  readonly backupAtExit?: boolean;
  /** Restarts the whole app after a restore is staged (Electron: app.relaunch); without it the store is reopened here. */
  readonly relaunch?: () => void;
  /** Told what opening is doing (the start-up screen: main/app/startup.ts). */
  readonly onProgress?: (progress: StartupProgress) => void;
}

export interface App {
  readonly api: Api;
  readonly core: Core;
  readonly scheduler: AlarmScheduler;
  readonly auditWatch: AuditWatch;
  readonly backups: Backups;
  subscribe(listener: (event: ApiEvent) => void): () => void;
  close(): Promise<void>;
}

/** How often the timer's passes look at the zero-report deadlines when nothing asked for it. */
export const ZERO_REPORT_RECHECK_MS = 60_000;
/** Changes that can move deadlines and alarms but never units, periods or settings: their pass skips zero reports. */
const DEADLINES_ONLY_EVENTS: ReadonlySet<ApiEvent['type']> = new Set(['petitions.changed', 'warnings.changed', 'notices.changed', 'approvals.changed', 'audit.verified']);

interface Opened {
  readonly api: Api;
  readonly core: Core;
  readonly scheduler: AlarmScheduler;
  readonly backups: Backups;
  readonly auditWatch: AuditWatch;
  close(): Promise<void>;
}

interface Wiring {
  readonly options: AppOptions;
  readonly clock: Clock;
  readonly testClock: OffsetClock | null;
  readonly emit: (event: ApiEvent) => void;
  readonly restart: () => void;
}

/** Opens the store (swapping in a staged restore first) and builds everything over it. */
async function openOnce(w: Wiring): Promise<Opened> {
  const { options } = w;
  const progress = progressOf(options);
  const databaseUrl = options.databaseUrl ?? null;
  if (databaseUrl) return openOnPostgres(w, databaseUrl);
  const pending = applyPendingRestore(options.dataDir);
  const wiring = backupWiring(w, progress);
  const onMigration = migrationProgress(progress);
  let store: AnyStore;
  let restoreFailed: unknown = null;
  try {
    // A restored backup is itself the copy: no second one before migrating it.
    store = await openStore(options.dataDir, pending ? { onMigration } : { beforeMigrate: wiring.beforeMigrate, onMigration });
  } catch (err) {
    if (!pending) throw err;
    restoreFailed = err;
    rollBackRestore(options.dataDir);
    store = await openStore(options.dataDir, { beforeMigrate: wiring.beforeMigrate, onMigration });
  }
  return wiring.finish(store, pending, restoreFailed);
}

/**
 * The backups of a store being opened, the same on both stores but for the copier: the safety copy before a
 * migration, then, once the audit chain is open, the Backups (which verify copies under the office's key), the
 * end of a restore that was swapped in, and the record of the copy made before the migration.
 */
function backupWiring(w: Wiring, progress: ReturnType<typeof progressOf>, copier?: DatabaseCopier) {
  const { options } = w;
  let preMigration: WrittenBackup | null = null;
  // A backup's copy is verified under the office's audit key once the chain is open (before a migration it is not).
  let auditWatch: AuditWatch | null = null;
  const backupsOver = (db: Db) =>
    new Backups(
      { db, clock: w.clock, dataDir: options.dataDir, emit: w.emit },
      { appVersion: APP_VERSION, restart: w.restart, auditKeyOn: () => (auditWatch ? (copy) => auditWatch?.installOnCopy(copy) ?? false : null), ...(copier ? { copier } : {}) },
    );
  const beforeMigrate = async (db: Db) => {
    progress('backup');
    try {
      preMigration = await backupsOver(db).beforeMigration();
    } catch (err) {
      // The office is better served by an app that starts than by one that refuses for want of a copy.
      console.error('[backups] the backup before the migration failed; migrating anyway:', err);
    }
  };
  const finish = async (store: AnyStore, pending: PendingRestore | null, restoreFailed: unknown): Promise<Opened> => {
    const core: Core = { db: store.db, clock: w.clock, dataDir: options.dataDir, emit: w.emit };
    // Before any write: the key goes onto the connection, an old file is re-keyed, and the chain is verified.
    progress('verify');
    const watch = await openAuditChain(core, store, auditKeyOptions(options));
    auditWatch = watch;
    const backups = backupsOver(core.db);
    if (pending && !restoreFailed) await completeRestore(core, pending);
    if (restoreFailed) console.error('[backups] the restored data would not open; the data before it is back:', restoreFailed);
    progress('prepare');
    if (preMigration) await backups.record(preMigration, null);
    return startOver(w, store, core, watch, backups);
  };
  return { beforeMigrate, finish };
}

/** What opening is doing, for the start-up screen. */
function progressOf(options: AppOptions) {
  return (phase: StartupProgress['phase'], migration: StartupProgress['migration'] = null) => options.onProgress?.({ phase, migration });
}

function migrationProgress(progress: ReturnType<typeof progressOf>) {
  return (name: string, index: number, of: number) => progress('migrate', { name, index, of });
}

function auditKeyOptions(options: AppOptions) {
  return { dir: options.auditKey?.dir ?? auditKeyDir(), sealer: options.auditKey?.sealer ?? null };
}

/**
 * The county edition over PostgreSQL: the same core and the same backups, whose copies are pg_dump's (see
 * main/core/backup/database-copy.ts). A staged restore is put back into the database before it is opened: in one
 * transaction, so when it fails the database is as it was and the attachments swapped with it go back.
 */
async function openOnPostgres(w: Wiring, databaseUrl: string): Promise<Opened> {
  const { options } = w;
  const progress = progressOf(options);
  const copier = postgresCopier(databaseUrl);
  const pending = applyPendingRestore(options.dataDir);
  let restoreFailed: unknown = null;
  if (pending) {
    try {
      await putBackStagedDatabase(options.dataDir, copier);
    } catch (err) {
      restoreFailed = err;
      rollBackRestore(options.dataDir);
    }
  }
  const wiring = backupWiring(w, progress, copier);
  const onMigration = migrationProgress(progress);
  // A restored backup is itself the copy: no second one before migrating it.
  const store = await openAnyStore(options.dataDir, databaseUrl, pending && !restoreFailed ? { onMigration } : { beforeMigrate: wiring.beforeMigrate, onMigration });
  return wiring.finish(store, pending, restoreFailed);
}

/** Everything over an open store whose audit chain is open: the calendar, the data folder, the scheduler, the API. */
async function startOver(w: Wiring, store: AnyStore, core: Core, watch: AuditWatch, backups: Backups): Promise<Opened> {
  const { options } = w;
  await seedShippedCalendar(core);
  // Before anyone can write: what a crash left half-written, and files no row references, go to quarantine.
  await sweepDataFolder(core);
  let zeroReportsCheckedAt: number | null = null;
  const scheduler = new AlarmScheduler(core, {
    // Zero-report deadlines exist only a few days ahead: a pass makes the next ones first, when something may have
    // changed them (a full pass: start-up, a change to settings, units, the calendar or the clock) or at least once
    // a minute on the timer; not on a pass that a saved petition asked for.
    // The audit chain is verified again once a day.
    beforePass: async (now, full) => {
      await watch.dailyCheck(now).catch((err: unknown) => console.error('[audit] the daily verify failed:', err));
      if (full || zeroReportsCheckedAt === null || Math.abs(now - zeroReportsCheckedAt) >= ZERO_REPORT_RECHECK_MS) {
        await ensureZeroReportDeadlines(core, now);
        zeroReportsCheckedAt = now;
      }
    },
    onFired: (fired) => {
      for (const f of fired) core.emit({ type: 'alarm.fired', alarmId: f.alarmId, step: f.step, late: f.late, recipients: f.recipients });
      core.emit({ type: 'alarms.changed' });
    },
  });
  // On PostgreSQL several server processes may share the database: only the one holding the scheduler lock runs
  // the alarms; the others stand by and take over when it stops. The SQLite file's one process always holds it.
  const lock = schedulerLockFor(options.databaseUrl ?? null);
  const schedulerLock = { lock, shared: Boolean(options.databaseUrl) };
  const api = createApi(core, { testClock: w.testClock, scheduler, makePdf: options.makePdf ?? null, backups, auditWatch: watch, schedulerLock });
  if (options.startScheduler !== false) {
    // The scheduled backups go with the alarms: one server process makes them, not each of them.
    scheduler.standBy();
    await lock.start(async (held) => {
      if (!held) {
        backups.stop();
        return scheduler.standBy();
      }
      await scheduler.start();
      backups.start();
    });
  }
  return {
    api,
    core,
    scheduler,
    auditWatch: watch,
    backups,
    async close() {
      scheduler.stop();
      await lock.close();
      backups.stop();
      await backups.idle();
      await watch.close();
      await store.close();
    },
  };
}

/** What another process sent is an event as it emitted it; anything else on the channel (a NOTIFY typed by hand) is dropped. */
function isApiEvent(value: unknown): value is ApiEvent {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

export async function openApp(options: AppOptions): Promise<App> {
  const listeners = new Set<(event: ApiEvent) => void>();
  const testClock = options.testClock ? new OffsetClock() : null;
  if (testClock && options.testClockStart !== undefined) testClock.set(options.testClockStart);
  let current: Opened;
  /** Set while the store is being reopened after a restore: calls wait for it. */
  let reopening: Promise<void> | null = null;
  let inFlight = 0;
  let drained: (() => void) | null = null;

  const restart = () => {
    if (options.relaunch) return options.relaunch();
    reopening = (async () => {
      if (inFlight > 0) await new Promise<void>((resolve) => (drained = resolve));
      await current.close();
      current = await openOnce(wiring);
    })()
      .catch((err: unknown) => console.error('[backups] reopening after the restore failed:', err))
      .finally(() => {
        reopening = null;
      });
  };
  const deliver = (event: ApiEvent) => {
    for (const l of listeners) l(event);
  };
  // Other server processes on the same PostgreSQL database: what they emit reaches this process's browsers and
  // pokes its scheduler as if it had happened here.
  const relay = eventRelayFor(options.databaseUrl ?? null, (event) => {
    if (isApiEvent(event)) deliver(event);
  });
  await relay?.listening;
  const wiring: Wiring = {
    options,
    clock: options.clock ?? testClock ?? systemClock,
    testClock,
    emit: (event) => {
      deliver(event);
      // The test clock is this process's own: another process's clock has not moved.
      if (event.type !== 'clock.changed') relay?.publish(event);
    },
    restart,
  };
  try {
    current = await openOnce(wiring);
  } catch (err) {
    await relay?.close();
    throw err;
  }
  // Anything that can move a deadline or change who is on duty re-arms the one timer. The event itself says
  // what changed: the renderer knows which of its reads that touches (alarms closed by a step included), so
  // nothing is re-emitted here. A jump of the test clock may make the daily backup due.
  listeners.add((event) => {
    if (event.type === 'clock.changed') current.backups.poke();
    if (event.type === 'alarm.fired' || event.type === 'alarms.changed' || event.type === 'backups.changed') return;
    current.scheduler.poke(!DEADLINES_ONLY_EVENTS.has(event.type));
  });

  return {
    api: {
      async call(request) {
        while (reopening) await reopening;
        inFlight++;
        try {
          return await current.api.call(request);
        } finally {
          inFlight--;
          if (inFlight === 0 && drained) {
            drained();
            drained = null;
          }
        }
      },
    },
    get core() {
      return current.core;
    },
    get scheduler() {
      return current.scheduler;
    },
    get backups() {
      return current.backups;
    },
    get auditWatch() {
      return current.auditWatch;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      while (reopening) await reopening;
      if (options.backupAtExit && !options.databaseUrl) {
        await current.backups.atExit().catch((err: unknown) => console.error('[backups] the backup at exit failed:', err));
      }
      await current.close();
      await relay?.close();
    },
  };
}
