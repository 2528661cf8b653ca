/** Handlers for the backups procedures of the contract (shared/api/backups.ts). */
import type { Core } from '../core/context';
import type { backupsContract } from '../../shared/api';
import { createBackup } from '../core/backup';
import { type DomainHandlers, type HandlerOptions, signedIn } from './context';

export function backupsHandlers(core: Core, _options: HandlerOptions): DomainHandlers<typeof backupsContract> {
  return {
    'backups.create': (input, ctx) => createBackup(core, signedIn(ctx), input.targetDir || null),
  };
}
