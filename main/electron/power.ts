/**
 * Sleep and wake. A laptop closed over lunch must not lose an alarm: on resume the scheduler fires what it
 * missed, once each, marked late.
 *
 * @example
 * watchPower(app);
 */
import { powerMonitor } from 'electron';
import type { App } from '../app';

/** Called once each time the computer wakes up: the one place that reacts to resume. */
export function onResume(app: App): void {
  void app.scheduler.tick();
}

/** Returns a function that stops watching (used on quit). */
export function watchPower(app: App): () => void {
  const listener = () => onResume(app);
  powerMonitor.on('resume', listener);
  return () => {
    powerMonitor.removeListener('resume', listener);
  };
}
