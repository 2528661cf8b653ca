/**
 * The same office on both stores: a PostgreSQL one (the run's server) and a SQLite file beside it, filled through
 * the API with the same petitions, so a test can ask both the same thing and compare what a clerk would see.
 *
 * @example
 * const both = await officesOnBothStores();
 * for (const o of both) await registerAll(o, PETITIONS);
 */
import type { PetitionInput } from '../../shared/api';
import { at, testApp, type TestApp } from '../unit/support/test-app';
import { withCheckChar } from '../unit/support/id-numbers';

export interface Office {
  readonly store: 'postgres' | 'sqlite';
  readonly t: TestApp;
  readonly admin: string;
}

export async function officesOnBothStores(now = '2026-11-02 09:00'): Promise<[Office, Office]> {
  const pgApp = await testApp({ now });
  const liteApp = await testApp({ now, store: 'sqlite' });
  return [
    { store: 'postgres', t: pgApp, admin: await pgApp.setup() },
    { store: 'sqlite', t: liteApp, admin: await liteApp.setup() },
  ];
}

/** A letter received on 2026-11-02 from one person; `overrides` change what the test needs. */
export function letter(overrides: Partial<PetitionInput> = {}): PetitionInput {
  return {
    channel: 'letter',
    receivedAt: at('2026-11-02 08:30'),
    petitioners: [{ name: '张三', address: '东风村' }],
    peopleCount: 1,
    category: 'suggestion',
    summary: '建议修建村口便民桥',
    request: '请求修桥',
    ...overrides,
  };
}

/** Petitions whose words the search table asks for: names of 1–3 characters, Latin letters, numbers, phones. */
export const SEARCHED: readonly PetitionInput[] = [
  letter({ petitioners: [{ name: '张三', address: '东风村', phone: '13912345678' }], summary: '反映征地补偿款未足额发放', request: '要求补发征地补偿款', factsReasons: '2025年东风村征地，补偿只发了一半' }),
  letter({ petitioners: [{ name: '李四', address: '红旗村' }], summary: '宅基地纠纷', request: '请求确认宅基地使用权' }),
  letter({ petitioners: [{ name: '王五', address: '青山村', idNumber: withCheckChar('11010519491231002') }], summary: '道路破损影响出行', request: '请求修路', factsReasons: 'ABC公司施工后未修复' }),
  letter({ petitioners: [{ name: '欧阳明月', address: '东风村' }, { name: '李四', address: '东风村' }], peopleCount: 2, summary: '夜间施工噪音扰民', request: '要求停止夜间施工' }),
  letter({ petitioners: [{ name: '张', address: '东风村' }], summary: '100%_转账记录\\查询', request: '查询abc账户' }),
];
