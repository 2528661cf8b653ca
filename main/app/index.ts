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

export * from './static-files';
export * from './attachment-files';

export interface AppOptions {
  readonly dataDir: string;
  /** Enables the `dev.clock` procedure so e2e tests can move time. Never set in a packaged build. */
  readonly testClock?: boolean;
  readonly clock?: Clock;
  /** Unit tests drive the scheduler by hand with `app.scheduler.tick()`; the app runs it on its timer. */
  readonly startScheduler?: boolean;
  /** Makes notice PDFs with the shell's Chromium (Electron's printToPDF, or playwright-core in browser mode). */
  readonly makePdf?: PdfMaker | null;
}

export interface App {
  readonly api: Api;
  readonly core: Core;
  readonly scheduler: AlarmScheduler;
  subscribe(listener: (event: ApiEvent) => void): () => void;
  close(): Promise<void>;
}

export async function openApp(options: AppOptions): Promise<App> {
  const store = await openStore(options.dataDir);
  const listeners = new Set<(event: ApiEvent) => void>();
  const testClock = options.testClock ? new OffsetClock() : null;
  const core: Core = {
    db: store.db,
    clock: options.clock ?? testClock ?? systemClock,
    dataDir: options.dataDir,
    emit: (event) => {
      for (const l of listeners) l(event);
    },
  };
  await seedShippedCalendar(core);
  const scheduler = new AlarmScheduler(core, {
    // Zero-report deadlines exist only a few days ahead: each pass makes the next ones first.
    beforePass: (now) => ensureZeroReportDeadlines(core, now),
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
  const api = createApi(core, { testClock, scheduler, makePdf: options.makePdf ?? null });
  if (options.startScheduler !== false) await scheduler.start();
  return {
    api,
    core,
    scheduler,
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
