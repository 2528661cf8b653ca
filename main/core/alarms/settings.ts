import type { Kysely } from 'kysely';
import type { Database } from '../../db';
import { DUE_SOON_DAYS } from '../../../shared/time-left';

/**
 * How alarms behave; an admin can change it. Stored as one JSON value so a running alarm can carry a copy
 * of the policy it fired under (later edits do not change it).
 */
export interface AlarmSettings {
  /** Minutes an alarm may stay unacknowledged before it goes to the leader on duty. */
  readonly ackMinutes: number;
  /** Minutes between repeats after escalation, until someone acknowledges. */
  readonly repeatMinutes: number;
  /** Days before the period's last day that pre-alarms fire (0 = on the last day), per deadline kind; `default` for the rest. */
  readonly prealarmDays: Readonly<Record<string, readonly number[]>>;
  /** Local hour at which pre-alarms ring, so they come in office hours. */
  readonly prealarmHour: number;
}

export const DEFAULT_ALARM_SETTINGS: AlarmSettings = {
  ackMinutes: 15,
  repeatMinutes: 15,
  // The first pre-alarm rings on the first day a deadline counts as "3日内到期" (shared/time-left.ts).
  prealarmDays: { default: [DUE_SOON_DAYS, 1, 0] },
  prealarmHour: 9,
};

const KEY = 'alarm_settings';

export async function getAlarmSettings(db: Kysely<Database>): Promise<AlarmSettings> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', KEY).executeTakeFirst();
  if (!row) return DEFAULT_ALARM_SETTINGS;
  return { ...DEFAULT_ALARM_SETTINGS, ...(JSON.parse(row.value) as Partial<AlarmSettings>) };
}

export async function writeAlarmSettings(db: Kysely<Database>, settings: AlarmSettings): Promise<void> {
  const value = JSON.stringify(settings);
  await db.insertInto('meta').values({ key: KEY, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
}
