/** The office clock (and, in test builds, the controllable test clock). */
import { z } from 'zod';
import { instant, procedure, empty } from './common';
import { ADMINS } from './access';

export const clockContract = {
  'clock.get': procedure('public', empty, z.object({ now: instant, timeZone: z.string() })),
  /** Only when the app was started with --test-clock, and only by an admin. */
  'clock.set': procedure(
    ADMINS,
    z.object({ setNow: instant.optional(), advanceMs: z.number().int().optional() }),
    z.object({ now: instant }),
  ),
} as const;
