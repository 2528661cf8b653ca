/**
 * An office whose petitions came in from the openpyxl ledger tests/fixtures/ledgers/messy.xlsx (five accepted
 * rows: 信〔2025〕0001–0005号), set up once per test file and copied for each test.
 *
 * @example
 * beforeAll(async () => { template = await messyLedgerOffice(); });
 * const { t, admin } = await openOffice(template);
 */
import fs from 'node:fs';
import path from 'node:path';
import { testApp, type TestApp } from './test-app';

export const MESSY_LEDGER = fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'fixtures', 'ledgers', 'messy.xlsx')).toString('base64');

export async function messyLedgerOffice(): Promise<string> {
  const t = await testApp();
  const admin = await t.setup();
  await t.ok(admin, 'ledger.imports.create', { fileName: 'messy.xlsx', dataBase64: MESSY_LEDGER });
  return t.closeKeepingFolder();
}

export async function openOffice(template: string): Promise<{ t: TestApp; admin: string }> {
  const t = await testApp({ from: template });
  const { token } = await t.ok(null, 'auth.login', { username: 'admin', password: 'Admin2026' });
  return { t, admin: token };
}
