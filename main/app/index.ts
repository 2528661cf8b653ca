/**
 * The composition root shared by the Electron shell and browser mode: opens the store, builds the core and
 * the procedure table. Neither shell knows anything else about the core.
 *
 * @example
 * const app = await openApp({ dataDir: defaultDataDir() });
 * const result = await app.api.call({ name: 'setup.get', input: {} });
 * await app.close();
 */
import { openStore } from '../db';
import { OffsetClock, systemClock, type Clock, type Core } from '../core/context';
import { seedShippedCalendar } from '../core/calendar';
import { createApi, type Api } from '../api';
import { AlarmScheduler } from '../core/alarms';
import { ensureZeroReportDeadlines } from '../core/zero-reports';
import type { ApiEvent } from '../../shared/api';
import type { PdfMaker } from '../core/notices';
import { auditKeyDir, openAuditChain, type AuditWatch, type SecretSealer } from '../core/audit';

export * from './static-files';
export * from './attachment-files';

export interface AppOptions {
  readonly dataDir: string;
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
}

export interface App {
  readonly api: Api;
  readonly core: Core;
  readonly scheduler: AlarmScheduler;
  readonly auditWatch: AuditWatch;
  subscribe(listener: (event: ApiEvent) => void): () => void;
  close(): Promise<void>;
}

export async function openApp(options: AppOptions): Promise<App> {
  const store = await openStore(options.dataDir);
  const listeners = new Set<(event: ApiEvent) => void>();
  const testClock = options.testClock ? new OffsetClock() : null;
  if (testClock && options.testClockStart !== undefined) testClock.set(options.testClockStart);
  const core: Core = {
    db: store.db,
    clock: options.clock ?? testClock ?? systemClock,
    dataDir: options.dataDir,
    emit: (event) => {
      for (const l of listeners) l(event);
    },
  };
  // Before any write: the key goes onto the connection, an old file is re-keyed, and the chain is verified.
  const auditWatch = await openAuditChain(core, store.sqlite, {
    dir: options.auditKey?.dir ?? auditKeyDir(),
    sealer: options.auditKey?.sealer ?? null,
  });
  await seedShippedCalendar(core);
  const scheduler = new AlarmScheduler(core, {
    // Zero-report deadlines exist only a few days ahead: each pass makes the next ones first.
    // The audit chain is verified again once a day.
    beforePass: async (now) => {
      await auditWatch.dailyCheck(now).catch((err: unknown) => console.error('[audit] the daily verify failed:', err));
      await ensureZeroReportDeadlines(core, now);
    },
    onFired: (fired) => {
      for (const f of fired) core.emit({ type: 'alarm.fired', alarmId: f.alarmId, step: f.step, late: f.late, recipients: f.recipients });
      core.emit({ type: 'alarms.changed' });
    },
  });
  // Anything that can move a deadline or change who is on duty re-arms the one timer. The event itself says
  // what changed: the renderer knows which of its reads that touches (alarms closed by a step included), so
  // nothing is re-emitted here.
  listeners.add((event) => {
    if (event.type === 'alarm.fired' || event.type === 'alarms.changed') return;
    scheduler.poke();
  });
  const api = createApi(core, { testClock, scheduler, makePdf: options.makePdf ?? null, auditWatch });
  if (options.startScheduler !== false) await scheduler.start();
  return {
    api,
    core,
    scheduler,
    auditWatch,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      scheduler.stop();
      await store.close();
    },
  };
}
