/** Handlers for the backups procedures of the contract (shared/api/backups.ts). */
import type { Core } from '../core/context';
import type { backupsContract } from '../../shared/api';
import { backupStatus, problemsText, updateBackupSettings, type VerifyReport } from '../core/backup';
import { dismissQuarantineReport } from '../core/storage';
import { type DomainHandlers, type HandlerOptions, signedIn } from './context';

function checkView(report: VerifyReport) {
  return {
    folder: report.folder,
    ok: report.ok,
    restorable: report.restorable,
    problems: report.problems.map((p) => ({ code: p.code, message: problemsText([p]) })),
    summary: report.summary,
  };
}

export function backupsHandlers(core: Core, options: HandlerOptions): DomainHandlers<typeof backupsContract> {
  const { backups } = options;
  return {
    'backups.status.get': () => backupStatus(core, backups),
    'backups.settings.update': async (input, ctx) => {
      await updateBackupSettings(core, signedIn(ctx), input);
      backups.poke();
      return backupStatus(core, backups);
    },
    'backups.list': (input) => backups.list(input.folder),
    'backups.create': async (input, ctx) => {
      const written = await backups.create(signedIn(ctx), input.targetDir || null);
      return {
        folder: written.folder,
        databaseBytes: written.databaseBytes,
        attachments: written.attachments,
        createdAt: written.createdAt,
        encrypted: written.encrypted,
        verified: written.verification.ok,
      };
    },
    'backups.verify': async (input) => checkView(await backups.verify(input.folder, input.password)),
    'backups.restore': async (input, ctx) => {
      const { safetyCopy, report } = await backups.restore(signedIn(ctx), input.folder, input.password);
      return { safetyCopy, backupCreatedAt: report.summary?.createdAt ?? 0 };
    },
    'backups.quarantine.dismiss': async () => {
      await dismissQuarantineReport(core);
      return backupStatus(core, backups);
    },
  };
}
