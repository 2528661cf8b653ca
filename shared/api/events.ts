/** Pushes from the core to every open window: one stream, one union. */
import type { AlarmRingStep } from '../enums';

export type ApiEvent =
  | { readonly type: 'petitions.changed'; readonly id: number }
  | { readonly type: 'calendar.changed' }
  | { readonly type: 'clock.changed'; readonly now: number }
  | { readonly type: 'duty.changed' }
  | { readonly type: 'alarms.changed' }
  | { readonly type: 'warnings.changed'; readonly id: number | null }
  /** An information report changed (its id), or the zero reports or report settings did (null). */
  | { readonly type: 'reports.changed'; readonly id: number | null }
  | { readonly type: 'notices.changed'; readonly id: number | null }
  /** The audit chain was verified and its standing changed (admins see a red banner while it is broken). */
  | { readonly type: 'audit.verified'; readonly ok: boolean }
  /** An approval was asked, given or returned (its id). */
  | { readonly type: 'approvals.changed'; readonly id: number }
  /** A backup was made or failed, or the backup settings changed. */
  | { readonly type: 'backups.changed' }
  /** A ledger import is writing its rows: how many of them are in (the transaction commits at the end). */
  | { readonly type: 'ledger.progress'; readonly fileName: string; readonly done: number; readonly total: number }
  | { readonly type: 'alarm.fired'; readonly alarmId: number; readonly step: AlarmRingStep; readonly late: boolean; readonly recipients: readonly number[] };
