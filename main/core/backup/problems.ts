/** What a backup check found, in words (backups.problem.<code>), joined for one message. */
import { t } from '../../../shared/i18n';
import type { VerifyProblem } from './verify';

export function problemsText(problems: readonly VerifyProblem[]): string {
  return problems
    .slice(0, 5)
    .map((p) => t(`backups.problem.${p.code}`, { detail: p.detail }))
    .join('；');
}
