/**
 * The notice-print IPC payload, checked as plain values before anything is printed. No Electron import, so it is
 * unit-tested in Node.
 *
 * @example
 * toPrintPayload({ session: 's', id: 4, copies: 2, deviceName: null }) // the same, typed
 * toPrintPayload({ id: '4' })                                          // null
 */
export interface PrintPayload {
  readonly session: string | null;
  readonly id: number;
  readonly copies: number;
  readonly deviceName: string | null;
}

/** The payload as plain checked values, or null when it is anything else. */
export function toPrintPayload(value: unknown): PrintPayload | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const session = v.session === null || typeof v.session === 'string' ? v.session : undefined;
  const deviceName = v.deviceName === null || typeof v.deviceName === 'string' ? v.deviceName : undefined;
  if (session === undefined || deviceName === undefined) return null;
  if (!Number.isInteger(v.id) || (v.id as number) < 1) return null;
  if (!Number.isInteger(v.copies)) return null;
  return { session, id: v.id as number, copies: v.copies as number, deviceName };
}
