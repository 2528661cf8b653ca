/**
 * Which daily backups to keep: the newest of each of the last 7 days that have one, of the last 4 weeks and of
 * the last 12 months (grandfather-father-son). Only backups the app made by itself (daily and at exit) rotate;
 * an admin's own backup and the safety copies before a migration or a restore stay until someone removes them.
 *
 * @example
 * backupsToRemove(listed, 'Asia/Shanghai'); // folders of the daily backups no longer kept
 */
import type { BackupKind } from '../../../shared/enums';
import { addDays, localDateOf, weekdayOf } from '../../../shared/time';

export const ROTATION = { daily: 7, weekly: 4, monthly: 12 } as const;
const ROTATING: readonly BackupKind[] = ['scheduled', 'exit'];

export interface Rotatable {
  readonly folder: string;
  readonly createdAt: number;
  readonly kind: BackupKind;
}

type Bucket = (date: string) => string;

const byDay: Bucket = (date) => date;
/** The Monday that starts the date's week. */
const byWeek: Bucket = (date) => addDays(date, -((weekdayOf(date) + 6) % 7));
const byMonth: Bucket = (date) => date.slice(0, 7);

export function backupsToRemove(backups: readonly Rotatable[], timeZone: string, policy: typeof ROTATION = ROTATION): string[] {
  const rotating = backups.filter((b) => ROTATING.includes(b.kind)).sort((a, b) => b.createdAt - a.createdAt);
  const keep = new Set<string>();
  const levels: readonly (readonly [Bucket, number])[] = [
    [byDay, policy.daily],
    [byWeek, policy.weekly],
    [byMonth, policy.monthly],
  ];
  for (const [bucket, count] of levels) {
    const seen = new Set<string>();
    for (const b of rotating) {
      const key = bucket(localDateOf(b.createdAt, timeZone));
      if (seen.has(key)) continue;
      if (seen.size >= count) break;
      seen.add(key);
      keep.add(b.folder);
    }
  }
  return rotating.filter((b) => !keep.has(b.folder)).map((b) => b.folder);
}
