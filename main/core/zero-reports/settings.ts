import type { Kysely } from 'kysely';
import type { Database } from '../../db';
import type { ZeroReportSettings } from '../../../shared/api';
import type { Actor, Core } from '../context';
import { UserError } from '../errors';
import { appendAudit } from '../audit';
import { readSetting, writeSetting } from '../settings';
import { DEFAULT_ZERO_REPORT_SETTINGS } from './periods';

const KEY = 'zero_report_settings';

export async function getZeroReportSettings(db: Kysely<Database>): Promise<ZeroReportSettings> {
  return readSetting(db, KEY, DEFAULT_ZERO_REPORT_SETTINGS);
}

/**
 * Changes when zero reports are due. Submitted reports keep the judgement they got; open deadlines move on
 * the scheduler's next pass (see ensureZeroReportDeadlines).
 */
export async function saveZeroReportSettings(core: Core, actor: Actor, settings: ZeroReportSettings): Promise<ZeroReportSettings> {
  if (!Number.isInteger(settings.monthlyDueDay) || settings.monthlyDueDay < 1 || settings.monthlyDueDay > 28) throw UserError.field('monthlyDueDay', 'errors.zeroReports.dueDayRange');
  if (!Number.isInteger(settings.dailyDueHour) || settings.dailyDueHour < 1 || settings.dailyDueHour > 24) throw UserError.field('dailyDueHour', 'errors.zeroReports.dueHourRange');
  await core.db.transaction().execute(async (trx) => {
    const before = await getZeroReportSettings(trx);
    await writeSetting(trx, KEY, settings);
    await appendAudit(trx, { actor, at: core.clock.now(), action: 'zeroReport.settings', entity: 'settings', entityId: 'zero_report', before, after: settings });
  });
  core.emit({ type: 'reports.changed', id: null });
  return settings;
}
