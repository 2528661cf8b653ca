import type { Kysely } from 'kysely';
import type { Database } from '../../db';
import type { WarningSettings } from '../../../shared/api';
import { WARNING_LEVELS } from '../../../shared/enums';
import type { Actor, Core } from '../context';
import { UserError } from '../errors';
import { appendAudit } from '../audit';
import { readSetting, writeSetting } from '../settings';

/** Feedback is due this many hours after a warning is issued (or its level changed): red 24 h, yellow 3 days, blue 7 days. */
export const DEFAULT_WARNING_SETTINGS: WarningSettings = {
  feedbackHours: { red: 24, yellow: 72, blue: 168 },
  supervisionHours: 24,
};

export const MAX_DEADLINE_HOURS = 720;

const KEY = 'warning_settings';

export async function getWarningSettings(db: Kysely<Database>): Promise<WarningSettings> {
  const stored = await readSetting(db, KEY, DEFAULT_WARNING_SETTINGS);
  return { ...stored, feedbackHours: { ...DEFAULT_WARNING_SETTINGS.feedbackHours, ...stored.feedbackHours } };
}

/** Changes the hours for warnings issued from now on; running deadlines keep the time they were given. */
export async function saveWarningSettings(core: Core, actor: Actor, settings: WarningSettings): Promise<WarningSettings> {
  const inRange = (h: number) => Number.isInteger(h) && h >= 1 && h <= MAX_DEADLINE_HOURS;
  for (const level of WARNING_LEVELS) {
    if (!inRange(settings.feedbackHours[level])) throw UserError.field(`feedbackHours.${level}`, 'errors.warnings.hoursRange');
  }
  if (!inRange(settings.supervisionHours)) throw UserError.field('supervisionHours', 'errors.warnings.hoursRange');
  await core.db.transaction().execute(async (trx) => {
    const before = await getWarningSettings(trx);
    await writeSetting(trx, KEY, settings);
    await appendAudit(trx, { actor, at: core.clock.now(), action: 'warning.settings', entity: 'settings', entityId: 'warning', before, after: settings });
  });
  core.emit({ type: 'warnings.changed', id: null });
  return settings;
}
