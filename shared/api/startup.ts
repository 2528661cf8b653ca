/**
 * Start-up progress: what the app is doing before it can serve the office (a migration of a large file can take
 * minutes). Answered by the shell itself while the store opens (main/app/startup.ts), then by the core: ready.
 */
import { z } from 'zod';
import { STARTUP_PHASES } from '../enums';
import { empty, procedure } from './common';

export const startupProgress = z.object({
  phase: z.enum(STARTUP_PHASES),
  /** The migration running now (phase `migrate`): its name and where it stands among those to run this start. */
  migration: z.object({ name: z.string(), index: z.number().int().positive(), of: z.number().int().positive() }).nullable(),
});
export type StartupProgress = z.output<typeof startupProgress>;

export const READY: StartupProgress = { phase: 'ready', migration: null };

export const startupContract = {
  'startup.get': procedure('public', empty, startupProgress),
} as const;
