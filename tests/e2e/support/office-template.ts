/**
 * The office every e2e test starts from, made ONCE per run (Playwright's global setup): a host on an empty
 * folder, first-run setup through the API with the same answers a person gives on the set-up page, then the
 * host stops and the folder is kept. Each test copies it instead of clicking through first-run setup;
 * tests/e2e/setup.spec.ts still does that through the page, and checks it ends with what the template holds.
 *
 * @example
 * const facts = await buildOfficeTemplate(dir);   // in global setup
 * fs.cpSync(officeTemplateDir(), dataDir, { recursive: true });   // per test
 */
import fs from 'node:fs';
import path from 'node:path';
import { startHost, type Host } from './host';

export const ADMIN = { username: 'admin', password: 'Admin2026', displayName: '王主任' } as const;
export const OFFICE = { officeName: '青山镇信访办公室', township: '青山镇', timeZone: 'Asia/Shanghai' } as const;

/**
 * When the template office was set up: Monday 2026-01-05 09:00 in Beijing, before any time a test sets, so no
 * test sees its office created after the events it arranges.
 */
export const TEMPLATE_SET_UP_AT = Date.UTC(2026, 0, 5, 1, 0);

/** Global setup tells the test workers where the template is through this variable. */
const TEMPLATE_ENV = 'PETITION_DESK_E2E_TEMPLATE';

/** What an office holds right after first-run setup, as the admin can read it through the API. */
export interface OfficeFacts {
  readonly office: unknown;
  readonly user: unknown;
  readonly users: unknown;
  readonly topics: unknown;
  readonly units: unknown;
}

export async function officeFacts(host: Pick<Host, 'call'>, session: string): Promise<OfficeFacts> {
  const me = await host.call<{ user: unknown; office: unknown }>('auth.get', {}, session);
  return {
    office: me.office,
    user: me.user,
    users: await host.call('users.list', {}, session),
    topics: await host.call('topics.list', {}, session),
    units: await host.call('units.list', {}, session),
  };
}

/** Sets an office up in `root/office` through the API, and writes its facts to `root/facts.json`. */
export async function buildOfficeTemplate(root: string): Promise<OfficeFacts> {
  const dataDir = path.join(root, 'office');
  fs.mkdirSync(dataDir, { recursive: true });
  const host = await startHost(dataDir);
  try {
    await host.call('clock.set', { setNow: TEMPLATE_SET_UP_AT });
    const { token } = await host.call<{ token: string }>('setup.create', {
      ...OFFICE,
      admin: { username: ADMIN.username, displayName: ADMIN.displayName, password: ADMIN.password },
    });
    const facts = await officeFacts(host, token);
    fs.writeFileSync(path.join(root, 'facts.json'), JSON.stringify(facts, null, 2));
    process.env[TEMPLATE_ENV] = root;
    return facts;
  } finally {
    await host.stop();
  }
}

function templateRoot(): string {
  const root = process.env[TEMPLATE_ENV];
  if (!root || !fs.existsSync(path.join(root, 'office'))) {
    throw new Error(`No office template: ${TEMPLATE_ENV} is not set by Playwright's global setup (see playwright.config.ts).`);
  }
  return root;
}

/** The template's data folder, to copy into a test's own folder. */
export function officeTemplateDir(): string {
  return path.join(templateRoot(), 'office');
}

export function templateFacts(): OfficeFacts {
  return JSON.parse(fs.readFileSync(path.join(templateRoot(), 'facts.json'), 'utf8')) as OfficeFacts;
}
