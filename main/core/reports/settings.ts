import type { Kysely } from 'kysely';
import type { Database } from '../../db';
import type { ReportSettings } from '../../../shared/api';
import { REPORT_SEVERITIES } from '../../../shared/enums';
import { enumLabel } from '../../../shared/i18n';
import type { Actor, Core } from '../context';
import { UserError } from '../errors';
import { appendAudit } from '../audit';
import { readSetting, writeSetting } from '../settings';
import { DEFAULT_REPORT_SETTINGS, MAX_LIMIT_MINUTES } from './time-limits';

const KEY = 'report_settings';

export async function getReportSettings(db: Kysely<Database>): Promise<ReportSettings> {
  const stored = await readSetting(db, KEY, DEFAULT_REPORT_SETTINGS);
  return { limits: { ...DEFAULT_REPORT_SETTINGS.limits, ...stored.limits } };
}

/** Changes the time limits; reports already made keep the limit they were judged by. */
export async function saveReportSettings(core: Core, actor: Actor, settings: ReportSettings): Promise<ReportSettings> {
  for (const severity of REPORT_SEVERITIES) {
    const limit = settings.limits[severity];
    if (limit.kind === 'minutes' && (limit.minutes < 1 || limit.minutes > MAX_LIMIT_MINUTES)) {
      throw UserError.field(`limits.${severity}.minutes`, 'errors.reports.limitRange', { severity: enumLabel('reportSeverity', severity) });
    }
  }
  await core.db.transaction().execute(async (trx) => {
    const before = await getReportSettings(trx);
    await writeSetting(trx, KEY, settings);
    await appendAudit(trx, { actor, at: core.clock.now(), action: 'report.settings', entity: 'settings', entityId: 'report', before, after: settings });
  });
  core.emit({ type: 'reports.changed', id: null });
  return settings;
}
