/** The Electron print channel accepts only a plain, well-formed request; anything else is refused before printing. */
import { describe, expect, it } from 'vitest';
import { toPrintPayload } from '../../main/electron/notice-print-payload';

describe('toPrintPayload', () => {
  it('accepts a session, a notice id, copies and a printer name or null', () => {
    expect(toPrintPayload({ session: 's1', id: 4, copies: 2, deviceName: 'HP LaserJet' })).toEqual({ session: 's1', id: 4, copies: 2, deviceName: 'HP LaserJet' });
    expect(toPrintPayload({ session: null, id: 1, copies: 1, deviceName: null })).toEqual({ session: null, id: 1, copies: 1, deviceName: null });
  });

  it('refuses anything else', () => {
    for (const bad of [null, 'print', { session: 's', id: '4', copies: 1, deviceName: null }, { session: 's', id: 0, copies: 1, deviceName: null }, { session: 's', id: 2, copies: 1.5, deviceName: null }, { session: 7, id: 2, copies: 1, deviceName: null }, { session: 's', id: 2, copies: 1 }]) {
      expect(toPrintPayload(bad)).toBeNull();
    }
  });
});
