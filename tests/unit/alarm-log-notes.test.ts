/**
 * The notes in an alarm's log (who was missing from duty, how late it rang, why it stopped) are stored as codes
 * and worded by the catalog, so they read in the screen's language. An office upgrading from a release that
 * stored Chinese sentences reads its old log exactly as before: migration 0005 turns the sentences it knows into
 * codes and keeps anything else, a person's own words included, as it was.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Kysely, SqliteDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import SqliteDatabase from 'better-sqlite3';
import { openStore } from '../../main/db';
import { migrationProvider } from '../../main/db/migrations';
import { alarmLogNoteText, setLocale } from '../../shared/i18n';
import type { AlarmLogEntry } from '../../shared/api';

const entry = (e: Partial<Pick<AlarmLogEntry, 'noteCode' | 'noteParams' | 'note'>>) => ({ noteCode: null, noteParams: {}, note: '', ...e });

describe('an alarm log note as a person reads it', () => {
  afterEach(() => setLocale('zh-CN'));

  it('says how late it rang, then who was missing, in the screen language', () => {
    const late = entry({ noteCode: 'no_officer', noteParams: { lateMinutes: 66 } });
    expect(alarmLogNoteText(late)).toBe('迟发66分钟（电脑关机或休眠期间到时）；无值班员在岗：已发给带班领导和管理员');
    setLocale('en');
    expect(alarmLogNoteText(late)).toBe('Rang 66 min late (the PC was off or asleep when it was due); No duty officer on shift: sent to the leader on duty and the administrators');
    expect(alarmLogNoteText(entry({ noteCode: 'snoozed', noteParams: { minutes: 30, reason: '正在联系' } }))).toBe('30 min: 正在联系');
  });

  it('keeps what a person wrote as they wrote it, whatever the language', () => {
    setLocale('en');
    expect(alarmLogNoteText(entry({ note: '已电话联系转送机关' }))).toBe('已电话联系转送机关');
    expect(alarmLogNoteText(entry({}))).toBe('');
  });
});

describe('migration 0005 on a log written by an earlier release', () => {
  const OLD_LOG: readonly [string, string][] = [
    ['fired', '迟发66分钟（电脑关机或休眠期间到时）；无值班员在岗：已发给带班领导和管理员'],
    ['fired', '迟发3分钟（电脑关机或休眠期间到时）'],
    ['fired', '无人值班，也无带班领导：已发给管理员'],
    ['escalated', '无带班领导在岗：升级步骤跳过，已发给管理员'],
    ['repeated', ''],
    ['snoozed', '30分钟：正在电话联系转送机关；稍后回电'],
    ['acknowledged', '期限已取消'],
    ['superseded', '到期提醒已代替此预提醒'],
    ['rescheduled', '期限已变更'],
    ['resolved', '期限事项已办理'],
    ['resolved', '期限已取消'],
    ['fired', '某个旧版本写下的其他说明'],
  ];

  it('reads every old entry exactly as before, with the sentences it knows stored as codes', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'petition-desk-0005-'));
    const raw = new SqliteDatabase(path.join(dir, 'petition-desk.sqlite'));
    const old = new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) });
    expect((await new Migrator({ db: old, provider: migrationProvider }).migrateTo('0004-notices')).error).toBeUndefined();
    raw.exec(`INSERT INTO deadlines (id, subject_type, subject_id, kind, office_duty, start_date, unit, days, extension_days, article,
                due_date, due_at, explanation_json, calendar_version, status, met_at, created_at)
              VALUES (1, 'petition', 1, 'forward', 1, '2026-11-02', 'calendar_days', 15, 0, '', '2026-11-17', 0, '{}', 1, 'open', NULL, 0)`);
    raw.exec(`INSERT INTO alarms (id, deadline_id, kind, days_before, fire_at, status, created_at) VALUES (1, 1, 'due', 0, 0, 'fired', 0)`);
    const insert = raw.prepare('INSERT INTO alarm_log (alarm_id, at, step, user_ids_json, note) VALUES (1, ?, ?, ?, ?)');
    OLD_LOG.forEach(([step, note], i) => insert.run(i, step, '[]', note));
    await old.destroy();

    const store = await openStore(dir);
    const rows = await store.db.selectFrom('alarm_log').select(['step', 'note', 'note_code', 'note_params_json']).orderBy('at').execute();
    const read = rows.map((r) => alarmLogNoteText({ noteCode: r.note_code, noteParams: JSON.parse(r.note_params_json) as Record<string, number>, note: r.note }));
    expect(read).toEqual(OLD_LOG.map(([, note]) => note));
    expect(rows.map((r) => [r.step, r.note_code])).toEqual([
      ['fired', 'no_officer'],
      ['fired', null],
      ['fired', 'no_one_on_duty'],
      ['escalated', 'no_leader'],
      ['repeated', null],
      // A snooze reason may hold a '；' of its own: it stays whole in the reason.
      ['snoozed', 'snoozed'],
      // An acknowledgement's remark is a person's words, even when they match a system note.
      ['acknowledged', null],
      ['superseded', 'superseded_by_due'],
      ['rescheduled', 'deadline_changed'],
      ['resolved', 'deadline_met'],
      ['resolved', 'deadline_cancelled'],
      ['fired', null],
    ]);
    expect(rows.filter((r) => r.note_code !== null).every((r) => r.note === '')).toBe(true);
    expect(rows.at(-1)?.note).toBe('某个旧版本写下的其他说明');
    await store.close();
  });
});
