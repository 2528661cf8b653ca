/** The office clock (and, in test builds, the controllable test clock). */
import { z } from 'zod';
import { instant, procedure, empty } from './common';

export const clockContract = {
  'clock.get': procedure('public', empty, z.object({ now: instant, timeZone: z.string() })),
  'clock.set': procedure(
    'public',
    z.object({ setNow: instant.optional(), advanceMs: z.number().int().optional() }),
    z.object({ now: instant }),
  ),
} as const;
