/**
 * An office for the book-of-record tests: the duty staff (officers 赵 duty1 and 钱 duty2 on a daily rotation,
 * leader 张镇长 leader1 on duty every day, clerk 李登记 clerk1), one unit, built once and copied per test.
 * `rows()` counts what a refused action must leave alone.
 *
 * @example
 * const o = await bookOffice();
 * const before = await o.rows();
 * expect(await o.rows()).toEqual(before);
 */
import { sql } from 'kysely';
import { ADMIN_PASSWORD, at, testApp, type TestApp } from './test-app';
import { staffDutyOffice, type DutyStaff } from './duty-office';
import type { PetitionInput } from '../../../shared/api';

export interface BookOffice {
  readonly t: TestApp;
  readonly ids: DutyStaff & { readonly unit: number; readonly clerk: number };
  as(username: 'admin' | 'clerk1' | 'leader1' | 'duty1' | 'duty2'): Promise<string>;
  /** Row counts of every table a book-of-record action writes, the audit included. */
  rows(): Promise<Record<string, number>>;
}

let template: { dir: string; ids: BookOffice['ids'] } | null = null;

const TABLES = ['petitions', 'petitioners', 'petition_steps', 'deadlines', 'alarms', 'approvals', 'attachments', 'audit', 'info_reports', 'report_steps', 'warning_events'] as const;

export async function bookOffice(now = '2026-11-02 09:00'): Promise<BookOffice> {
  if (!template) {
    const t = await testApp({ now: '2026-11-02 09:00' });
    const admin = await t.setup();
    const staff = await staffDutyOffice(t, admin, ['zhao', 'qian']);
    const unit = (await t.ok(admin, 'units.create', { name: '东风村', kind: 'village' })).id;
    const clerk = (await t.ok(admin, 'users.list', {})).find((u) => u.username === 'clerk1')?.id ?? 0;
    template = { dir: await t.closeKeepingFolder(), ids: { ...staff, unit, clerk } };
  }
  const t = await testApp({ from: template.dir, now });
  const tokens = new Map<string, string>();
  return {
    t,
    ids: template.ids,
    async as(username) {
      let token = tokens.get(username);
      if (!token) {
        token = (await t.ok(null, 'auth.login', { username, password: username === 'admin' ? ADMIN_PASSWORD : 'Passw0rd1' })).token;
        tokens.set(username, token);
      }
      return token;
    },
    async rows() {
      const out: Record<string, number> = {};
      for (const table of TABLES) {
        const r = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(t.app.core.db);
        out[table] = Number(r.rows[0]?.n ?? 0);
      }
      return out;
    },
  };
}

/** A visit received at 08:30 on Mon 2026-11-02 about a claim (item 6): it has the 60-day handling period. */
export function visit(overrides: Partial<PetitionInput> = {}): PetitionInput {
  return {
    channel: 'visit',
    receivedAt: at('2026-11-02 08:30'),
    petitioners: [{ name: '张三', idNumber: '11010519491231002X', phone: '13912345678', address: '东风村3组' }],
    peopleCount: 1,
    category: 'claim',
    claimItem: 6,
    summary: '反映征地补偿款未足额发放',
    request: '要求补发征地补偿款',
    factsReasons: '2025年东风村征地，补偿款至今只发了一半',
    ...overrides,
  };
}
