/**
 * Moving a township's file in (issue 16): a township office made by the app on its SQLite file (petitions, an
 * attachment, a warning and its signed notice, its audit chain) is imported into the county's PostgreSQL database.
 * Every record arrives under the township's name beside the county's own same-numbered ones, an imported petition
 * opens with its attachment served, the county keeps numbering its own, and a second run, a tampered, damaged or
 * newer file are each refused with a message saying what to do, leaving the county as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../unit/support/test-app';
import { copyOf } from '../unit/support/temp-dir';
import { attachmentAnswer } from '../../main/app';
import { auditKeyDir, verifyAudit } from '../../main/core/audit';
import { importTownship } from '../../main/core/township-import';
import { DB_FILE_NAME } from '../../main/db';
import { UserError } from '../../main/core/errors';
import { letter } from './support';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const TOWNSHIP = '东风镇';
/** The township tables whose rows the import copies one for one. */
const COPIED = ['petitions', 'petitioners', 'petition_steps', 'attachments', 'deadlines', 'alarms', 'warnings', 'warning_events', 'notices', 'audit'] as const;

let townshipDir: string;
let townshipCounts: Record<string, number>;

/** A township office on its own SQLite file, made through the API, closed as the township PC leaves it. */
async function townshipOffice(): Promise<string> {
  const t = await testApp({ store: 'sqlite' });
  const admin = await t.setup();
  const leader = await t.addUser(admin, 'leader1', 'leader', '赵镇长');
  const unit = await t.ok(admin, 'units.create', { name: '司法所', kind: 'department' });
  await t.ok(admin, 'petitions.create', { ...letter(), attachments: [{ fileName: '来信原件.pdf', dataBase64: PDF.toString('base64') }] });
  await t.ok(admin, 'petitions.create', letter({ summary: '反映村道路灯损坏', request: '请求修复路灯' }));
  await t.ok(admin, 'petitions.create', letter({ summary: '反映灌溉水渠堵塞', request: '请求清理水渠', unitId: unit.id }));
  const warning = await t.ok(admin, 'warnings.issue', {
    title: '东风村村民对水渠改造方案有异议',
    unitId: unit.id,
    peopleCount: 8,
    escalation: 'county',
    grievance: '村民认为改造占用耕地',
    responsibleUnitId: unit.id,
    leadLeaderId: leader.id,
  });
  const draft = await t.ok(admin, 'notices.create', { kind: 'warning_notice', warningId: warning.id });
  await t.ok(admin, 'notices.submit', { id: draft.id });
  await t.ok(leader.token, 'notices.sign', { id: draft.id });
  return t.closeKeepingFolder();
}

function countsOf(file: string): Record<string, number> {
  const lite = new SqliteDatabase(file, { readonly: true });
  try {
    return Object.fromEntries(COPIED.map((table) => [table, (lite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n]));
  } finally {
    lite.close();
  }
}

/** Everything a refused import must leave as it was: rows per table and the county's audit chain. */
async function countyState(t: TestApp) {
  const db = t.app.core.db;
  const rows: Record<string, number> = {};
  for (const table of [...COPIED, 'township_audit', 'township_imports', 'users', 'units'] as const) {
    rows[table] = Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  }
  const files = fs.existsSync(path.join(t.dataDir, 'attachments')) ? fs.readdirSync(path.join(t.dataDir, 'attachments'), { recursive: true }).length : 0;
  return { rows, files };
}

async function refusal(t: TestApp, file: string, township: string, keyDir = auditKeyDir()): Promise<string> {
  const before = await countyState(t);
  const error = await importTownship(t.app.core, { file, township, keyDir }).then(
    () => null,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(UserError);
  expect(await countyState(t)).toEqual(before);
  expect((await verifyAudit(t.app.core.db)).ok).toBe(true);
  return (error as UserError).message;
}

/** A copy of the township's data folder whose file `edit` changes. */
function alteredCopy(edit: (file: string) => void): string {
  const dir = copyOf(townshipDir);
  edit(path.join(dir, DB_FILE_NAME));
  return path.join(dir, DB_FILE_NAME);
}

beforeAll(async () => {
  townshipDir = await townshipOffice();
  townshipCounts = countsOf(path.join(townshipDir, DB_FILE_NAME));
});
afterAll(() => fs.rmSync(townshipDir, { recursive: true, force: true }));

describe("a township's file moved into the county database", () => {
  let county: TestApp;
  let admin: string;
  beforeAll(async () => {
    county = await testApp();
    admin = await county.setup();
    // The county's own 信〔2026〕0001号, which the township's first petition also has.
    await county.ok(admin, 'petitions.create', letter({ summary: '县局自己登记的事项' }));
  });
  afterAll(() => county.close());

  it('imports every record under the township name, the counts match, and the chains verify', async () => {
    const done = await importTownship(county.app.core, { file: path.join(townshipDir, DB_FILE_NAME), township: TOWNSHIP, keyDir: auditKeyDir() });
    expect(done.counts).toMatchObject(townshipCounts);
    const db = county.app.core.db;
    for (const table of ['petitions', 'warnings', 'notices'] as const) {
      const n = await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('township', '=', TOWNSHIP).executeTakeFirstOrThrow();
      expect({ table, n: Number(n.n) }).toEqual({ table, n: townshipCounts[table] });
    }
    const kept = await db.selectFrom('township_audit').select((eb) => eb.fn.countAll().as('n')).where('township', '=', TOWNSHIP).executeTakeFirstOrThrow();
    expect(Number(kept.n)).toBe(townshipCounts.audit);
    expect(await verifyAudit(db)).toMatchObject({ ok: true });
    const last = await db.selectFrom('audit').select(['action', 'after_json']).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(last.action).toBe('township.import');
    expect(JSON.parse(last.after_json ?? '{}')).toMatchObject({ township: TOWNSHIP, fileSha256: done.fileSha256 });
    // The township's people are disabled accounts under its name; nobody can log in as one.
    const people = await db.selectFrom('users').select(['username', 'active']).where('username', 'like', `${TOWNSHIP}·%`).orderBy('username').execute();
    expect(people).toEqual([
      { username: `${TOWNSHIP}·admin`, active: 0 },
      { username: `${TOWNSHIP}·leader1`, active: 0 },
    ]);
    expect((await county.call(null, 'auth.login', { username: `${TOWNSHIP}·admin`, password: 'Admin2026' })).ok).toBe(false);
  });

  it("shows both 信〔2026〕0001号 with the township's name, opens the imported petition and serves its attachment", async () => {
    const list = await county.ok(admin, 'petitions.list', { sort: 'number', descending: false, pageSize: 100 });
    const first = list.rows.filter((r) => r.number === '信〔2026〕0001号');
    expect(first.map((r) => r.township).sort()).toEqual(['', TOWNSHIP]);
    const imported = first.find((r) => r.township === TOWNSHIP);
    const detail = await county.ok(admin, 'petitions.get', { id: imported?.id ?? 0 });
    expect(detail.township).toBe(TOWNSHIP);
    expect(detail.attachments.map((a) => a.fileName)).toEqual(['来信原件.pdf']);
    const opened = await county.ok(admin, 'petitions.attachments.open', { id: detail.attachments[0]?.id ?? 0, purpose: 'download' });
    const answer = await attachmentAnswer(county.app.core, 'GET', opened.url);
    expect(answer.status).toBe(200);
    expect(fs.readFileSync(answer.file ?? '')).toEqual(PDF);
    // The township's warning is listed with its name, its unit the county's 东风镇·司法所 now.
    const warnings = await county.ok(admin, 'warnings.list', {});
    expect(warnings.rows.map((w) => [w.township, w.number, w.unitName])).toEqual([[TOWNSHIP, '预警〔2026〕1号', `${TOWNSHIP}·司法所`]]);
  });

  it("numbers the county's next petition after its own, not after the township's", async () => {
    const next = await county.ok(admin, 'petitions.create', letter({ summary: '县局登记的第二件' }));
    expect(next.number).toBe('信〔2026〕0002号');
  });

  it('refuses the same township or the same file a second time, changing nothing', async () => {
    const file = path.join(townshipDir, DB_FILE_NAME);
    expect(await refusal(county, file, TOWNSHIP)).toMatch(/^东风镇的文件已于.*导入过（文件校验值 [0-9a-f]{16}），不能重复导入$/);
    expect(await refusal(county, file, '西山镇')).toMatch(/^这个文件已于.*作为“东风镇”导入过/);
  });

  it('refuses a file whose audit chain was altered, changing nothing', async () => {
    const file = alteredCopy((f) => {
      const lite = new SqliteDatabase(f);
      lite.prepare("UPDATE petitions SET summary = '被改动的内容' WHERE id = 1").run();
      lite.prepare("UPDATE audit SET after_json = replace(after_json, '建议修建村口便民桥', '被改动的内容') WHERE id = (SELECT min(id) FROM audit WHERE action = 'petition.create')").run();
      lite.close();
    });
    expect(await refusal(county, file, '西山镇')).toMatch(/^乡镇文件的审计链核验不通过（第\d+条，记录内容被改动）/);
  });

  it('refuses a damaged file and one from a newer version, changing nothing', async () => {
    const damaged = alteredCopy((f) => {
      const bytes = fs.readFileSync(f);
      bytes.fill(0x5a, 4096, 12_288);
      fs.writeFileSync(f, bytes);
    });
    expect(await refusal(county, damaged, '西山镇')).toMatch(/已损坏或不是信访工作台的数据文件/);
    const newer = alteredCopy((f) => {
      const lite = new SqliteDatabase(f);
      lite.prepare("INSERT INTO kysely_migration (name, timestamp) VALUES ('0099-from-the-future', '2027-01-01')").run();
      lite.close();
    });
    expect(await refusal(county, newer, '西山镇')).toMatch(/来自更新版本的信访工作台（有本版本不认识的数据库变更 0099-from-the-future）/);
  });

  it('refuses a file from an older version, one with a -wal log beside it, a missing file or key, and a broken attachment', async () => {
    const older = alteredCopy((f) => {
      const lite = new SqliteDatabase(f);
      lite.prepare("DELETE FROM kysely_migration WHERE name = '0017-township-import'").run();
      lite.close();
    });
    expect(await refusal(county, older, '西山镇')).toMatch(/来自较旧版本的信访工作台（缺少数据库变更 0017-township-import）.*请先在乡镇用本版本的信访工作台打开一次该文件/);
    const withWal = alteredCopy((f) => fs.writeFileSync(`${f}-wal`, 'not yet checkpointed'));
    expect(await refusal(county, withWal, '西山镇')).toMatch(/旁边还有未写入的 -wal 日志：请先在乡镇那台电脑上正常关闭信访工作台/);
    expect(await refusal(county, path.join(townshipDir, 'no-such.sqlite'), '西山镇')).toMatch(/^找不到乡镇文件 .*no-such\.sqlite/);
    // Another file (its header changed), so it is not refused as imported before.
    const another = alteredCopy((f) => {
      const lite = new SqliteDatabase(f);
      lite.pragma('user_version = 7');
      lite.close();
    });
    expect(await refusal(county, another, '西山镇', path.join(townshipDir, 'no-keys'))).toMatch(/找不到乡镇（青山镇信访办）的审计密钥 audit-.*\.key，无法核验它的审计链，未导入：请用 --key-dir 指定/);
    const brokenAttachment = alteredCopy((f) => {
      const folder = path.join(path.dirname(f), 'attachments');
      const stored = fs.readdirSync(folder, { recursive: true, withFileTypes: true }).find((e) => e.isFile());
      fs.writeFileSync(path.join(stored?.parentPath ?? '', stored?.name ?? ''), 'not the letter');
      const lite = new SqliteDatabase(f);
      lite.pragma('user_version = 8');
      lite.close();
    });
    expect(await refusal(county, brokenAttachment, '西山镇')).toMatch(/^乡镇附件“来信原件\.pdf”缺失或与记录的校验值不符/);
  });

  it('refuses a township name it cannot keep apart', async () => {
    expect(await refusal(county, path.join(townshipDir, DB_FILE_NAME), '东风 镇')).toMatch(/^请用 --township 写明乡镇名称/);
  });
});

describe('a county that cannot take a township file', () => {
  it('refuses before the county is set up, and on an office SQLite file, changing nothing', async () => {
    const file = path.join(townshipDir, DB_FILE_NAME);
    const empty = await testApp();
    expect(await refusal(empty, file, TOWNSHIP)).toMatch(/^县局的数据库还没有完成初始设置/);
    const office = await testApp({ store: 'sqlite' });
    await office.setup();
    expect(await refusal(office, file, TOWNSHIP)).toMatch(/^乡镇文件只能导入县级 PostgreSQL 数据库/);
  });
});
