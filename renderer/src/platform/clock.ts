/**
 * The office's "now" as the core sees it. Countdowns use it rather than the browser's clock, so they agree
 * with the deadlines the core computes (and with the test clock in e2e tests).
 *
 * @example
 * const now = useNow(30_000);
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { api } from './api-client';
import { callApi } from './query';
import { DEFAULT_TIME_ZONE } from '../../../shared/time';

let offsetMs = 0;
let timeZone = DEFAULT_TIME_ZONE;
const listeners = new Set<() => void>();

async function sync(): Promise<void> {
  const clock = await callApi('clock.get', {}).catch(() => null);
  if (!clock) return;
  offsetMs = clock.now - Date.now();
  timeZone = clock.timeZone;
  for (const l of listeners) l();
}

let started = false;
function start(): void {
  if (started) return;
  started = true;
  void sync();
  api.onEvent((e) => {
    if (e.type === 'clock.changed') void sync();
  });
}

export function officeNow(): number {
  return Date.now() + offsetMs;
}

export function officeTimeZone(): string {
  return timeZone;
}

function subscribe(l: () => void): () => void {
  start();
  listeners.add(l);
  return () => listeners.delete(l);
}

/** Re-renders every `intervalMs` and whenever the core's clock moves. */
export function useNow(intervalMs = 30_000): number {
  const version = useSyncExternalStore(subscribe, () => offsetMs);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const id = setInterval(() => setTick((n) => n + 1), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  void version;
  void tick;
  return officeNow();
}

export function useOfficeTimeZone(): string {
  useSyncExternalStore(subscribe, () => timeZone);
  return timeZone;
}

/** For pages that must wait until the first sync (e.g. to prefill "received at" with now). */
export function clockReady(): Promise<void> {
  return sync();
}
