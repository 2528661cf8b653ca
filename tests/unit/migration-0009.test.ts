/**
 * Migration 0009 gives the units and sensitive periods of an office that upgrades a beginning: a unit takes the
 * day its creation was audited (in the office's zone), a unit with no such record keeps every period owed as
 * before, and a sensitive period added after it began expects daily reports from the day it was added.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Kysely, SqliteDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import SqliteDatabase from 'better-sqlite3';
import { openStore } from '../../main/db';
import { migrationProvider } from '../../main/db/migrations';

/** 2026-12-02 23:30 in Beijing is still 12-02 there, though already 12-02 15:30 UTC. */
const DEC_2_LATE = Date.UTC(2026, 11, 2, 15, 30);
const NOV_12 = Date.UTC(2026, 10, 12, 2);

describe('migration 0009 on an office that had units and sensitive periods', () => {
  it('dates each unit from its audited creation, keeps an undated one owing every period, and starts late periods on the day they were added', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'petition-desk-0009-'));
    const raw = new SqliteDatabase(path.join(dir, 'petition-desk.sqlite'));
    const old = new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) });
    expect((await new Migrator({ db: old, provider: migrationProvider }).migrateTo('0005-alarm-log-notes')).error).toBeUndefined();
    raw.exec(`INSERT INTO units (id, name, kind, liaison_name, liaison_phone, active) VALUES (1, '新建村', 'village', '', '', 1), (2, '老村', 'village', '', '', 1)`);
    raw
      .prepare(`INSERT INTO audit (at, user_id, user_name, action, entity, entity_id, before_json, after_json, prev_hash, hash) VALUES (?, 1, '王主任', 'unit.create', 'unit', '1', NULL, '{}', '', 'x')`)
      .run(DEC_2_LATE);
    const period = raw.prepare(`INSERT INTO sensitive_periods (name, start_date, end_date, note, cancelled, created_at) VALUES (?, ?, ?, '', 0, ?)`);
    period.run('进博会保障', '2026-11-09', '2026-11-15', NOV_12);
    period.run('冬季维稳', '2026-12-20', '2026-12-22', NOV_12);
    await old.destroy();

    const store = await openStore(dir);
    expect(await store.db.selectFrom('units').select(['name', 'effective_from']).orderBy('id').execute()).toEqual([
      { name: '新建村', effective_from: '2026-12-02' },
      { name: '老村', effective_from: null },
    ]);
    expect(await store.db.selectFrom('sensitive_periods').select(['name', 'reports_from']).orderBy('id').execute()).toEqual([
      { name: '进博会保障', reports_from: '2026-11-12' },
      { name: '冬季维稳', reports_from: '2026-12-20' },
    ]);
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
