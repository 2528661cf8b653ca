/** Backups of the data folder. */
import { z } from 'zod';
import { text, procedure } from './common';
import { ADMINS } from './access';

export const backupsContract = {
  'backups.create': procedure(
    ADMINS,
    z.object({ targetDir: text(500).nullable().default(null) }),
    z.object({ folder: z.string(), databaseBytes: z.number().int(), attachments: z.number().int() }),
  ),
} as const;
