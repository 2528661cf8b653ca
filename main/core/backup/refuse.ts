import { UserError } from '../errors';
import { problemsText } from './problems';
import type { VerifyReport } from './verify';

/** A backup that cannot be restored is refused with what is wrong with it, in words the admin can act on. */
export function refuseUnrestorable(report: VerifyReport): void {
  if (report.restorable) return;
  const first = report.problems[0];
  if (first?.code === 'password_required') throw UserError.field('password', 'errors.backup.passwordNeeded');
  if (first?.code === 'wrong_password') throw UserError.field('password', 'errors.backup.wrongPassword');
  if (first?.code === 'manifest_missing') throw UserError.field('folder', 'errors.backup.notABackup', { folder: report.folder });
  if (first?.code === 'schema_newer') throw UserError.field('folder', 'errors.backup.schemaNewer');
  throw UserError.field('folder', 'errors.backup.unrestorable', { problems: problemsText(report.problems) });
}
