// Frozen: the notes the system writes in an alarm's log become a code with parameters, worded by the i18n catalog
// (alarms.logNote.<code>), instead of Chinese sentences stored in `note`. `note` keeps what a person wrote (an
// acknowledgement's remark) and, for a row this migration cannot read, the old text as it was. Never edit; add a new one.
import type { Kysely } from 'kysely';

/** The sentences releases up to 0004 wrote, exactly as they wrote them, and the code each one becomes. */
const OLD_NOTES: Readonly<Record<string, string>> = {
  无值班员在岗已发给带班领导和管理员: 'no_officer',
  无人值班也无带班领导已发给管理员: 'no_one_on_duty',
  无带班领导在岗升级步骤跳过已发给管理员: 'no_leader',
  到期提醒已代替此预提醒: 'superseded_by_due',
  期限已变更: 'deadline_changed',
  期限事项已办理: 'deadline_met',
  期限已取消: 'deadline_cancelled',
};

const LATE = /^迟发(\d+)分钟（电脑关机或休眠期间到时）$/;
const SNOOZED = /^(\d+)分钟：([\s\S]*)$/;

interface Coded {
  readonly code: string | null;
  readonly params: Record<string, string | number>;
}

/** A system note as code and parameters, or null when it is not one the old releases wrote (it stays as text). */
function codeOfOldNote(step: string, note: string): Coded | null {
  if (step === 'acknowledged') return null;
  if (step === 'snoozed') {
    const m = SNOOZED.exec(note);
    return m ? { code: 'snoozed', params: { minutes: Number(m[1]), reason: m[2] ?? '' } } : null;
  }
  // A ring step could carry two sentences joined by '；': how late it rang, and who was missing from duty.
  let code: string | null = null;
  const params: Record<string, string | number> = {};
  for (const part of note.split('；')) {
    const late = LATE.exec(part);
    if (late) {
      params.lateMinutes = Number(late[1]);
      continue;
    }
    const known = OLD_NOTES[part.replace(/[：，]/g, '')];
    if (!known || code !== null) return null;
    code = known;
  }
  return { code, params };
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('alarm_log').addColumn('note_code', 'text').execute();
  await db.schema.alterTable('alarm_log').addColumn('note_params_json', 'text', (c) => c.notNull().defaultTo('{}')).execute();
  const rows: { id: number; step: string; note: string }[] = await db.selectFrom('alarm_log').select(['id', 'step', 'note']).where('note', '!=', '').execute();
  for (const row of rows) {
    const coded = codeOfOldNote(row.step, row.note);
    if (!coded) continue;
    await db
      .updateTable('alarm_log')
      .set({ note_code: coded.code, note_params_json: JSON.stringify(coded.params), note: '' })
      .where('id', '=', row.id)
      .execute();
  }
}

export async function down(): Promise<void> {
  throw new Error('0005-alarm-log-notes cannot be undone');
}
