/**
 * An alarm's log: every step it went through, with who it went to or who acted. The system's own notes are
 * stored as a code and parameters and worded where they are shown (shared/i18n alarmLogNoteText), so the log
 * reads in the screen's language and a wording change reaches old entries too; what a person wrote is kept as
 * they wrote it.
 *
 * @example
 * await logAlarmStep(trx, { alarmId: 7, at: now, step: 'fired', users: [3], code: 'no_officer', params: { lateMinutes: 66 } });
 */
import type { Kysely, Selectable } from 'kysely';
import type { AlarmLogTable, Database } from '../../db';
import type { AlarmLogNote, AlarmLogStep } from '../../../shared/enums';
import type { AlarmLogNoteParams } from '../../../shared/api';

export interface AlarmLogEntry {
  readonly alarmId: number;
  readonly at: number;
  readonly step: AlarmLogStep;
  readonly users: readonly number[];
  /** The system's note, if any. */
  readonly code?: AlarmLogNote | null;
  readonly params?: AlarmLogNoteParams;
  /** What the person who acted wrote. */
  readonly text?: string;
}

export async function logAlarmStep(trx: Kysely<Database>, e: AlarmLogEntry): Promise<void> {
  await trx
    .insertInto('alarm_log')
    .values({
      alarm_id: e.alarmId,
      at: e.at,
      step: e.step,
      user_ids_json: JSON.stringify(e.users),
      note: e.text ?? '',
      note_code: e.code ?? null,
      note_params_json: JSON.stringify(e.params ?? {}),
    })
    .execute();
}

/** The note of a log row as the contract carries it. */
export function logNoteOf(row: Pick<Selectable<AlarmLogTable>, 'note' | 'note_code' | 'note_params_json'>) {
  return { note: row.note, noteCode: row.note_code, noteParams: JSON.parse(row.note_params_json) as AlarmLogNoteParams };
}
