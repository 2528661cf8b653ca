/**
 * Starting the app with its door already open: the shells serve the renderer and answer `startup.get` at once,
 * while the store opens behind it (a safety backup and a migration of a county-sized file take minutes), so the
 * office sees what is happening instead of a window that does not come. Every other call waits until the app is
 * open and then runs as usual; pushes reach listeners that subscribed early.
 *
 * @example
 * const starting = startApp({ dataDir });
 * const host = await startHost(starting.app, { rendererDir }); // serves the start-up screen meanwhile
 * await starting.ready; // rejects when opening failed
 */
import type { StartupProgress } from '../../shared/api';
import { openApp, type App, type AppOptions } from './index';

export interface StartingApp {
  /** Usable at once: `startup.get` answers from the progress, other calls wait for the open app. */
  readonly app: App;
  /** The open app; rejects with the reason when it could not open (the shells say so and exit). */
  readonly ready: Promise<App>;
}

export function startApp(options: AppOptions): StartingApp {
  let progress: StartupProgress = { phase: 'prepare', migration: null };
  let opened: App | null = null;
  const ready = openApp({
    ...options,
    onProgress: (p) => {
      progress = p;
      options.onProgress?.(p);
    },
  }).then((app) => {
    opened = app;
    return app;
  });
  // Whoever awaits `ready` sees the failure; the calls waiting on it see it too.
  ready.catch(() => undefined);

  const open = (what: string): App => {
    if (!opened) throw new Error(`${what} is not available until the app has opened`);
    return opened;
  };
  const app: App = {
    api: {
      async call(request) {
        if (!opened && request.name === 'startup.get') return { ok: true, value: progress };
        return (await ready).api.call(request);
      },
    },
    get core() {
      return open('core').core;
    },
    get scheduler() {
      return open('scheduler').scheduler;
    },
    get auditWatch() {
      return open('auditWatch').auditWatch;
    },
    get backups() {
      return open('backups').backups;
    },
    subscribe(listener) {
      if (opened) return opened.subscribe(listener);
      // Subscribed once the app has opened (nothing is pushed before), unless unsubscribed first.
      let unsubscribe: (() => void) | null = null;
      let left = false;
      void ready.then(
        (a) => {
          if (!left) unsubscribe = a.subscribe(listener);
        },
        () => undefined,
      );
      return () => {
        left = true;
        unsubscribe?.();
      };
    },
    async close() {
      await (await ready).close();
    },
  };
  return { app, ready };
}
